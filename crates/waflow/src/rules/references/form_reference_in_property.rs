//! `form-reference-in-property`.

use super::span;
use crate::rule::declare_rule;
use crate::rules::expr::Source;
use crate::rules::model::{Model, Place};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "form-reference-in-property",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        until: crate::catalog::model::V3_1,
        summary: "A component property reads `${form...}` before Flow JSON 4.0.",
        doc: "Up to 3.1 Meta's builder accepts only `${data...}` as a property binding; `${form...}` \
         works in action payloads only (INVALID_SCREEN_DYNAMIC_DATA) [B] (spec 6.1). Fix: move to \
         Flow JSON 4.0 or later, or pass the value through the next screen's data.",
    }
}

pub(super) fn form_reference_in_property(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for r in &m.refs {
        let d = &m.flow.strings[r.string];
        if r.source == Source::Form && r.screen.is_none() && d.place == Place::Prop {
            out.at_focus(
                format!(
                    "Property '{}' can't read {} before Flow JSON 4.0; only action payloads may",
                    d.prop,
                    &d.text[r.range.clone()]
                ),
                None,
                d.node.span,
                span(m, d, r.range.clone()),
            );
        }
    }
}
