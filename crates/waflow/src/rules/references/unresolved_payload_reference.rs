//! `unresolved-payload-reference`.

use super::{report_malformed, report_unresolved, Owner};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "unresolved-payload-reference",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A `${...}` reference in an action's `payload` does not resolve.",
        doc: "A payload value `${form.n}`, `${data.f}` or `${screen.S...}` must name an input of the \
         screen, a declared data field or an existing screen. Meta's builder reports these as \
         INVALID_ON_CLICK_ACTION_PAYLOAD ('Missing Form component ${form.n} for screen S', 'Missing \
         dynamic data ... in the data model for screen S', 'The screen id S referenced in the dynamic \
         binding expression ... does not exist'), on on-select actions too, pointing at the whole \
         payload value (conformance records unknown-form-reference_invalid and the mutated \
         *__unknown_form__*, *__undeclared_data__* flows); the spec sheet's INVALID_SCREEN_DYNAMIC_DATA \
         is what the builder uses for component properties. The builder's 7.1 chain skips its payload \
         validators (a known defect, conformance README); waflow keeps the rule there, since the \
         reference can't resolve at run time either. Fix: correct the name, e.g. \
         `${form.emial}` -> `${form.email}`.",
    }
}

pub(super) fn unresolved_payload_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    report_unresolved(m, Owner::Payload, out);
    report_malformed(m, Owner::Payload, out);
}
