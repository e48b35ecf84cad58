//! `routing-navigate-not-in-model`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-navigate-not-in-model",
        error: "INVALID_ROUTING_MODEL",
        fix: Unsafe("Regenerate routing_model from the navigate actions, keeping its routes between screens that exist"),
        summary: "A screen navigates to a screen its `routing_model` entry does not list.",
        doc: "In an endpoint flow the routing model is the map of allowed moves, so each navigate from S \
         to T needs the route S -> T; Meta reports the missing direct route with two pointers, on \
         both screens' ids [B] (spec 7.1). Screens with a NavigationList are exempt (6.2+). Fix: add \
         T to S's list in `routing_model`. waflow's fix regenerates the model: it keeps every \
         route between screens that exist (the endpoint's moves, which no navigate shows), adds \
         each navigate's route, drops unknown ids and routes to self, and lists every screen; \
         none when that would give a screen more than 10 routes or leave no entry screen. \
         Unsafe: the model is what the endpoint may do, and the author must look.",
    }
}

pub(super) fn routing_navigate_not_in_model(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(r) = super::judged_model(m) else {
        return;
    };
    let g = m.graph();
    let name = |i: usize| super::name(m, i);
    let fix = std::cell::OnceCell::new();
    for &(f, t) in &g.navigates {
        if !r.edges.contains(&(f, t)) && !r.edges.contains(&(t, f)) && !g.links_anywhere[f] {
            out.at_with(
                format!(
                    "Direct route missing from {} to {} in routing_model, although {} navigates there",
                    name(f),
                    name(t),
                    name(f)
                ),
                Some(format!(
                    "Add \"{}\" to the routing_model entry of {}",
                    name(t),
                    name(f)
                )),
                &[super::id_span(m, f), super::id_span(m, t)],
                fix.get_or_init(|| super::regenerate::rewrite(m)).clone(),
            );
        }
    }
    // A navigate to itself or to a missing screen has no route either: the model's edges
    // join two different screens (a screen listing itself is routing-self-loop's). Meta
    // reports it at the screen's id (conformance: *__navigate_self__*,
    // *__navigate_missing__*).
    for o in g.odd_navigates.iter().filter(|o| !g.links_anywhere[o.from]) {
        out.at(
            format!(
                "Direct route missing from {} to {} in routing_model, although {} navigates there",
                name(o.from),
                o.id,
                name(o.from)
            ),
            None,
            &[super::id_span(m, o.from)],
        );
    }
}
