//! `payload-expression-type-mismatch`.

use super::{report, typed};
use crate::rule::declare_rule;
use crate::rules::model::{Model, Place};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "payload-expression-type-mismatch",
        error: "INVALID_ACTION_PAYLOAD_PROPERTY",
        since: crate::catalog::model::V7_2,
        summary: "A backtick expression in an action payload combines operands of the wrong types (7.2+).",
        doc: "From 7.2 Meta type-checks backtick expressions inside complete and data_exchange payloads \
         and answers INVALID_ACTION_PAYLOAD_PROPERTY [B] (spec 5.3, 9.5). Fix: compare and compute \
         with operands of the right types, e.g. `${form.age} + 1` with a number input.",
    }
}

pub(super) fn payload_expression_type_mismatch(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (d, _, _, t) in typed(m) {
        if matches!(d.place, Place::Payload { .. }) {
            for f in &t.faults {
                report(m, d, "payload expression", f, None, out);
            }
        }
    }
}
