//! Files generated from the rule registry and the config structs are committed; these
//! tests fail when they are stale, and check that SARIF output is valid SARIF 2.1.0.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn waflow(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args(args)
        .current_dir(repo(""))
        .output()
        .expect("waflow runs");
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "{args:?}: {out:?}"
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn docs_rules_md_is_fresh() {
    let committed = std::fs::read_to_string(repo("docs/rules.md")).expect("docs/rules.md");
    assert!(
        committed == waflow(&["rules", "--format", "markdown"]),
        "docs/rules.md is stale: run `cargo run --bin waflow -- rules --format markdown > docs/rules.md`"
    );
    for rule in waflow::registry::all() {
        assert!(
            committed.contains(&format!("\n## {}\n", rule.code)),
            "{} has no section",
            rule.code
        );
    }
}

#[test]
fn config_schema_is_fresh() {
    let committed = std::fs::read_to_string(repo("schemas/waflow.schema.json")).expect("committed");
    assert!(
        committed == waflow(&["schema", "config"]),
        "schemas/waflow.schema.json is stale: run `cargo run --bin waflow -- schema --write`"
    );
}

/// The SARIF 2.1.0 schema as shipped in serde-sarif's sources (found through cargo
/// metadata, so nothing third-party is copied into this repository).
fn sarif_schema() -> serde_json::Value {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(repo(""))
        .output()
        .expect("cargo metadata");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif is a dev-dependency");
    let path = Path::new(manifest)
        .parent()
        .expect("dir")
        .join("src/schema.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("schema.json")).expect("schema")
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0_with_rule_metadata() {
    let mut schema = sarif_schema();
    // The published schema's `language` patterns have a stray `]` that a strict regex
    // engine refuses; waflow never writes `language`, so they are set to the evident intent.
    for at in ["run", "toolComponent"] {
        if let Some(p) =
            schema.pointer_mut(&format!("/definitions/{at}/properties/language/pattern"))
        {
            *p = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
        }
    }
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let text = waflow(&[
        "check",
        "--format",
        "sarif",
        "testdata/routing-navigate-not-in-model/invalid.json",
        "testdata/invalid-json",
        "testdata/examples",
        "testdata/unknown-property",
    ]);
    let sarif: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), waflow::registry::all().len());
    let result = &run["results"][0];
    let index = result["ruleIndex"].as_u64().expect("index") as usize;
    assert_eq!(rules[index]["id"], result["ruleId"]);
    assert!(rules[index]["helpUri"]
        .as_str()
        .expect("uri")
        .ends_with("docs/rules.md#routing-navigate-not-in-model"));
    assert_eq!(
        result["locations"].as_array().expect("locations").len(),
        2,
        "both screens of the missing route"
    );
    // Fixes (SARIF 3.55): a rename of a misspelt key, by byte offset, with its
    // applicability; the schema check above covers their shape.
    let fixes: Vec<&serde_json::Value> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r.get("fixes"))
        .flat_map(|f| f.as_array().expect("fixes"))
        .collect();
    let rename = fixes
        .iter()
        .find(|f| {
            f["description"]["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("Rename"))
        })
        .expect("testdata/unknown-property has fixable typos");
    let replacement = &rename["artifactChanges"][0]["replacements"][0];
    assert!(replacement["deletedRegion"]["byteLength"].as_u64() > Some(0));
    assert!(replacement["insertedContent"]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with('"')));
    assert!(
        ["safe", "unsafe"].contains(&rename["properties"]["applicability"].as_str().unwrap_or(""))
    );
}
