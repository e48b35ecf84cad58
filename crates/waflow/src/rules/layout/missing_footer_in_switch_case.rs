//! `missing-footer-in-switch-case`.

use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "missing-footer-in-switch-case",
        error: "MISSING_FOOTER_IN_SWITCH_BRANCHES",
        since: V4_0,
        summary: "A Switch has a Footer in some cases but not all.",
        doc: "As with If, a Footer in one Switch case must be in every case: \
         MISSING_FOOTER_IN_SWITCH_BRANCHES [B] (spec 4.4, 8). The error-codes page documents the \
         code; the builder accepts a case without one (conformance record \
         missing-footer-in-switch-case_invalid), and waflow keeps the documented rule as for If. \
         Fix: add a Footer to each case.",
    }
}

pub(super) fn missing_footer_in_switch_case(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("Switch") {
        let Some(cases) = c.get("cases").and_then(Node::as_object) else {
            continue;
        };
        let with: Vec<bool> = cases
            .iter()
            .map(|m| m.value.as_array().is_some_and(super::has_footer))
            .collect();
        if with.iter().any(|b| *b) && !with.iter().all(|b| *b) {
            let lacking: Vec<&str> = cases
                .iter()
                .zip(&with)
                .filter(|(_, b)| !**b)
                .map(|(m, _)| m.key.name)
                .collect();
            out.at(
                format!(
                    "This Switch has a Footer in some cases but not in: {}",
                    lacking.join(", ")
                ),
                Some("Add a Footer to every case".into()),
                &[c.node.span],
            );
        }
    }
}
