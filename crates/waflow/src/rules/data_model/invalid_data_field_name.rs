//! `invalid-data-field-name`.

use super::fields;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "invalid-data-field-name",
        error: "INVALID_SCREEN_DATA",
        severity: Warning,
        summary: "A data field name holds a hyphen, space, backtick or single quote.",
        doc: "A field is read as `${data.name}`; inside a backtick expression a hyphen reads as a minus \
         and a space, backtick or quote ends the reference, so such a name can't be used there. \
         The spec sheet lists a builder check (INVALID_SCREEN_DATA at the key; spec 6.1, 8), but \
         Meta's builder accepts the flow (conformance record invalid-data-field-name_invalid) and \
         its binding pattern allows a hyphen in a plain `${data.first-name}`, so waflow warns. \
         Fix: \"first-name\" -> \"first_name\".",
    }
}

/// The characters that end or break a reference inside a backtick expression.
const BREAKS_REFERENCE: [char; 4] = ['-', ' ', '`', '\''];

pub(super) fn invalid_data_field_name(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for field in fields(m) {
        let name = field.key.name;
        if let Some(bad) = name.chars().find(|c| BREAKS_REFERENCE.contains(c)) {
            out.at(
                format!(
                    "Data field name '{name}' holds {}; it can't be read as ${{data.{name}}} in a backtick expression",
                    describe(bad)
                ),
                Some(format!(
                    "Use letters, digits and underscores, e.g. '{}'",
                    name.replace(BREAKS_REFERENCE, "_")
                )),
                &[field.key.span],
            );
        }
    }
}

fn describe(c: char) -> &'static str {
    match c {
        '-' => "a hyphen",
        ' ' => "a space",
        '`' => "a backtick",
        _ => "a single quote",
    }
}
