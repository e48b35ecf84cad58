//! Runs every flow under `testdata/` and compares its findings with the snapshot next to
//! it (`<name>.json` -> `<name>.snap`). `WAFLOW_BLESS=1 cargo test` rewrites snapshots;
//! review the diff before committing.
//!
//! In a folder named after a rule code, files named `invalid*` must trigger that rule and
//! files named `valid*` must not, so a snapshot can't silently bless a rule that stopped
//! firing. A flow whose findings propose fixes has its fixed text next to it
//! (`<name>.fixed`: every fix applied, safe and unsafe).

use std::path::{Path, PathBuf};

mod snapshot;
use snapshot::snapshot;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

fn flows(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("testdata is readable")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // Endpoint responses, not flows: tests/endpoint.rs runs them.
            if path.file_name().is_some_and(|n| n == "endpoint") && dir == testdata() {
                continue;
            }
            flows(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_testdata_flow_matches_its_snapshot() {
    let bless = std::env::var_os("WAFLOW_BLESS").is_some();
    let mut paths = Vec::new();
    flows(&testdata(), &mut paths);
    assert!(
        paths.len() >= 20,
        "testdata went missing: {} flows",
        paths.len()
    );
    let mut failures = Vec::new();
    // Rules whose findings proposed a fix in their own folder.
    let mut fixing = std::collections::BTreeSet::new();
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable flow");
        let report = waflow::validate_bytes(&bytes);
        let actual = snapshot(&report);
        let snap = path.with_extension("snap");
        let name = path
            .strip_prefix(testdata())
            .unwrap_or(path)
            .display()
            .to_string();

        // Every finding names a registered rule: a rule that fires but is missing from the
        // registry would have no docs, no configuration and no testdata contract.
        for f in report.errors().iter().chain(report.warnings()) {
            let Some(meta) = f.rule.and_then(waflow::registry::by_code) else {
                failures.push(format!("{name}: finding of unregistered rule {:?}", f.rule));
                continue;
            };
            // A fix the rule's documentation does not declare, or declares otherwise.
            for fix in &f.fixes {
                if !meta
                    .fix
                    .is_some_and(|d| d.applicability.allows(fix.applicability))
                {
                    failures.push(format!(
                        "{name}: {} proposes a {} fix ({:?}) its declaration does not allow",
                        meta.code,
                        fix.applicability.as_str(),
                        fix.title
                    ));
                }
            }
        }

        // The rule-folder contract.
        let folder = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str());
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if let Some(rule) = folder.and_then(waflow::registry::by_code) {
            if report
                .errors()
                .iter()
                .chain(report.warnings())
                .any(|f| f.rule == Some(rule.code) && !f.fixes.is_empty())
            {
                fixing.insert(rule.code);
            }
            let fired = report
                .errors()
                .iter()
                .chain(report.warnings())
                .any(|f| f.rule == Some(rule.code));
            if stem.starts_with("invalid") && !fired {
                failures.push(format!("{name}: expected rule {} to fire", rule.code));
            }
            if stem.starts_with("valid") && fired {
                failures.push(format!("{name}: rule {} fired on a valid flow", rule.code));
            }
        }

        // Every fix has its expected result: the flow with all fixes applied (safe and
        // unsafe), next to it as `<name>.fixed`.
        let fixed_path = path.with_extension("fixed");
        let fixed = std::str::from_utf8(&bytes)
            .ok()
            .map(|text| waflow::fix_text(text, &waflow::Options::default(), true))
            .filter(|f| f.applied > 0)
            .map(|f| f.text);
        if bless {
            match &fixed {
                Some(text) => std::fs::write(&fixed_path, text).expect("writable fixed text"),
                None => {
                    let _ = std::fs::remove_file(&fixed_path);
                }
            }
        } else {
            match (&fixed, std::fs::read_to_string(&fixed_path).ok()) {
                (Some(text), Some(expected)) if *text == expected => {}
                (None, None) => {}
                (Some(text), expected) => failures.push(format!(
                    "{name}: fixed text differs from {}\n--- expected\n{}\n+++ actual\n{text}",
                    fixed_path.display(),
                    expected.unwrap_or_default()
                )),
                (None, Some(_)) => failures.push(format!(
                    "{name}: no fix applies any more, but {} exists",
                    fixed_path.display()
                )),
            }
        }

        if bless {
            std::fs::write(&snap, &actual).expect("writable snapshot");
            continue;
        }
        match std::fs::read_to_string(&snap) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: findings differ from {}\n--- expected\n{expected}+++ actual\n{actual}",
                snap.display()
            )),
            Err(_) => failures.push(format!("{name}: no snapshot (run with WAFLOW_BLESS=1)")),
        }
    }
    // Every rule that declares a fix shows it on a flow of its own folder (whose `.fixed`
    // holds the result), and only those rules propose fixes there.
    let declared: std::collections::BTreeSet<&str> = waflow::registry::all()
        .iter()
        .filter(|r| r.fix.is_some())
        .map(|r| r.code)
        .collect();
    for code in declared.difference(&fixing) {
        failures.push(format!(
            "{code} declares a fix but no testdata/{code}/ flow shows it"
        ));
    }
    for code in fixing.difference(&declared) {
        failures.push(format!("{code} proposes fixes but declares none"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_snapshot_has_its_flow() {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "snap")
                && !p.with_extension("json").exists()
            {
                out.push(p.display().to_string());
            }
        }
    }
    let mut orphans = Vec::new();
    walk(&testdata(), &mut orphans);
    assert!(orphans.is_empty(), "snapshots without a flow: {orphans:?}");
}

/// Folders of testdata/ that are not named after a rule.
const NOT_RULES: &[&str] = &["_gen", "components", "examples", "endpoint"];

/// A folder named after no registered rule would be skipped by the rule-folder contract:
/// a renamed or unregistered rule must not silently lose its tests.
#[test]
fn every_testdata_folder_is_a_registered_rule() {
    let strays: Vec<String> = std::fs::read_dir(testdata())
        .expect("testdata is readable")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !NOT_RULES.contains(&n.as_str()) && waflow::registry::by_code(n).is_none())
        .collect();
    assert!(
        strays.is_empty(),
        "testdata folders of no registered rule: {strays:?}"
    );
}

#[test]
fn every_rule_has_a_testdata_folder_with_a_failing_and_a_passing_flow() {
    // A flow over 10 MiB does not belong in the repository; tests/robustness.rs makes
    // them. So is a document nested deeper than 256 levels (tests/robustness.rs).
    // `too-many-findings` needs a cap below a real flow's findings (tests/robustness.rs).
    const GENERATED: &[&str] = &[
        "flow-json-too-large",
        "too-deep-to-check",
        "too-many-findings",
    ];
    let mut missing = Vec::new();
    for rule in waflow::registry::all()
        .iter()
        .filter(|r| !GENERATED.contains(&r.code))
    {
        // The checks of endpoint responses keep their responses under testdata/endpoint/.
        let dir = if rule.error_type == waflow::endpoint::ENDPOINT_RESPONSE_ERROR {
            testdata().join("endpoint").join(rule.code)
        } else {
            testdata().join(rule.code)
        };
        let names: Vec<String> = std::fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let has = |prefix: &str| {
            names
                .iter()
                .any(|n| n.starts_with(prefix) && n.ends_with(".json"))
        };
        if !has("invalid") || !has("valid") {
            missing.push(rule.code);
        }
    }
    assert!(
        missing.is_empty(),
        "rules without invalid*/valid* flows in testdata/: {missing:?}"
    );
}
