//! `invalid-date-range`.

use super::parse_ymd;
use crate::catalog::components::{COMPONENTS, RANGE_PARTS, YMD_DATES_SINCE};
use crate::catalog::model::Component;
use crate::catalog::FlowVersion;
use crate::rule::declare_rule;
use crate::rules::model::{Comp, Model};
use crate::rules::Reporter;
use crate::syntax::{Node, Value};

declare_rule! {
    pub(super) RULE {
        code: "invalid-date-range",
        error: "INVALID_DATE_RANGE",
        summary: "A date picker's `min-date` is after `max-date`, or its `init-value` lies outside them.",
        doc: "DatePicker and CalendarPicker limits must be consistent: min-date <= max-date and an \
         initial date (or range) within them: INVALID_DATE_RANGE [B] (spec 4.5, 8). Dates are \
         \"YYYY-MM-DD\" from 5.0 and millisecond timestamps before; only literal values are checked. \
         Fix: correct the dates.",
    }
}

/// Date pickers are the components the catalog gives a `min-date` (DatePicker,
/// CalendarPicker), found once per run so each component costs a pointer comparison.
pub(super) fn invalid_date_range(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let pickers: Vec<&Component> = COMPONENTS
        .iter()
        .filter(|d| d.prop("min-date").is_some())
        .collect();
    let is_picker = |d: &Component| pickers.iter().any(|p| std::ptr::eq(*p, d));
    for c in m.components().filter(|c| c.def.is_some_and(is_picker)) {
        check_picker(c, m.version, out);
    }
}

/// min-date <= max-date, and then the initial date(s) within them.
fn check_picker(c: &Comp<'_, '_>, v: FlowVersion, out: &mut Reporter<'_, '_>) {
    let (min_n, max_n) = (c.get("min-date"), c.get("max-date"));
    let (lo, hi) = (
        min_n.and_then(|n| date(n, v)),
        max_n.and_then(|n| date(n, v)),
    );
    if let (Some(lo), Some(hi), Some(a), Some(b)) = (lo, hi, min_n, max_n) {
        if lo > hi {
            out.at(
                format!("'min-date' is after 'max-date' in this {}", c.ty),
                None,
                &[a.span, b.span],
            );
            return;
        }
    }
    let Some(init) = c.get("init-value") else {
        return;
    };
    let values: Vec<&Node<'_>> = match &init.value {
        Value::Object(_) => RANGE_PARTS.iter().filter_map(|k| init.get(k)).collect(),
        _ => vec![init],
    };
    for n in values {
        let Some(d) = date(n, v) else { continue };
        if lo.is_some_and(|lo| d < lo) || hi.is_some_and(|hi| d > hi) {
            out.at(
                format!(
                    "The initial date {} lies outside min-date..max-date of this {}",
                    n.as_str().unwrap_or_default(),
                    c.ty
                ),
                None,
                &[n.span],
            );
        }
    }
}

/// A literal date as a sortable number (days are compared through `YYYYMMDD`). The
/// format depends on the version inside the rule's range: "YYYY-MM-DD" from 5.0, a
/// millisecond timestamp string before.
fn date(v: &Node<'_>, version: FlowVersion) -> Option<f64> {
    let s = v.as_str()?;
    if s.contains("${") {
        return None;
    }
    if version >= YMD_DATES_SINCE {
        parse_ymd(s).map(|(y, m, d)| f64::from(y * 10_000 + m * 100 + d))
    } else {
        s.parse::<f64>().ok().map(|ms| (ms / 86_400_000.0).floor())
    }
}
