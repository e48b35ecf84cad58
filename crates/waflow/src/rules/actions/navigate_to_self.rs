//! `navigate-to-self`.

use crate::catalog::model::V6_0;
use crate::edits::quote;
use crate::fix::{Edit, Fix};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "navigate-to-self",
        error: "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        fix: Unsafe("Navigate to the one other screen the screen's routes lead to"),
        summary: "A navigate action targets the screen it is on.",
        doc: "A screen can't navigate to itself (INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME) [B] (spec \
         5.3, 7.2); to change what the screen shows use update_data (6.0+) or data_exchange. Fix: \
         target another screen. waflow's fix does so only when the screen's routes name exactly \
         one other screen (its `routing_model` entry, or without one its other navigate \
         actions): `next.name` becomes that screen. Otherwise it offers none: the intent (refresh \
         the screen, or go somewhere) can't be read from the flow. Unsafe: the action then \
         moves the user on, and its payload must suit the new target.",
    }
}

pub(super) fn navigate_to_self(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for n in super::navigates(m).filter(|n| n.to == Some(n.action.screen)) {
        // The advice depends on the version: update_data exists from 6.0. (Meta still
        // checks the payload against the screen's own data model: the payload rules run.)
        let help = if m.version >= V6_0 {
            "Use update_data to change what the screen shows"
        } else {
            "Target another screen"
        };
        let fix = only_other_route(m, n.action.screen).map(|to| {
            let id = m.flow.screens[to].id_str().unwrap_or_default();
            Fix::r#unsafe(
                format!("Navigate to {id} instead"),
                vec![Edit::replace(n.next.span, quote(id))],
            )
        });
        out.at_with(
            format!("Screen {} navigates to itself", n.target),
            Some(help.into()),
            &[n.next.span],
            fix,
        );
    }
}

/// The one screen other than `i` that screen `i`'s routes lead to: those its
/// `routing_model` entry lists when it has one, else its navigate actions' targets.
/// `None` when they lead to none or to several, or when the screen holds a NavigationList.
fn only_other_route(m: &Model<'_, '_>, i: usize) -> Option<usize> {
    let g = m.graph();
    // A NavigationList may lead anywhere: its screen's routes say nothing of this action.
    if g.links_anywhere[i] {
        return None;
    }
    let listed: Option<Vec<usize>> = g.routing.as_ref().and_then(|r| {
        let mut entries = r.entries.iter().filter(|e| e.from == Some(i)).peekable();
        entries.peek()?;
        Some(
            entries
                .flat_map(|e| e.targets.iter().filter_map(|t| t.screen))
                .collect(),
        )
    });
    let targets = listed.unwrap_or_else(|| {
        g.navigates
            .iter()
            .filter(|&&(f, _)| f == i)
            .map(|&(_, t)| t)
            .collect()
    });
    let mut others = targets.into_iter().filter(|&t| t != i);
    let first = others.next()?;
    others.all(|t| t == first).then_some(first)
}
