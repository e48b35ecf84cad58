//! `invalid-navigation-list-placement`.

use crate::catalog::limits::MAX_NAVIGATION_LISTS_PER_SCREEN;
use crate::catalog::model::V6_2;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::model::{Comp, Screen};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "invalid-navigation-list-placement",
        error: "INVALID_COMPONENT_PLACEMENT",
        since: V6_2,
        summary: "A NavigationList shares its screen with other components, exceeds two, or is on a terminal screen.",
        doc: "A NavigationList screen holds only NavigationLists (at most 2; a Form wrapper is ignored) \
         and is never terminal: INVALID_COMPONENT_PLACEMENT [B][D] (spec 4.4, 8). Fix: move other \
         components to another screen; end the flow on a screen after the list.",
    }
}

pub(super) fn invalid_navigation_list_placement(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for s in &m.flow.screens {
        let lists: Vec<&Comp<'_, '_>> = s
            .comps
            .iter()
            .filter(|c| c.ty == "NavigationList")
            .collect();
        if lists.is_empty() {
            continue;
        }
        if let Some(message) = problem(s, lists.len()) {
            out.at(
                message,
                None,
                &lists
                    .iter()
                    .map(|c| super::type_span(c))
                    .collect::<Vec<_>>(),
            );
        }
    }
}

/// What is wrong with a screen holding `lists` NavigationLists, the first fault only: a
/// terminal screen, too many lists, other components beside them (a Form wrapper is not
/// counted).
fn problem(s: &Screen<'_, '_>, lists: usize) -> Option<String> {
    let id = s.id_str().unwrap_or("?");
    let content = s.counts.total;
    let others = content - lists.min(content);
    if s.terminal {
        Some(format!("A NavigationList can't be on terminal screen {id}"))
    } else if lists > MAX_NAVIGATION_LISTS_PER_SCREEN {
        Some(format!(
            "Only up to {MAX_NAVIGATION_LISTS_PER_SCREEN} NavigationLists may be used per screen; screen {id} has {lists}"
        ))
    } else if others > 0 {
        Some(format!(
            "A NavigationList must be alone on its screen; screen {id} has {others} other component(s)"
        ))
    } else {
        None
    }
}
