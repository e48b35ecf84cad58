//! The screen graph (spec 7): `routing_model` in endpoint flows (7.1), otherwise the
//! graph of navigate actions (7.2). The model builds the graph once
//! ([`crate::rules::model::graph`]); each rule here reads it, and the two that ask what is
//! reachable share [`reach`]. Every check is linear in screens plus edges.
//!
//! Decisions, from the real-flow corpus (corpus/real, MANIFEST):
//! - The model's own entries (screens exist, branches, loops, back edges) are judged
//!   wherever a `routing_model` appears; coverage, entry and connectivity of the model
//!   only in flows that have one (as Meta's builder decides it), where the model is the graph Meta
//!   routes by. pywa's 2.1 fixtures carry `"routing_model": {}` and its 4.0 forward-refs
//!   flow a partial model without an endpoint; the docs make the model optional there, so
//!   those flows get the navigate-graph checks of 7.2 instead.
//! - A navigate S -> T agrees with the model when it lists S -> T or T -> S: spec 7.1 notes
//!   that [B]'s lookup may accept the reverse edge, and pywa's documented sign-up flow (an
//!   endpoint flow) navigates LOGIN -> SIGN_UP with only SIGN_UP -> LOGIN routed.
//! - "Every route ends in a terminal screen" (docs only) is a warning, and a route may
//!   also end on a `data_exchange` screen (the endpoint routes it) or on a screen without
//!   a Footer (left with Back): 9 of the 66 real flows, Meta's templates among them, end
//!   routes that way (`routing-dead-end`).

use crate::rules::model::graph::Routing;
use crate::rules::model::Model;
use crate::syntax::Span;

pub(super) mod regenerate;

family!(
    routing_unknown_screen,
    routing_too_many_branches,
    routing_self_loop,
    routing_back_edge,
    routing_missing_screen,
    routing_no_entry_screen,
    routing_disconnected_screens,
    routing_navigate_not_in_model,
    routing_dead_end,
);

/// The routing model, when Meta judges the flow by it (coverage, entry, connectivity and
/// the navigates' agreement are judged against it only then).
fn judged_model<'m, 'a, 's>(m: &'m Model<'a, 's>) -> Option<&'m Routing<'a, 's>> {
    let g = m.graph();
    g.routing.as_ref().filter(|_| g.by_model)
}

/// Screen `i`'s id, as messages name it.
fn name<'a>(m: &Model<'a, '_>, i: usize) -> &'a str {
    m.flow.screens[i].id_str().unwrap_or("?")
}

/// Where Meta points for screen `i`: its id, or the screen when it has none.
fn id_span(m: &Model<'_, '_>, i: usize) -> Span {
    let s = &m.flow.screens[i];
    s.id.map_or(s.node.span, |n| n.span)
}

/// Marks every screen reachable over `edges` from the screens already marked: one
/// depth-first search, linear in screens plus edges.
fn reach(edges: &[Vec<usize>], marked: &mut [bool]) {
    let mut stack: Vec<usize> = (0..marked.len()).filter(|&i| marked[i]).collect();
    while let Some(i) = stack.pop() {
        for &j in &edges[i] {
            if !marked[j] {
                marked[j] = true;
                stack.push(j);
            }
        }
    }
}
