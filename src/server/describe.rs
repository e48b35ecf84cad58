//! Catalog facts in words, for hovers and completion items. Everything here is read
//! from the catalog (src/server/library.rs); nothing about a component is spelled here.

use std::fmt::Write;

use super::library::{Component, Container, FlowVersion, Prop, RuleMeta, Ty};

/// "2.1+", "up to 6.3", "5.0 to 6.3".
pub(crate) fn versions(since: Option<FlowVersion>, until: Option<FlowVersion>) -> String {
    match (since, until) {
        (None, None) => "every version".into(),
        (Some(s), None) => format!("{s}+"),
        (None, Some(u)) => format!("up to {u}"),
        (Some(s), Some(u)) => format!("{s} to {u}"),
    }
}

fn prop_versions(p: &Prop) -> String {
    let first = super::library::FlowVersion::new(2, 1);
    versions((p.since > first).then_some(p.since), p.until)
}

/// What a value of this type may be.
pub(crate) fn ty(t: &Ty) -> String {
    match t {
        Ty::Str => "string (or a `${...}` reference)".into(),
        Ty::StaticStr => "string, written out (no reference)".into(),
        Ty::Bool => "boolean (or a reference)".into(),
        Ty::StaticBool => "boolean".into(),
        Ty::Num => "number (or a reference)".into(),
        Ty::Int => "integer (or a reference)".into(),
        Ty::StaticInt => "integer".into(),
        Ty::Enum { values, dynamic } => format!(
            "one of {}{}",
            quoted(values),
            if *dynamic { " (or a reference)" } else { "" }
        ),
        Ty::EnumList(values) => format!("array of {} (or a reference)", quoted(values)),
        Ty::StrList => "array of strings (or a reference)".into(),
        Ty::Text => "string, or array of strings (or a reference)".into(),
        Ty::RichText => "string, or array of strings (Markdown)".into(),
        Ty::RangeOr(inner) => format!(
            "{}; in range mode an object of `start-date` and `end-date`",
            ty(inner)
        ),
        Ty::Action(_, allowed) => format!(
            "action object: {}",
            allowed
                .iter()
                .map(|a| format!("`{}` ({}+)", a.name, a.since))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Ty::Items(props) => format!("array of objects ({}) or a reference", names(props)),
        Ty::Obj(props) => format!("object ({})", names(props)),
        Ty::Children(c) => format!("array of components that may sit in {}", c.describe()),
        Ty::Cases => "object: case value -> array of components".into(),
        Ty::Condition => "condition: boolean expression".into(),
        Ty::NameMap => "object: input name -> value (or a reference)".into(),
        Ty::AnyObject => "object".into(),
        Ty::Array(props) => format!("array of objects ({})", names(props)),
        Ty::Strings => "array of strings".into(),
        Ty::Routing => "object: screen id -> array of screen ids".into(),
        Ty::Any => "any value".into(),
        Ty::Url => "absolute http(s) URL".into(),
    }
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("`\"{v}\"`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn names(props: &[Prop]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for p in props {
        if !seen.contains(&p.name) {
            seen.push(p.name);
        }
    }
    seen.iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Bounds, patterns and display limits, in words (empty when there are none).
pub(crate) fn limits(p: &Prop) -> String {
    let mut out: Vec<String> = Vec::new();
    match (p.min, p.max) {
        (Some(a), Some(b)) => out.push(format!("{a} to {b}")),
        (Some(a), None) => out.push(format!("at least {a}")),
        (None, Some(b)) => out.push(format!("at most {b}")),
        _ => {}
    }
    if let Some(n) = p.min_len {
        out.push(format!("at least {n} character(s)"));
    }
    match (p.min_items, p.max_items) {
        (Some(a), Some(b)) => out.push(format!("{a} to {b} items")),
        (Some(a), None) => out.push(format!("at least {a} item(s)")),
        (None, Some(b)) => out.push(format!("at most {b} items")),
        _ => {}
    }
    if let Some((_, meaning)) = p.pattern {
        out.push(meaning.to_owned());
    }
    if let Some(n) = p.display_chars {
        out.push(format!("shows at most {n} characters"));
    }
    if let Some(n) = p.display_items {
        out.push(format!("shows at most {n} items"));
    }
    if p.outside_form_only {
        out.push("outside a Form only".into());
    }
    out.join("; ")
}

/// A property in one paragraph (for a hover on its key).
pub(crate) fn prop(owner: &str, p: &Prop, v: FlowVersion) -> String {
    let mut s = format!("**{owner}.{}**", p.name);
    if p.required {
        s.push_str(" (required)");
    }
    let _ = write!(
        s,
        "\n\nType: {}\n\nVersions: {}",
        ty(&p.ty),
        prop_versions(p)
    );
    if !p.exists_in(v) {
        let _ = write!(s, " (not in Flow JSON {v}, this flow's version)");
    }
    let limits = limits(p);
    if !limits.is_empty() {
        let _ = write!(s, "\n\nLimits: {limits}");
    }
    s
}

/// A component: where it may sit and every property, as a table.
pub(crate) fn component(c: &Component, v: FlowVersion) -> String {
    let mut s = format!(
        "**{}**: a Flow JSON component, {}",
        c.name,
        versions(Some(c.since), None)
    );
    if v < c.since {
        let _ = write!(s, " (not in Flow JSON {v}, this flow's version)");
    }
    let places: Vec<String> = Container::ALL
        .iter()
        .filter_map(|&k| {
            c.placement
                .since(k)
                .map(|at| format!("{} ({at}+)", k.describe()))
        })
        .collect();
    let _ = write!(s, "\n\nSits in: {}", places.join(", "));
    s.push_str("\n\n| property | type | versions | limits |\n|---|---|---|---|\n");
    for p in c.props {
        let _ = writeln!(
            s,
            "| `{}`{} | {} | {} | {} |",
            p.name,
            if p.required { " (required)" } else { "" },
            ty(&p.ty).replace('|', "\\|"),
            prop_versions(p),
            limits(p).replace('|', "\\|")
        );
    }
    s
}

/// A rule's explanation (for a hover on a diagnostic).
pub(crate) fn rule(r: &RuleMeta) -> String {
    format!(
        "**{}**: {}\n\nMeta error: `{}` ({}), {}, versions: {}\n\n{}\n\n[Documentation]({})",
        r.code,
        r.summary,
        r.error,
        r.error_type,
        r.severity.as_str(),
        versions(r.since, r.until),
        r.doc,
        waflow::rule_doc_url(r.code)
    )
}
