//! The committed schemas are what the catalog generates, they work for any JSON Schema
//! validator (here jsonschema on serde_json, as an editor would use them), and the
//! component flows of testdata/ exercise every property the catalog knows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod support;

use waflow::catalog::COMPONENTS;
use waflow::{schema_file_name as file_name, schema_text};
use waflow::{schema_versions, LATEST};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

#[test]
fn committed_schemas_are_fresh() {
    let mut stale = Vec::new();
    let mut expected = BTreeSet::new();
    for v in schema_versions() {
        let name = file_name(v);
        let path = repo("schemas").join(&name);
        match std::fs::read_to_string(&path) {
            Ok(text) if text == schema_text(v) => {}
            _ => stale.push(name.clone()),
        }
        expected.insert(name);
    }
    let present: BTreeSet<String> = std::fs::read_dir(repo("schemas"))
        .expect("schemas/ exists")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".schema.json") && n.starts_with("flow-json-"))
        .collect();
    let extra: Vec<_> = present.difference(&expected).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "stale or missing: {stale:?}; not generated: {extra:?}. Run `cargo run --bin waflow -- schema --write`."
    );
    assert_eq!(expected.len(), 14, "2.1 .. 7.3: 14 public versions");
}

#[test]
fn a_plain_validator_agrees_with_waflow_on_the_component_flows() {
    let schema: serde_json::Value =
        serde_json::from_str(&schema_text(LATEST)).expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the 7.3 schema compiles");
    for entry in std::fs::read_dir(repo("testdata/components")).expect("components") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let flow: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&flow)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    // And a broken one fails, naming the key: if/then, not oneOf.
    let bad = serde_json::json!({"version": "7.3", "screens": [{"id": "A", "title": "A",
        "layout": {"type": "SingleColumnLayout", "children": [
            {"type": "TextInput", "name": "n", "label": "L", "initial-text": "x"}]}}]});
    let errors: Vec<_> = validator.iter_errors(&bad).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].instance_path().as_str(),
        "/screens/0/layout/children/0"
    );
    assert!(errors[0].to_string().contains("initial-text"));
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// waflow's structure check and the generated schema (run by jsonschema) find the same
/// faults at the same paths on every flow of testdata/ and of the real corpus (when
/// present: ../shared/corpus/real or $WAFLOW_CORPUS).
#[test]
fn the_structure_check_finds_what_the_schema_finds() {
    let mut files = Vec::new();
    json_files(&repo("testdata"), &mut files);
    let corpus = std::env::var_os("WAFLOW_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo("../shared/corpus/real"));
    json_files(&corpus, &mut files);
    let (mut compared, mut with_faults) = (0, 0);
    let mut differ = Vec::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Some(expected) = support::by_schema(&text) else {
            continue;
        };
        compared += 1;
        with_faults += usize::from(!expected.is_empty());
        let found = support::by_waflow(&text);
        if found != expected {
            differ.push(format!(
                "{}:\n  schema: {expected:?}\n  waflow: {found:?}",
                path.display()
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    assert!(
        compared >= 250 && with_faults >= 30,
        "{compared} compared, {with_faults} with faults"
    );
}

/// The component flows use every property every component has at the latest version,
/// so a property added to the catalog without a flow that uses it fails here.
#[test]
fn component_flows_use_every_property_at_the_latest_version() {
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    fn walk(v: &serde_json::Value, used: &mut BTreeMap<String, BTreeSet<String>>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(t) = m.get("type").and_then(|t| t.as_str()) {
                    used.entry(t.to_owned())
                        .or_default()
                        .extend(m.keys().cloned());
                }
                m.values().for_each(|x| walk(x, used));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, used)),
            _ => {}
        }
    }
    for entry in std::fs::read_dir(repo("testdata/components")).expect("components") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let flow: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            walk(&flow, &mut used);
        }
    }
    let mut missing = Vec::new();
    for c in COMPONENTS {
        let keys = used.get(c.name).cloned().unwrap_or_default();
        for p in c.props_in(LATEST, false) {
            if !keys.contains(p.name) {
                missing.push(format!("{}.{}", c.name, p.name));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "unused in testdata/components: {missing:?}"
    );
}
