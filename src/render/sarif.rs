//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run;
//! the driver lists every rule of the registry (id, descriptions, help link, default
//! level, Meta's codes), results point at them by index.

use serde::Serialize;
use waflow::registry::all;
use waflow::RuleMeta;
use waflow::{Finding, Severity};

use super::{Checked, Renderer};

pub(crate) struct Sarif;

// The log as typed, borrowing structs, serialized straight into the output: building it
// as a `serde_json::Value` first took 150 MB and 0.18 s for a flow with 10,000 findings.
// Fields are declared in alphabetical order, the order the earlier `Value` maps printed,
// so the output is unchanged.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    tool: Tool<'a>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    information_uri: &'static str,
    name: &'static str,
    rules: Vec<Rule<'a>>,
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    default_configuration: Configuration,
    full_description: Text<'a>,
    help: Text<'a>,
    help_uri: String,
    id: &'a str,
    properties: Codes<'a>,
    short_description: Text<'a>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// Meta's codes of a rule or a finding.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Codes<'a> {
    error_type: &'a str,
    meta_error: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: Vec<Location<'a>>,
    message: OwnedText,
    properties: Codes<'a>,
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    /// The fixes the rule proposes (SARIF 3.55), when it has any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    artifact_changes: [ArtifactChange<'a>; 1],
    description: Text<'a>,
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    /// waflow's own: `safe` (applied by --fix) or `unsafe` (needs --unsafe-fixes).
    applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: Artifact<'a>,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    /// By byte offset (SARIF 3.30.2): exact whatever the line endings and columns.
    deleted_region: ByteRegion,
    inserted_content: Text<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ByteRegion {
    byte_length: u32,
    byte_offset: u32,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[Logical<'a>; 1]>,
    physical_location: Physical<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Logical<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: u32,
    end_line: u32,
    start_column: u32,
    start_line: u32,
}

fn rule(r: &RuleMeta) -> Rule<'_> {
    Rule {
        default_configuration: Configuration {
            level: level(r.severity),
        },
        full_description: Text { text: r.doc },
        help: Text { text: r.doc },
        help_uri: waflow::rule_doc_url(r.code),
        id: r.code,
        properties: Codes {
            error_type: r.error_type,
            meta_error: r.error,
        },
        short_description: Text { text: r.summary },
    }
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

fn result<'a>(f: &'a Finding, uri: &'a str, index: Option<usize>) -> SarifResult<'a> {
    let locations: Vec<Location<'a>> = if f.pointers.iter().any(|p| p.line_start > 0) {
        f.pointers
            .iter()
            .filter(|p| p.line_start > 0)
            .map(|p| Location {
                logical_locations: Some([Logical {
                    fully_qualified_name: &p.path,
                    kind: "member",
                }]),
                physical_location: Physical {
                    artifact_location: Artifact { uri },
                    // SARIF's end column is the one after the last character; Meta's is
                    // the last character. The region is the finer place when there is one
                    // (the logical location keeps Meta's path).
                    region: Some({
                        let (line_start, column_start, line_end, column_end) = p.shown();
                        Region {
                            end_column: column_end.max(column_start).max(1) + 1,
                            end_line: line_end.max(line_start),
                            start_column: column_start.max(1),
                            start_line: line_start,
                        }
                    }),
                },
            })
            .collect()
    } else {
        vec![Location {
            logical_locations: None,
            physical_location: Physical {
                artifact_location: Artifact { uri },
                region: None,
            },
        }]
    };
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str(" Help: ");
        message.push_str(help);
    }
    SarifResult {
        level: level(f.severity),
        locations,
        message: OwnedText { text: message },
        properties: Codes {
            error_type: &f.error_type,
            meta_error: &f.error,
        },
        rule_id: f.rule.unwrap_or(&f.error),
        rule_index: index,
        fixes: f.fixes.iter().map(|fix| sarif_fix(fix, uri)).collect(),
    }
}

fn sarif_fix<'a>(fix: &'a waflow::fix::Fix, uri: &'a str) -> SarifFix<'a> {
    SarifFix {
        artifact_changes: [ArtifactChange {
            artifact_location: Artifact { uri },
            replacements: fix
                .edits
                .iter()
                .map(|e| Replacement {
                    deleted_region: ByteRegion {
                        byte_length: e.span.end.saturating_sub(e.span.start),
                        byte_offset: e.span.start,
                    },
                    inserted_content: Text {
                        text: &e.replacement,
                    },
                })
                .collect(),
        }],
        description: Text { text: &fix.title },
        properties: FixProperties {
            applicability: fix.applicability.as_str(),
        },
    }
}

impl Renderer for Sarif {
    fn render(&self, checked: &[Checked]) -> Vec<u8> {
        let rules = all();
        let index_of = |code: &str| rules.iter().position(|r| r.code == code);
        let uris: Vec<String> = checked.iter().map(|c| uri(&c.name)).collect();
        let results = checked
            .iter()
            .zip(&uris)
            .flat_map(|(c, uri)| {
                c.report
                    .in_order()
                    .map(move |f| result(f, uri, f.rule.and_then(index_of)))
            })
            .collect();
        let log = Log {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            runs: [Run {
                column_kind: "utf16CodeUnits",
                results,
                tool: Tool {
                    driver: Driver {
                        information_uri: env!("CARGO_PKG_REPOSITORY"),
                        name: "waflow",
                        rules: rules.iter().map(|r| rule(r)).collect(),
                        version: env!("CARGO_PKG_VERSION"),
                    },
                },
            }],
            version: "2.1.0",
        };
        let mut out = serde_json::to_vec_pretty(&log).unwrap_or_default();
        out.push(b'\n');
        out
    }
}
