//! `data-field-not-object`.

use super::fields;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-field-not-object",
        error: "INVALID_PROPERTY_TYPE",
        summary: "A field of a screen's `data` is not a declaration object.",
        doc: "Each key of `data` (except a top-level `required` list) declares one field with an object \
         such as {\"type\": \"string\", \"__example__\": \"Ada\"}. Meta's builder reports anything else \
         as INVALID_PROPERTY_TYPE (\"Expected property 'name' to be of type 'object'\") at the value \
         (conformance record testdata/data-field-not-object_invalid; the spec sheet's \
         INVALID_SCREEN_DATA is not backed by a Meta document for this case) (spec 2.1). Fix: \
         \"name\": \"Ada\" -> \"name\": {\"type\": \"string\", \"__example__\": \"Ada\"}.",
    }
}

pub(super) fn data_field_not_object(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for field in fields(m).filter(|f| f.value.as_object().is_none()) {
        out.at(
            format!("Data field '{}' must be declared with an object such as {{\"type\": \"string\", \"__example__\": ...}}, not a {}", field.key.name, field.value.type_name()),
            None,
            &[field.value.span],
        );
    }
}
