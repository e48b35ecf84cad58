//! `reference-type-mismatch`.

use crate::rule::declare_rule;
use crate::rules::model::{Model, Parsed, Place};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "reference-type-mismatch",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A reference's type does not match the property it is bound to.",
        doc: "Meta checks each binding's declared type against the property: `visible`/`required`/ \
         `enabled` need a boolean, `data-source` an array, `max-chars` a number, `text` a string \
         (INVALID_SCREEN_DYNAMIC_DATA) [B] (spec 6.2, 6.3). Fix: bind a field of the right type, or \
         change the declaration, e.g. \"is_visible\": {\"type\": \"boolean\", \"__example__\": true}.",
    }
}

pub(super) fn reference_type_mismatch(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for r in &m.refs {
        let d = &m.flow.strings[r.string];
        // Only a whole-value reference is bound to the property; one inside an expression
        // is typed with the expression (expression-type-mismatch).
        if d.place != Place::Prop || !matches!(d.parsed, Parsed::Ref(_)) {
            continue;
        }
        let Ok(Some(t)) = r.resolved else {
            continue;
        };
        if d.expect.accepts(t) {
            continue;
        }
        let what = d.comp.map_or("the screen".to_string(), |c| {
            format!("the {}", m.flow.screens[d.screen].comps[c].ty)
        });
        out.at(
            format!(
                "Property '{}' of {what} needs a {}, but {} is a {}",
                d.prop,
                d.expect.describe(),
                d.text,
                t.as_str()
            ),
            Some("Bind a field of the right type, or change its declaration".into()),
            &[d.node.span],
        );
    }
}
