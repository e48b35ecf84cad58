//! `terminal-footer-action`.

use crate::catalog::model::V5_0;
use crate::edits::{quote, remove};
use crate::fix::{Edit, Fix};
use crate::rule::declare_rule;
use crate::rules::model::{Action, Model};
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "terminal-footer-action",
        error: "INVALID_PROPERTY_VALUE",
        since: V5_0,
        fix: Unsafe("Make the action complete: name complete, no next, the payload kept"),
        summary: "The Footer of a terminal screen uses navigate.",
        doc: "On a terminal screen the Footer must end the flow: complete, or (endpoint flows) \
         complete/data_exchange; Meta reports INVALID_PROPERTY_VALUE on the action's `name` listing \
         the allowed names [B] (spec 4.4, 5.3; validator dated 5.0). A data_exchange in a flow \
         without `data_api_version` is reported by data-exchange-needs-data-api-version. Fix: \
         \"name\": \"navigate\" -> \"name\": \"complete\", or drop `terminal` from the screen. The fix \
         does the first (the `next` goes, the payload stays, now sent to the business), unsafe: \
         the flow then ends there instead of moving on, and the screen may have been meant not \
         to be terminal. No fix when the navigate is what joins its target (or its own \
         screen) to the flow: then the screen was probably not meant to be terminal.",
    }
}

pub(super) fn terminal_footer_action(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let allowed = if m.flow.data_api {
        "complete or data_exchange"
    } else {
        "complete"
    };
    for a in m.actions.iter().filter(|a| a.name == "navigate") {
        let (screen, comp) = super::place(m, a);
        if comp.ty == "Footer" && screen.terminal {
            out.at_with(
                format!(
                    "The Footer of terminal screen {} must use {allowed}, not navigate",
                    screen.id_str().unwrap_or("?")
                ),
                Some("Use \"name\": \"complete\", or drop \"terminal\" from the screen".into()),
                &[super::name_span(a)],
                to_complete(a).filter(|_| keeps_screens_joined(m, a)),
            );
        }
    }
}

/// Unsafe (the flow ends here instead of moving on; the screen may have been meant not to
/// be terminal): the action's name becomes `complete` and its `next` goes; its payload,
/// if any, stays and is now sent to the business.
fn to_complete(a: &Action<'_, '_>) -> Option<Fix> {
    let name = a.node.get("name")?;
    let members = a.node.as_object()?;
    let next: Vec<usize> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.key.name == "next")
        .map(|(i, _)| i)
        .collect();
    let mut edits = vec![Edit::replace(name.span, quote("complete"))];
    edits.extend(remove(a.node, &next));
    Some(Fix::r#unsafe("Replace navigate with complete", edits))
}

/// Whether the flow's screens stay joined without navigate `a` (its own screen being
/// terminal, `a` becomes a complete): always when Meta judges the flow by its
/// `routing_model` or a NavigationList links every screen; else no screen that the
/// navigates join to the first one (and touch) may stop being so.
fn keeps_screens_joined(m: &Model<'_, '_>, a: &Action<'_, '_>) -> bool {
    let g = m.graph();
    if g.by_model || g.links_anywhere.iter().any(|&b| b) {
        return true;
    }
    let n = m.flow.screens.len();
    let id = a.next_screen().and_then(Node::as_str);
    let to = id.and_then(|id| m.flow.ids.get(id).copied());
    let odd: Vec<(usize, Option<usize>, &str)> = g
        .odd_navigates
        .iter()
        .map(|o| (o.from, o.to, o.id))
        .collect();
    let before = lost(n, &g.navigates, &odd);
    // The same graph less this action's move: its edge, or its odd navigate.
    let mut edges = g.navigates.clone();
    let mut odd_after = odd.clone();
    match to.filter(|&t| t != a.screen) {
        Some(t) => {
            if let Some(i) = edges.iter().position(|&e| e == (a.screen, t)) {
                edges.remove(i);
            }
        }
        None => {
            if let Some(i) = odd_after
                .iter()
                .position(|&(f, _, o)| f == a.screen && Some(o) == id)
            {
                odd_after.remove(i);
            }
        }
    }
    let after = lost(n, &edges, &odd_after);
    after.iter().zip(&before).all(|(&now, &was)| !now || was)
}

/// Per screen: whether the navigates leave it apart from the first screen (ignoring
/// direction) or touch it not at all, as routing-disconnected-screens judges a flow
/// without a routing model.
fn lost(n: usize, edges: &[(usize, usize)], odd: &[(usize, Option<usize>, &str)]) -> Vec<bool> {
    let mut touched = vec![false; n];
    let mut joined: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(f, t) in edges {
        touched[f] = true;
        touched[t] = true;
        joined[f].push(t);
        joined[t].push(f);
    }
    for &(f, t, _) in odd {
        touched[f] = true;
        if let Some(t) = t {
            touched[t] = true;
        }
    }
    let mut seen = vec![false; n];
    let mut stack = Vec::new();
    if n > 0 {
        seen[0] = true;
        stack.push(0);
    }
    while let Some(i) = stack.pop() {
        for &j in &joined[i] {
            if !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    (0..n).map(|i| !seen[i] || !touched[i]).collect()
}
