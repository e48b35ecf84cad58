//! `unexpected-calendar-range-prop`.

use super::{calendar_pickers, CalendarMode};
use crate::catalog::components::CALENDAR_RANGE_ONLY;
use crate::catalog::model::{Ty, V6_1};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "unexpected-calendar-range-prop",
        error: "INVALID_PROPERTY_NAME_FOR_CONDITION",
        since: V6_1,
        summary: "A single-mode CalendarPicker uses a range-mode property.",
        doc: "`title`, `description`, `min-days`, `max-days` and the {start-date, end-date} objects of \
         `label`, `helper-text`, `required`, `init-value` and `error-message` belong to range mode: \
         UNEXPECTED_CALENDAR_PICKER_RANGE_MODE_PROP in the spec sheet [B] (spec 4.5, 8); Meta's \
         builder answers INVALID_PROPERTY_NAME_FOR_CONDITION at the property's value (conformance \
         record unexpected-calendar-range-prop_invalid), and the record wins. Fix: set \"mode\": \"range\", \
         or remove the property.",
    }
}

/// A range-only property, or a `{start-date, end-date}` object where single mode takes a
/// plain value (the picker's `RangeOr` properties).
pub(super) fn unexpected_calendar_range_prop(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (c, mode) in calendar_pickers(m) {
        if mode != CalendarMode::Single {
            continue;
        }
        for member in c.node.as_object().unwrap_or_default() {
            let k = member.key.name;
            let range_or = c
                .def
                .and_then(|d| d.prop(k))
                .is_some_and(|p| matches!(p.ty, Ty::RangeOr(_)));
            let object = range_or && member.value.as_object().is_some();
            if CALENDAR_RANGE_ONLY.contains(&k) || object {
                out.at(
                    format!(
                        "'{k}'{} is only for a CalendarPicker in range mode",
                        if object { " as an object" } else { "" }
                    ),
                    Some("Set \"mode\": \"range\", or remove it".into()),
                    &[member.value.span],
                );
            }
        }
    }
}
