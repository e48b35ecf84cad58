//! `invalid-if-condition`.

use super::{report, typed};
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::expr::{ExprError, Mode, VType};
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "invalid-if-condition",
        error: "INVALID_PROPERTY_VALUE",
        since: V4_0,
        summary: "An If `condition` is not a boolean test of at least one dynamic value.",
        doc: "An If condition must evaluate to a boolean and must depend on the user or the data: a \
         condition made only of literals, a comparison with literals on both sides, or a single \
         operand that is not a boolean is refused [B][D] (spec 6.4). Code not recovered; \
         INVALID_PROPERTY_VALUE as for the parser's messages. Fix: \"condition\": \"${data.count}\" \
         -> \"${data.count} > 0\".",
    }
}

pub(super) fn invalid_if_condition(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (d, e, mode, t) in typed(m) {
        if mode != Mode::Condition {
            continue;
        }
        let mut faults = Vec::new();
        e.condition_faults(&mut faults);
        // A single operand must itself be a boolean; judged only when nothing else is
        // wrong, since an operand type fault makes the result type moot.
        if faults.is_empty() && t.faults.is_empty() {
            if let Some(ty) = t.ty.filter(|ty| *ty != VType::Boolean) {
                faults.push(ExprError {
                    range: e.range(),
                    message: format!(
                        "the condition is a {}, not a boolean; a single operand must itself be a boolean",
                        ty.as_str()
                    ),
                });
            }
        }
        for f in &faults {
            report(
                m,
                d,
                "If condition",
                f,
                Some("Compare the value, e.g. ${form.age} >= 18".into()),
                out,
            );
        }
    }
}
