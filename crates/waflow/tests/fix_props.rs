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
    fn fixes_never_break_json_add_errors_or_leave_work(seed in 0usize..1000, at in 0usize..400, pick in 0usize..10_000, syntax in 0u8..3, rule in 0u8..RULE_FAULTS) {
        let seeds = seeds();
        let mut doc: Value = serde_json::from_str(&seeds[seed % seeds.len()]).expect("seed is JSON");
        let mut n = at;
        if at % 4 == 0 {
            break_screens(&mut doc, pick);
        } else {
            misspell(&mut doc, &mut n, pick);
        }
        let mut text = serde_json::to_string_pretty(&doc).expect("serializes");
        text = break_rule(&text, rule, pick);
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

/// How many kinds of fault [`break_rule`] makes (0: none).
const RULE_FAULTS: u8 = 13;

/// Makes fault `kind` (1-12) in flow `text`, at the place `pick` chooses, for the rules
/// whose fixes are about flow structure: forbidden-combination (`success` off a terminal
/// screen, `next` on a complete, `payload` on open_url), missing-footer-on-terminal-screen,
/// terminal-footer-action, update-data-self-assignment, self-screen-reference,
/// version-not-exact, unexpected-navigate-payload, data-field-missing-example, wrong-type
/// and duplicate-key. The text is written back as `to_string_pretty` wrote it; a kind
/// with no place in this flow leaves it as it was.
fn break_rule(text: &str, kind: u8, pick: usize) -> String {
    let Ok(mut doc) = serde_json::from_str::<Value>(text) else {
        return text.to_owned();
    };
    if kind == 12 {
        return duplicate_a_key(text, pick);
    }
    let screens = pointers(&doc, &|_, v| {
        v.get("layout").is_some() && v.get("id").is_some()
    });
    let actions = pointers(&doc, &|_, v| {
        v.get("name").is_some_and(Value::is_string)
            && v.get("name").and_then(Value::as_str).is_some_and(|n| {
                [
                    "navigate",
                    "complete",
                    "data_exchange",
                    "update_data",
                    "open_url",
                ]
                .contains(&n)
            })
            && v.get("type").is_none()
    });
    let pick_of = |list: &[String]| (!list.is_empty()).then(|| list[pick % list.len()].clone());
    let own_id = |doc: &Value, at: &str| -> Option<String> {
        // The screen a pointer sits in: the `/screens/N` prefix.
        let rest = at.strip_prefix("/screens/")?;
        let n = rest.split('/').next()?;
        doc.pointer(&format!("/screens/{n}/id"))?
            .as_str()
            .map(str::to_owned)
    };
    match kind {
        // success on a screen that is not terminal (terminal false or absent).
        1 => {
            if let Some(at) = pick_of(&screens) {
                let s = doc
                    .pointer_mut(&at)
                    .and_then(Value::as_object_mut)
                    .expect("screen");
                if pick % 2 == 0 {
                    s.insert("terminal".into(), Value::from(false));
                } else {
                    s.remove("terminal");
                }
                s.insert("success".into(), Value::from(pick % 3 == 0));
            }
        }
        // next on a complete, payload on an open_url.
        2 | 3 => {
            let name = if kind == 2 { "complete" } else { "open_url" };
            let list: Vec<String> = actions
                .iter()
                .filter(|a| doc.pointer(&format!("{a}/name")).and_then(Value::as_str) == Some(name))
                .cloned()
                .collect();
            if let Some(at) = pick_of(&list) {
                let id = own_id(&doc, &at).unwrap_or_default();
                let a = doc
                    .pointer_mut(&at)
                    .and_then(Value::as_object_mut)
                    .expect("action");
                if kind == 2 {
                    a.insert(
                        "next".into(),
                        serde_json::json!({"type": "screen", "name": id}),
                    );
                } else {
                    a.insert("payload".into(), serde_json::json!({}));
                }
            }
        }
        // A terminal screen loses its Footers (in its layout and its Forms).
        4 => {
            let terminal: Vec<String> = screens
                .iter()
                .filter(|s| doc.pointer(&format!("{s}/terminal")) == Some(&Value::Bool(true)))
                .cloned()
                .collect();
            if let Some(at) = pick_of(&terminal) {
                let s = doc.pointer_mut(&at).expect("screen");
                drop_footers(s);
            }
        }
        // The complete of a terminal screen's Footer becomes a navigate (to the first
        // other screen, else to itself), keeping its payload.
        5 => {
            let list: Vec<String> = actions
                .iter()
                .filter(|a| {
                    doc.pointer(&format!("{a}/name")).and_then(Value::as_str) == Some("complete")
                })
                .cloned()
                .collect();
            if let Some(at) = pick_of(&list) {
                let own = own_id(&doc, &at).unwrap_or_default();
                let ids: Vec<String> = doc["screens"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.get("id").and_then(Value::as_str).map(str::to_owned))
                    .collect();
                let to = ids.iter().find(|i| **i != own).cloned().unwrap_or(own);
                let a = doc
                    .pointer_mut(&at)
                    .and_then(Value::as_object_mut)
                    .expect("action");
                a.insert("name".into(), Value::from("navigate"));
                a.insert(
                    "next".into(),
                    serde_json::json!({"type": "screen", "name": to}),
                );
            }
        }
        // An update_data payload sets a declared field to itself.
        6 => {
            let list: Vec<String> = actions
                .iter()
                .filter(|a| {
                    doc.pointer(&format!("{a}/name")).and_then(Value::as_str) == Some("update_data")
                })
                .cloned()
                .collect();
            if let Some(at) = pick_of(&list) {
                let screen = at.split('/').take(3).collect::<Vec<_>>().join("/");
                let field = doc
                    .pointer(&format!("{screen}/data"))
                    .and_then(Value::as_object)
                    .and_then(|d| d.keys().find(|k| *k != "required").cloned());
                if let Some(f) = field {
                    if let Some(p) = doc
                        .pointer_mut(&format!("{at}/payload"))
                        .and_then(Value::as_object_mut)
                    {
                        p.insert(f.clone(), Value::from(format!("${{data.{f}}}")));
                    }
                }
            }
        }
        // A local reference written as a global one to its own screen.
        7 => {
            let refs = pointers(&doc, &|_, v| {
                v.as_str()
                    .is_some_and(|s| s.contains("${form.") || s.contains("${data."))
            });
            if let Some(at) = pick_of(&refs) {
                if let Some(id) = own_id(&doc, &at) {
                    let v = doc.pointer_mut(&at).expect("string");
                    let s = v.as_str().unwrap_or_default().to_owned();
                    let global = s
                        .replacen("${form.", &format!("${{screen.{id}.form."), 1)
                        .replacen("${data.", &format!("${{screen.{id}.data."), 1);
                    *v = Value::from(global);
                }
            }
        }
        // The version written inexactly.
        8 => {
            if let Some(v) = doc.get_mut("version") {
                let s = v.as_str().unwrap_or_default().to_owned();
                *v = Value::from(if pick % 2 == 0 {
                    format!("0{s}")
                } else {
                    format!(" {s}")
                });
            }
        }
        // A navigate payload with a key its target does not declare.
        9 => {
            let list: Vec<String> = actions
                .iter()
                .filter(|a| {
                    doc.pointer(&format!("{a}/name")).and_then(Value::as_str) == Some("navigate")
                })
                .cloned()
                .collect();
            if let Some(at) = pick_of(&list) {
                let a = doc
                    .pointer_mut(&at)
                    .and_then(Value::as_object_mut)
                    .expect("action");
                let payload = a.entry("payload").or_insert_with(|| serde_json::json!({}));
                if let Some(p) = payload.as_object_mut() {
                    p.insert("zz_undeclared".into(), Value::from("x"));
                }
            }
        }
        // A data field loses its __example__.
        10 => {
            let examples = pointers(&doc, &|k, v| k == Some("__example__") && !v.is_null());
            let top: Vec<String> = examples
                .into_iter()
                .filter(|p| p.matches('/').count() == 5 && p.contains("/data/"))
                .collect();
            if let Some(at) = pick_of(&top) {
                let (parent, _) = at.rsplit_once('/').expect("a member");
                if let Some(d) = doc.pointer_mut(parent).and_then(Value::as_object_mut) {
                    d.remove("__example__");
                }
            }
        }
        // A value of the wrong type that converts exactly: terminal "true", a label 5.
        11 => {
            if pick % 2 == 0 {
                let terminal: Vec<String> = screens
                    .iter()
                    .filter(|s| doc.pointer(&format!("{s}/terminal")).is_some())
                    .cloned()
                    .collect();
                if let Some(at) = pick_of(&terminal) {
                    let t = doc
                        .pointer_mut(&format!("{at}/terminal"))
                        .expect("terminal");
                    *t = Value::from(t.to_string());
                }
            } else {
                let labels = pointers(&doc, &|k, v| k == Some("label") && v.is_string());
                if let Some(at) = pick_of(&labels) {
                    *doc.pointer_mut(&at).expect("label") = Value::from(pick % 100);
                }
            }
        }
        _ => return text.to_owned(),
    }
    serde_json::to_string_pretty(&doc).expect("serializes")
}

/// The JSON pointers of every node of `v` for which `want(key, node)` holds (`key`: the
/// member name it is the value of, if any).
fn pointers(v: &Value, want: &dyn Fn(Option<&str>, &Value) -> bool) -> Vec<String> {
    fn walk(
        v: &Value,
        key: Option<&str>,
        at: &mut String,
        want: &dyn Fn(Option<&str>, &Value) -> bool,
        out: &mut Vec<String>,
    ) {
        if want(key, v) {
            out.push(at.clone());
        }
        let len = at.len();
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    at.push('/');
                    at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    walk(x, Some(k), at, want, out);
                    at.truncate(len);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    at.push_str(&format!("/{i}"));
                    walk(x, None, at, want, out);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, None, &mut String::new(), want, &mut out);
    out
}

/// Removes every Footer from the component lists under `v` (a screen).
fn drop_footers(v: &mut Value) {
    match v {
        Value::Array(items) => {
            items.retain(|c| c.get("type").and_then(Value::as_str) != Some("Footer"));
            items.iter_mut().for_each(drop_footers);
        }
        Value::Object(m) => m.values_mut().for_each(drop_footers),
        _ => {}
    }
}

/// The `pick`th member written on a line of its own (`"key": value,`) gets an earlier
/// twin with another value: a duplicate key whose last occurrence is the original.
fn duplicate_a_key(text: &str, pick: usize) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let candidates: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            t.starts_with('"')
                && t.ends_with(',')
                && t.contains("\": ")
                && !t.ends_with("{,")
                && !t.ends_with("[,")
        })
        .map(|(i, _)| i)
        .collect();
    if candidates.is_empty() {
        return text.to_owned();
    }
    let i = candidates[pick % candidates.len()];
    let line = lines[i];
    let (key, _) = line.split_once("\": ").expect("a member");
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    out.insert(i, format!("{key}\": \"twin\","));
    out.join("\n")
}

/// Each kind of [`break_rule`] fault is made in some seed flow, where its rule fires and
/// proposes a fix, so the property test above exercises those fixes.
#[test]
fn every_rule_fault_is_made_and_proposes_a_fix() {
    let rules = [
        "forbidden-combination",
        "forbidden-combination",
        "forbidden-combination",
        "missing-footer-on-terminal-screen",
        "terminal-footer-action",
        "update-data-self-assignment",
        "self-screen-reference",
        "version-not-exact",
        "unexpected-navigate-payload",
        "data-field-missing-example",
        "wrong-type",
        "duplicate-key",
    ];
    let seeds = seeds();
    for (kind, rule) in (1..RULE_FAULTS).zip(rules) {
        let fixed = (0..seeds.len() * 3).any(|i| {
            let seed: Value = serde_json::from_str(&seeds[i % seeds.len()]).expect("seed is JSON");
            let text = serde_json::to_string_pretty(&seed).expect("serializes");
            let broken = break_rule(&text, kind, i);
            let report = waflow::validate(&broken);
            report
                .errors()
                .iter()
                .chain(report.warnings())
                .any(|f| f.rule == Some(rule) && !f.fixes.is_empty())
        });
        assert!(fixed, "fault {kind}: {rule} never fired with a fix");
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
