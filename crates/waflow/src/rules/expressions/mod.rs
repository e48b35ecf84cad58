//! Backtick expressions (6.0+) and If conditions (4.0+): syntax, operand types, result
//! types (spec 6.4). Faults are pointed at their column inside the string.
//!
//! The model parsed every expression and type-checked those that parsed, once
//! ([`Typed`]); the rules here read the results.

use crate::rules::expr::{column, Expr, ExprError, Mode};
use crate::rules::model::{inner_span, DynStr, Model, Parsed, Typed};
use crate::rules::Reporter;

family!(
    invalid_expression,
    invalid_if_condition,
    expression_type_mismatch,
    payload_expression_type_mismatch,
);

/// Every expression that parsed, with its string, its mode and its type check, in
/// document order.
fn typed<'m, 'a, 's>(
    m: &'m Model<'a, 's>,
) -> impl Iterator<Item = (&'m DynStr<'a>, &'m Expr<'a>, Mode, &'m Typed)> + use<'m, 'a, 's> {
    m.types.iter().filter_map(|t| {
        let d = &m.flow.strings[t.string];
        match &d.parsed {
            Parsed::Expr(e, mode) => Some((d, e, *mode, t)),
            _ => None,
        }
    })
}

/// A fault `e` of the `what` (an expression, an If condition...) of string `d`: Meta's
/// message gives its column; the finding is at Meta's place and shows the part at fault.
fn report(
    m: &Model<'_, '_>,
    d: &DynStr<'_>,
    what: &str,
    e: &ExprError,
    help: Option<String>,
    out: &mut Reporter<'_, '_>,
) {
    let col = column(d.text, e.range.start);
    out.at_focus(
        format!(
            "Invalid {what} in '{}' at column {col}: {}",
            d.prop, e.message
        ),
        help,
        d.meta_span(),
        inner_span(m.loc.text(), d.node, e.range.clone()),
    );
}
