//! `pattern-needs-helper-text`.

use crate::catalog::model::V6_2;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "pattern-needs-helper-text",
        error: "MISSING_REQUIRED_PROPERTY",
        since: V6_2,
        summary: "A TextInput with `pattern` has no `helper-text`.",
        doc: "From 6.2 a TextInput that sets `pattern` must explain it to the user: Meta's builder \
         answers MISSING_REQUIRED_PROPERTY 'Required property helper-text is missing' at the \
         TextInput (conformance records invalid-input-pattern_valid and \
         pattern-needs-text-input-type_valid, whose TextInputs lacked one). Fix: add \
         \"helper-text\": \"e.g. AB-1234\".",
    }
}

pub(super) fn pattern_needs_helper_text(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("TextInput") {
        if c.get("pattern").is_some() && c.get("helper-text").is_none() {
            out.at(
                "This TextInput has a 'pattern' but no 'helper-text' to explain it".into(),
                Some("Add \"helper-text\" describing the expected form".into()),
                &[c.node.span],
            );
        }
    }
}
