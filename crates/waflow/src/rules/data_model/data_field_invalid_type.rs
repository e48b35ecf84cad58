//! `data-field-invalid-type`.

use super::{each_declaration, short};
use crate::catalog::document::DATA_TYPES;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-field-invalid-type",
        error: "INVALID_ENUM_VALUE",
        summary: "A data field's `type` is a string that names no JSON Schema type.",
        doc: "The declaration's `type` is one JSON Schema type name: array, boolean, integer, null, \
         number, object or string. Meta's builder checks it as an enum and answers \
         INVALID_ENUM_VALUE at the value for any other word (conformance records: mutated/*__\
         declared_type__*, testdata/data-field-invalid-type_invalid); `integer` and `null` are in \
         its list (spec 2.1, Unknowns 16). Fix: \"type\": \"text\" -> \"type\": \"string\".",
    }
}

/// A string `type` only (any other value is data-field-type-not-string).
pub(super) fn data_field_invalid_type(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        let Some(t) = d.node.get("type") else { return };
        if t.as_str().is_some_and(|t| !DATA_TYPES.contains(&t)) {
            out.at(
                format!(
                    "Data field '{}' has type {}; use one of {}",
                    d.name(),
                    short(t),
                    DATA_TYPES.join(", ")
                ),
                None,
                &[t.span],
            );
        }
    });
}
