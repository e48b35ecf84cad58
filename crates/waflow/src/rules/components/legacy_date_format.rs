//! `legacy-date-format`.

use crate::catalog::components::YMD_DATES_SINCE;
use crate::edits::quote;
use crate::fix::{Edit, Fix};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

// A warning: no record shows what Meta's server does with a timestamp from 5.0; the
// docs only say the format changed.
declare_rule! {
    pub(super) RULE {
        code: "legacy-date-format",
        error: "INVALID_PROPERTY_VALUE",
        severity: Warning,
        since: YMD_DATES_SINCE,
        fix: Unsafe("Write the timestamp as the UTC date \"YYYY-MM-DD\""),
        summary: "A DatePicker date is a millisecond timestamp, the format used before Flow JSON 5.0.",
        doc: "Up to 4.x a DatePicker's `min-date`, `max-date`, `unavailable-dates` and \
         `init-value` were millisecond timestamps written as strings (\"1693569600000\"); from \
         5.0 they are \"YYYY-MM-DD\" dates [D] (spec 1.1 (5.0), 4.5). A flow moved to 5.0 or later \
         without converting them shows the wrong limits, so this is a warning (no record shows \
         Meta rejecting it). The fix writes the UTC date of the timestamp; it is unsafe because \
         the author may have meant the date in another time zone (a timestamp at local \
         midnight east of UTC falls on the day before). `waflow migrate` applies it.",
    }
}

/// The DatePicker properties that hold dates.
const DATE_PROPS: &[&str] = &["min-date", "max-date", "init-value"];

pub(super) fn legacy_date_format(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("DatePicker") {
        let listed = c
            .get("unavailable-dates")
            .and_then(Node::as_array)
            .unwrap_or_default();
        let dates = DATE_PROPS
            .iter()
            .filter_map(|p| c.get(p).map(|n| (*p, n)))
            .chain(listed.iter().map(|n| ("unavailable-dates", n)));
        for (prop, node) in dates {
            let Some((text, date)) = node.as_str().and_then(|s| Some((s, utc_date(s)?))) else {
                continue;
            };
            let fix = Fix::r#unsafe(
                format!("Write {text} as {date}"),
                vec![Edit::replace(node.span, quote(&date))],
            );
            out.at_with(
                format!(
                    "'{prop}' of a DatePicker is the timestamp {text}; from Flow JSON {YMD_DATES_SINCE} dates are written YYYY-MM-DD ({date} in UTC)"
                ),
                Some(format!("Write \"{date}\"")),
                &[node.span],
                Some(fix),
            );
        }
    }
}

/// The UTC date of a millisecond timestamp written in digits, or `None` for anything else
/// (a date, a reference, a number too large to be a date before year 10000).
fn utc_date(s: &str) -> Option<String> {
    if s.is_empty() || s.len() > 15 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let days = s.parse::<i64>().ok()?.div_euclid(86_400_000);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y <= 9999).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::utc_date;

    #[test]
    fn timestamps_become_utc_dates() {
        assert_eq!(utc_date("0").as_deref(), Some("1970-01-01"));
        assert_eq!(utc_date("1693569600000").as_deref(), Some("2023-09-01"));
        assert_eq!(utc_date("1767182400000").as_deref(), Some("2025-12-31"));
        // 2024-02-29 (a leap day) at 23:59:59.999 UTC.
        assert_eq!(utc_date("1709251199999").as_deref(), Some("2024-02-29"));
        assert_eq!(utc_date("2024-02-29"), None);
        assert_eq!(utc_date("${data.min}"), None);
        assert_eq!(utc_date("999999999999999"), None);
    }
}
