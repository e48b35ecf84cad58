//! `missing-calendar-range-prop`.

use super::{calendar_pickers, CalendarMode};
use crate::catalog::model::V6_1;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "missing-calendar-range-prop",
        error: "INVALID_TYPE",
        since: V6_1,
        summary: "A range-mode CalendarPicker's `label` is not a {start-date, end-date} object.",
        doc: "In range mode the picker shows two fields and its `label` is an object with a label for \
         each: MISSING_CALENDAR_PICKER_RANGE_MODE_PROP in the spec sheet [B] (spec 4.5, 8); Meta's \
         builder answers INVALID_TYPE at the label (conformance record \
         missing-calendar-range-prop_invalid), and the record wins. Fix: \"label\": \
         {\"start-date\": \"Check-in\", \"end-date\": \"Check-out\"}.",
    }
}

/// A literal string label where range mode needs the object (a binding is judged at
/// runtime).
pub(super) fn missing_calendar_range_prop(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (c, mode) in calendar_pickers(m) {
        if mode != CalendarMode::Range {
            continue;
        }
        if let Some(label) = c
            .get("label")
            .filter(|l| l.as_object().is_none() && l.as_str().is_some_and(|s| !s.contains("${")))
        {
            out.at(
                "A CalendarPicker in range mode needs 'label' as {\"start-date\": ..., \"end-date\": ...}".into(),
                None,
                &[label.span],
            );
        }
    }
}
