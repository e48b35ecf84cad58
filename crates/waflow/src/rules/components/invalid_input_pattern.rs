//! `invalid-input-pattern`.

use crate::catalog::model::V6_2;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
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

/// A literal pattern only (a binding or backtick expression is judged at runtime).
pub(super) fn invalid_input_pattern(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("TextInput") {
        let Some(p) = c.get("pattern") else { continue };
        let Some(re) = p
            .as_str()
            .filter(|s| !s.contains("${") && !s.starts_with('`'))
        else {
            continue;
        };
        if let Err(e) = fancy_regex::Regex::new(re) {
            out.at(
                format!("'pattern' is not a valid regular expression: {e}"),
                None,
                &[p.span],
            );
        }
    }
}
