//! `missing-footer-on-terminal-screen`.

use crate::catalog::limits::MAX_COMPONENTS_PER_SCREEN;
use crate::catalog::model::{V4_0, V6_3};
use crate::edits::{insert, At, Json};
use crate::fix::{Edit, Fix};
use crate::rule::declare_rule;
use crate::rules::model::{Model, Screen};
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "missing-footer-on-terminal-screen",
        error: "MISSING_FOOTER_ON_TERMINAL_SCREEN",
        fix: Unsafe("Add a Footer with a complete action at the end of the screen"),
        summary: "A terminal screen has no Footer.",
        doc: "The Footer's button is how a user finishes the flow, so every terminal screen needs one; \
         Meta reports one error listing all such screens, with a pointer per screen [B] (spec 2, 8). \
         A Footer inside an If or Switch counts here; one missing from some branches is reported \
         by missing-footer-in-if-branch / missing-footer-in-switch-case instead, so one fault \
         gets one finding. Meta's builder runs this check only in its 7.3 chain (a known defect, \
         conformance README; the mutated *__terminal_no_footer__* flows of 5.1 to 7.2 pass it); \
         the Flow JSON reference and the error-codes page state the rule for every version, so \
         waflow reports it for every version. Fix: add {\"type\": \"Footer\", \"label\": \"Done\", \
         \"on-click-action\": {\"name\": \"complete\", \"payload\": {}}}. The fix adds that Footer \
         as the last child of the layout (before 4.0, of the screen's Form when it has one, \
         where Footers then sat), unsafe: its label and its empty payload are guesses the author \
         must review (the business receives nothing from the screen's inputs). No fix for a \
         screen that can't take one more component (a NavigationList screen, a RichText before \
         6.3, a screen at the component cap).",
    }
}

pub(super) fn missing_footer_on_terminal_screen(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if m.root.get("screens").is_none() {
        return;
    }
    let footless: Vec<_> = m
        .flow
        .screens
        .iter()
        .filter(|s| s.terminal && !s.comps.iter().any(|c| c.ty == "Footer"))
        .collect();
    if !footless.is_empty() {
        let names: Vec<_> = footless.iter().map(|s| s.id_str().unwrap_or("?")).collect();
        let spans: Vec<_> = footless.iter().map(|s| s.node.span).collect();
        out.at_with(
            format!("Terminal screen(s) without a Footer: {}", names.join(", ")),
            Some("Add a Footer with a complete action to each of them".into()),
            &spans,
            add_footers(m, &footless),
        );
    }
}

/// Unsafe (the label and the empty payload are guesses): a Footer whose button completes
/// the flow, appended to each screen that can take it.
fn add_footers(m: &Model<'_, '_>, screens: &[&Screen<'_, '_>]) -> Option<Fix> {
    let footer = Json::object([
        ("type", Json::str("Footer")),
        ("label", Json::str("Done")),
        (
            "on-click-action",
            Json::object([
                ("name", Json::str("complete")),
                ("payload", Json::Object(Vec::new())),
            ]),
        ),
    ]);
    let mut edits = Vec::new();
    let mut ids = Vec::new();
    for s in screens {
        if let Some(edit) = footer_edit(m, s, &footer) {
            edits.push(edit);
            ids.push(s.id_str().unwrap_or("?"));
        }
    }
    (!edits.is_empty()).then(|| {
        Fix::r#unsafe(
            format!("Add a Footer that completes the flow to {}", ids.join(", ")),
            edits,
        )
    })
}

/// The edit appending `footer` to screen `s`: to its layout's children, or before 4.0 to
/// those of its (last) Form, where Footers sat then (spec 3.1). `None` when the screen
/// can't take one more component: a NavigationList must be alone, a RichText too before
/// 6.3, and a screen at the cap takes no more.
fn footer_edit(m: &Model<'_, '_>, s: &Screen<'_, '_>, footer: &Json) -> Option<Edit> {
    let crowded = s.comps.iter().filter(|c| c.ty != "Form").count() >= MAX_COMPONENTS_PER_SCREEN;
    let alone = s
        .comps
        .iter()
        .any(|c| c.ty == "NavigationList" || (c.ty == "RichText" && m.version < V6_3));
    if crowded || alone {
        return None;
    }
    let children = s.node.get("layout")?.get("children")?;
    let items = children.as_array()?;
    let form = (m.version < V4_0)
        .then(|| {
            items
                .iter()
                .rev()
                .find(|c| c.get("type").and_then(Node::as_str) == Some("Form"))
                .and_then(|f| f.get("children"))
                .filter(|c| c.as_array().is_some())
        })
        .flatten();
    insert(
        m.flow.text,
        form.unwrap_or(children),
        At::Last,
        None,
        footer,
    )
}
