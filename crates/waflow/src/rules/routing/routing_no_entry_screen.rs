//! `routing-no-entry-screen`.

use crate::catalog::model::V7_3;
use crate::rule::declare_rule;
use crate::rules::model::graph::Routing;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-no-entry-screen",
        error: "INVALID_ROUTING_MODEL",
        summary: "Every screen is the target of some route, so the flow has no entry screen.",
        doc: "The flow starts on a screen nothing routes to; when every screen has an inbound route (or, \
         without `routing_model`, is a navigate target) there is no entry point: \
         INVALID_ROUTING_MODEL [B][D] (spec 7.1, 7.2). From 7.3 the entry screen must also not be \
         the target of any navigate. Screens with a NavigationList are exempt without a routing \
         model. Fix: remove the route (or navigate) into the first screen.",
    }
}

pub(super) fn routing_no_entry_screen(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    match super::judged_model(m) {
        Some(r) => routing_model_entry(m, r, out),
        None if !m.graph().by_model => navigate_entry(m, out),
        None => {}
    }
}

/// Judged by the routing model: some screen must have no inbound route.
fn routing_model_entry(m: &Model<'_, '_>, r: &Routing<'_, '_>, out: &mut Reporter<'_, '_>) {
    let g = m.graph();
    // From 7.3 the entry screen must also not be the target of a navigate (the rule's
    // doc; it applies to every version, this part only from 7.3).
    let mut navigated = vec![false; g.entered.len()];
    if m.version >= V7_3 {
        g.navigates.iter().for_each(|&(_, to)| navigated[to] = true);
        for (n, &s) in navigated.iter_mut().zip(&g.self_navigated) {
            *n |= s;
        }
    }
    let entry = (0..g.entered.len()).any(|i| !g.entered[i] && !navigated[i]);
    if !entry {
        out.at(
            "Every screen has an inbound route, so the flow has no entry screen".into(),
            Some(format!(
                "Remove the routes into the first screen, {}",
                super::name(m, 0)
            )),
            &[r.member.value.span],
        );
    }
}

/// Judged by the navigates: some screen must be no navigate's target. A NavigationList
/// may lead anywhere, so a flow with one is not judged.
fn navigate_entry(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let g = m.graph();
    let n = m.flow.screens.len();
    if n < 2 || g.links_anywhere.iter().any(|&b| b) {
        return;
    }
    let entry = (0..n).any(|i| !g.entered[i] && !g.self_navigated[i]);
    if !entry {
        out.at(
            "Every screen is the target of a navigate action, so the flow has no entry screen"
                .into(),
            Some(format!(
                "Remove the navigate into the first screen, {}",
                super::name(m, 0)
            )),
            &[m.root.get("screens").map_or(m.root.span, |s| s.span)],
        );
    }
}
