//! `routing-disconnected-screens`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
        code: "routing-disconnected-screens",
        error: "INVALID_ROUTING_MODEL",
        summary: "Some screens are not connected to the first screen.",
        doc: "All screens must be connected (ignoring direction) to the first screen, through \
         `routing_model` or, without one, through navigate actions; the message lists the \
         disconnected screens (INVALID_ROUTING_MODEL) [B] (spec 7.1, 7.2). A screen with a \
         NavigationList links to every screen. Fix: route to them, or delete them.",
    }
}

pub(super) fn routing_disconnected_screens(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let g = m.graph();
    let n = m.flow.screens.len();
    if super::judged_model(m).is_some() {
        report(m, None, out);
    } else if !g.by_model && n >= 2 {
        report(m, Some(&touched_by_navigates(m)), out);
    }
}

/// Per screen: whether a navigate leaves or enters it. Without a routing_model Meta also
/// counts every screen that no navigate leaves or enters, even to a missing screen or
/// itself, the first one too (WAFlowJSONRoutingModelPathValidator).
fn touched_by_navigates(m: &Model<'_, '_>) -> Vec<bool> {
    let g = m.graph();
    let mut touched = vec![false; m.flow.screens.len()];
    for &(f, t) in &g.navigates {
        touched[f] = true;
        touched[t] = true;
    }
    for o in &g.odd_navigates {
        touched[o.from] = true;
        if let Some(t) = o.to {
            touched[t] = true;
        }
    }
    touched
}

/// The screens not connected (ignoring direction) to the first one over the graph the
/// flow is judged by, or not `touched` by a navigate when that is given.
fn report(m: &Model<'_, '_>, touched: Option<&[bool]>, out: &mut Reporter<'_, '_>) {
    let g = m.graph();
    // A NavigationList screen is joined to every screen, so then all are connected.
    if g.links_anywhere.iter().any(|&b| b) {
        return;
    }
    let n = g.routes.len();
    let mut undirected: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (f, targets) in g.routes.iter().enumerate() {
        for &t in targets {
            undirected[f].push(t);
            undirected[t].push(f);
        }
    }
    let mut seen = vec![false; n];
    seen[0] = true;
    super::reach(&undirected, &mut seen);
    // Meta's graph has one node per screen id, so a screen that repeats an id (an error
    // of its own) is never reported here.
    let flow = &m.flow;
    let repeat = |i: usize| {
        flow.screens[i]
            .id_str()
            .and_then(|id| flow.ids.get(id))
            .is_some_and(|&first| first != i)
    };
    let lost: Vec<usize> = (0..n)
        .filter(|&i| !repeat(i))
        .filter(|&i| !seen[i] || touched.is_some_and(|t| !t[i]))
        .collect();
    if lost.is_empty() {
        return;
    }
    let names: Vec<&str> = lost.iter().map(|&i| super::name(m, i)).collect();
    let spans: Vec<Span> = lost.iter().map(|&i| super::id_span(m, i)).collect();
    out.at(
        format!(
            "Screen(s) not connected to the rest of the flow (from its first screen {}{}): {}",
            super::name(m, 0),
            if touched.is_some() {
                ", by navigate actions"
            } else {
                ", in routing_model"
            },
            names.join(", ")
        ),
        Some("Route or navigate to them, or delete them".into()),
        &spans,
    );
}
