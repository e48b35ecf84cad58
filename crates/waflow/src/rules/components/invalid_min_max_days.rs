//! `invalid-min-max-days`.

use super::{calendar_pickers, num};
use crate::catalog::model::V6_1;
use crate::rule::declare_rule;
use crate::rules::model::{Comp, Model};
use crate::rules::Reporter;
use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
        code: "invalid-min-max-days",
        error: "INVALID_MIN_MAX_DAYS",
        since: V6_1,
        summary: "CalendarPicker `min-days` is larger than `max-days`, or one is negative.",
        doc: "In range mode the selected span must be at least `min-days` and at most `max-days`, both \
         non-negative with min <= max: INVALID_MIN_MAX_DAYS [B] (spec 4.5, 8). Fix: correct the pair.",
    }
}

/// In either mode (a single-mode picker with the pair also gets
/// unexpected-calendar-range-prop).
pub(super) fn invalid_min_max_days(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (c, _) in calendar_pickers(m) {
        if let (Some(lo), Some(hi)) = (num(c.get("min-days")), num(c.get("max-days"))) {
            if lo > hi || lo < 0.0 || hi < 0.0 {
                both_bounds(c, lo, hi, out);
            }
        } else {
            negative_bound(c, out);
        }
    }
}

/// Both bounds are set and one is negative or they are out of order: one finding at both.
fn both_bounds(c: &Comp<'_, '_>, lo: f64, hi: f64, out: &mut Reporter<'_, '_>) {
    let spans: Vec<Span> = [c.get("min-days"), c.get("max-days")]
        .into_iter()
        .flatten()
        .map(|n| n.span)
        .collect();
    out.at(
        format!("'min-days' ({lo}) and 'max-days' ({hi}) must be non-negative with min-days <= max-days"),
        None,
        &spans,
    );
}

/// At most one bound is a number: each negative one alone.
fn negative_bound(c: &Comp<'_, '_>, out: &mut Reporter<'_, '_>) {
    for k in ["min-days", "max-days"] {
        if let Some(n) = c.get(k).filter(|n| n.as_f64().is_some_and(|f| f < 0.0)) {
            out.at(format!("'{k}' must not be negative"), None, &[n.span]);
        }
    }
}
