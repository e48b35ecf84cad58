//! `unresolved-expression-reference`.

use super::{report_unresolved, Owner};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "unresolved-expression-reference",
        error: "INVALID_PROPERTY_VALUE",
        since: crate::catalog::model::V6_0,
        summary: "A `${...}` reference inside a backtick expression of a component property does not resolve.",
        doc: "Meta's builder type-checks every backtick expression of a component property; a reference \
         to an undeclared data field or a missing input fails it with INVALID_PROPERTY_VALUE, \
         'Error while parsing dynamic expression ... The following property ... does not exist in \
         the screen data model', at the property's key (conformance: the mutated \
         *string_concatenation__unknown_form__* and *__undeclared_data__* flows). waflow shows the \
         reference inside the string beside Meta's place. Fix: declare the field or correct the \
         input name.",
    }
}

pub(super) fn unresolved_expression_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    report_unresolved(m, Owner::Expression, out);
}
