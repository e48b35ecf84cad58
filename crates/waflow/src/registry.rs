//! Every rule waflow has: the stages' lists, joined in documentation order.
//!
//! A stage declares its rules (`declare_rule!`) and lists them in its `RULES`; this module
//! is the only one that reads those lists, so declaring a rule in a stage's list registers
//! it, and the CLI's docs, its configuration and SARIF output read the same registry: a
//! code can't exist in one place and be missing in another.

use std::sync::OnceLock;

use crate::rule::RuleMeta;

/// Every rule, in documentation order: the document stage, the version stage, the
/// flow-level checks, the schema stage, the semantic rule families, then the checks of an
/// endpoint's responses.
pub fn all() -> &'static [&'static RuleMeta] {
    static ALL: OnceLock<Vec<&'static RuleMeta>> = OnceLock::new();
    ALL.get_or_init(|| {
        let (flow_level, semantic) = crate::rules::registered();
        let stages: [&[&'static RuleMeta]; 6] = [
            crate::document::RULES,
            crate::version::RULES,
            &flow_level,
            crate::schema::codes::RULES,
            &semantic,
            crate::endpoint::RULES,
        ];
        stages.concat()
    })
}

/// Which stage a rule belongs to: 0 for the document and version stages (and the
/// flow-level checks beside them), 1 for the schema stage, 2 for the semantic rules. A
/// stage's errors end the run before the next stage, so fixing one may reveal the next.
pub(crate) fn stage(code: &str) -> u8 {
    let listed = |list: &[&RuleMeta]| list.iter().any(|r| r.code == code);
    if listed(crate::document::RULES) || listed(crate::version::RULES) {
        0
    } else if listed(crate::schema::codes::RULES) {
        1
    } else {
        2
    }
}

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static RuleMeta> {
    all().iter().copied().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert!(
                r.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{} is not kebab-case",
                r.code
            );
            assert!(
                !r.summary.is_empty() && !r.doc.is_empty(),
                "{} lacks docs",
                r.code
            );
            // Meta's codes: UPPER_SNAKE for Flow JSON; the client's error keys (kebab-case,
            // `invalid-screen-transition`) for an endpoint's responses.
            let meta_code = if r.error_type == crate::endpoint::ENDPOINT_RESPONSE_ERROR {
                |b: u8| b.is_ascii_lowercase() || b == b'-'
            } else {
                |b: u8| b.is_ascii_uppercase() || b == b'_'
            };
            assert!(r.error.bytes().all(meta_code), "{}: {}", r.code, r.error);
        }
    }

    /// Found in one hop from the code: a stage's static is named after the code, and a
    /// semantic rule's `RULE` lives in the file named after it.
    #[test]
    fn every_rule_is_named_after_its_code() {
        for r in all() {
            let snake = r.code.replace('-', "_");
            if r.ident == "RULE" {
                let stem = std::path::Path::new(r.source)
                    .file_stem()
                    .and_then(|s| s.to_str());
                assert_eq!(stem, Some(snake.as_str()), "{} is in {}", r.code, r.source);
            } else {
                assert_eq!(r.ident, snake.to_uppercase(), "{} in {}", r.code, r.source);
            }
        }
    }
}
