//! Rules inside one component (spec 4, 8): min/max pairs, dates, CalendarPicker modes,
//! data-source items, Form `init-values`/`error-messages`, TextInput patterns, images.

use super::model::{literal_type, Comp, Expect, Model};
use super::Ctx;
use crate::catalog::model::{Ty, V5_0, V6_1, V6_2, V7_0};
use crate::finding::Finding;
use crate::rule::{declare_rule, RuleMeta};
use crate::syntax::{Node, Span, Value};

declare_rule! {
    pub(crate) MIN_GREATER_THAN_MAX {
        code: "min-greater-than-max",
        error: "MIN_VALUE_GREATER_THAN_MAX",
        summary: "A component's minimum is larger than its maximum.",
        doc: "Paired bounds must satisfy min <= max: TextInput `min-chars`/`max-chars`, \
         CheckboxGroup/ChipsSelector `min-selected-items`/`max-selected-items`, PhotoPicker and \
         DocumentPicker `min-uploaded-*`/`max-uploaded-*`: MIN_VALUE_GREATER_THAN_MAX, pointing at \
         both values [B] (spec 4, 8). Fix: swap or correct them.",
    }
}
declare_rule! {
    pub(crate) INVALID_MIN_MAX_DAYS {
        code: "invalid-min-max-days",
        error: "INVALID_MIN_MAX_DAYS",
        since: V6_1,
        summary: "CalendarPicker `min-days` is larger than `max-days`, or one is negative.",
        doc: "In range mode the selected span must be at least `min-days` and at most `max-days`, both \
         non-negative with min <= max: INVALID_MIN_MAX_DAYS [B] (spec 4.5, 8). Fix: correct the pair.",
    }
}
declare_rule! {
    pub(crate) INVALID_DATE_RANGE {
        code: "invalid-date-range",
        error: "INVALID_DATE_RANGE",
        summary: "A date picker's `min-date` is after `max-date`, or its `init-value` lies outside them.",
        doc: "DatePicker and CalendarPicker limits must be consistent: min-date <= max-date and an \
         initial date (or range) within them: INVALID_DATE_RANGE [B] (spec 4.5, 8). Dates are \
         \"YYYY-MM-DD\" from 5.0 and millisecond timestamps before; only literal values are checked. \
         Fix: correct the dates.",
    }
}
declare_rule! {
    pub(crate) INVALID_CALENDAR_INIT_VALUE {
        code: "invalid-calendar-init-value",
        error: "INVALID_DATE_SINGLE_INIT_VALUE_FORMAT",
        since: V6_1,
        summary: "A single-mode CalendarPicker `init-value` is not a \"YYYY-MM-DD\" date.",
        doc: "In single mode the initial value is one date written \"YYYY-MM-DD\": \
         INVALID_DATE_SINGLE_INIT_VALUE_FORMAT [B] (spec 4.5, 8). Fix: \"12/31/2026\" -> \"2026-12-31\".",
    }
}
declare_rule! {
    pub(crate) UNEXPECTED_CALENDAR_RANGE_PROP {
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
declare_rule! {
    pub(crate) MISSING_CALENDAR_RANGE_PROP {
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
declare_rule! {
    pub(crate) DATA_SOURCE_IMAGE_AND_COLOR {
        code: "data-source-image-and-color",
        error: "DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR",
        since: V5_0,
        summary: "A data-source mixes items with `image` and items with `color`.",
        doc: "Options show either pictures or colour swatches; a list whose items use both is \
         DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR [B] (spec 4.3, 8). Fix: use one kind for the \
         whole list.",
    }
}
declare_rule! {
    pub(crate) UNKNOWN_FORM_VALUE_KEY {
        code: "unknown-form-value-key",
        error: "INVALID_PROPERTY_VALUE",
        since: V7_0,
        summary: "A key of a Form's `init-values` is not an input inside that Form that takes a value.",
        doc: "From 7.0 Meta checks that each key of `init-values` names an input component inside the \
         Form that can be pre-filled (spec 4.7, 6.4): Meta's builder answers INVALID_PROPERTY_VALUE \
         'The property X is declared but not used in the init-values', pointing at the whole \
         `init-values` object, for a name that is no input and for a media picker alike \
         (conformance records unknown-form-value-key_invalid, media-picker-in-init-values_invalid). \
         The same fault in `error-messages` is accepted, so it is a warning there \
         (unknown-error-messages-key). Fix: use the input's `name`.",
    }
}
declare_rule! {
    pub(crate) UNKNOWN_ERROR_MESSAGES_KEY {
        code: "unknown-error-messages-key",
        error: "INVALID_PROPERTY_KEY",
        severity: Warning,
        since: V7_0,
        summary: "A key of a Form's `error-messages` is not an input inside that Form.",
        doc: "An error message is shown under the input of that name; a key that names none is never \
         shown. Meta's builder accepts it (conformance record unknown-form-value-key_invalid reports \
         only the `init-values` key), so waflow warns. Fix: use the input's `name`.",
    }
}
declare_rule! {
    pub(crate) PATTERN_NEEDS_HELPER_TEXT {
        code: "pattern-needs-helper-text",
        error: "MISSING_REQUIRED_PROPERTY",
        since: V6_2,
        summary: "A TextInput with `pattern` has no `helper-text`.",
        doc: "From 6.2 a TextInput that sets `pattern` must explain it to the user: Meta's builder \
         answers MISSING_REQUIRED_PROPERTY 'Required property helper-text is missing' at the \
         TextInput (conformance records invalid-input-pattern_valid and \
         pattern-needs-text-input-type_valid, whose TextInputs lacked one). Fix: add \
         \"helper-text\": \"e.g. AB-1234\".",
    }
}
declare_rule! {
    pub(crate) FORM_INIT_VALUE_TYPE_MISMATCH {
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
declare_rule! {
    pub(crate) MEDIA_PICKER_IN_INIT_VALUES {
        code: "media-picker-in-init-values",
        error: "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
        since: crate::catalog::model::V4_0,
        summary: "A Form's `init-values` names a PhotoPicker or DocumentPicker.",
        doc: "Media pickers can't be pre-filled: NATIVE_COMPONENT_IN_FORM_INIT_VALUES [B] (spec 4.6, \
         6.4, 8). Fix: remove the entry.",
    }
}
declare_rule! {
    pub(crate) PATTERN_NEEDS_TEXT_INPUT_TYPE {
        code: "pattern-needs-text-input-type",
        error: "INVALID_ENUM_VALUE",
        since: V6_2,
        summary: "A TextInput has `pattern` with an `input-type` other than text, password, passcode or number.",
        doc: "`pattern` (6.2+) only works with input-type text, password, passcode or number [D][B] (spec \
         4.2, 8). Meta's builder answers INVALID_ENUM_VALUE 'Value should be one of: [text, \
         password, passcode, number]' at the `input-type` value (conformance record \
         pattern-needs-text-input-type_invalid). Fix: remove `pattern` from email/phone inputs.",
    }
}
declare_rule! {
    pub(crate) INVALID_INPUT_PATTERN {
        code: "invalid-input-pattern",
        error: "INVALID_PROPERTY_VALUE_FORMAT",
        since: V6_2,
        summary: "A TextInput `pattern` is not a valid regular expression.",
        doc: "The pattern is compiled by the WhatsApp client; one that does not compile is \
         INVALID_PROPERTY_VALUE_FORMAT (spec 8). waflow compiles it with a backtracking engine that \
         accepts JavaScript's look-arounds and back-references. Fix: e.g. close the group in \
         \"^([0-9]{5}$\".",
    }
}
declare_rule! {
    pub(crate) IMAGE_NOT_BASE64 {
        code: "image-not-base64",
        error: "INVALID_PROPERTY_VALUE_FORMAT",
        summary: "An Image or ImageCarousel `src` is not valid base64.",
        doc: "A literal `src` is the image itself, base64-encoded (no data: URL prefix); Meta's builder \
         rejects anything else (spec 4.6, 8: code not recovered, most likely \
         INVALID_PROPERTY_VALUE_FORMAT, which waflow uses). The builder's chains never run the \
         check (a known defect, conformance README; record image-not-base64_invalid passes); the \
         Components reference defines `src` as base64 image data, which the phone must decode, \
         so waflow keeps the rule. Fix: encode the JPEG/PNG bytes with base64, or bind the value \
         to a data field.",
    }
}

declare_rule! {
    pub(crate) NAVIGATION_LIST_END_WITH_LARGE_MEDIA {
        code: "navigation-list-end-with-large-media",
        error: "INVALID_PROPERTY_VALUE_FOR_CONDITION",
        since: V6_2,
        summary: "A NavigationList item has `end` while the list's `media-size` is large.",
        doc: "With large media the item's image takes the room of its end content, so `end` is not \
         allowed when `media-size` is `large` [D] (spec 4.4). Meta's builder answers \
         INVALID_PROPERTY_VALUE_FOR_CONDITION 'Cannot set property media-size to large when end \
         add-on is present' at the NavigationList (conformance record \
         navigation-list-end-with-large-media_invalid). Fix: drop `end`, or use \"media-size\": \"regular\".",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &MIN_GREATER_THAN_MAX,
    &INVALID_MIN_MAX_DAYS,
    &INVALID_DATE_RANGE,
    &INVALID_CALENDAR_INIT_VALUE,
    &UNEXPECTED_CALENDAR_RANGE_PROP,
    &MISSING_CALENDAR_RANGE_PROP,
    &DATA_SOURCE_IMAGE_AND_COLOR,
    &UNKNOWN_FORM_VALUE_KEY,
    &UNKNOWN_ERROR_MESSAGES_KEY,
    &FORM_INIT_VALUE_TYPE_MISMATCH,
    &MEDIA_PICKER_IN_INIT_VALUES,
    &PATTERN_NEEDS_TEXT_INPUT_TYPE,
    &PATTERN_NEEDS_HELPER_TEXT,
    &INVALID_INPUT_PATTERN,
    &IMAGE_NOT_BASE64,
    &NAVIGATION_LIST_END_WITH_LARGE_MEDIA,
];

const PAIRS: &[(&str, &str, &str)] = &[
    ("TextInput", "min-chars", "max-chars"),
    ("CheckboxGroup", "min-selected-items", "max-selected-items"),
    ("ChipsSelector", "min-selected-items", "max-selected-items"),
    ("PhotoPicker", "min-uploaded-photos", "max-uploaded-photos"),
    (
        "DocumentPicker",
        "min-uploaded-documents",
        "max-uploaded-documents",
    ),
];
const RANGE_ONLY: &[&str] = &["title", "description", "min-days", "max-days"];
const RANGE_OBJECTS: &[&str] = &[
    "label",
    "helper-text",
    "required",
    "init-value",
    "error-message",
];

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    for s in &ix.flow.screens {
        for (ci, c) in s.comps.iter().enumerate() {
            for (ty, min, max) in PAIRS {
                if c.ty == *ty {
                    pair(ctx, c, min, max, &MIN_GREATER_THAN_MAX, out);
                }
            }
            match c.ty {
                "DatePicker" | "CalendarPicker" => dates(ctx, c, out),
                "TextInput" => pattern(ctx, c, out),
                "Image" => base64(ctx, c.get("src"), out),
                "ImageCarousel" => {
                    for img in c.get("images").and_then(Node::as_array).unwrap_or_default() {
                        base64(ctx, img.get("src"), out);
                    }
                }
                "Form" => form_values(ctx, s, ci, out),
                "NavigationList" if c.get("media-size").and_then(Node::as_str) == Some("large") => {
                    let with_end = c
                        .get("list-items")
                        .and_then(Node::as_array)
                        .unwrap_or_default()
                        .iter()
                        .any(|item| item.member("end").is_some());
                    if with_end {
                        // Meta points at the NavigationList itself.
                        out.push(ctx.at(
                            &NAVIGATION_LIST_END_WITH_LARGE_MEDIA,
                            "This NavigationList has media-size 'large' and an item with 'end'; 'end' is not allowed with large media".into(),
                            Some("Remove 'end' from the items, or set media-size to 'regular'".into()),
                            &[c.node.span],
                        ));
                    }
                }
                _ => {}
            }
            if c.ty == "CalendarPicker" {
                calendar(ctx, c, out);
            }
            if let Some(items) = c.get("data-source").and_then(Node::as_array) {
                let image: Vec<Span> = items
                    .iter()
                    .filter_map(|i| i.member("image"))
                    .map(|m| m.key.span)
                    .collect();
                let color: Vec<Span> = items
                    .iter()
                    .filter_map(|i| i.member("color"))
                    .map(|m| m.key.span)
                    .collect();
                if !image.is_empty() && !color.is_empty() {
                    out.push(ctx.at(
                        &DATA_SOURCE_IMAGE_AND_COLOR,
                        format!("The data-source of this {} mixes items with 'image' and items with 'color'; use one kind", c.ty),
                        None,
                        &[image[0], color[0]],
                    ));
                }
            }
        }
    }
}

fn num(n: Option<&Node<'_>>) -> Option<f64> {
    n.and_then(Node::as_f64)
}

fn pair(
    ctx: &Ctx<'_, '_>,
    c: &Comp<'_, '_>,
    min: &str,
    max: &str,
    rule: &'static super::RuleMeta,
    out: &mut Vec<Finding>,
) {
    if let (Some(lo), Some(hi)) = (num(c.get(min)), num(c.get(max))) {
        if lo > hi {
            let spans = [c.get(min).map(|n| n.span), c.get(max).map(|n| n.span)];
            out.push(ctx.at(
                rule,
                format!(
                    "'{min}' ({lo}) is greater than '{max}' ({hi}) in this {}",
                    c.ty
                ),
                None,
                &spans.into_iter().flatten().collect::<Vec<_>>(),
            ));
        }
    }
}

/// A literal date: "YYYY-MM-DD" (5.0+) or a millisecond timestamp string, as a sortable
/// number (days are compared through `YYYYMMDD`).
fn date(v: &Node<'_>, version: crate::FlowVersion) -> Option<f64> {
    let s = v.as_str()?;
    if s.contains("${") {
        return None;
    }
    if version >= V5_0 {
        parse_ymd(s).map(|(y, m, d)| f64::from(y * 10_000 + m * 100 + d))
    } else {
        s.parse::<f64>().ok().map(|ms| (ms / 86_400_000.0).floor())
    }
}

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

fn dates(ctx: &Ctx<'_, '_>, c: &Comp<'_, '_>, out: &mut Vec<Finding>) {
    let v = ctx.version;
    let (min_n, max_n) = (c.get("min-date"), c.get("max-date"));
    let (lo, hi) = (
        min_n.and_then(|n| date(n, v)),
        max_n.and_then(|n| date(n, v)),
    );
    if let (Some(lo), Some(hi), Some(a), Some(b)) = (lo, hi, min_n, max_n) {
        if lo > hi {
            out.push(ctx.at(
                &INVALID_DATE_RANGE,
                format!("'min-date' is after 'max-date' in this {}", c.ty),
                None,
                &[a.span, b.span],
            ));
            return;
        }
    }
    let Some(init) = c.get("init-value") else {
        return;
    };
    let values: Vec<&Node<'_>> = match &init.value {
        Value::Object(_) => ["start-date", "end-date"]
            .iter()
            .filter_map(|k| init.get(k))
            .collect(),
        _ => vec![init],
    };
    for n in values {
        let Some(d) = date(n, v) else { continue };
        if lo.is_some_and(|lo| d < lo) || hi.is_some_and(|hi| d > hi) {
            out.push(ctx.at(
                &INVALID_DATE_RANGE,
                format!(
                    "The initial date {} lies outside min-date..max-date of this {}",
                    n.as_str().unwrap_or_default(),
                    c.ty
                ),
                None,
                &[n.span],
            ));
        }
    }
}

fn calendar(ctx: &Ctx<'_, '_>, c: &Comp<'_, '_>, out: &mut Vec<Finding>) {
    let mode = match c.get("mode") {
        None => "single",
        Some(m) => match m.as_str() {
            Some(m @ ("single" | "range")) => m,
            _ => return, // dynamic: judged at runtime
        },
    };
    if mode == "single" {
        for m in c.node.as_object().unwrap_or_default() {
            let k = m.key.name;
            let object = RANGE_OBJECTS.contains(&k) && m.value.as_object().is_some();
            if RANGE_ONLY.contains(&k) || object {
                out.push(ctx.at(
                    &UNEXPECTED_CALENDAR_RANGE_PROP,
                    format!(
                        "'{k}'{} is only for a CalendarPicker in range mode",
                        if object { " as an object" } else { "" }
                    ),
                    Some("Set \"mode\": \"range\", or remove it".into()),
                    &[m.value.span],
                ));
            }
        }
        if let Some(init) = c.get("init-value") {
            if let Some(s) = init.as_str().filter(|s| !s.contains("${")) {
                if parse_ymd(s).is_none() {
                    out.push(ctx.at(
                        &INVALID_CALENDAR_INIT_VALUE,
                        format!("init-value '{s}' of a single-mode CalendarPicker must be a date written YYYY-MM-DD"),
                        None,
                        &[init.span],
                    ));
                }
            }
        }
    } else if let Some(label) = c
        .get("label")
        .filter(|l| l.as_object().is_none() && l.as_str().is_some_and(|s| !s.contains("${")))
    {
        out.push(ctx.at(
            &MISSING_CALENDAR_RANGE_PROP,
            "A CalendarPicker in range mode needs 'label' as {\"start-date\": ..., \"end-date\": ...}".into(),
            None,
            &[label.span],
        ));
    }
    if let (Some(lo), Some(hi)) = (num(c.get("min-days")), num(c.get("max-days"))) {
        if lo > hi || lo < 0.0 || hi < 0.0 {
            let spans: Vec<Span> = [c.get("min-days"), c.get("max-days")]
                .into_iter()
                .flatten()
                .map(|n| n.span)
                .collect();
            out.push(ctx.at(
                &INVALID_MIN_MAX_DAYS,
                format!("'min-days' ({lo}) and 'max-days' ({hi}) must be non-negative with min-days <= max-days"),
                None,
                &spans,
            ));
        }
    } else {
        for k in ["min-days", "max-days"] {
            if let Some(n) = c.get(k).filter(|n| n.as_f64().is_some_and(|f| f < 0.0)) {
                out.push(ctx.at(
                    &INVALID_MIN_MAX_DAYS,
                    format!("'{k}' must not be negative"),
                    None,
                    &[n.span],
                ));
            }
        }
    }
}

fn pattern(ctx: &Ctx<'_, '_>, c: &Comp<'_, '_>, out: &mut Vec<Finding>) {
    let Some(p) = c.get("pattern") else { return };
    if c.get("helper-text").is_none() {
        out.push(ctx.at(
            &PATTERN_NEEDS_HELPER_TEXT,
            "This TextInput has a 'pattern' but no 'helper-text' to explain it".into(),
            Some("Add \"helper-text\" describing the expected form".into()),
            &[c.node.span],
        ));
    }
    let input_type = c.get("input-type").and_then(Node::as_str).unwrap_or("text");
    if !matches!(input_type, "text" | "password" | "passcode" | "number")
        && c.get("input-type")
            .is_some_and(|n| !n.as_str().is_some_and(|s| s.contains("${")))
    {
        out.push(ctx.at(
            &PATTERN_NEEDS_TEXT_INPUT_TYPE,
            format!("'pattern' is not allowed on a TextInput with input-type '{input_type}'; only text, password, passcode and number"),
            Some("Remove the pattern, or change input-type".into()),
            &[c.get("input-type").map_or(p.span, |t| t.span)],
        ));
    }
    if let Some(re) = p
        .as_str()
        .filter(|s| !s.contains("${") && !s.starts_with('`'))
    {
        if let Err(e) = fancy_regex::Regex::new(re) {
            out.push(ctx.at(
                &INVALID_INPUT_PATTERN,
                format!("'pattern' is not a valid regular expression: {e}"),
                None,
                &[p.span],
            ));
        }
    }
}

fn base64(ctx: &Ctx<'_, '_>, src: Option<&Node<'_>>, out: &mut Vec<Finding>) {
    let Some(n) = src else { return };
    let Some(s) = n.as_str() else { return };
    if s.contains("${") || s.starts_with('`') {
        return;
    }
    let body = s.trim_end_matches('=');
    let pad = s.len() - body.len();
    let bad = body
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/'));
    let problem = if s.starts_with("data:") {
        Some("it is a data: URL; give only the base64 text after the comma".to_string())
    } else if let Some(i) = bad {
        Some(format!(
            "character {} ('{}') is not base64",
            i + 1,
            s[i..].chars().next().unwrap_or('?')
        ))
    } else if s.is_empty() || pad > 2 || (s.len() % 4 != 0 && pad > 0) || body.len() % 4 == 1 {
        Some("its length does not fit base64".to_string())
    } else {
        None
    };
    if let Some(why) = problem {
        out.push(ctx.at(
            &IMAGE_NOT_BASE64,
            format!("The image 'src' is not valid base64: {why}"),
            None,
            &[n.span],
        ));
    }
}

fn form_values(
    ctx: &Ctx<'_, '_>,
    s: &super::model::Screen<'_, '_>,
    fi: usize,
    out: &mut Vec<Finding>,
) {
    let form = &s.comps[fi];
    // The screen's input of that name, if it sits in this Form (names are unique per
    // screen; a duplicate is its own finding).
    let inside = |name: &str| s.input(name).filter(|c| c.form == Some(fi));
    for key in ["init-values", "error-messages"] {
        let Some(members) = form.get(key).and_then(Node::as_object) else {
            continue;
        };
        // Meta points at the whole `init-values` object (conformance:
        // unknown-form-value-key_invalid, form-init-value-type-mismatch_invalid).
        let object = form.get(key).map_or(form.node.span, |o| o.span);
        for m in members {
            let name = m.key.name;
            let Some(input) = inside(name) else {
                if key == "init-values" {
                    out.push(ctx.at_focus(
                        &UNKNOWN_FORM_VALUE_KEY,
                        format!("'{name}' in 'init-values' is not the name of an input inside this Form"),
                        None,
                        object,
                        m.key.span,
                    ));
                } else {
                    out.push(ctx.at(
                        &UNKNOWN_ERROR_MESSAGES_KEY,
                        format!("'{name}' in 'error-messages' is not the name of an input inside this Form, so its message is never shown"),
                        None,
                        &[m.key.span],
                    ));
                }
                continue;
            };
            if key != "init-values" {
                continue;
            }
            if matches!(input.ty, "PhotoPicker" | "DocumentPicker") {
                out.push(ctx.at(
                    &MEDIA_PICKER_IN_INIT_VALUES,
                    format!(
                        "'{name}' is a {}; media pickers can't have initial values",
                        input.ty
                    ),
                    Some("Remove the entry".into()),
                    &[m.key.span],
                ));
                // To Meta a media picker takes no initial value at all.
                out.push(ctx.at_focus(
                    &UNKNOWN_FORM_VALUE_KEY,
                    format!(
                        "'{name}' in 'init-values' is a {}, which takes no initial value",
                        input.ty
                    ),
                    None,
                    object,
                    m.key.span,
                ));
                continue;
            }
            let Some(prop) = input.def.and_then(|d| d.prop("init-value")) else {
                continue;
            };
            let expect = match prop.ty {
                Ty::RangeOr(_) => continue,
                ty => Expect::of(&ty),
            };
            let Some(got) = literal_type(&m.value) else {
                continue;
            };
            if !expect.accepts(got) {
                out.push(ctx.at_focus(
                    &FORM_INIT_VALUE_TYPE_MISMATCH,
                    format!(
                        "The initial value of '{name}' ({}) must be a {}, not a {}",
                        input.ty,
                        expect.describe(),
                        got.as_str()
                    ),
                    None,
                    object,
                    m.value.span,
                ));
            }
        }
    }
}
