//! `missing-footer-on-terminal-screen`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "missing-footer-on-terminal-screen",
        error: "MISSING_FOOTER_ON_TERMINAL_SCREEN",
        summary: "A terminal screen has no Footer.",
        doc: "The Footer's button is how a user finishes the flow, so every terminal screen needs one; \
         Meta reports one error listing all such screens, with a pointer per screen [B] (spec 2, 8). \
         A Footer inside an If or Switch counts here; one missing from some branches is reported \
         by missing-footer-in-if-branch / missing-footer-in-switch-case instead, so one fault \
         gets one finding. Meta's builder runs this check only in its 7.3 chain (a known defect, \
         conformance README; the mutated *__terminal_no_footer__* flows of 5.1 to 7.2 pass it); \
         the Flow JSON reference and the error-codes page state the rule for every version, so \
         waflow reports it for every version. Fix: add {\"type\": \"Footer\", \"label\": \"Done\", \
         \"on-click-action\": {\"name\": \"complete\", \"payload\": {}}}.",
    }
}

pub(super) fn missing_footer_on_terminal_screen(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if m.root.get("screens").is_none() {
        return;
    }
    let footless: Vec<_> = m
        .flow
        .screens
        .iter()
        .filter(|s| s.terminal && !s.comps.iter().any(|c| c.ty == "Footer"))
        .collect();
    if !footless.is_empty() {
        let names: Vec<_> = footless.iter().map(|s| s.id_str().unwrap_or("?")).collect();
        let spans: Vec<_> = footless.iter().map(|s| s.node.span).collect();
        out.at(
            format!("Terminal screen(s) without a Footer: {}", names.join(", ")),
            Some("Add a Footer with a complete action to each of them".into()),
            &spans,
        );
    }
}
