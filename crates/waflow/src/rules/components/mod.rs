//! Rules inside one component (spec 4, 8): min/max pairs, dates, CalendarPicker modes,
//! data-source items, Form `init-values`/`error-messages`, TextInput patterns, images.
//!
//! Each rule walks the components the model lists (a pass over the components per rule,
//! no re-parse); what several rules share is here: the walk itself, literal numbers and
//! dates, the CalendarPicker's mode and the entries of a Form's name maps.

use crate::rules::model::{Comp, Model};
use crate::syntax::{Member, Node, Span};

family!(
    min_greater_than_max,
    invalid_min_max_days,
    invalid_date_range,
    legacy_date_format,
    invalid_calendar_init_value,
    unexpected_calendar_range_prop,
    missing_calendar_range_prop,
    data_source_image_and_color,
    unknown_form_value_key,
    unknown_error_messages_key,
    form_init_value_type_mismatch,
    media_picker_in_init_values,
    pattern_needs_text_input_type,
    pattern_needs_helper_text,
    invalid_input_pattern,
    image_not_base64,
    navigation_list_end_with_large_media,
);

/// A literal number.
fn num(n: Option<&Node<'_>>) -> Option<f64> {
    n.and_then(Node::as_f64)
}

/// A "YYYY-MM-DD" date that exists (leap years counted): year, month, day.
fn parse_ymd(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let part = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, m, d) = (part(0..4)?, part(5..7)?, part(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (s.bytes()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&m)
        && d >= 1
        && d <= days[(m - 1) as usize])
        .then_some((y, m, d))
}

/// A CalendarPicker's mode.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CalendarMode {
    Single,
    Range,
}

/// Every CalendarPicker whose mode is known: a literal `mode`, or none (single). A
/// dynamic mode is judged at runtime, so the mode rules skip that picker.
fn calendar_pickers<'m, 'a, 's>(
    m: &'m Model<'a, 's>,
) -> impl Iterator<Item = (&'m Comp<'a, 's>, CalendarMode)> + 'm {
    m.components_of("CalendarPicker").filter_map(|c| {
        let mode = match c.get("mode") {
            None => CalendarMode::Single,
            Some(mode) => match mode.as_str() {
                Some("single") => CalendarMode::Single,
                Some("range") => CalendarMode::Range,
                _ => return None,
            },
        };
        Some((c, mode))
    })
}

/// An entry of a Form's `init-values` or `error-messages`.
struct FormEntry<'m, 'a, 's> {
    member: &'a Member<'s>,
    /// The whole object: Meta points at it for an `init-values` fault (conformance:
    /// unknown-form-value-key_invalid, form-init-value-type-mismatch_invalid).
    object: Span,
    /// The screen's input of that name, if it sits in this Form (names are unique per
    /// screen; a duplicate is its own finding).
    input: Option<&'m Comp<'a, 's>>,
}

/// The entries of every Form's `key` object (`init-values` or `error-messages`), Form by
/// Form in document order.
fn form_entries<'m, 'a, 's>(
    m: &'m Model<'a, 's>,
    key: &'static str,
) -> impl Iterator<Item = FormEntry<'m, 'a, 's>> + 'm {
    m.flow.screens.iter().flat_map(move |s| {
        s.comps
            .iter()
            .enumerate()
            .filter(|(_, c)| c.ty == "Form")
            .filter_map(move |(fi, form)| {
                let object = form.get(key)?;
                let members = object.as_object()?;
                Some(members.iter().map(move |member| FormEntry {
                    member,
                    object: object.span,
                    input: s.input(member.key.name).filter(|c| c.form == Some(fi)),
                }))
            })
            .flatten()
    })
}
