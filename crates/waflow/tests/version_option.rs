//! `Options::version`: the flow judged as a version the caller names, as if its
//! `version` member said it, at the positions of the text as given.

use waflow::{validate_with, FlowVersion, Options, Report};

fn as_version(text: &str, version: &str) -> Report {
    let options = Options {
        version: Some(FlowVersion::parse(version).expect("a version id")),
        ..Options::default()
    };
    validate_with(text.as_bytes(), &options)
}

fn codes(report: &Report) -> Vec<(String, Option<&'static str>, String)> {
    report
        .errors()
        .iter()
        .chain(report.warnings())
        .map(|f| (f.error.to_string(), f.rule, f.pointers[0].path.clone()))
        .collect()
}

/// A valid 7.3 flow whose TextInput has a `pattern` (new in 6.2), with `version_line`
/// (a whole line) in place of its version.
fn text_input(version_line: &str) -> String {
    let text = r#"{
  "version": "7.3",
  "screens": [
    {
      "id": "END",
      "title": "Thanks",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {"type": "TextInput", "name": "code", "label": "Code", "pattern": "^[A-Z]{3}$", "helper-text": "ABC"},
          {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}
        ]
      }
    }
  ]
}"#;
    text.replace("  \"version\": \"7.3\",\n", version_line)
}

#[test]
fn the_named_version_replaces_the_declared_one() {
    // `pattern` came in 6.2: declared 6.1 the flow has an unknown key...
    let old = text_input("  \"version\": \"6.1\",\n");
    let own = waflow::validate(&old);
    assert_eq!(
        codes(&own),
        [(
            "INVALID_PROPERTY_KEY".into(),
            Some("unknown-property"),
            "screens[0].layout.children[0].pattern".into()
        )],
        "{:#?}",
        own.errors()
    );
    assert_eq!(own.version().map(|v| v.to_string()).as_deref(), Some("6.1"));
    // ...judged as 7.3 it is valid, and the report says which version judged it.
    let as_73 = as_version(&old, "7.3");
    assert!(as_73.is_valid(), "{:#?}", as_73.errors());
    assert_eq!(
        as_73.version().map(|v| v.to_string()).as_deref(),
        Some("7.3")
    );
    // And the other way round: the valid 7.3 flow judged as 6.1 gets 6.1's finding, at
    // the same position as the flow declaring 6.1 gets it (the text is not rewritten).
    let new = text_input("  \"version\": \"7.3\",\n");
    let as_61 = as_version(&new, "6.1");
    assert_eq!(codes(&as_61), codes(&own));
    assert_eq!(as_61.errors()[0].position(), own.errors()[0].position());
}

#[test]
fn a_flow_without_a_version_or_with_a_malformed_one_is_judged_by_the_named_one() {
    for line in [
        "",
        "  \"version\": 7.3,\n",
        "  \"version\": \"07.3\",\n",
        "  \"version\": \"x\",\n",
    ] {
        let text = text_input(line);
        let own = waflow::validate(&text);
        assert!(!own.is_valid(), "{line:?}: the flow's own version is wrong");
        let report = as_version(&text, "7.3");
        assert!(report.is_valid(), "{line:?}: {:#?}", report.errors());
        assert!(
            report.warnings().is_empty(),
            "{line:?}: {:#?}",
            report.warnings()
        );
    }
    // Without a version the flow's own report stops at that; judged as 6.1 the rest of
    // the flow is checked.
    let text = text_input("");
    assert_eq!(
        codes(&waflow::validate(&text)),
        [(
            "MISSING_FLOW_JSON_VERSION".into(),
            Some("missing-version"),
            "".into()
        )]
    );
    assert_eq!(
        codes(&as_version(&text, "6.1")),
        [(
            "INVALID_PROPERTY_KEY".into(),
            Some("unknown-property"),
            "screens[0].layout.children[0].pattern".into()
        )]
    );
}

#[test]
fn a_named_version_meta_refuses_is_reported_at_the_member_or_the_root() {
    // Frozen: the finding a flow declaring 5.0 gets, at the member's value (line 2,
    // columns 14-18: `"7.3"`), and the flow is still judged by 5.0 (`pattern`, 6.2).
    let text = text_input("  \"version\": \"7.3\",\n");
    let report = as_version(&text, "5.0");
    let declared = waflow::validate(&text_input("  \"version\": \"5.0\",\n"));
    assert_eq!(codes(&report), codes(&declared));
    assert_eq!(report.errors()[0].error, "INVALID_FLOW_JSON_VERSION_STATE");
    assert_eq!(report.errors()[0].position(), (2, 2, 14, 18));
    // Without a member: at the root object (the whole document).
    let report = as_version(&text_input(""), "5.0");
    assert_eq!(report.errors()[0].error, "INVALID_FLOW_JSON_VERSION_STATE");
    assert_eq!(report.errors()[0].pointers[0].path, "");
    assert_eq!(report.errors()[0].position().0, 1);
    // Unknown: INVALID_FLOW_JSON_VERSION, and the run stops there as Meta's does.
    let report = as_version(&text, "9.9");
    assert_eq!(
        codes(&report),
        [(
            "INVALID_FLOW_JSON_VERSION".into(),
            Some("invalid-version"),
            "version".into()
        )]
    );
    assert_eq!(report.version(), None);
}

#[test]
fn only_the_root_version_member_is_left_unjudged() {
    // A `version` key elsewhere (a component) is still an unknown key.
    let text = text_input("").replace("\"name\": \"code\",", "\"name\": \"code\", \"version\": 1,");
    assert_eq!(
        codes(&as_version(&text, "7.3")),
        [(
            "INVALID_PROPERTY_KEY".into(),
            Some("unknown-property"),
            "screens[0].layout.children[0].version".into()
        )]
    );
    // The root's other members are judged as usual: `screens` is still required.
    let report = as_version("{\"version\": \"7.3\"}", "7.3");
    assert_eq!(report.errors().len(), 1, "{:#?}", report.errors());
    assert_eq!(report.errors()[0].error, "MISSING_REQUIRED_PROPERTY");
}
