//! `update-data-self-assignment`.

use crate::catalog::model::V6_0;
use crate::edits::remove;
use crate::fix::Fix;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "update-data-self-assignment",
        error: "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        since: V6_0,
        fix: Safe("Remove the entry"),
        summary: "An update_data payload sets a field to its own value.",
        doc: "An entry such as \"x\": \"${data.x}\" changes nothing; Meta's builder rejects it as a \
         redundant self-update with the pointer on that entry [B] (spec 5.3). Fix: delete the entry; \
         the fix does, safely: the entry sets the field to the value it already has.",
    }
}

pub(super) fn update_data_self_assignment(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for a in m.actions.iter().filter(|a| a.name == "update_data") {
        let screen = &m.flow.screens[a.screen];
        // A key the screen does not declare is invalid-update-data-payload's (without a
        // data model, every key is).
        for (i, member) in super::payload_members(a).iter().enumerate() {
            let key = member.key.name;
            if screen.field(key).is_some() && assigns_itself(key, &member.value) {
                // Safe: the entry sets the field to the value it already has.
                let fix = a.node.get("payload").map(|payload| {
                    Fix::safe(format!("Remove the entry '{key}'"), remove(payload, &[i]))
                });
                out.at_with(
                    format!("update_data sets '{key}' to its own value ${{data.{key}}}"),
                    Some("Delete this entry".into()),
                    // Meta points at the value (conformance: update-data-self-assignment_invalid).
                    &[member.value.span],
                    fix,
                );
            }
        }
    }
}

/// Whether the payload entry `key: value` sets the field to its own value, `${data.<key>}`.
pub(super) fn assigns_itself(key: &str, value: &Node<'_>) -> bool {
    value.as_str() == Some(&format!("${{data.{key}}}"))
}
