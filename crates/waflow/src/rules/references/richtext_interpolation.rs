//! `richtext-interpolation`.

use super::{first_reference, is_rich_text, span, BIND_A_FIELD};
use crate::rule::declare_rule;
use crate::rules::model::{Model, Parsed};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "richtext-interpolation",
        error: "INVALID_PROPERTY_VALUE",
        since: crate::catalog::model::V5_1,
        summary: "RichText `text` mixes literal text with a `${...}` reference.",
        doc: "RichText `text` is either fully static or exactly one binding. The spec sheet lists \
         INVALID_TEXT_DYNAMIC_DATA for it (spec 8); Meta's builder reports INVALID_PROPERTY_VALUE \
         ('String interpolation is not supported by RichText component') at the `text` key \
         (conformance record richtext-interpolation_invalid), and the record wins. waflow shows the \
         reference inside the string beside Meta's place. \
         Fix: build the whole Markdown text in a data field and bind it: \"text\": \"${data.body}\".",
    }
}

pub(super) fn richtext_interpolation(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for d in &m.flow.strings {
        let Parsed::Mixed(at) = d.parsed else {
            continue;
        };
        if !is_rich_text(m, d) {
            continue;
        }
        // Meta points at the `text` key.
        out.at_focus(
            "RichText text must be fully static or exactly one ${...} reference".to_string(),
            Some(BIND_A_FIELD.to_string()),
            d.key.unwrap_or(d.node.span),
            span(m, d, first_reference(d, at)),
        );
    }
}
