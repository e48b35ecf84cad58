//! `incomplete-navigate-payload`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "incomplete-navigate-payload",
        error: "INVALID_NAVIGATE_ACTION_PAYLOAD",
        summary: "A navigate `payload` lacks fields the target screen declares.",
        doc: "A navigate's payload becomes the target screen's `data`, so it must provide every field \
         that screen declares. When the `payload` is there but lacks some, Meta's builder answers \
         INVALID_NAVIGATE_ACTION_PAYLOAD, 'Following fields are expected in the next screen's data \
         model but missing in payload', at the payload object (conformance record \
         missing-navigate-payload_invalid); a navigate with no `payload` at all is \
         missing-navigate-payload. Fix: add the missing keys, e.g. \"payload\": {\"name\": \
         \"${form.name}\"}.",
    }
}

pub(super) fn incomplete_navigate_payload(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for n in super::navigates(m) {
        let Some(ti) = n.to else { continue };
        if n.action.node.get("payload").is_none() {
            continue;
        }
        let members = super::payload_members(n.action);
        let missing = super::missing_fields(&m.flow.screens[ti], members);
        if !missing.is_empty() {
            super::report_missing(&n, &missing, out);
        }
    }
}
