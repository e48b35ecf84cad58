//! `terminal-footer-action`.

use crate::catalog::model::V5_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "terminal-footer-action",
        error: "INVALID_PROPERTY_VALUE",
        since: V5_0,
        summary: "The Footer of a terminal screen uses navigate.",
        doc: "On a terminal screen the Footer must end the flow: complete, or (endpoint flows) \
         complete/data_exchange; Meta reports INVALID_PROPERTY_VALUE on the action's `name` listing \
         the allowed names [B] (spec 4.4, 5.3; validator dated 5.0). A data_exchange in a flow \
         without `data_api_version` is reported by data-exchange-needs-data-api-version. Fix: \
         \"name\": \"navigate\" -> \"name\": \"complete\", or drop `terminal` from the screen.",
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
            out.at(
                format!(
                    "The Footer of terminal screen {} must use {allowed}, not navigate",
                    screen.id_str().unwrap_or("?")
                ),
                Some("Use \"name\": \"complete\", or drop \"terminal\" from the screen".into()),
                &[super::name_span(a)],
            );
        }
    }
}
