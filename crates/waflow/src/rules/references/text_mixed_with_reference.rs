//! `text-mixed-with-reference`.

use super::{first_reference, is_rich_text, span, BIND_A_FIELD};
use crate::catalog::model::V6_0;
use crate::rule::declare_rule;
use crate::rules::model::{Model, Parsed};
use crate::rules::Reporter;

// A warning: Meta accepts the string as literal text (see the doc).
declare_rule! {
    pub(super) RULE {
        code: "text-mixed-with-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        severity: Warning,
        summary: "A string mixes literal text with a `${...}` reference outside a backtick expression.",
        doc: "Outside backticks a reference is resolved only when it is the whole value; in \
         `\"Hi ${data.name}\"` the braces are shown literally. Meta's builder wraps such a string as \
         a text literal and accepts it (conformance record text-mixed-with-reference_invalid and \
         the mutated *__broken_expression__* flows), so this is a warning, not an error: the flow \
         uploads, but the user sees `${data.name}` on their phone. Fix (6.0+): \
         \"`'Hi ' ${data.name}`\"; before 6.0 put the whole text in a data field.",
    }
}

pub(super) fn text_mixed_with_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for d in &m.flow.strings {
        let Parsed::Mixed(at) = d.parsed else {
            continue;
        };
        if is_rich_text(m, d) {
            continue;
        }
        // Not version gating: the fix offered depends on whether backtick expressions
        // exist (6.0+).
        let help = if m.version >= V6_0 {
            "Use a backtick expression: `'text ' ${data.x}`"
        } else {
            BIND_A_FIELD
        };
        out.at_focus(
            format!(
                "A ${{...}} reference must be the whole value of '{}' here; text around it is not interpolated",
                d.prop
            ),
            Some(help.to_string()),
            d.node.span,
            span(m, d, first_reference(d, at)),
        );
    }
}
