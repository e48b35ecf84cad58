//! `waflow::migrate::migrate` on the real flows of ../shared/corpus/real: every flow older
//! than the latest publishable version migrates to it with no errors left (or is listed
//! here with the reason it needs a person), a second migration has nothing to do, and no
//! content disappears without a step that says so.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use waflow::migrate::{migrate, MigrateError};
use waflow::{FlowVersion, Options, LATEST};

fn corpus() -> PathBuf {
    let dir = std::env::var_os("WAFLOW_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real"),
        PathBuf::from,
    );
    assert!(
        dir.is_dir(),
        "the real-flow corpus is not at {} (set WAFLOW_CORPUS)",
        dir.display()
    );
    dir
}

/// The corpus flows, as (path relative to the corpus, text), skipping those MANIFEST.tsv
/// notes as not JSON (a raw newline inside a string).
fn flows() -> Vec<(String, String)> {
    let root = corpus();
    let manifest = std::fs::read_to_string(root.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let broken: BTreeSet<&str> = manifest
        .lines()
        .skip(1)
        .filter(|l| l.to_lowercase().contains("newline inside a string"))
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(broken.len(), 1, "MANIFEST marks one flow broken");
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).expect("readable corpus").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                let rel = p
                    .strip_prefix(&root)
                    .expect("under the corpus")
                    .display()
                    .to_string();
                if !broken.contains(rel.as_str()) {
                    out.push((rel, std::fs::read_to_string(&p).expect("readable flow")));
                }
            }
        }
    }
    out.sort();
    assert!(out.len() >= 60, "corpus flows missing: {}", out.len());
    out
}

/// Every leaf of a JSON value as `path = value`, keys sorted.
fn leaves(v: &Value, path: String, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| leaves(x, format!("{path}.{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| leaves(x, format!("{path}[{i}]"), out)),
        _ => {
            out.insert(path);
        }
    }
}

#[test]
fn every_older_corpus_flow_migrates_to_the_latest_version_without_errors() {
    let options = Options::default();
    let mut migrated = 0;
    let mut failures = Vec::new();
    for (name, text) in flows() {
        let m = match migrate(&text, LATEST, &options) {
            Ok(m) => m,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if m.from == LATEST {
            assert_eq!(m.text, text, "{name}: a flow at {LATEST} must not change");
            continue;
        }
        migrated += 1;
        for e in m.report.errors() {
            failures.push(format!(
                "{name} ({} -> {LATEST}): {} [{}] at {}",
                m.from,
                e.message,
                e.rule.unwrap_or("-"),
                e.pointers.first().map_or("", |p| p.path.as_str())
            ));
        }
        // Nothing is left to do on a second run.
        let again = migrate(&m.text, LATEST, &options).expect("the migrated flow migrates");
        assert!(
            again.steps.is_empty() && again.text == m.text,
            "{name}: a second migration changed something"
        );
        // Every value that went away went with a step that names its place (a removed
        // key, or its object), so nothing is dropped silently.
        let (before, after): (Value, Value) = (
            serde_json::from_str(&text).expect("corpus flows are JSON"),
            serde_json::from_str(&m.text).expect("the migrated flow is JSON"),
        );
        let (mut was, mut is) = (BTreeSet::new(), BTreeSet::new());
        leaves(&before, String::new(), &mut was);
        leaves(&after, String::new(), &mut is);
        for gone in was.difference(&is) {
            let gone = gone.trim_start_matches('.');
            let told = m.steps.iter().any(|s| {
                s.rule.is_some()
                    && s.at.as_ref().is_some_and(|p| {
                        gone == p.path
                            || gone.starts_with(&format!("{}.", p.path))
                            || gone.starts_with(&format!("{}[", p.path))
                    })
            });
            assert!(told, "{name}: {gone} disappeared without a step saying so");
        }
    }
    assert!(
        migrated >= 55,
        "only {migrated} flows were older than {LATEST}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn what_cannot_be_migrated_says_why() {
    let options = Options::default();
    let flow = |v: &str| format!("{{\"version\": \"{v}\", \"screens\": []}}");
    let v = |s: &str| FlowVersion::parse(s).expect("a version");
    assert_eq!(
        migrate(&flow("7.3"), v("6.0"), &options).err(),
        Some(MigrateError::Downgrade {
            from: v("7.3"),
            to: v("6.0")
        })
    );
    // 5.0 is frozen: Meta takes no new flows in it.
    assert_eq!(
        migrate(&flow("3.1"), v("5.0"), &options).err(),
        Some(MigrateError::TargetNotActive(v("5.0")))
    );
    assert_eq!(
        migrate(&flow("1.0"), LATEST, &options).err(),
        Some(MigrateError::UnknownVersion("1.0".into()))
    );
    assert_eq!(
        migrate("{\"screens\": []}", LATEST, &options).err(),
        Some(MigrateError::NoVersion)
    );
    assert_eq!(
        migrate("[1,", LATEST, &options).err(),
        Some(MigrateError::NotAFlow)
    );
}

#[test]
fn migration_keeps_every_other_byte() {
    // CRLF line endings, tabs, a key order of the author's own, and a DatePicker with
    // timestamps (5.0 wrote dates as YYYY-MM-DD).
    let text = "{\r\n\t\"screens\": [{\r\n\t\t\"id\": \"A\", \"terminal\": true, \"title\": \"T\",\r\n\t\t\"layout\": {\"type\": \"SingleColumnLayout\", \"children\": [\r\n\t\t\t{\"type\": \"DatePicker\", \"name\": \"d\", \"label\": \"Day\", \"min-date\": \"1693569600000\"},\r\n\t\t\t{\"type\": \"Footer\", \"label\": \"Done\", \"on-click-action\": {\"name\": \"complete\", \"payload\": {}}}\r\n\t\t]}\r\n\t}],\r\n\t\"version\": \"4.0\"\r\n}\r\n";
    let m = migrate(text, LATEST, &Options::default()).expect("migrates");
    let expected = text
        .replace("\"1693569600000\"", "\"2023-09-01\"")
        .replace("\"4.0\"", "\"7.3\"");
    assert_eq!(m.text, expected);
    assert_eq!(m.steps.len(), 2, "{:?}", m.steps);
    assert_eq!(m.steps[1].rule, Some("legacy-date-format"));
    assert!(m.steps[1].source.contains("4.5"), "cites the spec");
    assert!(m.report.errors().is_empty(), "{:?}", m.report.errors());
}
