//! `unknown-form-value-key`.

use super::form_entries;
use crate::catalog::model::V7_0;
use crate::rule::declare_rule;
use crate::rules::expr::VType;
use crate::rules::model::{value_type, Model};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "unknown-form-value-key",
        error: "INVALID_PROPERTY_VALUE",
        since: V7_0,
        summary: "A key of a Form's `init-values` is not an input inside that Form that takes a value.",
        doc: "From 7.0 Meta checks that each key of `init-values` names an input component inside the \
         Form that can be pre-filled (spec 4.7, 6.4): Meta's builder answers INVALID_PROPERTY_VALUE \
         'The property X is declared but not used in the init-values', pointing at the whole \
         `init-values` object, for a name that is no input and for a media picker alike \
         (conformance records unknown-form-value-key_invalid, media-picker-in-init-values_invalid). \
         The same fault in `error-messages` is accepted, so it is a warning there \
         (unknown-error-messages-key). Fix: use the input's `name`.",
    }
}

/// A name that is no input inside the Form, or a media picker: to Meta a media picker
/// takes no initial value at all (it also gets media-picker-in-init-values).
pub(super) fn unknown_form_value_key(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for e in form_entries(m, "init-values") {
        let name = e.member.key.name;
        let message = match e.input {
            None => {
                format!("'{name}' in 'init-values' is not the name of an input inside this Form")
            }
            Some(input) if value_type(input) == Some(VType::Media) => format!(
                "'{name}' in 'init-values' is a {}, which takes no initial value",
                input.ty
            ),
            Some(_) => continue,
        };
        out.at_focus(message, None, e.object, e.member.key.span);
    }
}
