//! `complete-outside-terminal-footer`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "complete-outside-terminal-footer",
        error: "INVALID_COMPLETE_ACTION",
        summary: "A complete action is not on the Footer of a terminal screen.",
        doc: "complete ends the flow and sends its payload to the business, which Meta allows only from \
         the Footer of a terminal screen: INVALID_COMPLETE_ACTION [B] (spec 2, 5.3). Fix: mark the \
         screen \"terminal\": true, or use navigate to move to the terminal screen.",
    }
}

pub(super) fn complete_outside_terminal_footer(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for a in m.actions.iter().filter(|a| a.name == "complete") {
        let (screen, comp) = super::place(m, a);
        if comp.ty == "Footer" && screen.terminal && !a.on_item {
            continue;
        }
        let why = if comp.ty != "Footer" {
            format!("it is on a {}", comp.ty)
        } else {
            format!("screen {} is not terminal", screen.id_str().unwrap_or("?"))
        };
        out.at(
            format!("A complete action is only allowed on the Footer of a terminal screen; {why}"),
            Some("Mark the screen \"terminal\": true, or navigate to the terminal screen".into()),
            &[super::name_span(a)],
        );
    }
}
