//! `invalid-expression`.

use super::report;
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::expr::Mode;
use crate::rules::model::{Model, Parsed};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
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

pub(super) fn invalid_expression(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for d in &m.flow.strings {
        if let Parsed::Error(e, mode) = &d.parsed {
            let what = match mode {
                Mode::Condition => "If condition",
                Mode::Backtick => "expression",
            };
            report(m, d, what, e, None, out);
        }
    }
}
