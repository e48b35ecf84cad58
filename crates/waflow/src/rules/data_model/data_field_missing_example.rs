//! `data-field-missing-example`.

use super::each_declaration;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-field-missing-example",
        error: "MISSING_REQUIRED_PROPERTY",
        summary: "A top-level data field has no `__example__`.",
        doc: "Meta's builder previews a screen with `__example__` and checks bindings against it, so \
         every top-level declaration needs one: MISSING_REQUIRED_PROPERTY [B] (spec 2.1). Fix: add \
         \"__example__\" with a value of the declared type, e.g. \"__example__\": \"Ada\".",
    }
}

pub(super) fn data_field_missing_example(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        if d.top && d.node.member("__example__").is_none() {
            out.at(
                format!("Data field '{}' has no '__example__'", d.name()),
                Some("Add \"__example__\" with a sample value of the declared type".into()),
                &[d.node.span],
            );
        }
    });
}
