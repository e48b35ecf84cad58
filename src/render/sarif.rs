//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run;
//! the driver lists every rule of the registry (id, descriptions, help link, default
//! level, Meta's codes), results point at them by index.

use serde_json::{json, Value};
use waflow::rules::{all, RuleMeta};
use waflow::{Finding, Severity};

use super::{doc_url, Checked, Renderer};

pub(crate) struct Sarif;

fn rule_json(r: &RuleMeta) -> Value {
    json!({
        "id": r.code,
        "shortDescription": { "text": r.summary },
        "fullDescription": { "text": r.doc },
        "help": { "text": r.doc },
        "helpUri": doc_url(r.code),
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": { "metaError": r.error, "errorType": r.error_type },
    })
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative path as a URI reference: forward slashes, and percent-encoding for what a
/// URI can't hold.
fn uri(name: &str) -> String {
    let mut out = String::new();
    for b in name.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn result(f: &Finding, file: &str, index: Option<usize>) -> Value {
    let locations: Vec<Value> = if f.pointers.iter().any(|p| p.line_start > 0) {
        f.pointers
            .iter()
            .filter(|p| p.line_start > 0)
            .map(|p| {
                json!({
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(file) },
                        // SARIF's end column is the one after the last character; Meta's
                        // is the last character.
                        "region": {
                            "startLine": p.line_start,
                            "startColumn": p.column_start.max(1),
                            "endLine": p.line_end.max(p.line_start),
                            "endColumn": p.column_end.max(p.column_start).max(1) + 1,
                        }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": p.path, "kind": "member" }],
                })
            })
            .collect()
    } else {
        vec![json!({ "physicalLocation": { "artifactLocation": { "uri": uri(file) } } })]
    };
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str(&format!(" Help: {help}"));
    }
    let mut r = json!({
        "ruleId": f.rule.unwrap_or(&f.error),
        "level": level(f.severity),
        "message": { "text": message },
        "locations": locations,
        "properties": { "metaError": f.error, "errorType": f.error_type },
    });
    if let Some(i) = index {
        r["ruleIndex"] = json!(i);
    }
    r
}

impl Renderer for Sarif {
    fn render(&self, checked: &[Checked]) -> Vec<u8> {
        let rules = all();
        let index_of = |code: &str| rules.iter().position(|r| r.code == code);
        let results: Vec<Value> = checked
            .iter()
            .flat_map(|c| {
                c.report
                    .errors()
                    .iter()
                    .chain(c.report.warnings())
                    .map(move |f| result(f, &c.name, f.rule.and_then(index_of)))
            })
            .collect();
        let doc = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "waflow",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules.iter().map(|r| rule_json(r)).collect::<Vec<_>>(),
                }},
                "columnKind": "utf16CodeUnits",
                "results": results,
            }],
        });
        let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
        out.push(b'\n');
        out
    }
}
