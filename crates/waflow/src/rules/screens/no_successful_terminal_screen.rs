//! `no-successful-terminal-screen`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "no-successful-terminal-screen",
        error: "MISSING_TERMINAL_SCREEN",
        severity: Warning,
        summary: "Every terminal screen sets `\"success\": false`.",
        doc: "The spec sheet lists a builder check for at least one terminal screen whose `success` is \
         true (the default), so the flow can end as a business success, which Meta's metrics \
         count (spec 2, 8: 'one-success-terminal'). Meta's builder accepts a flow without one \
         (conformance record no-successful-terminal-screen_invalid), so waflow warns: every \
         completion would count as a failure. MISSING_TERMINAL_SCREEN is the code should Meta \
         refuse it. Fix: drop `\"success\": false` from the screen where the flow succeeds.",
    }
}

pub(super) fn no_successful_terminal_screen(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let terminals = || m.flow.screens.iter().filter(|s| s.terminal);
    if m.root.get("screens").is_none()
        || terminals().next().is_none()
        || !terminals().all(|s| s.success == Some(false))
    {
        return;
    }
    let spans: Vec<_> = terminals()
        .filter_map(|s| s.node.get("success").map(|n| n.span))
        .collect();
    out.at(
        "Every terminal screen sets \"success\": false; at least one must end the flow successfully".into(),
        Some("Remove \"success\": false from the screen where the flow succeeds".into()),
        &spans,
    );
}
