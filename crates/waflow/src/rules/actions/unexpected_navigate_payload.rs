//! `unexpected-navigate-payload`.

use crate::catalog::model::V5_0;
use crate::edits::remove;
use crate::fix::Fix;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::suggest::closest;

declare_rule! {
    pub(super) RULE {
        code: "unexpected-navigate-payload",
        error: "INVALID_NAVIGATE_ACTION_PAYLOAD",
        fix: Unsafe("Remove the key the target screen does not declare"),
        summary: "A navigate payload has a key the target screen does not declare.",
        doc: "Every payload key must be a field of the target screen's `data`; Meta answers \
         INVALID_NAVIGATE_ACTION_PAYLOAD with the pointer on the key [B] (spec 5.3). Fix: declare \
         the field on the target screen or drop the key. The fix drops it, unsafe: the target may \
         have been meant to declare the field (or the key misspells one it declares), and the \
         value is lost. No fix on the Footer of a terminal screen, whose navigate \
         terminal-footer-action turns into a complete that keeps its payload.",
    }
}

pub(super) fn unexpected_navigate_payload(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for n in super::navigates(m) {
        match n.to {
            Some(ti) => undeclared_keys(m, &n, ti, out),
            None => payload_for_no_screen(&n, out),
        }
    }
}

/// Each payload key the target screen does not declare, at the key.
fn undeclared_keys(
    m: &Model<'_, '_>,
    n: &super::Navigate<'_, '_, '_>,
    ti: usize,
    out: &mut Reporter<'_, '_>,
) {
    let there = &m.flow.screens[ti];
    // On the Footer of a terminal screen the navigate is terminal-footer-action's, whose
    // fix makes it a complete that keeps the payload: the keys are then free.
    let here = &m.flow.screens[n.action.screen];
    let terminal_footer =
        here.comps[n.action.comp].ty == "Footer" && here.terminal && m.version >= V5_0;
    let payload = n.action.node.get("payload").filter(|_| !terminal_footer);
    for (i, member) in super::payload_members(n.action).iter().enumerate() {
        let key = member.key.name;
        if there.field(key).is_some() {
            continue;
        }
        let help = closest(key, there.fields())
            .map(|c| format!("Did you mean '{c}'?"))
            .or_else(|| {
                Some(format!(
                    "Declare '{key}' in the data of screen {}, or remove it",
                    n.target
                ))
            });
        // Unsafe: the value is lost, and the author may have meant to declare the field.
        let fix = payload
            .map(|p| Fix::r#unsafe(format!("Remove '{key}' from the payload"), remove(p, &[i])));
        out.at_with(
            format!("Screen {} declares no data field '{key}'", n.target),
            help,
            &[member.key.span],
            fix,
        );
    }
}

/// A non-empty payload of a navigate to a screen the flow lacks: Meta checks the payload
/// against the next screen's data model, and there is none (conformance: the mutated
/// *__navigate_missing__* flows).
fn payload_for_no_screen(n: &super::Navigate<'_, '_, '_>, out: &mut Reporter<'_, '_>) {
    if let Some(payload) = n
        .action
        .node
        .get("payload")
        .filter(|p| p.as_object().is_some_and(|m| !m.is_empty()))
    {
        out.at(
            format!(
                "The payload is for screen '{}', which does not exist, so no data model declares its fields",
                n.target
            ),
            None,
            &[payload.span],
        );
    }
}
