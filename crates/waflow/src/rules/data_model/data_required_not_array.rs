//! `data-required-not-array`.

use super::REQUIRED;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "data-required-not-array",
        error: "INVALID_PROPERTY_TYPE",
        summary: "The `required` key of a screen's `data` is not an array.",
        doc: "At the top of `data`, `required` lists field names (JSON Schema style); any other value is \
         INVALID_PROPERTY_TYPE [B] (spec 2.1). Fix: \"required\": \"name\" -> \"required\": [\"name\"].",
    }
}

pub(super) fn data_required_not_array(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let members = m
        .flow
        .screens
        .iter()
        .filter_map(|s| s.data.and_then(Node::as_object));
    for required in members.flatten().filter(|m| m.key.name == REQUIRED) {
        if required.value.as_array().is_none() {
            out.at(
                format!(
                    "'required' in a screen's data must be an array of field names, not a {}",
                    required.value.type_name()
                ),
                None,
                &[required.value.span],
            );
        }
    }
}
