//! The version stage (spec 1.1, 9.3): the root must be an object whose `version` is a
//! string naming a Flow JSON version Meta accepts today. Meta stops at a version error;
//! so does this stage, except for frozen versions, whose flows are still judged against
//! their own version's rules (the author needs the whole list before migrating).

use crate::catalog::versions::{self, FlowVersion, VersionState, LATEST};
use crate::edits::quote;
use crate::finding::{Severity, JSON_SCHEMA_ERROR};
use crate::fix::{Edit, Fix};
use crate::locate::Locator;
use crate::rule::{declare_rule, RuleMeta};
use crate::sink::Sink;
use crate::syntax::{Node, Path, Value};

declare_rule! {
    pub(crate) ROOT_NOT_OBJECT {
        code: "root-not-object",
        error: "INVALID_PROPERTY_TYPE",
        error_type: JSON_SCHEMA_ERROR,
        summary: "The document is valid JSON but not an object.",
        doc: "Flow JSON is one JSON object (spec 1). Meta's schema pass reports a wrong JSON type \
              as INVALID_PROPERTY_TYPE (spec 9.4); for the root there is no recorded sample, so \
              waflow uses that code at the whole document. Fix: wrap the flow in { ... }.",
    }
}

declare_rule! {
    pub(crate) MISSING_VERSION {
        code: "missing-version",
        error: "MISSING_FLOW_JSON_VERSION",
        summary: "The flow has no `version`.",
        doc: "Every flow declares the Flow JSON version it is written in; Meta answers \
              MISSING_FLOW_JSON_VERSION at the root object when it is absent (spec 1.2, 9.3; the \
              server docs also use MISSING_REQUIRED_PROPERTY). Fix: add \"version\": \"7.3\" (the \
              latest version) at the top level.",
    }
}

declare_rule! {
    pub(crate) VERSION_NOT_STRING {
        code: "version-not-string",
        error: "INVALID_FLOW_JSON_VERSION",
        summary: "`version` is not a JSON string.",
        doc: "`version` must be a string such as \"7.3\"; Meta's builder answers a number or null \
              with INVALID_FLOW_JSON_VERSION at the value, before any schema is chosen \
              (conformance records testdata/version-not-string_*; spec 1, 9.3). Fix: put the \
              version in quotes.",
    }
}

declare_rule! {
    pub(crate) VERSION_NOT_EXACT {
        code: "version-not-exact",
        error: "INVALID_PROPERTY_VALUE",
        error_type: JSON_SCHEMA_ERROR,
        fix: Safe("Write the version id exactly"),
        summary: "`version` names a version, but not in its exact form (\"07.3\", \" 7.3\").",
        doc: "Meta reads the number out of `version` to choose the schema, and that schema then \
              requires the exact id: \"07.3\" or \" 7.3\" is INVALID_PROPERTY_VALUE (\"Invalid value \
              found for property 'version'. Expected '7.3'.\") at the value (conformance records \
              testdata/invalid-version_invalid-leading-zero, _invalid-padded; spec 1.1). Fix: \
              write the id exactly, as the message says; the fix rewrites the value (\"07.3\" -> \
              \"7.3\"), safe: Meta already reads that version out of it, so only the spelling \
              changes.",
    }
}

declare_rule! {
    pub(crate) INVALID_VERSION {
        code: "invalid-version",
        error: "INVALID_FLOW_JSON_VERSION",
        summary: "`version` is not a Flow JSON version Meta supports.",
        doc: "`version` is parsed as major.minor (major 1-32766, minor 0-99 [B]). A value that \
              does not parse, names no known version, or names a pre-release version (1.x, 2.0) \
              is INVALID_FLOW_JSON_VERSION at the value (spec 1.1, 1.2, 9.3; the docs also call it \
              UNSUPPORTED_FLOW_JSON_VERSION). A known version written inexactly (\"07.3\") is \
              `version-not-exact`. Fix: use a supported version; the \
              message lists them.",
    }
}

declare_rule! {
    pub(crate) UNAVAILABLE_VERSION {
        code: "unavailable-version",
        error: "UNAVAILABLE_FLOW_JSON_VERSION",
        summary: "`version` names a version Meta has not made available.",
        doc: "Some version ids exist only inside Meta's builder (2.2, 2.99, 3.2, 4.1, 5.2) or \
              only as an unannounced schema (7.4 as of late 2026); Meta answers \
              UNAVAILABLE_FLOW_JSON_VERSION (spec 1.1, 9.5). Fix: use the latest public version.",
    }
}

declare_rule! {
    pub(crate) FROZEN_VERSION {
        code: "frozen-version",
        error: "INVALID_FLOW_JSON_VERSION_STATE",
        summary: "`version` is frozen: Meta no longer accepts new or updated flows with it.",
        doc: "Versions 2.1, 3.0, 3.1 and 4.0 are frozen since 8 Apr 2025 and 5.0 since \
              10 Sep 2025 [D changelog]: flows using them can't be created, updated or published, \
              and Meta answers INVALID_FLOW_JSON_VERSION_STATE (spec 1.1). An error by default; \
              `Options::frozen_version` (CLI: `--frozen-version warning`) lowers it to a warning \
              for repositories that only keep old flows. The rest of the flow is still checked \
              against its own version. Fix: migrate to the latest version.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(crate) static RULES: &[&RuleMeta] = &[
    &ROOT_NOT_OBJECT,
    &MISSING_VERSION,
    &VERSION_NOT_STRING,
    &INVALID_VERSION,
    &VERSION_NOT_EXACT,
    &UNAVAILABLE_VERSION,
    &FROZEN_VERSION,
];

/// Runs the stage; returns the version the later stages judge the flow by, if any.
/// `given`: the version the caller names (`Options::version`), which the flow is judged
/// by instead of its own `version` member, left unread.
pub(crate) fn check(
    root: &Node<'_>,
    loc: &Locator<'_>,
    frozen: Severity,
    given: Option<FlowVersion>,
    out: &mut Sink<'_>,
) -> Option<FlowVersion> {
    if !matches!(root.value, Value::Object(_)) {
        let mut f = ROOT_NOT_OBJECT.finding(format!(
            "The Flow JSON must be an object, found {}",
            an(root.type_name())
        ));
        f.help = Some("A flow is one object: { \"version\": \"7.3\", \"screens\": [...] }".into());
        f.pointers.push(loc.pointer(root.span, &Path::root()));
        out.push(f);
        return None;
    }
    if let Some(version) = given {
        // As if the member said this version: one Meta refuses is reported where the
        // member's value is, or at the root when the flow has none.
        return match root.member("version") {
            Some(m) => judge(
                version,
                m.value.span,
                &Path::root().key("version"),
                loc,
                frozen,
                out,
            ),
            None => judge(version, root.span, &Path::root(), loc, frozen, out),
        };
    }
    let Some(member) = root.member("version") else {
        let mut f = MISSING_VERSION.finding(
            "The Flow JSON has no 'version': every flow must declare the Flow JSON version it is written in",
        );
        f.help = Some(format!(
            "Add \"version\": \"{LATEST}\" (the latest version) at the top level"
        ));
        f.pointers.push(loc.pointer(root.span, &Path::root()));
        out.push(f);
        return None;
    };
    let node = &member.value;
    let path = Path::root().key("version");
    let Some(text) = node.as_str() else {
        let mut f = VERSION_NOT_STRING.finding(format!(
            "Property 'version' should be of type string, found {}",
            an(node.type_name())
        ));
        let quoted = match &node.value {
            Value::Number(n) => format!("\"{n}\""),
            _ => format!("\"{LATEST}\""),
        };
        f.help = Some(format!(
            "Write the version as a string: \"version\": {quoted}"
        ));
        f.pointers.push(loc.pointer(node.span, &path));
        out.push(f);
        return None;
    };

    let parsed = FlowVersion::parse(text).or_else(|| FlowVersion::parse(text.trim()));
    let Some(version) = parsed else {
        let mut f = INVALID_VERSION.finding(format!(
            "'{text}' is not a Flow JSON version: versions are written as major.minor, such as \"{LATEST}\""
        ));
        f.help = Some(supported_list());
        f.pointers.push(loc.pointer(node.span, &path));
        out.push(f);
        return None;
    };
    if version.to_string() != text {
        let mut f = VERSION_NOT_EXACT.finding(format!(
            "Invalid value found for property 'version'. Expected '{version}': '{text}' is not written exactly"
        ));
        f.help = Some(format!(
            "Write exactly \"{version}\", without spaces or leading zeros"
        ));
        f.pointers.push(loc.pointer(node.span, &path));
        // Safe: Meta reads this very version out of the text; only its spelling changes.
        let exact = version.to_string();
        f.fixes.push(Fix::safe(
            format!("Write the version as \"{exact}\""),
            vec![Edit::replace(node.span, quote(&exact))],
        ));
        out.push(f);
        return None;
    }
    judge(version, node.span, &path, loc, frozen, out)
}

/// Whether Meta accepts flows of `version` (written at `span`, `path`): the version to
/// judge the flow by, or a finding and `None` (a frozen version is still judged by).
fn judge(
    version: FlowVersion,
    span: crate::syntax::Span,
    path: &Path,
    loc: &Locator<'_>,
    frozen: Severity,
    out: &mut Sink<'_>,
) -> Option<FlowVersion> {
    let (rule, message, help, usable) = match versions::lookup(version).map(|v| v.state) {
        Some(VersionState::Active) => return Some(version),
        Some(VersionState::Frozen { since }) => (
            &FROZEN_VERSION,
            format!(
                "Flow JSON version {version} is frozen since {since}: Meta no longer accepts new or updated flows that use it"
            ),
            format!("Move the flow to Flow JSON {LATEST}: `waflow migrate` does it and says what needs you"),
            true,
        ),
        Some(VersionState::Unavailable) => (
            &UNAVAILABLE_VERSION,
            format!("Flow JSON version {version} is not available: Meta has not released it"),
            format!("Use a released version; the latest is {LATEST}"),
            false,
        ),
        Some(VersionState::Unsupported) => (
            &INVALID_VERSION,
            format!(
                "Flow JSON version {version} is a pre-release version that Meta does not support"
            ),
            supported_list(),
            false,
        ),
        None if version > LATEST => (
            &INVALID_VERSION,
            format!(
                "Flow JSON version {version} does not exist: the latest version is {LATEST}"
            ),
            supported_list(),
            false,
        ),
        None => (
            &INVALID_VERSION,
            format!("Flow JSON version {version} does not exist"),
            supported_list(),
            false,
        ),
    };
    let mut f = rule.finding(message);
    if std::ptr::eq(rule, &FROZEN_VERSION) {
        f.severity = frozen;
    }
    f.help = Some(help);
    f.pointers.push(loc.pointer(span, path));
    out.push(f);
    usable.then_some(version)
}

fn supported_list() -> String {
    let ids: Vec<&str> = versions::active().map(|v| v.id).collect();
    format!("Supported versions: {}", ids.join(", "))
}

fn an(type_name: &str) -> String {
    match type_name {
        "array" | "object" => format!("an {type_name}"),
        "null" => "null".into(),
        _ => format!("a {type_name}"),
    }
}
