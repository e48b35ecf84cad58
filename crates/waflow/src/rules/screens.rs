//! Screen-level rules (spec 2, 8): ids, terminal screens and their Footers, `sensitive`.

use crate::rule::{declare_rule, RuleMeta};
use foldhash::{HashMap, HashMapExt};

use super::model::Model;
use super::Ctx;
use crate::finding::Finding;
use crate::suggest::closest;
use crate::syntax::{Node, Span};

declare_rule! {
    pub(crate) DUPLICATE_SCREEN_ID {
        code: "duplicate-screen-id",
        error: "DUPLICATE_SCREEN_IDS",
        summary: "Two or more screens have the same `id`.",
        doc: "Navigation, routing and `${screen.ID...}` references name screens by id, so an id must be \
         unique; Meta reports DUPLICATE_SCREEN_IDS with one pointer per screen id [B] (spec 2, 8). \
         Fix: rename all but one. Example: two screens with \"id\": \"WELCOME\"; rename the second \
         \"WELCOME_BACK\".",
    }
}
declare_rule! {
    pub(crate) RESERVED_SCREEN_ID {
        code: "reserved-screen-id",
        error: "SCREEN_ID_IS_RESERVED_KEYWORD",
        summary: "A screen is called `success`, a reserved id.",
        doc: "Meta's builder refuses the screen id `success`, compared exactly in lower case \
         (SCREEN_ID_IS_RESERVED_KEYWORD) [B] (spec 2, 7.1, 8; Unknowns 6). The docs spell the \
         endpoint's closing screen `SUCCESS`, but the builder accepts a screen with that id \
         (conformance record reserved-screen-id_invalid passes), so `SUCCESS` is only a warning \
         (success-screen-id). Fix: rename the screen, e.g. \"id\": \"success\" -> \"CONFIRMATION\".",
    }
}
// A warning: Meta accepts the id (see the doc).
declare_rule! {
    pub(crate) SUCCESS_SCREEN_ID {
        code: "success-screen-id",
        error: "SCREEN_ID_IS_RESERVED_KEYWORD",
        severity: Warning,
        summary: "A screen is called `SUCCESS`, the screen an endpoint names to end the flow.",
        doc: "An endpoint ends a flow by answering with screen `SUCCESS` (Data API), so a screen of \
         that name can never be reached from the endpoint as itself. Meta's builder accepts the id \
         (conformance record reserved-screen-id_invalid passes; it refuses only lower-case \
         `success`), so waflow warns. Fix: rename the screen, e.g. \"SUCCESS\" -> \"CONFIRMATION\".",
    }
}
declare_rule! {
    pub(crate) TOO_MANY_SCREENS {
        code: "too-many-screens",
        error: "MAX_SCREENS_NUMBER",
        summary: "The flow has more than 100 screens.",
        doc: "Meta's builder caps a flow at 100 screens and answers MAX_SCREENS_NUMBER [B] (spec 8, 10). \
         Fix: merge screens (an If or Switch can show different content on one screen) or split \
         the journey into two flows.",
    }
}
declare_rule! {
    pub(crate) MISSING_TERMINAL_SCREEN {
        code: "missing-terminal-screen",
        error: "MISSING_TERMINAL_SCREEN",
        summary: "No screen has `\"terminal\": true`.",
        doc: "A flow ends on a terminal screen, whose Footer completes it; without one the flow can't \
         finish and Meta answers MISSING_TERMINAL_SCREEN [B][D] (spec 2, 8). Fix: add \
         \"terminal\": true to the last screen and give it a Footer with a complete action.",
    }
}
declare_rule! {
    pub(crate) MISSING_FOOTER_ON_TERMINAL_SCREEN {
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
declare_rule! {
    pub(crate) NO_SUCCESSFUL_TERMINAL_SCREEN {
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
declare_rule! {
    pub(crate) INVALID_SENSITIVE_FIELD {
        code: "invalid-sensitive-field",
        error: "INVALID_SENSITIVE_FIELD",
        since: crate::catalog::model::V5_1,
        summary: "An entry of a screen's `sensitive` list is not the name of a component on that screen.",
        doc: "`sensitive` (5.1+) lists the components whose values WhatsApp masks in the response \
         summary; an entry that names nothing on the screen would mask nothing, and Meta answers \
         INVALID_SENSITIVE_FIELD at the entry [B][D] (spec 2, 8). Fix: use the `name` of an input \
         on the same screen, e.g. \"sensitive\": [\"password\"] with a TextInput named password.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &DUPLICATE_SCREEN_ID,
    &RESERVED_SCREEN_ID,
    &SUCCESS_SCREEN_ID,
    &TOO_MANY_SCREENS,
    &MISSING_TERMINAL_SCREEN,
    &MISSING_FOOTER_ON_TERMINAL_SCREEN,
    &NO_SUCCESSFUL_TERMINAL_SCREEN,
    &INVALID_SENSITIVE_FIELD,
];

const MAX_SCREENS: usize = 100;

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    let flow = &ix.flow;
    let screens_node = ctx.root.get("screens");
    let mut by_id: HashMap<&str, Vec<&Node<'_>>> = HashMap::new();
    for s in &flow.screens {
        if let (Some(id), Some(node)) = (s.id_str(), s.id) {
            by_id.entry(id).or_default().push(node);
            if id == "SUCCESS" || id == "success" {
                let rule = if id == "success" {
                    &RESERVED_SCREEN_ID
                } else {
                    &SUCCESS_SCREEN_ID
                };
                out.push(ctx.at(
                    rule,
                    format!("Screen id '{id}' is reserved: an endpoint answers with screen SUCCESS to end the flow"),
                    Some("Rename the screen, e.g. CONFIRMATION, and update every navigate and routing entry".into()),
                    &[node.span],
                ));
            }
        }
    }
    let mut dups: Vec<(&str, Vec<&Node<'_>>)> =
        by_id.into_iter().filter(|(_, v)| v.len() > 1).collect();
    dups.sort_by_key(|(_, v)| v[0].span.start);
    for (id, nodes) in dups {
        // Meta points at each repeat, not at the first screen with the id
        // (conformance: duplicate-screen-id_invalid and the *__duplicate_screen_id__* flows).
        let spans: Vec<_> = nodes[1..].iter().map(|n| n.span).collect();
        out.push(ctx.at(
            &DUPLICATE_SCREEN_ID,
            format!(
                "Screen id '{id}' is used by {} screens; screen ids must be unique",
                nodes.len()
            ),
            Some("Rename all but the first of them".into()),
            &spans,
        ));
    }
    let Some(screens_node) = screens_node else {
        return;
    };
    if flow.screens.len() > MAX_SCREENS {
        // Meta points at each screen past the limit (conformance: too-many-screens_invalid).
        let extra: Vec<Span> = flow.screens[MAX_SCREENS..]
            .iter()
            .map(|s| s.node.span)
            .collect();
        out.push(ctx.at(
            &TOO_MANY_SCREENS,
            format!(
                "The flow has {} screens; at most {MAX_SCREENS} are allowed",
                flow.screens.len()
            ),
            None,
            &extra,
        ));
    }
    let terminals: Vec<_> = flow.screens.iter().filter(|s| s.terminal).collect();
    if terminals.is_empty() {
        out.push(ctx.at(
            &MISSING_TERMINAL_SCREEN,
            "The flow has no terminal screen: at least one screen needs \"terminal\": true".into(),
            Some("Mark the last screen \"terminal\": true and give it a Footer with a complete action".into()),
            &[screens_node.span],
        ));
    } else if terminals.iter().all(|s| s.success == Some(false)) {
        let spans: Vec<_> = terminals
            .iter()
            .filter_map(|s| s.node.get("success").map(|n| n.span))
            .collect();
        out.push(ctx.at(
            &NO_SUCCESSFUL_TERMINAL_SCREEN,
            "Every terminal screen sets \"success\": false; at least one must end the flow successfully".into(),
            Some("Remove \"success\": false from the screen where the flow succeeds".into()),
            &spans,
        ));
    }
    let footless: Vec<_> = terminals
        .iter()
        .filter(|s| !s.comps.iter().any(|c| c.ty == "Footer"))
        .collect();
    if !footless.is_empty() {
        let names: Vec<_> = footless.iter().map(|s| s.id_str().unwrap_or("?")).collect();
        let spans: Vec<_> = footless.iter().map(|s| s.node.span).collect();
        out.push(ctx.at(
            &MISSING_FOOTER_ON_TERMINAL_SCREEN,
            format!("Terminal screen(s) without a Footer: {}", names.join(", ")),
            Some("Add a Footer with a complete action to each of them".into()),
            &spans,
        ));
    }
    for s in &flow.screens {
        let Some(list) = s.node.get("sensitive").and_then(Node::as_array) else {
            continue;
        };
        let names: Vec<&str> = s
            .comps
            .iter()
            .filter(|c| c.ty != "Form")
            .filter_map(|c| c.name())
            .collect();
        for entry in list {
            let Some(name) = entry.as_str() else { continue };
            if !names.contains(&name) {
                let help = closest(name, names.iter().copied())
                    .map(|c| format!("Did you mean '{c}'?"))
                    .or_else(|| Some("List the `name` of a component on this screen".into()));
                out.push(ctx.at(
                    &INVALID_SENSITIVE_FIELD,
                    format!(
                        "'{name}' in 'sensitive' is not the name of a component on screen {}",
                        s.id_str().unwrap_or("?")
                    ),
                    help,
                    &[entry.span],
                ));
            }
        }
    }
}
