//! `routing-missing-screen`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-missing-screen",
        error: "INVALID_ROUTING_MODEL",
        fix: Unsafe("Regenerate routing_model from the navigate actions, with every screen as a key"),
        summary: "A non-terminal screen appears nowhere in `routing_model`, neither as a key nor as a target.",
        doc: "Every non-terminal screen must appear in `routing_model` so Meta knows how it is reached \
         and where it leads: INVALID_ROUTING_MODEL, 'Following screens are missing in the routing \
         model', pointing at each missing screen's id [B][D] (spec 7.1). A screen that is only a \
         target (a leaf with no key of its own) is accepted: the builder counts keys, targets and \
         terminal screens as present (conformance record routing-missing-screen_invalid passes, \
         the mutated *__routing_drop__* flows fail). Fix: add \"SCREEN_ID\": [\"NEXT\", ...] for \
         it and route to it from the screen before. waflow's fix regenerates the model: it \
         keeps every route between screens that exist, adds the navigate actions' moves and \
         lists every screen as a key (`[]` where it knows no route on); unsafe, because the \
         routes the endpoint takes to and from the screen can't be known from the flow.",
    }
}

pub(super) fn routing_missing_screen(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(r) = super::judged_model(m) else {
        return;
    };
    let missing: Vec<usize> = (0..m.flow.screens.len())
        .filter(|&i| !r.named[i] && !m.flow.screens[i].terminal)
        .collect();
    if missing.is_empty() {
        return;
    }
    // Meta: a non-terminal screen the model names nowhere, neither as a key nor as a
    // target, pointed at by its id (WAFlowJSONRoutingModelSource).
    let names: Vec<&str> = missing.iter().map(|&i| super::name(m, i)).collect();
    let spans: Vec<_> = missing.iter().map(|&i| super::id_span(m, i)).collect();
    out.at_with(
        format!(
            "routing_model does not name non-terminal screen(s): {}",
            names.join(", ")
        ),
        Some("Add \"SCREEN_ID\": [\"NEXT_SCREEN_ID\", ...] for each, and route to it from the screen before".into()),
        &spans,
        super::regenerate::rewrite(m),
    );
}
