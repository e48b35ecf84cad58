//! `unknown-error-messages-key`.

use super::form_entries;
use crate::catalog::model::V7_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "unknown-error-messages-key",
        error: "INVALID_PROPERTY_KEY",
        severity: Warning,
        since: V7_0,
        summary: "A key of a Form's `error-messages` is not an input inside that Form.",
        doc: "An error message is shown under the input of that name; a key that names none is never \
         shown. Meta's builder accepts it (conformance record unknown-form-value-key_invalid reports \
         only the `init-values` key), so waflow warns. Fix: use the input's `name`.",
    }
}

pub(super) fn unknown_error_messages_key(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for e in form_entries(m, "error-messages").filter(|e| e.input.is_none()) {
        let name = e.member.key.name;
        out.at(
            format!("'{name}' in 'error-messages' is not the name of an input inside this Form, so its message is never shown"),
            None,
            &[e.member.key.span],
        );
    }
}
