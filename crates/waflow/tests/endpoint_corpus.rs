//! Real endpoint responses judged against the real flows they answer.
//!
//! `testdata/endpoint/corpus/<stem>.jsonl` holds, one `{"request": ..., "response": ...}`
//! a line, the decrypted responses that public endpoint code sends for the corpus flow
//! `<stem>.json` (Meta's WhatsApp-Flows-Tools examples, pywa's documentation, Kapso's
//! flowso); testdata/endpoint/corpus/README.md gives the source of every line. waflow
//! must find no error in them (warnings are allowed and shown when the test fails).
//!
//! `<stem>.rejected.jsonl` holds the real responses waflow does reject, each with
//! `"expect": {"rule": ..., "verdict": ...}`: `source-wrong` (the source's response breaks
//! the flow's contract; waflow is right) or `waflow-false-positive` (Meta accepts it;
//! when waflow stops rejecting it, move the line to `<stem>.jsonl`).
//!
//! The flows live in the real-flow corpus, `../shared/corpus/real` beside the repository
//! or `$WAFLOW_CORPUS`; without it the test says so and checks nothing (with
//! `$WAFLOW_CORPUS` set, a missing corpus fails).
#![allow(clippy::print_stderr)] // a skipped test, and the warnings with --nocapture, say so on stderr

use std::path::{Path, PathBuf};

use waflow::endpoint::{Contract, Request};
use waflow::{Finding, Options, Severity};

/// What the corpus copy of a flow needs before it is a Flow JSON text.
#[derive(Clone, Copy, PartialEq)]
enum Text {
    /// Taken as it is.
    AsIs,
    /// Raw line feeds inside strings written as `\n`: the copy captured from kairon's
    /// metadata has one inside an `__example__` (MANIFEST.tsv says so); Meta's own copy
    /// of the template, in the responses of WhatsApp-Flows-Tools, has it escaped.
    EscapeLineFeeds,
}

/// Each recorded file's stem and its flow, relative to the corpus root.
const FLOWS: &[(&str, &str, Text)] = &[
    (
        "meta-template-FLOWS_BOOK_APPOINTMENT",
        "digiteinfotech__kairon/meta-template-FLOWS_BOOK_APPOINTMENT.json",
        Text::EscapeLineFeeds,
    ),
    (
        "docs-sign_up_flow-block1",
        "david-lev__pywa/docs-sign_up_flow-block1.json",
        Text::AsIs,
    ),
    (
        "docs-overview-sign_in_flow",
        "david-lev__pywa/docs-overview-sign_in_flow.json",
        Text::AsIs,
    ),
    (
        "appointment.flow",
        "gokapso__flowso/appointment.flow.json",
        Text::AsIs,
    ),
    (
        "templates-booking-flow",
        "gokapso__flowso/templates-booking-flow.json",
        Text::AsIs,
    ),
];

fn recorded() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/endpoint/corpus")
}

fn corpus() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("WAFLOW_CORPUS") {
        let dir = PathBuf::from(dir);
        assert!(
            dir.is_dir(),
            "$WAFLOW_CORPUS is no directory: {}",
            dir.display()
        );
        return Some(dir);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "no real-flow corpus at {} (nor $WAFLOW_CORPUS): the corpus responses are not checked",
            dir.display()
        );
        None
    }
}

fn escape_line_feeds(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else if c == '\n' {
                out.push_str("\\n");
                continue;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    out
}

/// The contract of a corpus flow. The corpus archives flows on Flow JSON versions Meta
/// has frozen (3.0, 3.1): that says nothing about what their endpoints may answer, so
/// `frozen-version` is a warning here.
fn contract(root: &Path, flow: &str, how: Text) -> Contract {
    let path = root.join(flow);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = match how {
        Text::AsIs => text,
        Text::EscapeLineFeeds => escape_line_feeds(&text),
    };
    let options = Options {
        frozen_version: Severity::Warning,
        ..Options::default()
    };
    Contract::of(&text, &options).unwrap_or_else(|e| {
        let why = match &e {
            waflow::endpoint::ContractError::FlowHasErrors(report) => listed(report.errors()),
            _ => String::new(),
        };
        panic!("{}: {e}\n{why}", path.display())
    })
}

fn listed(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let (line, column) = f
                .pointers
                .first()
                .map_or((0, 0), |p| (p.line_start, p.column_start));
            format!(
                "    line {line}:{column} {} [{}] {}\n",
                f.severity.as_str(),
                f.rule.unwrap_or("-"),
                f.message
            )
        })
        .collect()
}

fn non_blank(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

#[test]
fn real_responses_meet_the_contract_of_their_flows() {
    let Some(root) = corpus() else { return };
    let mut failures = Vec::new();
    let mut shown = Vec::new();
    let mut responses = 0;
    for (stem, flow, how) in FLOWS {
        let path = recorded().join(format!("{stem}.jsonl"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        responses += non_blank(&text);
        let report = contract(&root, flow, *how).check_lines(&text, Request::default());
        let all: Vec<Finding> = report
            .errors()
            .iter()
            .chain(report.warnings())
            .cloned()
            .collect();
        if !all.is_empty() {
            shown.push(format!("{stem}.jsonl against {flow}:\n{}", listed(&all)));
        }
        if !report.errors().is_empty() {
            failures.push(format!("{stem}.jsonl: {} error(s)", report.errors().len()));
        }
    }
    // Shown with `--nocapture`: the warnings the real responses draw.
    eprintln!("{}", shown.join("\n"));
    assert!(
        failures.is_empty(),
        "{}\n\nevery finding:\n{}",
        failures.join("\n"),
        shown.join("\n")
    );
    assert!(
        responses >= 40,
        "the corpus responses went missing: {responses}"
    );
}

#[test]
fn rejected_real_responses_draw_the_recorded_error() {
    let Some(root) = corpus() else { return };
    let mut failures = Vec::new();
    let mut lines = 0;
    for (stem, flow, how) in FLOWS {
        let path = recorded().join(format!("{stem}.rejected.jsonl"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let c = contract(&root, flow, *how);
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            lines += 1;
            let at = format!("{stem}.rejected.jsonl:{}", i + 1);
            let line_json: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{at}: {e}"));
            let rule = line_json["expect"]["rule"].as_str().expect("expect.rule");
            let verdict = line_json["expect"]["verdict"]
                .as_str()
                .expect("expect.verdict");
            assert!(
                matches!(verdict, "source-wrong" | "waflow-false-positive"),
                "{at}: verdict {verdict:?}"
            );
            let report = c.check_lines(line, Request::default());
            let fired = report.errors().iter().any(|f| f.rule == Some(rule));
            if !fired {
                let what = if verdict == "waflow-false-positive" {
                    format!("waflow no longer rejects this real response with {rule}: move the line to {stem}.jsonl (and out of the README's false positives)")
                } else {
                    format!("waflow no longer reports {rule} on a response that breaks the flow's contract")
                };
                failures.push(format!(
                    "{at}: {what}\n{}",
                    listed(
                        &report
                            .errors()
                            .iter()
                            .chain(report.warnings())
                            .cloned()
                            .collect::<Vec<_>>()
                    )
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(lines >= 1, "the rejected corpus responses went missing");
}

#[test]
fn every_recorded_file_names_a_corpus_flow() {
    let mut unknown = Vec::new();
    for entry in std::fs::read_dir(recorded()).expect("testdata/endpoint/corpus") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_suffix(".rejected.jsonl")
            .or_else(|| name.strip_suffix(".jsonl"))
        else {
            continue;
        };
        if !FLOWS.iter().any(|(s, _, _)| *s == stem) {
            unknown.push(name);
        }
    }
    assert!(
        unknown.is_empty(),
        "files with no flow in FLOWS: {unknown:?}"
    );
}

/// The JSON Schema `waflow endpoint schema` gives each flow accepts every real response
/// that the check finds nothing in (the replies to a ping or an error notification aside:
/// they answer no screen and live under `$defs`). A response the check warns about (the
/// appointment endpoint written for an older copy of its flow) may fail the schema,
/// which requires what a screen reads.
#[test]
fn the_generated_schemas_accept_the_real_responses() {
    let Some(root) = corpus() else { return };
    let mut failures = Vec::new();
    let mut checked = 0;
    for (stem, flow, how) in FLOWS {
        let c = contract(&root, flow, *how);
        let schema = c.schema(None).expect("a schema");
        let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
        // The schema refuses what it must: a screen the flow does not have.
        let nowhere = serde_json::json!({"screen": "NOWHERE", "data": {}});
        assert!(
            !validator.is_valid(&nowhere),
            "{stem}: the schema accepts anything"
        );
        let path = recorded().join(format!("{stem}.jsonl"));
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let pair: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let request = &pair["request"];
            if request["action"] == "ping" || request["data"].get("error").is_some() {
                continue;
            }
            if c.check_lines(line, Request::default())
                .in_order()
                .next()
                .is_some()
            {
                continue;
            }
            checked += 1;
            let errors: Vec<String> = validator
                .iter_errors(&pair["response"])
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            if !errors.is_empty() {
                failures.push(format!("{stem}.jsonl:{}: {}", n + 1, errors.join("; ")));
            }
        }
    }
    assert!(checked >= 30, "only {checked} responses were checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
