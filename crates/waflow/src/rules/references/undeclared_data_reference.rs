//! `undeclared-data-reference`.

use super::{report_malformed, report_unresolved, Owner};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "undeclared-data-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A `${data...}` reference names a field the screen's `data` does not declare.",
        doc: "A screen receives only the data its `data` model declares, and Meta checks every \
         `${data.x}` (and nested `${data.x.y}` against `properties`) against it: \
         INVALID_SCREEN_DYNAMIC_DATA [B] (spec 2.1, 6.1). Fix: declare the field, e.g. \
         \"data\": {\"x\": {\"type\": \"string\", \"__example__\": \"...\"}}, or correct the name.",
    }
}

pub(super) fn undeclared_data_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    report_unresolved(m, Owner::UndeclaredData, out);
    report_malformed(m, Owner::UndeclaredData, out);
}
