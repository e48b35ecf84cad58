//! `pattern-needs-text-input-type`.

use crate::catalog::components::PATTERN_INPUT_TYPES;
use crate::catalog::model::V6_2;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
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

/// A literal `input-type` only (a binding is judged at runtime); Meta points at it.
pub(super) fn pattern_needs_text_input_type(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("TextInput") {
        if c.get("pattern").is_none() {
            continue;
        }
        let Some(ty_node) = c.get("input-type") else {
            continue;
        };
        let input_type = ty_node.as_str().unwrap_or("text");
        if !PATTERN_INPUT_TYPES.contains(&input_type)
            && !ty_node.as_str().is_some_and(|s| s.contains("${"))
        {
            out.at(
                format!(
                    "'pattern' is not allowed on a TextInput with input-type '{input_type}'; only {}",
                    and_list(PATTERN_INPUT_TYPES)
                ),
                Some("Remove the pattern, or change input-type".into()),
                &[ty_node.span],
            );
        }
    }
}

/// "a, b and c".
fn and_list(words: &[&str]) -> String {
    match words.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_reads_as_before() {
        assert_eq!(
            super::and_list(crate::catalog::components::PATTERN_INPUT_TYPES),
            "text, password, passcode and number"
        );
    }
}
