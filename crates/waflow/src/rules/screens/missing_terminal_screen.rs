//! `missing-terminal-screen`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "missing-terminal-screen",
        error: "MISSING_TERMINAL_SCREEN",
        summary: "No screen has `\"terminal\": true`.",
        doc: "A flow ends on a terminal screen, whose Footer completes it; without one the flow can't \
         finish and Meta answers MISSING_TERMINAL_SCREEN [B][D] (spec 2, 8). Fix: add \
         \"terminal\": true to the last screen and give it a Footer with a complete action.",
    }
}

pub(super) fn missing_terminal_screen(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(screens) = m.root.get("screens") else {
        return;
    };
    if !m.flow.screens.iter().any(|s| s.terminal) {
        out.at(
            "The flow has no terminal screen: at least one screen needs \"terminal\": true".into(),
            Some("Mark the last screen \"terminal\": true and give it a Footer with a complete action".into()),
            &[screens.span],
        );
    }
}
