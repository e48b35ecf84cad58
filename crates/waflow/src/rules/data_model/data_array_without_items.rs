//! `data-array-without-items`.

use super::each_declaration;
use crate::catalog::model::V5_1;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-array-without-items",
        error: "INVALID_SCREEN_DATA",
        since: V5_1,
        summary: "A data field of type array does not declare `items` (Flow JSON 5.1+).",
        doc: "Meta rejects an array declaration without `items`, which says what each element is: \
         INVALID_SCREEN_DATA (\"Missing the schema for property 'items' in array\") at the \
         declaration, in its error reference and in the builder's records from 5.1 on, not only \
         from 7.3 as a secondary source said (testdata/data-array-without-items_invalid-before-7-3) \
         (spec 2.1). Fix: add \"items\": {\"type\": \"object\", \"properties\": {\"id\": \
         {\"type\": \"string\"}, \"title\": {\"type\": \"string\"}}}.",
    }
}

pub(super) fn data_array_without_items(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        if d.ty() == Some("array") && d.node.get("items").is_none() {
            out.at(
                format!(
                    "Data field '{}' is an array but declares no 'items'",
                    d.name()
                ),
                Some("Add \"items\": {\"type\": ...} describing each element".into()),
                &[d.node.span],
            );
        }
    });
}
