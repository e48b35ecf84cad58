//! `expression-type-mismatch`.

use super::{report, typed};
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::expr::ExprError;
use crate::rules::model::{Model, Place};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "expression-type-mismatch",
        error: "INVALID_PROPERTY_VALUE",
        since: V4_0,
        summary: "An expression combines operands of the wrong types, or its result does not fit the property.",
        doc: "Comparisons `<` `<=` `>` `>=` and arithmetic take numbers, `&&` `||` `!` booleans, `==` \
         `!=` two operands of one type, and the result must be the property's type (boolean for \
         `visible`, `required`, If `condition`; string for text; number for numeric properties) \
         [B] (spec 6.4). Meta's builder type-checks every backtick expression of a component \
         property and reports a fault as INVALID_PROPERTY_VALUE, 'Error while parsing dynamic \
         expression ...', pointing at the property's key (conformance records \
         expression-type-mismatch_invalid*); in an If condition it points at the whole condition \
         string. waflow shows the operand at fault beside Meta's place. Fix: \
         `${form.name} > 3` -> `${form.age} > 3`.",
    }
}

pub(super) fn expression_type_mismatch(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (d, _, _, t) in typed(m) {
        let what = match d.place {
            Place::Condition => "If condition",
            Place::Prop => "expression",
            // payload-expression-type-mismatch.
            Place::Payload { .. } => continue,
        };
        for f in &t.faults {
            report(m, d, what, f, None, out);
        }
        // The result against the property, when the operands are right (an If condition's
        // result is invalid-if-condition's).
        if d.place != Place::Prop || !t.faults.is_empty() {
            continue;
        }
        if let Some(ty) = t.ty.filter(|ty| !d.expect.accepts(*ty)) {
            // The whole body, between the backticks.
            let body = d.text.len().saturating_sub(1).max(1);
            let fault = ExprError {
                range: 1.min(body)..body,
                message: format!(
                    "it evaluates to a {}, but '{}' needs a {}",
                    ty.as_str(),
                    d.prop,
                    d.expect.describe()
                ),
            };
            report(m, d, "expression", &fault, None, out);
        }
    }
}
