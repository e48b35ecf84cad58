//! `waflow check --fix`, `--unsafe-fixes` and `--diff`, run as users run them.

mod support;
use support::waflow;

/// A flow with two sure typos (safe fixes), a trailing comma (safe), a guessed key
/// (`initial-text`: a shared start only, so unsafe), CRLF line endings and a BOM-less
/// layout that must survive byte for byte.
const FLOW: &str = "{\r\n  \"version\": \"7.3\",\r\n  \"screens\": [\r\n    {\r\n      \"id\": \"END\",\r\n      \"title\": \"Thanks\",\r\n      \"terminal\": true,\r\n      \"layout\": {\r\n        \"type\": \"SingleColumnLayout\",\r\n        \"children\": [\r\n          {\"type\": \"TextHeading\",   \"txt\": \"Thanks\"},\r\n          {\"type\": \"TextInput\", \"name\": \"n\", \"label\": \"Name\", \"initial-text\": \"x\"},\r\n          {\"type\": \"Footer\", \"lable\": \"Done\", \"on-click-action\": {\"name\": \"complete\", \"payload\": {}}},\r\n        ]\r\n      }\r\n    }\r\n  ]\r\n}\r\n";

fn safe_fixed() -> String {
    FLOW.replace("\"txt\"", "\"text\"")
        .replace("\"lable\"", "\"label\"")
        .replace("}}},\r\n        ]", "}}}\r\n        ]")
}

#[test]
fn fix_writes_the_safe_fixes_in_place_and_keeps_every_other_byte() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.json"), FLOW).unwrap();
    let out = waflow(&["check", "--fix", "flow.json"], dir.path(), None);
    let text = std::fs::read_to_string(dir.path().join("flow.json")).unwrap();
    assert_eq!(text, safe_fixed());
    // What remains is reported: the unsafe guess was not applied.
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("initial-text"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 3 findings in 1 file"));
    // A second --fix has nothing to do and leaves the file alone.
    let again = waflow(&["check", "--fix", "flow.json"], dir.path(), None);
    assert!(String::from_utf8_lossy(&again.stderr).contains("fixed 0 findings in 0 files"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("flow.json")).unwrap(),
        text
    );
}

#[test]
fn unsafe_fixes_apply_the_guesses_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.json"), FLOW).unwrap();
    let out = waflow(
        &["check", "--fix", "--unsafe-fixes", "flow.json"],
        dir.path(),
        None,
    );
    let text = std::fs::read_to_string(dir.path().join("flow.json")).unwrap();
    assert_eq!(
        text,
        safe_fixed().replace("\"initial-text\"", "\"init-value\"")
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn diff_prints_a_unified_diff_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.json"), FLOW).unwrap();
    let out = waflow(&["check", "--diff", "flow.json"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.starts_with("--- a/flow.json\n+++ b/flow.json\n@@"),
        "{diff}"
    );
    assert!(diff.contains("-          {\"type\": \"TextHeading\",   \"txt\": \"Thanks\"},\r\n"));
    assert!(diff.contains("+          {\"type\": \"TextHeading\",   \"text\": \"Thanks\"},\r\n"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("flow.json")).unwrap(),
        FLOW
    );
    // Nothing to fix: no diff, exit 0.
    std::fs::write(dir.path().join("flow.json"), safe_fixed()).unwrap();
    let none = waflow(
        &["check", "--diff", "--quiet", "flow.json"],
        dir.path(),
        None,
    );
    assert_eq!((none.status.code(), none.stdout.len()), (Some(0), 0));
}

#[test]
fn fix_on_stdin_prints_the_fixed_text_and_reports_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = waflow(&["check", "--fix", "-"], dir.path(), Some(FLOW));
    assert_eq!(String::from_utf8_lossy(&out.stdout), safe_fixed());
    assert!(String::from_utf8_lossy(&out.stderr).contains("initial-text"));
}

#[test]
fn json_output_lists_each_fix_beside_meta_s_lists_and_its_edits_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flow.json"), FLOW).unwrap();
    // The trailing comma stops the parser: take the flow without it, so every fix shows.
    let flow = FLOW.replace("}}},\r\n        ]", "}}}\r\n        ]");
    std::fs::write(dir.path().join("flow.json"), &flow).unwrap();
    let out = waflow(
        &["check", "--format", "json", "flow.json"],
        dir.path(),
        None,
    );
    let files: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let file = &files[0];
    // Meta's lists are exactly as without fixes: no finding carries a fix.
    for f in file["validationErrors"].as_array().unwrap() {
        assert!(f.get("fixes").is_none(), "{f}");
    }
    let fixes = file["fixes"].as_array().expect("a fixes list");
    assert_eq!(fixes.len(), 3, "{fixes:#?}");
    let mut text = flow.clone();
    // Applied from the end, each fix's edits make the text they say.
    let mut edits: Vec<(usize, usize, String)> = fixes
        .iter()
        .flat_map(|f| f["edits"].as_array().unwrap().clone())
        .map(|e| {
            (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
                e["replacement"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    edits.sort();
    for (start, end, with) in edits.into_iter().rev() {
        text.replace_range(start..end, &with);
    }
    assert_eq!(
        text,
        flow.replace("\"txt\"", "\"text\"")
            .replace("\"lable\"", "\"label\"")
            .replace("\"initial-text\"", "\"init-value\"")
    );
    let by_rule: Vec<(&str, &str)> = fixes
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["applicability"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        by_rule.contains(&("unknown-property", "unsafe")),
        "{by_rule:?}"
    );
    assert!(
        by_rule.contains(&("unknown-property", "safe")),
        "{by_rule:?}"
    );
    assert_eq!(fixes[0]["finding"]["list"], "validationErrors");
}
