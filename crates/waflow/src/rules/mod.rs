//! Rule metadata, the registry of every rule, and the semantic stage.
//!
//! Every finding waflow produces comes from a rule listed in [`all`]: the CLI's docs, its
//! configuration and SARIF output read the same list, so a code can't exist in one place
//! and be missing in another.

mod root;

use crate::catalog::FlowVersion;
use crate::finding::{Finding, Severity};
use crate::locate::Locator;
use crate::syntax::Node;

/// What is fixed about a rule: its code, Meta's code for the fault, and its documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable, kebab-case; what users write in configuration.
    pub code: &'static str,
    /// Meta's `error` code.
    pub error: &'static str,
    /// Meta's `errorType`.
    pub error_type: &'static str,
    pub severity: Severity,
    /// First and last Flow JSON version the rule applies to (`None`: every version).
    pub since: Option<FlowVersion>,
    pub until: Option<FlowVersion>,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why Meta rejects it, how to fix it, the source in the spec.
    pub doc: &'static str,
}

impl RuleMeta {
    /// A finding of this rule with no location yet.
    pub(crate) fn finding(&'static self, message: impl Into<String>) -> Finding {
        Finding {
            rule: Some(self.code),
            error: self.error.to_owned(),
            error_type: self.error_type.to_owned(),
            message: message.into(),
            help: None,
            severity: self.severity,
            pointers: Vec::new(),
        }
    }

    pub fn applies_to(&self, version: FlowVersion) -> bool {
        self.since.is_none_or(|s| version >= s) && self.until.is_none_or(|u| version <= u)
    }
}

/// Every rule waflow has, in documentation order.
pub fn all() -> &'static [&'static RuleMeta] {
    static ALL: &[&RuleMeta] = &[
        &crate::document::INVALID_UTF8,
        &crate::document::TOO_LARGE,
        &crate::document::INVALID_JSON,
        &crate::document::DUPLICATE_KEY,
        &crate::version::ROOT_NOT_OBJECT,
        &crate::version::MISSING_VERSION,
        &crate::version::VERSION_TYPE,
        &crate::version::INVALID_VERSION,
        &crate::version::UNAVAILABLE_VERSION,
        &crate::version::FROZEN_VERSION,
        &root::DATA_EXCHANGE_NEEDS_DATA_API,
        &root::REFRESH_ON_BACK_NEEDS_DATA_API,
        &root::DATA_API_NEEDS_ROUTING_MODEL,
        &root::DATA_CHANNEL_URI_REMOVED,
        &root::INVALID_DATA_API_VERSION,
        &crate::schema::codes::UNKNOWN_PROPERTY,
        &crate::schema::codes::MISSING_PROPERTY,
        &crate::schema::codes::WRONG_TYPE,
        &crate::schema::codes::INVALID_COMPONENT_TYPE,
        &crate::schema::codes::NEEDS_FORM,
        &crate::schema::codes::INVALID_ENUM,
        &crate::schema::codes::TOO_FEW_ITEMS,
        &crate::schema::codes::TOO_MANY_ITEMS,
        &crate::schema::codes::TOO_SHORT,
        &crate::schema::codes::PATTERN,
        &crate::schema::codes::TOO_SMALL,
        &crate::schema::codes::TOO_LARGE,
        &crate::schema::codes::FORMAT,
        &crate::schema::codes::FORBIDDEN_COMBINATION,
        &crate::schema::codes::MISSING_DEPENDENCY,
        &crate::schema::codes::OTHER,
        &crate::schema::codes::TOO_DEEP,
        &crate::schema::codes::TEXT_OVER_LIMIT,
        &crate::schema::codes::ITEMS_OVER_LIMIT,
    ];
    ALL
}

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static RuleMeta> {
    all().iter().copied().find(|r| r.code == code)
}

/// What a semantic rule sees: the parsed root and the flow's version.
pub(crate) struct Ctx<'a, 's> {
    pub root: &'a Node<'s>,
    pub version: FlowVersion,
    pub loc: &'a Locator<'a>,
}

/// Runs every semantic rule family that applies to the flow's version.
pub(crate) fn check(ctx: &Ctx<'_, '_>, out: &mut Vec<Finding>) {
    root::check(ctx, out);
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
            assert!(r.error.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'));
        }
    }
}
