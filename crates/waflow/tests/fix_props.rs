//! Fixes on mutated real flows: misspelt keys, component types and enum values, trailing
//! commas and comments. Whatever the mutation, applying every fix (safe and unsafe) never
//! yields text that is not JSON when the input was, never adds an error, and a second run
//! has nothing left to do.

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

fn errors(text: &str) -> usize {
    waflow::validate(text).errors().len()
}

fn is_json(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn fixes_never_break_json_add_errors_or_leave_work(seed in 0usize..1000, at in 0usize..400, pick in 0usize..10_000, syntax in 0u8..3) {
        let seeds = seeds();
        let mut doc: Value = serde_json::from_str(&seeds[seed % seeds.len()]).expect("seed is JSON");
        let mut n = at;
        misspell(&mut doc, &mut n, pick);
        let mut text = serde_json::to_string_pretty(&doc).expect("serializes");
        // Syntax an editor leaves behind: a trailing comma or a comment.
        match syntax {
            1 => if let Some(i) = text.rfind("\n  ]") { text.insert(i, ','); },
            2 => text.insert_str(2, "// note\n"),
            _ => {}
        }
        // Each fix on its own, as a rule proposed it (fix_text would discard a bad round
        // and hide a bad fix): JSON stays JSON and no error is added.
        if is_json(&text) {
            let before = errors(&text);
            for f in waflow::validate(&text).errors().iter().flat_map(|f| &f.fixes) {
                let (one, applied) = waflow::fix::apply(&text, [f]);
                prop_assert_eq!(applied, 1);
                prop_assert!(is_json(&one), "{:?} broke the JSON:\n{}", f, one);
                prop_assert!(errors(&one) <= before, "{:?} added errors:\n{}", f, one);
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
