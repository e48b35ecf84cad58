//! `routing-unknown-screen`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-unknown-screen",
        error: "INVALID_ROUTING_MODEL",
        fix: Unsafe("Regenerate routing_model from the navigate actions, keeping its routes between screens that exist"),
        summary: "`routing_model` names a screen that does not exist.",
        doc: "Each key of `routing_model` is a screen id and each array lists the screens it may move \
         to; an id that is no screen is INVALID_ROUTING_MODEL, with the pointer on the key or \
         entry and the invalid screens listed [B][D] (spec 7.1). Fix: correct the id or add the \
         screen. waflow's fix regenerates the model: it keeps every route between screens \
         that exist, adds the navigate actions' moves, drops the unknown ids and lists every \
         screen; unsafe, because a misspelt id may have meant a route the endpoint takes.",
    }
}

pub(super) fn routing_unknown_screen(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(r) = &m.graph().routing else { return };
    let mut names = Vec::new();
    let mut spans = Vec::new();
    for e in &r.entries {
        if e.from.is_none() {
            names.push(e.member.key.name);
            spans.push(e.member.key.span);
        }
        for t in e.targets.iter().filter(|t| t.screen.is_none()) {
            names.push(t.id);
            spans.push(t.span);
        }
    }
    if !names.is_empty() {
        out.at_with(
            format!(
                "routing_model names screens that do not exist: {}",
                names.join(", ")
            ),
            None,
            &spans,
            super::regenerate::rewrite(m),
        );
    }
}
