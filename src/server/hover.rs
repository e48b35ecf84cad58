//! Hover: the catalog's facts on a component `type`, a property key or a screen; what a
//! `${data.x}` / `${form.x}` or a screen id refers to; and on a diagnostic's range, the
//! explanation of its rule.

use lsp_types as lsp;

use super::describe;
use super::library::{self, rule, Prop, RuleMeta, Ty};
use super::model::{Flow, RefKind, UseKind};
use super::tree::{At, Id};

impl super::Server {
    pub(super) fn hover(&mut self, p: lsp::HoverParams) -> Option<lsp::Hover> {
        let at = p.text_document_position_params;
        let uri = at.text_document.uri;
        let offset = self.offset(&uri, at.position)?;
        // The rules of the findings under the cursor.
        let mut rules: Vec<&'static RuleMeta> = Vec::new();
        if let Some(report) = self.current_report(&uri) {
            for f in report.in_order() {
                let here = f.pointers.iter().any(|p| {
                    p.shown_span()
                        .is_some_and(|s| s.start as usize <= offset && offset <= s.end as usize)
                });
                if let Some(r) = f.rule.and_then(rule).filter(|_| here) {
                    if !rules.iter().any(|x| std::ptr::eq(*x, r)) {
                        rules.push(r);
                    }
                }
            }
        }
        let enc = self.enc;
        let (facts, span) = self
            .on_flow(&uri, |_, flow| describe_at(flow, offset))
            .flatten()
            .map_or((None, None), |(s, span)| (Some(s), Some(span)));
        let mut sections: Vec<String> = facts.into_iter().collect();
        sections.extend(rules.iter().map(|r| describe::rule(r)));
        if sections.is_empty() {
            return None;
        }
        let doc = self.docs.get(&uri)?;
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: sections.join("\n\n---\n\n"),
            }),
            range: span.map(|(s, e)| doc.index.range(&doc.text, s, e, enc)),
        })
    }
}

/// What the catalog and the flow say about the token at `offset`, and its span.
fn describe_at(flow: &Flow<'_>, offset: usize) -> Option<(String, (usize, usize))> {
    let t = flow.tree;
    let v = flow.version;
    match t.at(offset)? {
        At::Value(node) => {
            let span = t.span(node);
            // A reference inside a string.
            for (si, screen) in flow.screens.iter().enumerate() {
                for r in &screen.refs {
                    if r.span.0 <= offset && offset <= r.span.1 {
                        return Some((reference(flow, si, r), r.span));
                    }
                }
            }
            // A screen id where a screen is named, or the screen's own id.
            if let Some(u) = flow
                .screen_uses
                .iter()
                .find(|u| u.span.0 <= offset && offset <= u.span.1)
            {
                let how = match u.kind {
                    UseKind::Next => "navigate's target",
                    UseKind::RoutingKey => "a screen of routing_model",
                    UseKind::RoutingTarget => "a screen routing_model leads to",
                    UseKind::Expression => "the screen an expression reads",
                };
                return Some((
                    format!("{}\n\nNamed here as {how}.", screen(flow, &u.name)),
                    u.span,
                ));
            }
            if let Some(s) = flow
                .screens
                .iter()
                .find(|s| s.id.as_ref().is_some_and(|(_, n)| *n == node))
            {
                let name = s.id.as_ref().map(|(n, _)| n.as_str()).unwrap_or("");
                return Some((screen(flow, name), span));
            }
            let key = t.key_of(node)?;
            let obj = t.node(node).parent?;
            // A component's `type`.
            if key.name == "type" {
                if let Some((_, c)) = flow.comp(obj) {
                    let def = library::component(c.ty.as_deref()?)?;
                    return Some((describe::component(def, v), span));
                }
            }
            // Any other value: its property.
            let (owner, props) = props_of(flow, obj)?;
            let p = pick(props, &key.name, v)?;
            Some((describe::prop(&owner, p, v), span))
        }
        At::Key { obj, member } => {
            let key = &t.members(obj)[member].key;
            let (owner, props) = props_of(flow, obj)?;
            let p = pick(props, &key.name, v)?;
            Some((
                describe::prop(&owner, p, v),
                (key.start as usize, key.end as usize),
            ))
        }
        _ => None,
    }
}

/// The property of `props` called `name` in version `v` (or in any version, so that a
/// hover can say in which it exists).
pub(super) fn pick(
    props: &'static [Prop],
    name: &str,
    v: library::FlowVersion,
) -> Option<&'static Prop> {
    props
        .iter()
        .find(|p| p.name == name && p.exists_in(v))
        .or_else(|| props.iter().find(|p| p.name == name))
}

/// The properties an object may have, and what to call its owner: a component's, a
/// screen's, the root's, or those of an object or item inside a component's property.
pub(super) fn props_of(flow: &Flow<'_>, obj: Id) -> Option<(String, &'static [Prop])> {
    let t = flow.tree;
    if let Some((_, c)) = flow.comp(obj) {
        let def = library::component(c.ty.as_deref()?)?;
        return Some((def.name.to_owned(), def.props));
    }
    if flow.screens.iter().any(|s| s.node == obj) {
        return Some(("screen".into(), library::SCREEN));
    }
    if t.root == Some(obj) {
        return Some(("flow".into(), library::ROOT));
    }
    // An object under a component's property: `Obj` directly, `Items` in an array.
    let parent = t.node(obj).parent?;
    let (holder, key) = if t.is_object(parent) {
        (parent, t.key_of(obj)?)
    } else {
        let grand = t.node(parent).parent?;
        (grand, t.key_of(parent)?)
    };
    let (owner, props) = props_of(flow, holder)?;
    let p = pick(props, &key.name, flow.version)?;
    match p.ty {
        Ty::Obj(inner) | Ty::Items(inner) | Ty::Array(inner) => {
            Some((format!("{owner}.{}", key.name), inner))
        }
        _ => None,
    }
}

fn reference(flow: &Flow<'_>, here: usize, r: &super::model::Ref) -> String {
    let t = flow.tree;
    let target = match &r.screen {
        Some((name, _)) => flow.screen_named(name),
        None => Some(here),
    };
    let Some(si) = target else {
        let name = r.screen.as_ref().map(|(n, _)| n.as_str()).unwrap_or("");
        return format!("`{}`: there is no screen `{name}` in this flow", r.field);
    };
    let screen_name = flow.screens[si]
        .id
        .as_ref()
        .map_or("(no id)".to_owned(), |(n, _)| n.clone());
    match r.kind {
        RefKind::Data => {
            let decl = flow.screens[si]
                .data
                .and_then(|d| t.members(d).iter().rev().find(|m| m.key.name == r.field));
            match decl.and_then(|m| m.value) {
                Some(v) => {
                    let ty = t.get_str(v, "type").unwrap_or("(no type)");
                    let example = t
                        .get(v, "__example__")
                        .map(|e| {
                            let (s, e) = t.span(e);
                            let raw = &flow.text[s..e];
                            let short: String = raw.chars().take(80).collect();
                            format!(", example `{short}`")
                        })
                        .unwrap_or_default();
                    format!(
                        "`${{data.{}}}`: the data field `{}` of screen `{screen_name}`: {ty}{example}",
                        r.field, r.field
                    )
                }
                None => format!(
                    "`${{data.{}}}`: screen `{screen_name}` declares no data field `{}`",
                    r.field, r.field
                ),
            }
        }
        RefKind::Form => match flow.inputs(si).into_iter().find(|i| i.0 == r.field) {
            Some((_, _, c)) => {
                let ty = c.ty.as_deref().unwrap_or("component");
                let label = t
                    .get_str(c.node, "label")
                    .map(|l| format!(" labelled \"{}\"", l.chars().take(60).collect::<String>()))
                    .unwrap_or_default();
                format!(
                    "`${{form.{}}}`: the value of the {ty} `{}`{label} on screen `{screen_name}`",
                    r.field, r.field
                )
            }
            None => format!(
                "`${{form.{}}}`: screen `{screen_name}` has no input named `{}`",
                r.field, r.field
            ),
        },
    }
}

fn screen(flow: &Flow<'_>, name: &str) -> String {
    let Some(si) = flow.screen_named(name) else {
        return format!("Screen `{name}`: there is no screen with this id in this flow");
    };
    let s = &flow.screens[si];
    let t = flow.tree;
    let mut out = format!("Screen `{name}`");
    if let Some(title) = &s.title {
        out.push_str(&format!(
            ": \"{}\"",
            title.chars().take(80).collect::<String>()
        ));
    }
    let terminal = t
        .get(s.node, "terminal")
        .is_some_and(|v| matches!(&t.node(v).kind, super::tree::Kind::Word(w) if w == "true"));
    out.push_str(&format!(
        "\n\nScreen {} of {}{}, {} component(s)",
        si + 1,
        flow.screens.len(),
        if terminal { ", terminal" } else { "" },
        s.comps.len()
    ));
    let fields: Vec<String> = flow
        .fields(si)
        .iter()
        .map(|f| format!("`{}`", f.0))
        .collect();
    if !fields.is_empty() {
        out.push_str(&format!("\n\nData: {}", fields.join(", ")));
    }
    out
}
