//! Backtick expressions (6.0+) and If conditions (4.0+): syntax, operand types, result
//! types (spec 6.4). Faults are pointed at their column inside the string.

use super::expr::{column, ExprError, Mode, VType};
use super::model::{inner_span, DynStr, Model, Parsed, Place};
use super::references::resolve;
use super::Ctx;
use crate::catalog::model::V4_0;
use crate::finding::Finding;
use crate::rule::{declare_rule, RuleMeta};

declare_rule! {
    pub(crate) INVALID_EXPRESSION {
        code: "invalid-expression",
        error: "INVALID_PROPERTY_VALUE",
        since: V4_0,
        summary: "A backtick expression or If condition does not parse.",
        doc: "Meta's builder parses conditions and backtick expressions and reports the fault with its \
         column in the string: empty condition, empty parentheses, missing closing parenthesis or \
         quote, missing operator or operand, invalid operator/operand/literal (a number with a \
         leading zero), unexpected character, misplaced token, numeric value expected after unary \
         minus [B] (spec 6.4). The error code of these messages was not recovered; \
         INVALID_PROPERTY_VALUE (the value of the property is wrong) is the closest. Operators: \
         `==` `!=` `<` `<=` `>` `>=` `&&` `||` `!` `+` `-` `*` `/` `%`, text in single quotes, \
         operands side by side are joined (backticks only). Fix: `(${form.age} >= 18` -> \
         `(${form.age} >= 18)`.",
    }
}
declare_rule! {
    pub(crate) INVALID_IF_CONDITION {
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
declare_rule! {
    pub(crate) EXPRESSION_TYPE_MISMATCH {
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
declare_rule! {
    pub(crate) PAYLOAD_EXPRESSION_TYPE_MISMATCH {
        code: "payload-expression-type-mismatch",
        error: "INVALID_ACTION_PAYLOAD_PROPERTY",
        since: crate::catalog::model::V7_2,
        summary: "A backtick expression in an action payload combines operands of the wrong types (7.2+).",
        doc: "From 7.2 Meta type-checks backtick expressions inside complete and data_exchange payloads \
         and answers INVALID_ACTION_PAYLOAD_PROPERTY [B] (spec 5.3, 9.5). Fix: compare and compute \
         with operands of the right types, e.g. `${form.age} + 1` with a number input.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &INVALID_EXPRESSION,
    &INVALID_IF_CONDITION,
    &EXPRESSION_TYPE_MISMATCH,
    &PAYLOAD_EXPRESSION_TYPE_MISMATCH,
];

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    let flow = &ix.flow;
    for d in &flow.strings {
        match &d.parsed {
            Parsed::Error(e, mode) => {
                let what = match mode {
                    Mode::Condition => "If condition",
                    Mode::Backtick => "expression",
                };
                out.push(fault(ctx, d, &INVALID_EXPRESSION, what, e, None));
            }
            Parsed::Expr(e, mode) => {
                let types =
                    |r: &super::expr::Ref<'_>| resolve(flow, d.screen, r, false).ok().flatten();
                let mut errs = Vec::new();
                let t = e.type_of(&types, &mut errs);
                let (rule, what) = match d.place {
                    Place::Payload { .. } => {
                        (&PAYLOAD_EXPRESSION_TYPE_MISMATCH, "payload expression")
                    }
                    Place::Condition => (&EXPRESSION_TYPE_MISMATCH, "If condition"),
                    Place::Prop => (&EXPRESSION_TYPE_MISMATCH, "expression"),
                };
                for err in &errs {
                    out.push(fault(ctx, d, rule, what, err, None));
                }
                if *mode == Mode::Condition {
                    let mut faults = Vec::new();
                    e.condition_faults(&mut faults);
                    if faults.is_empty() && errs.is_empty() {
                        if let Some(t) = t.filter(|t| *t != VType::Boolean) {
                            faults.push(ExprError {
                                range: e.range(),
                                message: format!("the condition is a {}, not a boolean; a single operand must itself be a boolean", t.as_str()),
                            });
                        }
                    }
                    for f in &faults {
                        out.push(fault(
                            ctx,
                            d,
                            &INVALID_IF_CONDITION,
                            "If condition",
                            f,
                            Some("Compare the value, e.g. ${form.age} >= 18".into()),
                        ));
                    }
                } else if let (Place::Prop, Some(t), true) = (d.place, t, errs.is_empty()) {
                    if !d.expect.accepts(t) {
                        let body = d.text.len().saturating_sub(1).max(1);
                        out.push(fault(
                            ctx,
                            d,
                            &EXPRESSION_TYPE_MISMATCH,
                            "expression",
                            &ExprError {
                                range: 1.min(body)..body,
                                message: format!(
                                    "it evaluates to a {}, but '{}' needs a {}",
                                    t.as_str(),
                                    d.prop,
                                    d.expect.describe()
                                ),
                            },
                            None,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}

fn fault(
    ctx: &Ctx<'_, '_>,
    d: &DynStr<'_>,
    rule: &'static RuleMeta,
    what: &str,
    e: &ExprError,
    help: Option<String>,
) -> Finding {
    let col = column(d.text, e.range.start);
    ctx.at_focus(
        rule,
        format!(
            "Invalid {what} in '{}' at column {col}: {}",
            d.prop, e.message
        ),
        help,
        d.meta_span(),
        inner_span(ctx.loc.text(), d.node, e.range.clone()),
    )
}
