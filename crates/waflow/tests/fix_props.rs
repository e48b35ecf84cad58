//! Fixes on mutated real flows: misspelt keys, component types and enum values, trailing
//! commas and comments. Whatever the mutation, no fix (safe or unsafe) yields text that is
//! not JSON when the input was, no safe fix adds an error, fixing as `--fix
//! --unsafe-fixes` does never adds one, and a second run has nothing left to do.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use waflow::fix_text;

fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut out = Vec::new();
    for dir in ["components", "examples"] {
        for e in std::fs::read_dir(root.join(dir))
            .expect("seed folder")
            .flatten()
        {
            if e.path().extension().is_some_and(|x| x == "json") {
                out.push(std::fs::read_to_string(e.path()).expect("seed flow"));
            }
        }
    }
    assert!(out.len() >= 20, "seed flows missing");
    out
}

/// `word` with one typo: a character dropped, doubled or two swapped (by `pick`).
fn typo(word: &str, pick: usize) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return format!("{word}x");
    }
    let i = 1 + pick % (chars.len() - 2);
    let mut out = chars.clone();
    match pick / 7 % 3 {
        0 => {
            out.remove(i);
        }
        1 => out.insert(i, chars[i]),
        _ => out.swap(i, i + 1),
    }
    out.into_iter().collect()
}

/// Misspells the `n`th key (or `type` value) of the document, in place.
fn misspell(v: &mut Value, n: &mut usize, pick: usize) -> bool {
    match v {
        Value::Object(m) => {
            let keys: Vec<String> = m.keys().cloned().collect();
            for k in keys {
                if *n == 0 {
                    if k == "type" && m[&k].is_string() && pick % 2 == 0 {
                        let t = m[&k].as_str().unwrap_or_default().to_owned();
                        m[&k] = Value::from(typo(&t, pick));
                    } else {
                        let value = m.remove(&k).unwrap_or_default();
                        m.insert(typo(&k, pick), value);
                    }
                    return true;
                }
                *n -= 1;
                if misspell(m.get_mut(&k).expect("key"), n, pick) {
                    return true;
                }
            }
            false
        }
        Value::Array(a) => a.iter_mut().any(|x| misspell(x, n, pick)),
        _ => false,
    }
}

/// The errors of each stage: fixing one stage may reveal the next stage's errors (Meta
/// stops at the first stage with errors), which is progress, not an added error.
fn errors(text: &str) -> [usize; 3] {
    waflow::validate(text).errors_by_stage()
}

fn is_json(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn fixes_never_break_json_add_errors_or_leave_work(seed in 0usize..1000, at in 0usize..400, pick in 0usize..10_000, syntax in 0u8..3) {
        let seeds = seeds();
        let mut doc: Value = serde_json::from_str(&seeds[seed % seeds.len()]).expect("seed is JSON");
        let mut n = at;
        if at % 4 == 0 {
            break_screens(&mut doc, pick);
        } else {
            misspell(&mut doc, &mut n, pick);
        }
        let mut text = serde_json::to_string_pretty(&doc).expect("serializes");
        // Syntax an editor leaves behind: a trailing comma or a comment.
        match syntax {
            1 => if let Some(i) = text.rfind("\n  ]") { text.insert(i, ','); },
            2 => text.insert_str(2, "// note\n"),
            _ => {}
        }
        // Each fix on its own, as a rule proposed it (fix_text would discard a bad round
        // and hide a bad fix): JSON stays JSON, and a safe fix adds no error. An unsafe fix
        // may (a guessed key whose value suits another key); `fix_text` keeps no such round.
        if is_json(&text) {
            let before = errors(&text);
            for f in waflow::validate(&text).errors().iter().flat_map(|f| &f.fixes) {
                let (one, applied) = waflow::fix::apply(&text, [f]);
                prop_assert_eq!(applied, 1);
                prop_assert!(is_json(&one), "{:?} broke the JSON:\n{}", f, one);
                if f.applicability == waflow::fix::Applicability::Safe {
                    prop_assert!(errors(&one) <= before, "{:?} added errors:\n{}", f, one);
                }
            }
        }
        let fixed = fix_text(&text, &waflow::Options::default(), true);
        if is_json(&text) {
            prop_assert!(is_json(&fixed.text), "fixing broke the JSON:\n{}", fixed.text);
            prop_assert!(errors(&fixed.text) <= errors(&text), "fixing added errors:\n{}", fixed.text);
        }
        if syntax > 0 {
            prop_assert!(is_json(&fixed.text), "the syntax fault stayed:\n{}", fixed.text);
        }
        let again = fix_text(&fixed.text, &waflow::Options::default(), true);
        prop_assert_eq!(again.applied, 0, "a second run fixed more:\n{}", fixed.text);
    }
}

// ---- screen ids and routing: reserved-screen-id, pattern-mismatch on a screen id, the
// routing rules and navigate-to-self ------------------------------------------------------

/// Renames screen id `from` to `to` wherever a flow names it: screen ids, navigate
/// targets, `routing_model` keys and lists, and `${screen.<from>.` in strings.
fn rename_screen(v: &mut Value, from: &str, to: &str) {
    match v {
        Value::Object(m) => {
            if m.contains_key(from) {
                if let Some(value) = m.remove(from) {
                    m.insert(to.to_owned(), value);
                }
            }
            for (_, x) in m.iter_mut() {
                rename_screen(x, from, to);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| rename_screen(x, from, to)),
        Value::String(s) if s == from => *s = to.to_owned(),
        Value::String(s) => {
            *s = s.replace(&format!("${{screen.{from}."), &format!("${{screen.{to}."));
        }
        _ => {}
    }
}

/// A screen whose Footer navigates to `to`, and whose link navigates to itself when
/// `self_link`.
fn navigating_screen(id: &str, to: &str, self_link: bool) -> Value {
    let navigate = |name: &str| serde_json::json!({"name": "navigate", "next": {"type": "screen", "name": name}, "payload": {}});
    let mut children = vec![serde_json::json!({"type": "TextBody", "text": "Hello"})];
    if self_link {
        children.push(serde_json::json!({"type": "EmbeddedLink", "text": "Again", "on-click-action": navigate(id)}));
    }
    children.push(
        serde_json::json!({"type": "Footer", "label": "Next", "on-click-action": navigate(to)}),
    );
    serde_json::json!({"id": id, "title": "Intro", "layout": {"type": "SingleColumnLayout", "children": children}})
}

/// One screen or routing fault, by `pick`: the first screen renamed (everywhere) to the
/// reserved `success` or to an invalid id; a `routing_model` with a route to itself, an
/// unknown screen and screens left out; `data_api_version` without a `routing_model`; a new
/// first screen that navigates to itself, or to a screen the model does not route it to.
fn break_screens(doc: &mut Value, pick: usize) {
    let Some(first) = doc["screens"][0]["id"].as_str().map(str::to_owned) else {
        return;
    };
    let Some(root) = doc.as_object_mut() else {
        return;
    };
    match pick % 6 {
        0 => rename_screen(doc, &first, "success"),
        1 => rename_screen(
            doc,
            &first,
            &format!("{}-{}", first.to_lowercase(), pick % 10),
        ),
        2 => {
            root.insert("data_api_version".into(), Value::from("3.0"));
            root.insert(
                "routing_model".into(),
                serde_json::json!({ first.as_str(): [first.as_str(), "NOWHERE"], "GONE": [] }),
            );
        }
        3 => {
            root.remove("routing_model");
            root.insert("data_api_version".into(), Value::from("3.0"));
        }
        kind => {
            let intro = navigating_screen("INTRO", &first, kind == 4);
            if let Some(screens) = root.get_mut("screens").and_then(Value::as_array_mut) {
                screens.insert(0, intro);
            }
            if !root.contains_key("routing_model") {
                root.insert("data_api_version".into(), Value::from("3.0"));
                root.insert(
                    "routing_model".into(),
                    serde_json::json!({ first.as_str(): [] }),
                );
            }
        }
    }
}
