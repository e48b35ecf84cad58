//! `form-init-value-type-mismatch`.

use super::form_entries;
use crate::catalog::model::{Ty, V7_0};
use crate::rule::declare_rule;
use crate::rules::expr::VType;
use crate::rules::model::{literal_type, value_type, Expect, Model};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "form-init-value-type-mismatch",
        error: "INVALID_PROPERTY_VALUE",
        since: V7_0,
        summary: "A Form `init-values` entry has the wrong type for its input.",
        doc: "From 7.0 each initial value must have the type of its input's `init-value` (a string for \
         TextInput, an array of ids for CheckboxGroup, a boolean for OptIn, ...) (spec 4.7, 6.4). \
         Meta's builder answers INVALID_PROPERTY_VALUE 'Expected property X to be of type ...' at \
         the whole `init-values` object (conformance record form-init-value-type-mismatch_invalid). \
         Fix: {\"subscribe\": \"yes\"} -> {\"subscribe\": true}.",
    }
}

/// Literal values only (a binding is typed by the reference rules); media pickers are
/// media-picker-in-init-values, and a CalendarPicker's single-or-range value is not
/// judged here.
pub(super) fn form_init_value_type_mismatch(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for e in form_entries(m, "init-values") {
        let Some(input) = e.input.filter(|i| value_type(i) != Some(VType::Media)) else {
            continue;
        };
        let Some(prop) = input.def.and_then(|d| d.prop("init-value")) else {
            continue;
        };
        let expect = match prop.ty {
            Ty::RangeOr(_) => continue,
            ty => Expect::of(&ty),
        };
        let Some(got) = literal_type(&e.member.value) else {
            continue;
        };
        if !expect.accepts(got) {
            out.at_focus(
                format!(
                    "The initial value of '{}' ({}) must be a {}, not a {}",
                    e.member.key.name,
                    input.ty,
                    expect.describe(),
                    got.as_str()
                ),
                None,
                e.object,
                e.member.value.span,
            );
        }
    }
}
