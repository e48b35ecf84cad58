//! `navigate-payload-type-mismatch`.

use crate::rule::declare_rule;
use crate::rules::model::literal_type;
use crate::rules::model::Model;
use crate::rules::references::vtype;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "navigate-payload-type-mismatch",
        error: "INVALID_NAVIGATE_ACTION_STATIC_DATA",
        summary: "A literal navigate payload value does not match the target field's declared type.",
        doc: "Literal payload values are checked against the type the target screen declares: \
         INVALID_NAVIGATE_ACTION_STATIC_DATA [B] (spec 5.3). Fix: {\"count\": \"3\"} -> \
         {\"count\": 3} for a number field.",
    }
}

pub(super) fn navigate_payload_type_mismatch(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for n in super::navigates(m) {
        let Some(ti) = n.to else { continue };
        let there = &m.flow.screens[ti];
        for member in super::payload_members(n.action) {
            let key = member.key.name;
            let Some(want) = there
                .field(key)
                .and_then(|decl| decl.get("type"))
                .and_then(Node::as_str)
            else {
                continue;
            };
            let Some(got) = literal_type(&member.value) else {
                continue;
            };
            if vtype(want).is_some_and(|w| w != got) {
                out.at(
                    format!(
                        "'{key}' is declared as {want} on screen {}, but the payload gives a {}",
                        n.target,
                        got.as_str()
                    ),
                    None,
                    &[member.value.span],
                );
            }
        }
    }
}
