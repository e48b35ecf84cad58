//! `invalid-calendar-init-value`.

use super::{calendar_pickers, parse_ymd, CalendarMode};
use crate::catalog::model::V6_1;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "invalid-calendar-init-value",
        error: "INVALID_DATE_SINGLE_INIT_VALUE_FORMAT",
        since: V6_1,
        summary: "A single-mode CalendarPicker `init-value` is not a \"YYYY-MM-DD\" date.",
        doc: "In single mode the initial value is one date written \"YYYY-MM-DD\": \
         INVALID_DATE_SINGLE_INIT_VALUE_FORMAT [B] (spec 4.5, 8). Fix: \"12/31/2026\" -> \"2026-12-31\".",
    }
}

pub(super) fn invalid_calendar_init_value(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (c, mode) in calendar_pickers(m) {
        if mode != CalendarMode::Single {
            continue;
        }
        let Some(init) = c.get("init-value") else {
            continue;
        };
        if let Some(s) = init.as_str().filter(|s| !s.contains("${")) {
            if parse_ymd(s).is_none() {
                out.at(
                    format!("init-value '{s}' of a single-mode CalendarPicker must be a date written YYYY-MM-DD"),
                    None,
                    &[init.span],
                );
            }
        }
    }
}
