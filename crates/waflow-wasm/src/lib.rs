//! waflow for JavaScript: the library's validation, rules, fixes, graph and version,
//! exported with wasm-bindgen for the npm package in `npm/` (built by `.ci/wasm`).
//!
//! The exports here are the raw layer: they take primitives and return JSON text. The
//! package's own JavaScript (npm/node.mjs, npm/web.mjs through npm/api.mjs) checks the
//! options object and parses the JSON with `JSON.parse`, so JavaScript gets plain objects
//! made from exactly the bytes the CLI writes: `Report::to_json` and `Report::fix_list`
//! are the library's own serializers, key order and nulls included, and the package's
//! tests compare the text with the CLI's. serde-wasm-bindgen would be a second path to
//! keep equal (by default it makes ES `Map`s of serialized maps, which the finding
//! serializer writes, and `undefined` of `None`) for little gain: `JSON.parse` takes 17
//! of 80 ms on a report of 10,080 findings (3.3 MB of JSON), nothing on usual flows.
//!
//! Everything that decides something lives in plain Rust functions ([`report_json`],
//! [`rules_json`], [`graph_text`], [`fixed_text`], [`Settings`]) that the crate's tests
//! run natively; the `#[wasm_bindgen]` functions only convert errors into JavaScript
//! exceptions.

// No unsafe code is written here. `#[wasm_bindgen]` does expand to unsafe blocks (the ABI
// glue of every export), but rustc does not report `unsafe_code` in code an external
// macro generates, so forbidding it here holds this file's own code, as the libraries'
// forbid holds theirs, and needs no allow for the glue.
#![forbid(unsafe_code)]

use wasm_bindgen::prelude::*;

use waflow::catalog::versions::{self, VersionState};
use waflow::{FlowVersion, Options, Severity, Spelling};

/// What the JavaScript options object asked for, in the library's terms.
#[derive(Debug)]
pub struct Settings {
    /// The spelling of the findings.
    pub spelling: Spelling,
    /// The library's options (the findings cap, the frozen-version severity).
    pub options: Options,
}

impl Settings {
    /// `spelling`: "8x8" (camelCase, the default) or "meta" (snake_case);
    /// `max_findings`: at least 1, as the CLI's `--max-findings`; `frozen_version`:
    /// "error" (the default) or "warning"; `version`: judge the flow as this Flow JSON
    /// version (`Options::version`), as Meta writes it ("7.3").
    pub fn new(
        spelling: Option<&str>,
        max_findings: Option<u32>,
        frozen_version: Option<&str>,
        version: Option<&str>,
    ) -> Result<Settings, String> {
        let spelling = match spelling.unwrap_or("8x8") {
            "8x8" => Spelling::Camel,
            "meta" => Spelling::Snake,
            other => {
                return Err(format!(
                    "unknown spelling {other:?}: expected \"8x8\" or \"meta\""
                ))
            }
        };
        let mut options = Options::default();
        if let Some(n) = max_findings {
            if n == 0 {
                return Err("maxFindings must be at least 1".into());
            }
            options.max_findings = n as usize;
        }
        if let Some(level) = frozen_version {
            options.frozen_version = level
                .parse::<Severity>()
                .map_err(|e| format!("frozenVersion: {e}"))?;
        }
        options.version = version.map(named_version).transpose()?;
        Ok(Settings { spelling, options })
    }
}

/// A Flow JSON version a caller names, as Meta writes it ("7.3"), one waflow knows (as
/// the Python package's `version=`). One Meta refuses (frozen, unreleased) is accepted:
/// the report then says what Meta says of a flow declaring it.
fn named_version(text: &str) -> Result<FlowVersion, String> {
    match FlowVersion::parse(text).and_then(versions::lookup) {
        Some(info) if info.id == text => Ok(info.version),
        _ => {
            let active: Vec<&str> = versions::VERSIONS
                .iter()
                .filter(|v| v.state == VersionState::Active)
                .map(|v| v.id)
                .collect();
            Err(format!(
                "version: {text:?} is not a Flow JSON version (written as Meta writes them; \
                 the ones Meta accepts: {})",
                active.join(", ")
            ))
        }
    }
}

/// The findings of one document, as the CLI's `--format json` (8x8) or `--format meta`
/// writes them for one file, without its `file` key: the library's
/// `{"validationErrors":[...],"warnings":[...]}` (`validation_errors` in Meta's
/// spelling), then `"fixes":[...]` when a finding proposes one: `Report::fix_list`, the
/// list src/render/json.rs writes. Compact JSON.
pub fn report_json(bytes: &[u8], settings: &Settings) -> String {
    let report = waflow::validate_with(bytes, &settings.options);
    let mut out = report.to_json(settings.spelling);
    let fixes = report.fix_list(settings.spelling);
    if !fixes.is_empty() {
        // `to_json` is one object; the fixes go in as its last key, as the CLI puts them.
        out.pop();
        out.push_str(",\"fixes\":");
        out.push_str(&serde_json::Value::Array(fixes).to_string());
        out.push('}');
    }
    out
}

/// The flow's screens and the ways between them (`waflow::graph`), as `waflow graph
/// --format json|mermaid|dot` prints them (JSON compact here); `None` when the text is
/// not a JSON object with `screens`.
pub fn graph_text(text: &str, format: Option<&str>) -> Result<Option<String>, String> {
    let render = match format.unwrap_or("json") {
        "json" => |g: &waflow::graph::Graph| serde_json::to_string(g).unwrap_or_default(),
        "mermaid" => |g: &waflow::graph::Graph| g.to_mermaid(),
        "dot" => |g: &waflow::graph::Graph| g.to_dot(),
        other => {
            return Err(format!(
                "unknown graph format {other:?}: expected \"json\", \"mermaid\" or \"dot\""
            ))
        }
    };
    Ok(waflow::graph::Graph::of(text).map(|g| render(&g)))
}

/// Every rule, as `waflow rules --format json` lists them (src/rules.rs): code, error,
/// errorType, severity, since, until, summary, doc, fix. Compact JSON.
pub fn rules_json() -> String {
    let rules: Vec<serde_json::Value> = waflow::registry::all()
        .iter()
        .map(|r| r.to_json())
        .collect();
    serde_json::Value::Array(rules).to_string()
}

/// Validates a string; returns the findings as JSON text (see [`report_json`]).
#[wasm_bindgen(js_name = validateText)]
pub fn validate_text(
    text: &str,
    spelling: Option<String>,
    max_findings: Option<u32>,
    frozen_version: Option<String>,
    version: Option<String>,
) -> Result<String, JsError> {
    let settings = settings(spelling, max_findings, frozen_version, version)?;
    Ok(report_json(text.as_bytes(), &settings))
}

/// Validates bytes (a file as read: a BOM or invalid UTF-8 is a finding, as in the CLI).
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes(
    bytes: &[u8],
    spelling: Option<String>,
    max_findings: Option<u32>,
    frozen_version: Option<String>,
    version: Option<String>,
) -> Result<String, JsError> {
    let settings = settings(spelling, max_findings, frozen_version, version)?;
    Ok(report_json(bytes, &settings))
}

fn settings(
    spelling: Option<String>,
    max_findings: Option<u32>,
    frozen_version: Option<String>,
    version: Option<String>,
) -> Result<Settings, JsError> {
    Settings::new(
        spelling.as_deref(),
        max_findings,
        frozen_version.as_deref(),
        version.as_deref(),
    )
    .map_err(|e| JsError::new(&e))
}

/// The flow's graph as text (see [`graph_text`]); `undefined` when it has no screens.
#[wasm_bindgen(js_name = graphText)]
pub fn graph_text_export(text: &str, format: Option<String>) -> Result<Option<String>, JsError> {
    graph_text(text, format.as_deref()).map_err(|e| JsError::new(&e))
}

/// Every finding of `text` with what waflow adds to Meta's shape, for editors (the
/// playground): errors then warnings, each `{rule, severity, error, errorType, message,
/// help, doc, pointers: [{lineStart, lineEnd, columnStart, columnEnd, path, shown}]}`,
/// where `shown` is the finer place to underline (`Pointer::shown`) and `doc` the rule's
/// documentation. Meta's shape (`validate`) has no rule code, and one Meta code covers
/// several rules, so an editor that links a finding to its rule needs this.
pub fn findings_json(bytes: &[u8], settings: &Settings) -> String {
    let report = waflow::validate_with(bytes, &settings.options);
    let one = |f: &waflow::Finding| {
        let pointers: Vec<serde_json::Value> = f
            .pointers
            .iter()
            .map(|p| {
                let (ls, cs, le, ce) = p.shown();
                serde_json::json!({
                    "lineStart": p.line_start,
                    "lineEnd": p.line_end,
                    "columnStart": p.column_start,
                    "columnEnd": p.column_end,
                    "path": p.path,
                    "shown": {"lineStart": ls, "columnStart": cs, "lineEnd": le, "columnEnd": ce},
                })
            })
            .collect();
        serde_json::json!({
            "rule": f.rule,
            "severity": f.severity.as_str(),
            "error": f.error,
            "errorType": f.error_type,
            "message": f.message,
            "help": f.help,
            "doc": f.doc_url(),
            "pointers": pointers,
        })
    };
    let all: Vec<serde_json::Value> = report
        .errors()
        .iter()
        .chain(report.warnings())
        .map(one)
        .collect();
    serde_json::Value::Array(all).to_string()
}

/// Every finding with waflow's additions, as JSON text (see [`findings_json`]).
#[wasm_bindgen(js_name = findingsText)]
pub fn findings_text(
    text: &str,
    max_findings: Option<u32>,
    frozen_version: Option<String>,
    version: Option<String>,
) -> Result<String, JsError> {
    let settings = settings(None, max_findings, frozen_version, version)?;
    Ok(findings_json(text.as_bytes(), &settings))
}

/// Every rule as JSON text (see [`rules_json`]).
#[wasm_bindgen(js_name = rulesJson)]
pub fn rules_json_export() -> String {
    rules_json()
}

/// waflow's version (the Cargo workspace's, which the npm package's version equals).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The text with its fixes applied, as `waflow::fix_text` gives it: the safe fixes, and
/// the unsafe ones too when `unsafe_fixes` is true; judged as `version` when named.
pub fn fixed_text(text: &str, unsafe_fixes: bool, version: Option<&str>) -> Result<String, String> {
    let settings = Settings::new(None, None, None, version)?;
    Ok(waflow::fix_text(text, &settings.options, unsafe_fixes).text)
}

/// The fixed text (see [`fixed_text`]).
#[wasm_bindgen(js_name = fixText)]
pub fn fix_text(
    text: &str,
    unsafe_fixes: bool,
    version: Option<String>,
) -> Result<String, JsError> {
    fixed_text(text, unsafe_fixes, version.as_deref()).map_err(|e| JsError::new(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str, settings: &Settings) -> serde_json::Value {
        serde_json::from_str(&report_json(text.as_bytes(), settings)).expect("JSON")
    }

    fn defaults() -> Settings {
        Settings::new(None, None, None, None).unwrap()
    }

    const TYPO: &str = r#"{"version": "7.3", "screens": [{"id": "END",
  "title": "Thanks", "terminal": true, "layout": {"type": "SingleColumnLayout",
  "children": [{"type": "TextInput", "name": "n", "label": "Name", "initial-text": "x"}]}}]}"#;

    #[test]
    fn findings_are_the_librarys_json_then_the_fixes() {
        let settings = defaults();
        let report = waflow::validate(TYPO);
        let text = report_json(TYPO.as_bytes(), &settings);
        let library = report.to_json(Spelling::Camel);
        // The library's bytes, the fixes appended as the last key.
        assert!(text.starts_with(&library[..library.len() - 1]), "{text}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let error = &v["validationErrors"][0];
        assert_eq!(error["error"], "INVALID_PROPERTY_KEY");
        assert_eq!(error["lineStart"], 3);
        assert_eq!(
            v["fixes"],
            serde_json::Value::Array(report.fix_list(Spelling::Camel))
        );
        let fix = &v["fixes"][0];
        assert_eq!(fix["finding"]["list"], "validationErrors");
        assert_eq!(fix["finding"]["index"], 0);
        assert_eq!(fix["rule"], report.errors()[0].rule.unwrap());
        // A guess among property names: unsafe.
        assert_eq!(fix["applicability"], "unsafe");
        let edit = &fix["edits"][0];
        let (start, end) = (
            edit["start"].as_u64().unwrap(),
            edit["end"].as_u64().unwrap(),
        );
        assert_eq!(&TYPO[start as usize..end as usize], "\"initial-text\"");
        assert_eq!(edit["replacement"], "\"init-value\"");
    }

    #[test]
    fn meta_spelling_names_the_list_and_the_fix_by_metas_key() {
        let settings = Settings::new(Some("meta"), None, None, None).unwrap();
        let v = json(TYPO, &settings);
        assert_eq!(v["validation_errors"][0]["line_start"], 3);
        assert!(v.get("validationErrors").is_none());
        assert_eq!(v["fixes"][0]["finding"]["list"], "validation_errors");
    }

    #[test]
    fn a_valid_flow_has_no_fixes_key() {
        let valid = include_str!("../../../testdata/examples/valid-survey.json");
        let v = json(valid, &defaults());
        assert_eq!(v["validationErrors"], serde_json::json!([]));
        assert!(v.get("fixes").is_none(), "{v}");
    }

    #[test]
    fn options_map_to_the_librarys_and_refuse_unknown_values() {
        let s = Settings::new(Some("8x8"), Some(3), Some("warning"), Some("6.0")).unwrap();
        assert_eq!(s.spelling, Spelling::Camel);
        assert_eq!(s.options.max_findings, 3);
        assert_eq!(s.options.frozen_version, Severity::Warning);
        let d = defaults();
        assert_eq!(d.options.max_findings, Options::default().max_findings);
        assert_eq!(d.options.frozen_version, Severity::Error);
        assert_eq!(s.options.version, FlowVersion::parse("6.0"));
        assert_eq!(d.options.version, None);
        for (spelling, max, frozen, version, says) in [
            (
                Some("camel"),
                None,
                None,
                None,
                "unknown spelling \"camel\"",
            ),
            (None, Some(0), None, None, "maxFindings must be at least 1"),
            (
                None,
                None,
                Some("info"),
                None,
                "frozenVersion: unknown severity 'info'",
            ),
            // Written as Meta writes it, and known.
            (
                None,
                None,
                None,
                Some("7.30"),
                "version: \"7.30\" is not a Flow JSON version",
            ),
            (
                None,
                None,
                None,
                Some("99.0"),
                "version: \"99.0\" is not a Flow JSON version",
            ),
        ] {
            let e = Settings::new(spelling, max, frozen, version).unwrap_err();
            assert!(e.starts_with(says), "{e}");
        }
    }

    #[test]
    fn frozen_version_lowered_moves_the_finding_to_warnings() {
        let old = r#"{"version": "5.0", "screens": []}"#;
        let error = json(old, &defaults());
        let lowered = json(
            old,
            &Settings::new(None, None, Some("warning"), None).unwrap(),
        );
        let is_frozen =
            |f: &serde_json::Value| f["message"].as_str().is_some_and(|m| m.contains("frozen"));
        assert!(
            error["validationErrors"]
                .as_array()
                .unwrap()
                .iter()
                .any(is_frozen),
            "{error}"
        );
        assert!(
            lowered["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(is_frozen),
            "{lowered}"
        );
        assert!(!lowered["validationErrors"]
            .as_array()
            .unwrap()
            .iter()
            .any(is_frozen));
    }

    #[test]
    fn rules_are_the_registry_in_order() {
        let v: serde_json::Value = serde_json::from_str(&rules_json()).unwrap();
        let listed = v.as_array().unwrap();
        let all = waflow::registry::all();
        assert_eq!(listed.len(), all.len());
        for (l, r) in listed.iter().zip(all) {
            assert_eq!(l["code"], r.code);
            assert_eq!(l["errorType"], r.error_type);
            assert_eq!(l["fix"].is_null(), r.fix.is_none(), "{}", r.code);
        }
    }

    #[test]
    fn fix_text_applies_safe_fixes_and_unsafe_ones_only_when_asked() {
        // The rename of `initial-text` is a guess (unsafe); a trailing comma's removal is
        // safe.
        assert_eq!(fixed_text(TYPO, false, None).unwrap(), TYPO);
        let fixed = fixed_text(TYPO, true, None).unwrap();
        assert!(fixed.contains("\"init-value\": \"x\""), "{fixed}");
        assert!(!fixed.contains("initial-text"));
        let comma =
            include_str!("../../../testdata/invalid-json/invalid-trailing-comma-in-array.json");
        let expected =
            include_str!("../../../testdata/invalid-json/invalid-trailing-comma-in-array.fixed");
        assert_eq!(fixed_text(comma, false, None).unwrap(), expected);
    }

    /// The npm package's version is the workspace's (npm/README.md, "Releasing").
    #[test]
    fn the_npm_package_has_the_workspace_version() {
        let manifest = include_str!("../../../npm/package.json");
        let package: serde_json::Value = serde_json::from_str(manifest).unwrap();
        assert_eq!(package["name"], "waflow");
        assert_eq!(package["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn graph_is_the_librarys_in_each_format() {
        let flow = include_str!("../../../testdata/examples/book-a-call.json");
        let graph = waflow::graph::Graph::of(flow).expect("a flow with screens");
        let json: serde_json::Value =
            serde_json::from_str(&graph_text(flow, None).unwrap().unwrap()).unwrap();
        assert_eq!(json, serde_json::to_value(&graph).unwrap());
        assert_eq!(json["screens"][0]["id"], "ASK");
        assert_eq!(
            graph_text(flow, Some("mermaid")).unwrap().unwrap(),
            graph.to_mermaid()
        );
        assert_eq!(
            graph_text(flow, Some("dot")).unwrap().unwrap(),
            graph.to_dot()
        );
        assert_eq!(graph_text("[1]", None).unwrap(), None);
        let e = graph_text(flow, Some("svg")).unwrap_err();
        assert!(e.starts_with("unknown graph format \"svg\""), "{e}");
    }
}
