//! `routing-too-many-branches`.

use crate::catalog::limits::MAX_ROUTING_BRANCHES;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-too-many-branches",
        error: "INVALID_ROUTING_MODEL",
        summary: "A screen may move to more than 10 screens.",
        doc: "Meta allows at most 10 destinations per screen, counted in `routing_model` or, without \
         one, over the screen's distinct navigate targets: INVALID_ROUTING_MODEL [B][D] (spec 7.1, \
         7.2). Fix: split the choice over two screens (e.g. a category screen first).",
    }
}

pub(super) fn routing_too_many_branches(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    routing_model_branches(m, out);
    navigate_branches(m, out);
}

/// Entries of `routing_model` with too many targets, wherever a routing model appears.
fn routing_model_branches(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(r) = &m.graph().routing else { return };
    for e in &r.entries {
        // Every listed value counts, strings or not.
        let count = e.member.value.as_array().map_or(0, <[_]>::len);
        if count > MAX_ROUTING_BRANCHES {
            out.at(
                format!(
                    "Screen {} routes to {count} screens; at most {MAX_ROUTING_BRANCHES} are allowed",
                    e.member.key.name
                ),
                None,
                &[e.member.key.span],
            );
        }
    }
}

/// Without a routing model to judge by: screens that navigate to too many screens (a
/// NavigationList screen may lead anywhere).
fn navigate_branches(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let g = m.graph();
    if g.by_model {
        return;
    }
    for (i, targets) in g.routes.iter().enumerate() {
        if targets.len() > MAX_ROUTING_BRANCHES && !g.links_anywhere[i] {
            out.at(
                format!(
                    "Screen {} navigates to {} different screens; at most {MAX_ROUTING_BRANCHES} are allowed",
                    super::name(m, i),
                    targets.len()
                ),
                None,
                // Meta points at the whole screen (routing-too-many-branches_invalid-navigate).
                &[m.flow.screens[i].node.span],
            );
        }
    }
}
