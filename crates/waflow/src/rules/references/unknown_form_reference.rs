//! `unknown-form-reference`.

use super::{report_malformed, report_unresolved, Owner};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "unknown-form-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A `${form...}` reference does not name an input component of that screen.",
        doc: "`${form.n}` reads the value of the input named `n` on the screen; the Form itself, text, \
         Image, Footer and other non-input components have no value, and a missing name resolves to \
         nothing: INVALID_SCREEN_DYNAMIC_DATA [B] (spec 6.1, 6.2, 8). Fix: use the `name` of a \
         TextInput, Dropdown, ... on that screen.",
    }
}

pub(super) fn unknown_form_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    report_unresolved(m, Owner::UnknownForm, out);
    report_malformed(m, Owner::UnknownForm, out);
}
