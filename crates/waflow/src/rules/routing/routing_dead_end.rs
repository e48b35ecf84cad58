//! `routing-dead-end`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

// A warning: the docs state it, no Meta validator was seen enforcing it (spec 7.1,
// Unknowns 15), and Meta's own templates end routes elsewhere than on terminal screens.
declare_rule! {
    pub(super) RULE {
        code: "routing-dead-end",
        error: "INVALID_ROUTING_MODEL",
        severity: Warning,
        summary: "In an endpoint flow, a screen's Footer leads only to screens that cannot end the flow.",
        doc: "Meta's docs ask every route of `routing_model` to end in a terminal screen; no Meta \
         validator was seen enforcing it (spec 7.1, Unknowns 15), and Meta's own templates \
         end routes otherwise, so waflow warns only where the user is stranded. A route may \
         end on a terminal screen, or on a screen with a `data_exchange` action: the \
         endpoint answers it with the next screen at run time, and the reserved screen \
         `SUCCESS` completes the flow (spec 7.1). A screen without a Footer (terms, details) \
         is left with Back, which WhatsApp handles, and needs no route onward. What is left: \
         a screen whose Footer moves the user on, but no route from it reaches a screen \
         that can end the flow (code INVALID_ROUTING_MODEL, as every routing rule). Fix: \
         route the screen to one that ends the flow (e.g. \"CONFIRM\": [\"SUCCESS_SCREEN\"] \
         with SUCCESS_SCREEN terminal), or let its Footer send a `data_exchange` the \
         endpoint completes.",
    }
}

/// Screens with a Footer from which no route reaches a screen that can end the flow: one
/// reverse search from every such end.
///
/// Why these ends and exemptions: Meta's templates (pywa's sign-in, kairon's
/// FLOWS_REGISTER) route a `data_exchange` screen to a terms screen with no Footer and an
/// empty route list. The endpoint decides where a `data_exchange` leads (`SUCCESS` ends
/// the flow), and a screen without a Footer is read and left with Back: neither strands
/// anyone, and flagging them was flagging Meta's own examples.
pub(super) fn routing_dead_end(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if super::judged_model(m).is_none() {
        return;
    }
    let g = m.graph();
    let n = g.routes.len();
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (f, targets) in g.routes.iter().enumerate() {
        for &t in targets {
            reverse[t].push(f);
        }
    }
    let mut ends: Vec<bool> = m.flow.screens.iter().map(|s| s.terminal).collect();
    for a in m.actions.iter().filter(|a| a.name == "data_exchange") {
        if let Some(e) = ends.get_mut(a.screen) {
            *e = true;
        }
    }
    super::reach(&reverse, &mut ends);
    let has_footer = |i: usize| m.flow.screens[i].comps.iter().any(|c| c.ty == "Footer");
    let stuck: Vec<usize> = (0..n).filter(|&i| !ends[i] && has_footer(i)).collect();
    if stuck.is_empty() {
        return;
    }
    let names: Vec<&str> = stuck.iter().map(|&i| super::name(m, i)).collect();
    let spans: Vec<_> = stuck.iter().map(|&i| super::id_span(m, i)).collect();
    out.at(
        format!(
            "No route from {} reaches a screen that can end the flow (a terminal screen, or one with a data_exchange action)",
            names.join(", ")
        ),
        Some(
            "Route each of them to a terminal screen, or let its Footer send a data_exchange that the endpoint can answer with the next screen or SUCCESS"
                .into(),
        ),
        &spans,
    );
}
