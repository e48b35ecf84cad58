//! Bad input never crashes, never hangs, and gets a precise finding.

use waflow::{validate, validate_bytes, validate_capped, validate_reader, validate_with, Options};

fn only_error(report: &waflow::Report) -> &waflow::Finding {
    assert_eq!(report.errors().len(), 1, "{:#?}", report.errors());
    &report.errors()[0]
}

#[test]
fn a_key_indented_by_16_spaces_is_columns_17_to_30() {
    // Meta's Postman sample (spec 9.1): `"initial-text"` at line 46, columns 17..30.
    let mut text = String::from("{\n");
    for i in 2..46 {
        text.push_str(&format!("  \"k{i}\": {i},\n"));
    }
    text.push_str(&format!("{}\"initial-text\": \"x\"\n}}\n", " ".repeat(16)));
    let arena = waflow::internals::syntax::Arena::new();
    let parsed = waflow::internals::syntax::parse(&text, &arena, &Default::default()).unwrap();
    let key = &parsed.root.member("initial-text").unwrap().key;
    let index = waflow::internals::syntax::LineIndex::new(&text);
    let (start, end) = index.utf16_range(key.span.start as usize, key.span.end as usize);
    assert_eq!(
        (start.line, start.column, end.line, end.column),
        (46, 17, 46, 30)
    );
}

#[test]
fn nesting_100_000_levels_deep_is_a_finding_not_a_stack_overflow() {
    for open in ["[", "{\"a\":"] {
        let close = if open == "[" { "]" } else { "}" };
        let text = format!("{}{}", open.repeat(100_000), close.repeat(100_000));
        let report = validate(&text);
        let f = only_error(&report);
        assert_eq!(f.rule, Some("invalid-json"));
        assert!(f.message.contains("too deep"), "{}", f.message);
        // The fault is the 128th opening bracket.
        let col = 1 + 127 * open.len() as u32;
        assert_eq!(f.position(), (1, 1, col, col));
    }
    // Unclosed, too: no hang, no overflow.
    let report = validate(&"[".repeat(1_000_000));
    assert!(!report.is_valid());
}

#[test]
fn the_depth_limit_is_serde_jsons() {
    for depth in [126, 127, 128, 129] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let ours = waflow::internals::syntax::parse(
            &text,
            &waflow::internals::syntax::Arena::new(),
            &Default::default(),
        )
        .is_ok();
        let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        assert_eq!(ours, theirs, "depth {depth}");
    }
}

/// A flow Meta accepts, with `{}` where a payload goes: arbitrary JSON is allowed there.
fn flow_with_payload(payload: &str) -> String {
    format!(
        "{{\"version\":\"7.3\",\"screens\":[{{\"id\":\"END\",\"title\":\"End\",\"terminal\":true,\
         \"layout\":{{\"type\":\"SingleColumnLayout\",\"children\":[{{\"type\":\"Footer\",\
         \"label\":\"Done\",\"on-click-action\":{{\"name\":\"complete\",\"payload\":{payload}}}}}]}}}}]}}"
    )
}

#[test]
fn a_caller_can_allow_deeper_nesting_without_overflowing() {
    let options = Options {
        max_depth: 100_000,
        ..Options::default()
    };
    // 200 levels: within what the schema stage follows; the payload is not descended.
    let payload = format!("{{\"x\":{}{}}}", "[".repeat(190), "]".repeat(190));
    let report = validate_with(flow_with_payload(&payload).as_bytes(), &options);
    assert!(report.is_valid(), "{:#?}", report.errors());

    // 50,000 levels: parsed iteratively, then refused by the recursive schema stage.
    let payload = format!("{{\"x\":{}{}}}", "[".repeat(50_000), "]".repeat(50_000));
    let report = validate_with(flow_with_payload(&payload).as_bytes(), &options);
    let f = only_error(&report);
    assert_eq!(f.rule, Some("too-deep-to-check"));
    assert!(
        f.message.contains("nests 50008 levels deep"),
        "{}",
        f.message
    );
}

#[test]
fn more_than_10_mib_is_invalid_flow_json_stating_the_excess() {
    let limit = 10 * 1_048_576;
    // A valid flow whose payload carries a long string.
    let flow = flow_with_payload("{\"pad\":\"\"}");
    let (head, tail) = flow.split_at(flow.find("\"\"}").unwrap() + 1);
    let mut bytes = head.as_bytes().to_vec();
    bytes.resize(limit + 123 - tail.len(), b'x');
    bytes.extend_from_slice(tail.as_bytes());
    assert_eq!(bytes.len(), limit + 123);
    let report = validate_bytes(&bytes);
    let f = only_error(&report);
    assert_eq!(
        (&*f.error, f.rule),
        ("INVALID_FLOW_JSON", Some("flow-json-too-large"))
    );
    assert!(
        f.message.contains("10,485,883 bytes: 123 bytes over"),
        "{}",
        f.message
    );
    assert_eq!(f.position(), (0, 0, 0, 0));

    // Exactly at the limit is fine.
    let mut at_limit = bytes.clone();
    at_limit.drain(head.len()..head.len() + 123);
    assert_eq!(at_limit.len(), limit);
    assert!(validate_bytes(&at_limit).is_valid());
}

/// A reader that counts how much was taken from it and never ends.
struct Endless<'a>(&'a mut u64);

impl std::io::Read for Endless<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        buf.fill(b' ');
        *self.0 += buf.len() as u64;
        Ok(buf.len())
    }
}

#[test]
fn the_reader_entry_point_never_reads_past_the_cap() {
    let mut taken = 0;
    let options = Options {
        read_cap: 20 * 1_048_576,
        ..Options::default()
    };
    let report = validate_reader(Endless(&mut taken), &options).unwrap();
    assert!(
        taken <= options.read_cap + 1 + 64 * 1024,
        "read {taken} bytes"
    );
    let f = only_error(&report);
    assert!(
        f.message
            .contains("more than 20,971,520 bytes: at least 10,485,760 bytes over"),
        "{}",
        f.message
    );
}

#[test]
fn bytes_read_past_the_cap_are_judged_as_the_reader_entry_point_judges_them() {
    let options = Options {
        read_cap: 20,
        max_bytes: 10,
        ..Options::default()
    };
    let exactly = b"{\"version\": \"7.3\"}  ";
    assert_eq!(exactly.len(), 20);
    let over = [&exactly[..], b" "].concat();
    for input in [&exactly[..], &over[..]] {
        assert_eq!(
            validate_capped(input, &options),
            validate_reader(input, &options).unwrap()
        );
    }
    let cut = only_error(&validate_capped(&over, &options))
        .message
        .clone();
    assert!(
        cut.contains("more than 20 bytes: at least 10 bytes over"),
        "{cut}"
    );
    let whole = only_error(&validate_capped(exactly, &options))
        .message
        .clone();
    assert!(whole.contains("is 20 bytes: 10 bytes over"), "{whole}");
}

#[test]
fn invalid_utf8_is_a_finding_with_the_byte_offset() {
    let report = validate_bytes(b"{\n  \"version\": \"7\xC3\x28\"}");
    let f = only_error(&report);
    assert_eq!(f.rule, Some("invalid-utf8"));
    assert!(f.message.contains("byte offset 17"), "{}", f.message);
    assert_eq!(f.position(), (2, 2, 16, 16));
    // Cut in the middle of a character at the end of the input.
    let report = validate_bytes(b"{\"a\":\"\xE2\x82");
    assert!(only_error(&report)
        .message
        .contains("incomplete UTF-8 sequence"));
}

#[test]
fn wrong_types_everywhere_do_not_crash() {
    for text in [
        "null",
        "true",
        "1",
        "\"s\"",
        "[]",
        "{}",
        "{\"version\":{}}",
        "{\"version\":[]}",
        "{\"version\":\"7.3\",\"screens\":{}}",
        "{\"version\":\"7.3\",\"screens\":[1,null,\"x\",[]]}",
        "{\"version\":\"7.3\",\"screens\":[{\"refresh_on_back\":\"yes\",\"layout\":7}]}",
        "{\"version\":\"7.3\",\"data_api_version\":null,\"routing_model\":[]}",
    ] {
        let _ = validate(text);
    }
}

#[test]
fn columns_count_utf16_code_units() {
    // '😀' is two UTF-16 units, 'é' one: the fault after them is at column 13.
    let report = validate("{\"t\":\"é😀\"  x}");
    let f = only_error(&report);
    assert_eq!(f.position(), (1, 1, 13, 13));
}

/// Semantic rules on flows built to be worst cases: thousands of screens routing to one
/// another, one screen with thousands of same-named inputs and references, an expression
/// of 100,000 parentheses. Every rule must finish with findings, not hang or crash.
#[test]
fn semantic_worst_cases_finish_with_findings() {
    let n = 3000;
    let screens: Vec<String> = (0..n)
        .map(|i| {
            let id = format!("S{}", "A".repeat(i % 7 + 1)) + &"B".repeat(i / 7);
            format!(
                r#"{{"id": "{id}", "title": "T", "terminal": true, "layout": {{"type": "SingleColumnLayout", "children": [
                    {{"type": "TextBody", "text": "${{data.missing}}"}},
                    {{"type": "Footer", "label": "Go", "on-click-action": {{"name": "navigate", "next": {{"type": "screen", "name": "SA"}}, "payload": {{"x": "${{form.none}}"}}}}}}]}}}}"#
            )
        })
        .collect();
    let routing: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#""S{}": ["SA", "SAA"]"#,
                "A".repeat(i % 7 + 1) + &"B".repeat(i / 7)
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": "7.3", "data_api_version": "3.0", "routing_model": {{{}}}, "screens": [{}]}}"#,
        routing.join(","),
        screens.join(",")
    );
    let report = waflow::validate(&text);
    let rules: std::collections::HashSet<_> =
        report.errors().iter().filter_map(|f| f.rule).collect();
    assert!(rules.contains("too-many-screens"), "{rules:?}");
    assert!(rules.contains("undeclared-data-reference"), "{rules:?}");
    assert!(rules.contains("terminal-footer-action"), "{rules:?}");
    let undeclared: usize = report
        .errors()
        .iter()
        .filter(|f| f.rule == Some("undeclared-data-reference"))
        .map(|f| f.pointers.len())
        .sum();
    assert_eq!(undeclared, n);

    let inputs: Vec<String> = (0..5000)
        .map(|_| r#"{"type": "TextInput", "name": "same", "label": "L"}"#.to_string())
        .collect();
    let text = format!(
        r#"{{"version": "7.3", "screens": [{{"id": "END", "title": "T", "terminal": true, "layout": {{"type": "SingleColumnLayout", "children": [{}, {{"type": "TextBody", "text": "`{}${{form.same}}{}`"}}, {{"type": "Footer", "label": "Done", "on-click-action": {{"name": "complete", "payload": {{}}}}}}]}}}}]}}"#,
        inputs.join(","),
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let report = waflow::validate(&text);
    let rules: std::collections::HashSet<_> =
        report.errors().iter().filter_map(|f| f.rule).collect();
    assert!(rules.contains("duplicate-input-name"), "{rules:?}");
    assert!(rules.contains("too-many-components"), "{rules:?}");
    assert!(rules.contains("invalid-expression"), "{rules:?}");
    let dup = report
        .errors()
        .iter()
        .find(|f| f.rule == Some("duplicate-input-name"))
        .unwrap();
    assert_eq!(dup.pointers.len(), 5000);
}

#[test]
fn the_findings_cap_keeps_errors_first_and_says_how_many_were_dropped() {
    let inputs: Vec<String> = (0..50)
        .map(|i| format!(r#"{{"type": "TextBody", "text": "${{data.missing_{i}}}"}}"#))
        .collect();
    let text = format!(
        r#"{{"version": "7.3", "screens": [{{"id": "END", "title": "T", "terminal": true, "layout": {{"type": "SingleColumnLayout", "children": [{}, {{"type": "Footer", "label": "Done", "on-click-action": {{"name": "complete", "payload": {{}}}}}}]}}}}]}}"#,
        inputs.join(",")
    );
    assert_eq!(waflow::validate(&text).errors().len(), 50);
    let options = waflow::Options {
        max_findings: 10,
        ..Default::default()
    };
    let report = waflow::validate_with(text.as_bytes(), &options);
    assert_eq!(report.errors().len(), 10);
    let note = report.warnings().last().expect("the cap note");
    assert_eq!(note.rule, Some("too-many-findings"));
    assert!(
        note.message.starts_with("40 more findings"),
        "{}",
        note.message
    );
}

/// Documents of 1 MiB and more run the schema stage and the semantic pass on two threads;
/// they must report exactly what the one-thread run reports: schema errors alone when
/// there are any, else the semantic findings.
#[test]
fn large_documents_get_the_same_findings_on_two_threads() {
    let flow = |extra: &str, target: &str, pad: usize| {
        format!(
            r#"{{"version": "7.3",{} "screens": [{{"id": "A", "title": "A", "terminal": true, "layout": {{"type": "SingleColumnLayout", "children": [{{"type": "TextBody", "text": "t"{extra}}}, {{"type": "Footer", "label": "Go", "on-click-action": {{"name": "navigate", "next": {{"type": "screen", "name": "{target}"}}, "payload": {{}}}}}}]}}}}]}}"#,
            " ".repeat(pad)
        )
    };
    let summary = |text: &str| {
        let r = validate(text);
        r.errors()
            .iter()
            .chain(r.warnings())
            .map(|f| {
                let paths: Vec<_> = f.pointers.iter().map(|p| p.path.clone()).collect();
                (f.rule, f.message.clone(), paths)
            })
            .collect::<Vec<_>>()
    };
    let big = 1 << 20;
    for (extra, target, expect) in [
        // Schema error and semantic fault: the schema error only.
        (r#", "colour": "red""#, "NOWHERE", "unknown-property"),
        // Semantic fault only.
        ("", "NOWHERE", "unknown-navigate-target"),
    ] {
        let small = summary(&flow(extra, target, 0));
        let large = summary(&flow(extra, target, big));
        assert_eq!(small, large);
        assert!(
            large.iter().any(|(rule, ..)| *rule == Some(expect)),
            "{large:?}"
        );
        if expect == "unknown-property" {
            assert!(large
                .iter()
                .all(|(rule, ..)| *rule != Some("unknown-navigate-target")));
        }
    }
}

#[test]
fn a_known_length_over_the_limit_is_judged_without_the_bytes() {
    let options = waflow::Options::default();
    assert!(waflow::oversized(10 * 1_048_576, &options).is_none());
    let report = waflow::oversized(10 * 1_048_576 + 1, &options).expect("over the limit");
    let f = only_error(&report);
    assert_eq!(f.rule, Some("flow-json-too-large"));
    assert!(
        f.message
            .starts_with("The Flow JSON is 10,485,761 bytes: 1 byte over"),
        "{}",
        f.message
    );
    // The caller's own limit is the one applied.
    let small = waflow::Options {
        max_bytes: 100,
        ..Default::default()
    };
    assert!(waflow::oversized(101, &small).is_some());
    assert!(waflow::oversized(100, &small).is_none());
}

/// The cap counts findings as they are made, before merging: thousands of identical
/// faults would otherwise merge into one finding with thousands of places, under any cap.
#[test]
fn the_findings_cap_bounds_places_of_merged_findings_and_duplicate_keys() {
    let options = waflow::Options {
        max_findings: 100,
        ..Default::default()
    };
    let places = |r: &waflow::Report| -> usize {
        r.errors()
            .iter()
            .chain(r.warnings())
            .filter(|f| f.rule != Some("too-many-findings"))
            .map(|f| f.pointers.len())
            .sum()
    };
    let ones = format!(
        r#"{{"version": "7.3", "screens": [{}]}}"#,
        vec!["1"; 5000].join(",")
    );
    let full = waflow::validate(&ones);
    assert_eq!(places(&full), 5000, "uncapped, every place is kept");
    let report = waflow::validate_with(ones.as_bytes(), &options);
    assert_eq!(places(&report), 100);
    let note = report.warnings().last().expect("the cap note");
    assert_eq!(note.rule, Some("too-many-findings"));
    assert!(
        note.message.starts_with("4900 more findings"),
        "{}",
        note.message
    );

    let dups = format!(
        r#"{{"version": "7.3", "screens": [], {}}}"#,
        vec![r#""a": 1"#; 3000].join(",")
    );
    let report = waflow::validate_with(dups.as_bytes(), &options);
    let dup_places: usize = report
        .errors()
        .iter()
        .chain(report.warnings())
        .filter(|f| f.rule == Some("duplicate-key"))
        .map(|f| f.pointers.len())
        .sum();
    // 100 duplicates kept, each pointing at itself and (once, after merging) the first.
    assert_eq!(dup_places, 101);
    let note = report.warnings().last().expect("the cap note");
    assert_eq!(note.rule, Some("too-many-findings"));
}
