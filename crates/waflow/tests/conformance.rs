//! Agreement with Meta's own validator: every record of `../shared/conformance` (or
//! `$WAFLOW_CONFORMANCE`) is a flow and what Meta's Flow-builder validator reported for it
//! (`<name>.builder.json`). This test validates each flow with the library and measures,
//! as `../shared/conformance/compare.py` does, how far waflow's `validationErrors` agree:
//!
//! - recall: of the flows the builder flags, the share waflow flags too;
//! - pairs: over the flows both flag, the share of the builder's (code, path) pairs
//!   that waflow reports;
//! - positions: of the pairs both report, the share at the builder's place (same start,
//!   waflow's inclusive end = the record's exclusive end - 1);
//! - extra verdicts: flows the builder passes that waflow rejects.
//!
//! It prints the figures and fails when one falls below the floor this project reached
//! (`FLOORS`), so agreement can only go up. Where waflow still differs, and why, is in
//! docs/conformance.md. When the records are absent (a checkout without ../shared), the
//! test says so and passes, as the corpus checks do.

// The figures are printed: the test output is where they are read (and quoted in the README).
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The floors, per record set: recall, pairs found, positions (shares), and the most
/// flows the builder passes that waflow may reject (each one is a documented divergence in
/// docs/conformance.md).
struct Floor {
    set: &'static str,
    recall: f64,
    pairs: f64,
    positions: f64,
    max_extra_verdicts: usize,
}

const FLOORS: &[Floor] = &[
    Floor {
        set: "mutated",
        recall: 1.0,
        pairs: 0.946,
        positions: 0.995,
        max_extra_verdicts: 24,
    },
    Floor {
        set: "testdata",
        recall: 1.0,
        pairs: 0.928,
        positions: 0.985,
        max_extra_verdicts: 6,
    },
];

fn records_dir() -> PathBuf {
    std::env::var_os("WAFLOW_CONFORMANCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance")
        })
}

/// The builder writes a hyphenated key as `['key']` (ajv) in its schema pass and as
/// `.key` in its semantic validators; waflow writes `.key` everywhere.
fn norm(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(at) = rest.find("['") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        match after.find("']") {
            Some(end) => {
                out.push('.');
                out.push_str(&after[..end]);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Only 5.1 to 7.3 are judged: below, the builder calls the version unsupported. A
/// record's version may be the JSON number the flow wrote (compare.py reads it as text).
fn judged(version: &Value) -> bool {
    let text = match version {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return false,
    };
    let Some((major, minor)) = text.split_once('.') else {
        return false;
    };
    match (major.trim().parse::<u32>(), minor.trim().parse::<u32>()) {
        (Ok(a), Ok(b)) => (5, 1) <= (a, b) && (a, b) <= (7, 3),
        _ => false,
    }
}

type Place = (u32, u32, u32, u32);

#[derive(Default)]
struct Figures {
    flagged: usize,
    recall: usize,
    pairs_builder: usize,
    pairs_found: usize,
    positions_compared: usize,
    positions_same: usize,
    passed: usize,
    extra_verdicts: Vec<String>,
}

fn share(a: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        a as f64 / n as f64
    }
}

fn measure(dir: &Path) -> Figures {
    let mut records: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("records are readable")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".builder.json"))
        .collect();
    records.sort();
    let mut fig = Figures::default();
    for record in records {
        let expected: Value =
            serde_json::from_slice(&std::fs::read(&record).expect("record")).expect("JSON");
        if !judged(&expected["version"]) {
            continue;
        }
        let flow = PathBuf::from(record.to_string_lossy().replace(".builder.json", ".json"));
        let report = waflow::validate_bytes(&std::fs::read(&flow).expect("flow"));
        let mut ours: BTreeMap<(String, String), Place> = BTreeMap::new();
        for f in report.errors() {
            for p in &f.pointers {
                ours.entry((f.error.to_string(), p.path.clone()))
                    .or_insert((p.line_start, p.column_start, p.line_end, p.column_end));
            }
        }
        let errors = expected["errors"].as_array().cloned().unwrap_or_default();
        if errors.is_empty() {
            fig.passed += 1;
            if !report.errors().is_empty() {
                let name = flow.file_name().unwrap_or_default().to_string_lossy();
                let codes: BTreeSet<&str> = report.errors().iter().map(|f| &*f.error).collect();
                fig.extra_verdicts.push(format!("{name}: {codes:?}"));
            }
            continue;
        }
        fig.flagged += 1;
        if report.errors().is_empty() {
            // compare.py counts pairs over the flows both flag; a silent flow counts
            // against recall only.
            continue;
        }
        fig.recall += 1;
        let mut theirs: BTreeMap<(String, String), Place> = BTreeMap::new();
        for e in &errors {
            let code = e["code"].as_str().unwrap_or_default();
            for p in e["pointers"].as_array().into_iter().flatten() {
                let at = |k: &str| p[k].as_u64().unwrap_or(0) as u32;
                theirs
                    .entry((
                        code.to_string(),
                        norm(p["path"].as_str().unwrap_or_default()),
                    ))
                    .or_insert((
                        at("lineStart"),
                        at("columnStart"),
                        at("lineEnd"),
                        at("columnEnd").saturating_sub(1),
                    ));
            }
        }
        fig.pairs_builder += theirs.len();
        for (pair, place) in &theirs {
            if let Some(mine) = ours.get(pair) {
                fig.pairs_found += 1;
                fig.positions_compared += 1;
                if mine == place {
                    fig.positions_same += 1;
                }
            }
        }
    }
    fig
}

#[test]
fn waflow_agrees_with_metas_builder_on_the_conformance_records() {
    let root = records_dir();
    if !root.is_dir() {
        println!(
            "no conformance records at {}; skipped (set WAFLOW_CONFORMANCE)",
            root.display()
        );
        return;
    }
    let mut failures = Vec::new();
    for floor in FLOORS {
        let dir = root.join(floor.set);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        let f = measure(&dir);
        let recall = share(f.recall, f.flagged);
        let pairs = share(f.pairs_found, f.pairs_builder);
        let positions = share(f.positions_same, f.positions_compared);
        println!(
            "conformance {}: builder flags {}: waflow flags {} ({:.1}%); builder's (code, path) pairs found {}/{} ({:.1}%); positions {}/{} ({:.1}%); builder passes {}: waflow rejects {}",
            floor.set,
            f.flagged,
            f.recall,
            recall * 100.0,
            f.pairs_found,
            f.pairs_builder,
            pairs * 100.0,
            f.positions_same,
            f.positions_compared,
            positions * 100.0,
            f.passed,
            f.extra_verdicts.len(),
        );
        for v in &f.extra_verdicts {
            println!("  builder passes, waflow rejects: {v}");
        }
        assert!(f.flagged > 100, "{}: records went missing", floor.set);
        let mut below = |what: &str, got: f64, want: f64| {
            if got + 1e-9 < want {
                failures.push(format!(
                    "{}: {what} {:.1}% < floor {:.1}%",
                    floor.set,
                    got * 100.0,
                    want * 100.0
                ));
            }
        };
        below("recall", recall, floor.recall);
        below("pairs found", pairs, floor.pairs);
        below("positions", positions, floor.positions);
        if f.extra_verdicts.len() > floor.max_extra_verdicts {
            failures.push(format!(
                "{}: {} flows the builder passes are rejected (at most {}; each must be a documented divergence in docs/conformance.md)",
                floor.set,
                f.extra_verdicts.len(),
                floor.max_extra_verdicts
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "agreement dropped:\n{}",
        failures.join("\n")
    );
}

#[test]
fn ajv_paths_read_as_waflow_writes_them() {
    assert_eq!(
        norm("screens[0].layout.children[2]['on-click-action'].name"),
        "screens[0].layout.children[2].on-click-action.name"
    );
    assert_eq!(norm("screens[1].id"), "screens[1].id");
}
