//! `data-field-type-not-string`.

use super::{each_declaration, short};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-field-type-not-string",
        error: "INVALID_SCREEN_DATA",
        summary: "A data field's `type` is not a string (a list of types, a number...).",
        doc: "The declaration's `type` is one type name written as a string; a list of types or any \
         other JSON value is INVALID_SCREEN_DATA (\"Expected the property 'type' to be of type \
         string\") at the value, in Meta's error reference and in the builder's record \
         (testdata/data-field-invalid-type_invalid-type-list) (spec 2.1). Fix: \
         \"type\": [\"string\", \"null\"] -> \"type\": \"string\".",
    }
}

pub(super) fn data_field_type_not_string(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        let Some(t) = d.node.get("type").filter(|t| t.as_str().is_none()) else {
            return;
        };
        out.at(
            format!(
                "Data field '{}' has type {}; 'type' must be one type name written as a string",
                d.name(),
                short(t),
            ),
            Some("Write one of string, number, integer, boolean, object, array".into()),
            &[t.span],
        );
    });
}
