//! `missing-navigate-payload`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "missing-navigate-payload",
        error: "MISSING_NAVIGATION_ACTION_PAYLOAD",
        summary: "A navigate has no `payload` although the target screen declares data.",
        doc: "A navigate's payload becomes the target screen's `data`; with no `payload` at all the \
         builder says 'Property payload is required when the next screen's data model is not \
         empty': MISSING_NAVIGATION_ACTION_PAYLOAD [B] (spec 2.1, 5.3). A payload that lacks only \
         some fields is incomplete-navigate-payload. Fix: add \"payload\": {\"name\": \
         \"${form.name}\"}.",
    }
}

pub(super) fn missing_navigate_payload(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for n in super::navigates(m) {
        let Some(ti) = n.to else { continue };
        if n.action.node.get("payload").is_some() {
            continue;
        }
        let missing = super::missing_fields(&m.flow.screens[ti], &[]);
        if !missing.is_empty() {
            super::report_missing(&n, &missing, out);
        }
    }
}
