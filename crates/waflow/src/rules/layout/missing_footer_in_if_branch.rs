//! `missing-footer-in-if-branch`.

use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "missing-footer-in-if-branch",
        error: "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
        since: V4_0,
        summary: "An If has a Footer in one branch but not in the other.",
        doc: "A screen shows exactly one Footer, so a Footer placed in an If must be in both `then` and \
         `else`: MISSING_FOOTER_IN_IF_ELSE_BRANCHES [B] (spec 4.4, 8). Meta's error-codes page \
         says the `else` branch 'should exist and contain one Footer'; the builder accepts an \
         `else` without one (conformance record missing-footer-in-if-branch_invalid), and waflow \
         keeps the documented rule, since the screen would show no Footer on that branch. Fix: add \
         a Footer to the other branch (adding `else` if needed).",
    }
}

pub(super) fn missing_footer_in_if_branch(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("If") {
        let footer_in = |key| {
            c.get(key)
                .and_then(Node::as_array)
                .is_some_and(super::has_footer)
        };
        let (then, els) = (footer_in("then"), footer_in("else"));
        if then == els {
            continue;
        }
        let (has, lacks) = if then {
            ("then", "else")
        } else {
            ("else", "then")
        };
        out.at(
            format!("This If has a Footer in '{has}' but not in '{lacks}'; a Footer in an If must be in both branches"),
            Some(format!("Add a Footer to '{lacks}'")),
            &[c.node.span],
        );
    }
}
