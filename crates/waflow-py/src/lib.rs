//! `waflow._waflow`, the extension module of the `waflow` wheel. Thin on purpose: each
//! function hands the library's (or the CLI's) own output to the Python package
//! (`python/waflow/__init__.py`), which shapes it for callers. Findings cross as the
//! library's Meta-spelled JSON (`Report::to_json(Spelling::Snake)`, what `waflow check
//! --format meta` prints), so the Python dicts have Meta's shape by construction.
//!
//! Validation, fixing and the CLI run without the GIL: nothing here touches a Python
//! object while the library works.

// PyO3's macros (#[pyfunction], #[pymodule]) expand to unsafe FFI code (the CPython
// calling convention, argument extraction, module init); the workspace denies
// unsafe_code, so this crate, and only this crate, allows it for the generated code. No
// hand-written unsafe code is here.
#![allow(unsafe_code)]

use std::ffi::OsString;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use waflow::catalog::versions::{self, VersionState};
use waflow::{FlowVersion, Options, Spelling};

/// The version a caller names: a Flow JSON version id as Meta writes it ("7.3"), one
/// waflow knows. One Meta refuses (frozen, unreleased) is accepted: the report then says
/// what Meta says of a flow declaring it.
fn named_version(version: Option<String>) -> PyResult<Option<FlowVersion>> {
    let Some(text) = version else {
        return Ok(None);
    };
    match FlowVersion::parse(&text).and_then(versions::lookup) {
        Some(info) if info.id == text => Ok(Some(info.version)),
        _ => {
            let active: Vec<&str> = versions::VERSIONS
                .iter()
                .filter(|v| v.state == VersionState::Active)
                .map(|v| v.id)
                .collect();
            Err(PyValueError::new_err(format!(
                "version: {text:?} is not a Flow JSON version (written as Meta writes them; \
                 the ones Meta accepts: {})",
                active.join(", ")
            )))
        }
    }
}

fn options(version: Option<String>, max_findings: Option<usize>) -> PyResult<Options> {
    let defaults = Options::default();
    let max_findings = match max_findings {
        None => defaults.max_findings,
        Some(0) => return Err(PyValueError::new_err("max_findings must be at least 1")),
        Some(n) => n,
    };
    Ok(Options {
        version: named_version(version)?,
        max_findings,
        ..defaults
    })
}

/// Validates `data` (the flow's bytes; invalid UTF-8 is a finding, as for Meta).
/// Returns the report as Meta-spelled JSON text (`{"validation_errors": [...],
/// "warnings": [...]}`) and the rule code of each error and each warning, in order.
#[pyfunction]
#[pyo3(signature = (data, version=None, max_findings=None))]
#[allow(clippy::type_complexity)]
fn validate(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    version: Option<String>,
    max_findings: Option<usize>,
) -> PyResult<(String, Vec<Option<&'static str>>, Vec<Option<&'static str>>)> {
    let options = options(version, max_findings)?;
    // Bytes objects are immutable and `data` keeps this one alive while we read it.
    let bytes = data.as_bytes();
    Ok(py.detach(|| {
        let report = waflow::validate_with(bytes, &options);
        let rules = |findings: &[waflow::Finding]| findings.iter().map(|f| f.rule).collect();
        (
            report.to_json(Spelling::Snake),
            rules(report.errors()),
            rules(report.warnings()),
        )
    }))
}

/// The text with the fixes applied (safe ones; unsafe ones too when asked), in rounds
/// until nothing changes, as `waflow check --fix` does.
#[pyfunction]
#[pyo3(signature = (text, unsafe_fixes=false, version=None))]
fn fix(
    py: Python<'_>,
    text: String,
    unsafe_fixes: bool,
    version: Option<String>,
) -> PyResult<String> {
    let options = options(version, None)?;
    Ok(py.detach(|| waflow::fix_text(&text, &options, unsafe_fixes).text))
}

/// One rule as `rules` gives it: `waflow rules --format json`'s fields in their order,
/// spelled as Meta spells findings (`error_type`), and the URL of its documentation.
#[derive(serde::Serialize)]
struct RuleOut {
    code: &'static str,
    error: &'static str,
    error_type: &'static str,
    severity: &'static str,
    since: Option<String>,
    until: Option<String>,
    summary: &'static str,
    doc: &'static str,
    fix: Option<FixOut>,
    url: String,
}

#[derive(serde::Serialize)]
struct FixOut {
    applicability: &'static str,
    what: &'static str,
}

/// Every rule, as JSON text (a list of [`RuleOut`]).
#[pyfunction]
fn rules() -> String {
    let rules: Vec<RuleOut> = waflow::registry::all()
        .iter()
        .map(|r| RuleOut {
            code: r.code,
            error: r.error,
            error_type: r.error_type,
            severity: r.severity.as_str(),
            since: r.since.map(|v| v.to_string()),
            until: r.until.map(|v| v.to_string()),
            summary: r.summary,
            doc: r.doc,
            fix: r.fix.map(|f| FixOut {
                applicability: f.applicability.as_str(),
                what: f.what,
            }),
            url: waflow::rule_doc_url(r.code),
        })
        .collect();
    // Strings and options of strings always serialize.
    serde_json::to_string(&rules).unwrap_or_else(|_| "[]".into())
}

/// Runs the `waflow` command line `argv` (the program name first) in this process, as
/// the `waflow` binary would: output on the process's stdout and stderr, the exit status
/// returned (0, 1 or 2), never an exit.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(|| waflow_cli::run(argv))
}

#[pymodule(name = "_waflow")]
fn waflow_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("LATEST", waflow::LATEST.to_string())?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    Ok(())
}
