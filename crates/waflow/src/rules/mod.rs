//! Rule metadata, the registry of every rule, and the semantic stage.
//!
//! Every finding waflow produces comes from a rule listed in [`all`]: the CLI's docs, its
//! configuration and SARIF output read the same list, so a code can't exist in one place
//! and be missing in another.

/// Declares a semantic rule: `rule!(NAME, "code", "META_CODE", since, until, "summary", "doc")`.
/// Every semantic rule is an error of errorType FLOW_JSON_ERROR: no sample of Meta's
/// output shows a semantic finding under another category (spec 9.5).
macro_rules! rule {
    ($name:ident, $code:literal, $error:literal, $since:expr, $until:expr, $summary:literal, $doc:literal $(,)?) => {
        pub(crate) static $name: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            code: $code,
            error: $error,
            error_type: $crate::finding::FLOW_JSON_ERROR,
            severity: $crate::finding::Severity::Error,
            since: $since,
            until: $until,
            summary: $summary,
            doc: $doc,
        };
    };
}

/// Declares a semantic rule whose findings are warnings: what Meta accepts but is probably a
/// mistake. Same fields as [`rule!`]; `error` is the code Meta would use should it refuse it.
macro_rules! warning_rule {
    ($name:ident, $code:literal, $error:literal, $since:expr, $until:expr, $summary:literal, $doc:literal $(,)?) => {
        pub(crate) static $name: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            severity: $crate::finding::Severity::Warning,
            ..$crate::rules::RuleMeta::error($code, $error, $since, $until, $summary, $doc)
        };
    };
}

mod actions;
mod components;
mod data_model;
mod expr;
mod expressions;
mod index;
mod layout;
mod references;
mod root;
mod routing;
mod screens;

use std::borrow::Cow;

use crate::catalog::FlowVersion;
use crate::finding::{Finding, Pointer, Severity};
use crate::locate::Locator;
use crate::syntax::{path_to, Node, Span};

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
    /// An error rule of errorType FLOW_JSON_ERROR (what `rule!` declares).
    pub(crate) const fn error(
        code: &'static str,
        error: &'static str,
        since: Option<FlowVersion>,
        until: Option<FlowVersion>,
        summary: &'static str,
        doc: &'static str,
    ) -> RuleMeta {
        RuleMeta {
            code,
            error,
            error_type: crate::finding::FLOW_JSON_ERROR,
            severity: Severity::Error,
            since,
            until,
            summary,
            doc,
        }
    }

    /// A finding of this rule with no location yet.
    pub(crate) fn finding(&'static self, message: impl Into<String>) -> Finding {
        Finding {
            rule: Some(self.code),
            error: Cow::Borrowed(self.error),
            error_type: Cow::Borrowed(self.error_type),
            message: message.into(),
            help: None,
            severity: self.severity,
            pointers: Vec::new(),
        }
    }

    /// A finding of this rule at one location (its pointer list sized for that one).
    pub(crate) fn finding_at(&'static self, message: impl Into<String>, at: Pointer) -> Finding {
        Finding {
            pointers: vec![at],
            ..self.finding(message)
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
        &crate::document::TOO_MANY_FINDINGS,
        &crate::document::INVALID_JSON,
        &crate::document::DUPLICATE_KEY,
        &crate::document::LONE_SURROGATE,
        &crate::version::ROOT_NOT_OBJECT,
        &crate::version::MISSING_VERSION,
        &crate::version::VERSION_TYPE,
        &crate::version::INVALID_VERSION,
        &crate::version::VERSION_NOT_EXACT,
        &crate::version::UNAVAILABLE_VERSION,
        &crate::version::FROZEN_VERSION,
        &root::DATA_EXCHANGE_NEEDS_DATA_API,
        &root::REFRESH_ON_BACK_NEEDS_DATA_API,
        &root::DATA_API_NEEDS_ROUTING_MODEL,
        &root::DATA_CHANNEL_URI_REMOVED,
        &root::INVALID_DATA_API_VERSION,
        &root::DATA_API_VERSION_TYPE,
        &crate::schema::codes::UNKNOWN_PROPERTY,
        &crate::schema::codes::MISSING_PROPERTY,
        &crate::schema::codes::WRONG_TYPE,
        &crate::schema::codes::INVALID_COMPONENT_TYPE,
        &crate::schema::codes::NEEDS_FORM,
        &crate::schema::codes::INVALID_ENUM,
        &crate::schema::codes::INVALID_VALUE,
        &crate::schema::codes::TOO_FEW_ITEMS,
        &crate::schema::codes::TOO_MANY_ITEMS,
        &crate::schema::codes::TOO_SHORT,
        &crate::schema::codes::PATTERN,
        &crate::schema::codes::TOO_SMALL,
        &crate::schema::codes::TOO_LARGE,
        &crate::schema::codes::FORMAT,
        &crate::schema::codes::FORBIDDEN_COMBINATION,
        &crate::schema::codes::MISSING_DEPENDENCY,
        &crate::schema::codes::TOO_DEEP,
        &crate::schema::codes::TEXT_OVER_LIMIT,
        &crate::schema::codes::ITEMS_OVER_LIMIT,
        &screens::DUPLICATE_SCREEN_ID,
        &screens::RESERVED_SCREEN_ID,
        &screens::SUCCESS_SCREEN_ID,
        &screens::TOO_MANY_SCREENS,
        &screens::MISSING_TERMINAL,
        &screens::MISSING_TERMINAL_FOOTER,
        &screens::NO_SUCCESS_TERMINAL,
        &screens::INVALID_SENSITIVE,
        &data_model::FIELD_NOT_OBJECT,
        &data_model::FIELD_MISSING_TYPE,
        &data_model::FIELD_INVALID_TYPE,
        &data_model::FIELD_TYPE_NOT_STRING,
        &data_model::FIELD_MISSING_EXAMPLE,
        &data_model::NESTED_EXAMPLE,
        &data_model::EXAMPLE_MISMATCH,
        &data_model::ARRAY_WITHOUT_ITEMS,
        &data_model::OBJECT_WITHOUT_PROPERTIES,
        &data_model::REQUIRED_NOT_ARRAY,
        &data_model::INVALID_FIELD_NAME,
        &references::INVALID_REFERENCE,
        &references::MIXED_TEXT,
        &references::RICHTEXT_INTERPOLATION,
        &references::UNDECLARED_DATA,
        &references::UNKNOWN_FORM_FIELD,
        &references::UNKNOWN_SCREEN,
        &references::SELF_SCREEN,
        &references::ARRAY_ELEMENT,
        &references::TYPE_MISMATCH,
        &references::PAYLOAD_REFERENCE,
        &references::EXPRESSION_REFERENCE,
        &references::FORM_REF_IN_PROPERTY,
        &references::FOOTER_OUTSIDE_FORM,
        &expressions::INVALID_EXPRESSION,
        &expressions::INVALID_CONDITION,
        &expressions::EXPRESSION_TYPE,
        &expressions::PAYLOAD_EXPRESSION_TYPE,
        &actions::UNKNOWN_TARGET,
        &actions::NAVIGATE_TO_SELF,
        &actions::MISSING_PAYLOAD,
        &actions::INCOMPLETE_PAYLOAD,
        &actions::UNEXPECTED_PAYLOAD,
        &actions::PAYLOAD_TYPE,
        &actions::COMPLETE_PLACEMENT,
        &actions::TERMINAL_FOOTER_ACTION,
        &actions::UPDATE_DATA_PAYLOAD,
        &actions::UPDATE_DATA_SELF,
        &actions::MEDIA_IN_NAVIGATE,
        &actions::MEDIA_PLACEMENT,
        &actions::MEDIA_COUNT,
        &actions::MEDIA_SIZE,
        &actions::ITEM_ACTION_SHADOWED,
        &actions::NAVIGATION_LIST_ACTION,
        &actions::NAVIGATION_LIST_WITHOUT_ACTION,
        &routing::UNKNOWN_SCREEN,
        &routing::TOO_MANY_BRANCHES,
        &routing::SELF_LOOP,
        &routing::BACK_EDGE,
        &routing::MISSING_SCREEN,
        &routing::NO_ENTRY,
        &routing::DISCONNECTED,
        &routing::NAVIGATE_NOT_ROUTED,
        &routing::DEAD_END,
        &layout::DUPLICATE_INPUT_NAME,
        &layout::OUTSIDE_FORM,
        &layout::TOO_MANY_COMPONENTS,
        &layout::TOO_MANY_OF_TYPE,
        &layout::RICHTEXT_PLACEMENT,
        &layout::NAVIGATION_LIST_PLACEMENT,
        &layout::FOOTER_IF_BRANCHES,
        &layout::FOOTER_SWITCH_CASES,
        &layout::EMPTY_SWITCH,
        &layout::SWITCH_CASE_KEY,
        &layout::IF_NESTING,
        &components::MIN_GREATER_THAN_MAX,
        &components::MIN_MAX_DAYS,
        &components::DATE_RANGE,
        &components::CALENDAR_INIT_FORMAT,
        &components::UNEXPECTED_RANGE_PROP,
        &components::MISSING_RANGE_PROP,
        &components::IMAGE_AND_COLOR,
        &components::FORM_VALUE_KEY,
        &components::ERROR_MESSAGES_KEY,
        &components::FORM_VALUE_TYPE,
        &components::MEDIA_IN_INIT_VALUES,
        &components::PATTERN_INPUT_TYPE,
        &components::PATTERN_NEEDS_HELPER_TEXT,
        &components::INVALID_INPUT_PATTERN,
        &components::IMAGE_NOT_BASE64,
        &components::END_WITH_LARGE_MEDIA,
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

impl Ctx<'_, '_> {
    /// A finding of `rule` with one pointer per span, each with its own path.
    pub(crate) fn at(
        &self,
        rule: &'static RuleMeta,
        message: String,
        help: Option<String>,
        spans: &[Span],
    ) -> Finding {
        let mut f = rule.finding(message);
        f.help = help;
        f.pointers = spans
            .iter()
            .map(|&s| self.loc.pointer(s, &path_to(self.root, s)))
            .collect();
        f
    }

    /// A finding of `rule` at Meta's place `meta` (a whole key or value token), showing
    /// people the finer place `focus` inside it.
    pub(crate) fn at_focus(
        &self,
        rule: &'static RuleMeta,
        message: String,
        help: Option<String>,
        meta: Span,
        focus: Span,
    ) -> Finding {
        let mut f = rule.finding(message);
        f.help = help;
        f.pointers = vec![self
            .loc
            .pointer_focused(meta, &path_to(self.root, meta), focus)];
        f
    }
}

/// The semantic stage alone, on a tree parsed from `text` that passed the schema stage
/// (for benchmarks and tools that hold a tree already).
pub fn check_tree(text: &str, root: &Node<'_>, version: FlowVersion) -> Vec<Finding> {
    let loc = Locator::new(text);
    let ctx = Ctx {
        root,
        version,
        loc: &loc,
    };
    let mut out = Vec::new();
    check(&ctx, &mut out);
    out
}

/// Fuzzing entry to the expression language: parses `src` as an If condition and as a
/// backtick body, type-checks and runs the condition rules; returns every fault's byte
/// range. Not part of the API.
#[doc(hidden)]
pub fn fuzz_expression(src: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    for mode in [expr::Mode::Condition, expr::Mode::Backtick] {
        match expr::parse(src, 0, mode) {
            Ok(e) => {
                let mut errs = Vec::new();
                let _ = e.type_of(&|_| Some(expr::VType::String), &mut errs);
                e.condition_faults(&mut errs);
                ranges.push(e.range());
                ranges.extend(errs.into_iter().map(|e| e.range));
            }
            Err(e) => ranges.push(e.range),
        }
    }
    if let Some(Err(e)) = expr::whole_ref(src) {
        ranges.push(e.range);
    }
    ranges
}

/// Runs every semantic rule family that applies to the flow's version.
pub(crate) fn check(ctx: &Ctx<'_, '_>, out: &mut Vec<Finding>) {
    check_until(ctx, &|| false, out);
}

type Family = fn(&Ctx<'_, '_>, &index::Index<'_, '_>, &mut Vec<Finding>);

/// `check`, giving up between rule families once `stop` says so: beside the schema
/// stage, whose first fault makes these findings moot (spent work on a large invalid
/// document was most of its run: four million non-object screens, 3 s and 1.2 GB).
pub(crate) fn check_until(ctx: &Ctx<'_, '_>, stop: &dyn Fn() -> bool, out: &mut Vec<Finding>) {
    root::check(ctx, out);
    if stop() {
        return;
    }
    let ix = index::build(ctx.loc.text(), ctx.root, ctx.version);
    let families: [Family; 8] = [
        screens::check,
        data_model::check,
        references::check,
        expressions::check,
        actions::check,
        routing::check,
        layout::check,
        components::check,
    ];
    let mut found = Vec::new();
    for family in families {
        if stop() {
            return;
        }
        family(ctx, &ix, &mut found);
    }
    found.retain(|f| {
        f.rule
            .and_then(by_code)
            .is_none_or(|r| r.applies_to(ctx.version))
    });
    out.extend(found);
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
