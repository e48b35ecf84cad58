//! `empty-switch-cases`.

use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "empty-switch-cases",
        error: "INVALID_PROPERTY_VALUE",
        since: V4_0,
        summary: "A Switch has no cases.",
        doc: "A Switch picks one of its `cases` by value; with none it shows nothing [B] (spec 4.7, 8). \
         The spec sheet lists EMPTY_SWITCH_CASES; Meta's builder answers INVALID_PROPERTY_VALUE \
         'The cases property of a Switch component cannot be empty' (conformance record \
         empty-switch-cases_invalid), and the record wins. Fix: add \"cases\": {\"a\": [...], \"b\": [...]}, or remove the Switch.",
    }
}

pub(super) fn empty_switch_cases(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("Switch") {
        let Some(cases) = c.get("cases") else {
            continue;
        };
        if cases.as_object().is_some_and(<[_]>::is_empty) {
            out.at(
                "This Switch has no cases".into(),
                Some("Add at least one case: \"cases\": {\"a\": [...]}".into()),
                &[cases.span],
            );
        }
    }
}
