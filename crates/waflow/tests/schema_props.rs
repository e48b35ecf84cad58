//! Mutated real flows: delete a key, change a value's type, rename a component. Whatever
//! the mutation, validation never panics, every pointer sits on real bytes of the input
//! with a line and column that agree with them, and the structure check finds exactly
//! what the generated JSON Schema finds.

mod support;

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;

fn seeds() -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut out = Vec::new();
    for dir in ["components", "examples"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "json") {
                if let Ok(v) = serde_json::from_slice(&std::fs::read(&p).unwrap()) {
                    out.push(v);
                }
            }
        }
    }
    assert!(out.len() >= 20, "seed flows missing");
    out
}

/// Every container in the document, as a path of keys and indexes.
fn containers(v: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match v {
        Value::Object(m) => {
            out.push(path.clone());
            for (k, x) in m {
                path.push(Value::String(k.clone()));
                containers(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            out.push(path.clone());
            for (i, x) in a.iter().enumerate() {
                path.push(Value::from(i));
                containers(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'v>(v: &'v mut Value, path: &[Value]) -> &'v mut Value {
    path.iter().fold(v, |v, seg| match seg {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

const REPLACEMENTS: [&str; 7] = ["null", "7", "\"x\"", "true", "[]", "{}", "\"${data.x}\""];
const TYPES: [&str; 6] = [
    "TextInput",
    "Footer",
    "If",
    "Form",
    "NoSuchThing",
    "ChipsSelector",
];

fn mutate(mut doc: Value, kind: u8, pick: u64) -> Value {
    let mut all = Vec::new();
    containers(&doc, &mut Vec::new(), &mut all);
    let path = &all[(pick as usize) % all.len()];
    let target = at(&mut doc, path);
    let n = (pick >> 16) as usize;
    match (kind % 3, target) {
        (0, Value::Object(m)) if !m.is_empty() => {
            let key = m.keys().nth(n % m.len()).unwrap().clone();
            m.remove(&key);
        }
        (0, Value::Array(a)) if !a.is_empty() => {
            a.remove(n % a.len());
        }
        (1, Value::Object(m)) if !m.is_empty() => {
            let key = m.keys().nth(n % m.len()).unwrap().clone();
            m[&key] = serde_json::from_str(REPLACEMENTS[n % REPLACEMENTS.len()]).unwrap();
        }
        (2, Value::Object(m)) if m.contains_key("type") => {
            m["type"] = Value::from(TYPES[n % TYPES.len()]);
        }
        (_, other) => *other = serde_json::from_str(REPLACEMENTS[n % REPLACEMENTS.len()]).unwrap(),
    }
    doc
}

/// Meta's position of a byte offset, counted independently of waflow's line index.
fn position(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].encode_utf16().count() as u32 + 1;
    (line, column)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn mutated_flows_get_findings_on_real_spans(seed in 0usize..1000, kind in 0u8..3, pick in any::<u64>(), minified in any::<bool>()) {
        let seeds = seeds();
        let doc = mutate(seeds[seed % seeds.len()].clone(), kind, pick);
        let text = if minified { serde_json::to_string(&doc) } else { serde_json::to_string_pretty(&doc) }.unwrap();
        if let Some(expected) = support::by_schema(&text) {
            prop_assert_eq!(support::by_waflow(&text), expected, "{}", text);
        }
        let report = waflow::validate(&text);
        for f in report.errors().iter().chain(report.warnings()) {
            prop_assert!(!f.message.is_empty());
            for p in &f.pointers {
                let Some(span) = p.span else { continue };
                let (start, end) = (span.start as usize, span.end as usize);
                prop_assert!(start < end && end <= text.len(), "{f:?}");
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                prop_assert_eq!(position(&text, start), (p.line_start, p.column_start), "{:?}", f);
                let last = text[..end].char_indices().last().map_or(0, |(i, _)| i);
                let (line, column) = position(&text, last);
                let width = text[last..end].encode_utf16().count() as u32;
                prop_assert_eq!((line, column + width - 1), (p.line_end, p.column_end), "{:?}", f);
            }
        }
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        "[a-zA-Z_${}.` '=()!<>&|0-9-]{0,12}".prop_map(serde_json::Value::String),
        prop_oneof![
            Just("TextBody"),
            Just("Footer"),
            Just("If"),
            Just("Form"),
            Just("navigate"),
            Just("${data.x}"),
            Just("`${form.a} > 1`")
        ]
        .prop_map(|s| serde_json::Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("type".to_owned()),
                    Just("text".to_owned()),
                    Just("name".to_owned()),
                    Just("children".to_owned()),
                    Just("on-click-action".to_owned()),
                    Just("payload".to_owned()),
                    Just("next".to_owned()),
                    Just("condition".to_owned()),
                    Just("then".to_owned()),
                    "[a-z-]{1,8}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Arbitrary bytes: no panic, every span inside the input.
    #[test]
    fn arbitrary_bytes_get_findings_inside_the_input(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let report = waflow::validate_bytes(&bytes);
        for f in report.errors().iter().chain(report.warnings()) {
            for p in f.pointers.iter().filter_map(|p| p.span) {
                prop_assert!(p.start <= p.end && p.end as usize <= bytes.len(), "{f:?}");
            }
        }
    }

    /// Arbitrary JSON values as a screen's children (and as the whole layout): findings of
    /// every stage sit on real tokens, with line/column agreeing with the byte offsets.
    #[test]
    fn arbitrary_json_in_a_flow_gets_exact_positions(value in arbitrary_json(), as_layout in any::<bool>(), minified in any::<bool>()) {
        let children = if as_layout { value.clone() } else { serde_json::json!([value, {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]) };
        let doc = serde_json::json!({"version": "7.3", "screens": [{"id": "END", "title": "T", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": children}}]});
        let text = if minified { serde_json::to_string(&doc) } else { serde_json::to_string_pretty(&doc) }.unwrap();
        if let Some(expected) = support::by_schema(&text) {
            prop_assert_eq!(support::by_waflow(&text), expected, "{}", text);
        }
        let report = waflow::validate(&text);
        for f in report.errors().iter().chain(report.warnings()) {
            for p in &f.pointers {
                let Some(span) = p.span else { continue };
                let (start, end) = (span.start as usize, span.end as usize);
                prop_assert!(start < end && end <= text.len(), "{f:?}");
                prop_assert_eq!(position(&text, start), (p.line_start, p.column_start), "{:?}", f);
            }
        }
    }
}
