//! `invalid-switch-case-key`.

use crate::catalog::components::is_switch_case_key;
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "invalid-switch-case-key",
        error: "PATTERN_MISMATCH",
        since: V4_0,
        summary: "A Switch case key does not start with a letter followed by letters, digits, '-' or '_'.",
        doc: "Case keys match `^[a-zA-Z][a-zA-Z0-9-_]*$`: PATTERN_MISMATCH at the key [B] (spec 4.7, 8). \
         Fix: \"1\" -> \"one\", \"gold plan\" -> \"gold_plan\".",
    }
}

pub(super) fn invalid_switch_case_key(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("Switch") {
        for case in c.get("cases").and_then(Node::as_object).unwrap_or_default() {
            let k = case.key.name;
            if !is_switch_case_key(k) {
                out.at(
                    format!("Switch case key '{k}' must start with a letter and use only letters, digits, '-' and '_'"),
                    None,
                    &[case.key.span],
                );
            }
        }
    }
}
