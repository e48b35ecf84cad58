//! `unknown-navigate-target`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::suggest::closest;

declare_rule! {
    pub(super) RULE {
        code: "unknown-navigate-target",
        error: "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        summary: "A navigate action's `next.name` is not a screen of the flow.",
        doc: "navigate moves to the screen whose id is `next.name`; Meta answers \
         INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME when there is none [B] (spec 5.3). Fix: correct \
         the id or add the screen.",
    }
}

pub(super) fn unknown_navigate_target(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for n in super::navigates(m).filter(|n| n.to.is_none()) {
        let help =
            closest(n.target, m.flow.ids.keys().copied()).map(|c| format!("Did you mean '{c}'?"));
        out.at(
            format!(
                "navigate targets '{}', which is not a screen of this flow",
                n.target
            ),
            help,
            &[n.next.span],
        );
    }
}
