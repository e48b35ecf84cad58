//! `navigate-to-self`.

use crate::catalog::model::V6_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "navigate-to-self",
        error: "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        summary: "A navigate action targets the screen it is on.",
        doc: "A screen can't navigate to itself (INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME) [B] (spec \
         5.3, 7.2); to change what the screen shows use update_data (6.0+) or data_exchange. Fix: \
         target another screen.",
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
        out.at(
            format!("Screen {} navigates to itself", n.target),
            Some(help.into()),
            &[n.next.span],
        );
    }
}
