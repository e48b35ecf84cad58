//! `text-mixed-with-reference`.

use super::{first_reference, is_rich_text, span, BIND_A_FIELD};
use crate::catalog::model::V6_0;
use crate::fix::{Edit, Fix};
use crate::rule::declare_rule;
use crate::rules::model::{Model, Parsed};
use crate::rules::Reporter;

// A warning: Meta accepts the string as literal text (see the doc).
declare_rule! {
    pub(super) RULE {
        code: "text-mixed-with-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        severity: Warning,
        fix: SafeWhenSure("Write the text as a backtick expression (6.0+)"),
        summary: "A string mixes literal text with a `${...}` reference outside a backtick expression.",
        doc: "Outside backticks a reference is resolved only when it is the whole value; in \
         `\"Hi ${data.name}\"` the braces are shown literally. Meta's builder wraps such a string as \
         a text literal and accepts it (conformance record text-mixed-with-reference_invalid and \
         the mutated *__broken_expression__* flows), so this is a warning, not an error: the flow \
         uploads, but the user sees `${data.name}` on their phone. Fix (6.0+): \
         \"`'Hi ' ${data.name}`\"; before 6.0 put the whole text in a data field.",
    }
}

pub(super) fn text_mixed_with_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for d in &m.flow.strings {
        let Parsed::Mixed(at) = d.parsed else {
            continue;
        };
        if is_rich_text(m, d) {
            continue;
        }
        // Not version gating: the fix offered depends on whether backtick expressions
        // exist (6.0+).
        let help = if m.version >= V6_0 {
            "Use a backtick expression: `'text ' ${data.x}`"
        } else {
            BIND_A_FIELD
        };
        let fix = (m.version >= V6_0)
            .then(|| as_backtick(d.text))
            .flatten()
            .map(|(expr, sure)| {
                let edit = Edit::replace(d.node.span, serde_json::Value::from(expr).to_string());
                let title = "Write the text as a backtick expression";
                if sure {
                    Fix::safe(title, vec![edit])
                } else {
                    Fix::r#unsafe(title, vec![edit])
                }
            });
        out.at_focus_with(
            format!(
                "A ${{...}} reference must be the whole value of '{}' here; text around it is not interpolated",
                d.prop
            ),
            Some(help.to_string()),
            d.node.span,
            span(m, d, first_reference(d, at)),
            fix,
        );
    }
}

/// `text` as a backtick expression: each run of literal text a quoted literal, each
/// `${...}` reference as is (`Hi ${data.name}!` -> `` `'Hi ' ${data.name} '!'` ``); and
/// whether that is sure. A literal holding a quote, a backslash or a backtick needs
/// escapes whose reading by Meta is not documented: then the fix is only offered as
/// unsafe. `None` when a reference never closes.
fn as_backtick(text: &str) -> Option<(String, bool)> {
    let mut parts = Vec::new();
    let mut sure = true;
    let mut rest = text;
    while !rest.is_empty() {
        let (literal, after) = match rest.find("${") {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if !literal.is_empty() {
            sure &= !literal.contains(['\'', '\\', '`']);
            parts.push(format!(
                "'{}'",
                literal.replace('\\', "\\\\").replace('\'', "\\'")
            ));
        }
        if after.is_empty() {
            break;
        }
        let end = after.find('}')? + 1;
        parts.push(after[..end].to_owned());
        rest = &after[end..];
    }
    Some((format!("`{}`", parts.join(" ")), sure))
}

#[cfg(test)]
mod tests {
    use super::as_backtick;

    #[test]
    fn text_and_references_become_one_expression() {
        assert_eq!(
            as_backtick("Hi ${data.name}!"),
            Some(("`'Hi ' ${data.name} '!'`".to_owned(), true))
        );
        assert_eq!(
            as_backtick("${form.a}${form.b}"),
            Some(("`${form.a} ${form.b}`".to_owned(), true))
        );
        assert_eq!(
            as_backtick("It's ${data.x}"),
            Some(("`'It\\'s ' ${data.x}`".to_owned(), false))
        );
        assert_eq!(as_backtick("broken ${data.x"), None);
    }
}
