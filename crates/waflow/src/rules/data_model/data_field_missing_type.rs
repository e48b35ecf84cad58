//! `data-field-missing-type`.

use super::each_declaration;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-field-missing-type",
        error: "MISSING_REQUIRED_PROPERTY",
        summary: "A data field declaration has no `type`.",
        doc: "Meta type-checks every `${data...}` against its declaration, so each declaration (and each \
         nested `items`/`properties` entry) needs a `type`; without it Meta answers \
         MISSING_REQUIRED_PROPERTY at the declaration [B] (spec 2.1). Fix: add \"type\": \"string\" \
         (or number, boolean, object, array).",
    }
}

pub(super) fn data_field_missing_type(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        if d.node.get("type").is_none() {
            out.at(
                format!("Data field '{}' has no 'type'", d.name()),
                Some("Add \"type\": \"string\" (or number, boolean, object, array)".into()),
                &[d.node.span],
            );
        }
    });
}
