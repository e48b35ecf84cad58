//! `invalid-reference`.

use super::{report_malformed, report_reason, span, Owner};
use crate::rule::declare_rule;
use crate::rules::model::{Model, Parsed};
use crate::rules::Reporter;

// A warning: Meta reads such a string as literal text (see the doc).
declare_rule! {
    pub(super) RULE {
        code: "invalid-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        severity: Warning,
        summary: "A string that looks like a `${...}` reference is malformed, so it is shown as literal text.",
        doc: "A reference is `${data.f}`, `${form.n}`, `${screen.S.data.f}` or `${screen.S.form.n}` with \
         word-character segments. Meta's builder treats a string as a binding only when it matches its \
         binding pattern; anything else (`${forms.name}`, `${data.}`, an unclosed `${data.x`) is \
         literal text, and the conformance records show the builder accepting such flows \
         (invalid-reference_invalid, *__broken_expression__*). The user would see the braces on \
         their phone, so waflow warns (the code is what Meta uses for references it can't resolve, \
         should a later version refuse it). The warning points at the faulty part inside the string. \
         Fix: `${forms.name}` -> `${form.name}`.",
    }
}

pub(super) fn invalid_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for r in &m.refs {
        let d = &m.flow.strings[r.string];
        // Only a reference inside an expression can lack its `}`: a whole value ends with it.
        if !r.closed && matches!(d.parsed, Parsed::Expr(..)) {
            out.at_focus(
                format!(
                    "The reference {} has no closing '}}'; Meta reads it as if it had one",
                    &d.text[r.range.clone()]
                ),
                Some("Close it: ${data.field}".into()),
                d.node.span,
                span(m, d, r.range.clone()),
            );
        }
        if let Err(u) = &r.resolved {
            let owner = Owner::of_unresolved(d, &u.reason);
            if owner == Owner::InvalidReference {
                report_reason(m, d, r, &u.reason, owner, u.at.clone(), out);
            }
        }
    }
    report_malformed(m, Owner::InvalidReference, out);
}
