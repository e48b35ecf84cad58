//! What is fixed about a rule, declared one way by every stage.
//!
//! This module sits low in the crate: it knows findings and versions, and nothing of the
//! stages that declare rules. Each stage exports its rules as a list; [`crate::registry`]
//! joins the lists. So declaring a rule in a stage's list registers it, and no stage
//! imports the registry (the crate has no import cycle).

use std::borrow::Cow;

use crate::catalog::FlowVersion;
use crate::finding::{Finding, Pointer, Severity};

/// A rule's metadata: its code, Meta's code for the fault, the versions it applies to,
/// its default severity and its documentation.
#[derive(Debug)]
#[non_exhaustive]
pub struct RuleMeta {
    /// Stable, kebab-case; what users write in configuration (`waflow explain CODE`).
    pub code: &'static str,
    /// Meta's `error` code for the fault.
    pub error: &'static str,
    /// Meta's `errorType`: [`crate::finding::FLOW_JSON_ERROR`] or
    /// [`crate::finding::JSON_SCHEMA_ERROR`].
    pub error_type: &'static str,
    /// Errors are what Meta rejects; warnings what it accepts but is probably a mistake.
    pub severity: Severity,
    /// First Flow JSON version the rule applies to (`None`: every version up to `until`).
    pub since: Option<FlowVersion>,
    /// Last Flow JSON version the rule applies to (`None`: every version from `since`).
    pub until: Option<FlowVersion>,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why Meta rejects it, the sources, how to fix it.
    pub doc: &'static str,
    /// The source file that declares the rule (and, for a semantic rule, checks it),
    /// relative to the crate's root.
    pub source: &'static str,
    /// The fix the rule proposes for what it finds, when it has one.
    pub fix: Option<RuleFix>,
    /// The name of the declaring static, so a test can hold names to codes.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) ident: &'static str,
}

/// What a rule's fix does and how far it can be trusted, for `waflow explain` and the
/// rules reference. The findings carry the fixes themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleFix {
    /// Whether `--fix` applies it alone.
    pub applicability: FixApplicability,
    /// What it does, in a few words ("Rename the key to the closest known name").
    pub what: &'static str,
}

/// The applicability of a rule's fixes (each fix is [`crate::fix::Applicability`] safe
/// or unsafe; a rule may propose both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixApplicability {
    /// Every fix of the rule is safe.
    Safe,
    /// Every fix of the rule is unsafe: the author must look.
    Unsafe,
    /// Safe when the fix is unambiguous (one close match, no quoting doubts), else unsafe.
    SafeWhenSure,
    /// Safe for some of the faults the rule finds, unsafe for others (its `what` says
    /// which).
    Either,
}

impl FixApplicability {
    /// `safe`, `unsafe` or `safe when sure`.
    pub fn as_str(self) -> &'static str {
        match self {
            FixApplicability::Safe => "safe",
            FixApplicability::Unsafe => "unsafe",
            FixApplicability::SafeWhenSure => "safe when sure, else unsafe",
            FixApplicability::Either => "safe or unsafe, by case",
        }
    }

    /// Whether a fix of `applicability` may come from a rule declaring this.
    pub fn allows(self, applicability: crate::fix::Applicability) -> bool {
        use crate::fix::Applicability as A;
        matches!(
            (self, applicability),
            (FixApplicability::Safe, A::Safe)
                | (FixApplicability::Unsafe, A::Unsafe)
                | (FixApplicability::SafeWhenSure | FixApplicability::Either, _)
        )
    }
}

impl RuleMeta {
    /// Whether the rule runs on a flow of `version`.
    pub fn applies_to(&self, version: FlowVersion) -> bool {
        self.since.is_none_or(|s| version >= s) && self.until.is_none_or(|u| version <= u)
    }

    /// The rule as `waflow rules --format json` and the npm package's `rules()` list it:
    /// code, error, errorType, severity, since, until, summary, doc, fix.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "code": self.code,
            "error": self.error,
            "errorType": self.error_type,
            "severity": self.severity.as_str(),
            "since": self.since.map(|v| v.to_string()),
            "until": self.until.map(|v| v.to_string()),
            "summary": self.summary,
            "doc": self.doc,
            "fix": self.fix.map(|f| serde_json::json!({
                "applicability": f.applicability.as_str(),
                "what": f.what,
            })),
        })
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
            fixes: Vec::new(),
        }
    }

    /// A finding of this rule at one location (its pointer list sized for that one).
    pub(crate) fn finding_at(&'static self, message: impl Into<String>, at: Pointer) -> Finding {
        Finding {
            pointers: vec![at],
            ..self.finding(message)
        }
    }
}

/// Declares a rule's metadata as a static, with named fields in this order (the optional
/// ones may be left out):
///
/// ```ignore
/// declare_rule! {
///     /// Why the static exists (optional).
///     pub(crate) DUPLICATE_KEY {
///         code: "duplicate-key",
///         error: "INVALID_FLOW_JSON",
///         error_type: JSON_SCHEMA_ERROR, // default FLOW_JSON_ERROR
///         severity: Warning,             // default Error
///         since: V5_1,                   // default: from the first version
///         until: V6_3,                   // default: to the last version
///         fix: Unsafe("Keep the last"),  // default: no fix (or Safe, SafeWhenSure)
///         summary: "One line.",
///         doc: "Why Meta rejects it, the sources, the fix.",
///     }
/// }
/// ```
///
/// Stage rules are named after their code (`duplicate-key` -> `DUPLICATE_KEY`); a semantic
/// rule's static is `RULE`, in the file named after its code. A unit test holds both.
macro_rules! declare_rule {
    (
        $(#[$attr:meta])*
        $vis:vis $name:ident {
            code: $code:literal,
            error: $error:literal,
            $(error_type: $error_type:expr,)?
            $(severity: $severity:ident,)?
            $(since: $since:expr,)?
            $(until: $until:expr,)?
            $(fix: $fix_kind:ident($fix_what:literal),)?
            summary: $summary:literal,
            doc: $doc:literal $(,)?
        }
    ) => {
        $(#[$attr])*
        $vis static $name: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
            code: $code,
            error: $error,
            error_type: $crate::rule::or_default!(
                $($error_type)?; $crate::finding::FLOW_JSON_ERROR
            ),
            severity: $crate::rule::or_default!(
                $($crate::finding::Severity::$severity)?; $crate::finding::Severity::Error
            ),
            since: $crate::rule::or_default!($(Some($since))?; None),
            until: $crate::rule::or_default!($(Some($until))?; None),
            summary: $summary,
            doc: $doc,
            fix: $crate::rule::or_default!(
                $(Some($crate::rule::RuleFix {
                    applicability: $crate::rule::FixApplicability::$fix_kind,
                    what: $fix_what,
                }))?; None
            ),
            source: file!(),
            ident: stringify!($name),
        };
    };
}

/// `$value` when given, else `$default` (the optional fields of [`declare_rule!`]).
macro_rules! or_default {
    ($value:expr; $default:expr) => {
        $value
    };
    (; $default:expr) => {
        $default
    };
}

pub(crate) use {declare_rule, or_default};

#[cfg(test)]
mod tests {
    use crate::finding::Severity;

    declare_rule! {
        EXAMPLE_RULE {
            code: "example-rule",
            error: "EXAMPLE",
            severity: Warning,
            since: crate::catalog::model::V5_1,
            summary: "s",
            doc: "d",
        }
    }

    #[test]
    fn optional_fields_default_and_given_fields_stick() {
        assert_eq!(EXAMPLE_RULE.severity, Severity::Warning);
        assert_eq!(EXAMPLE_RULE.error_type, crate::finding::FLOW_JSON_ERROR);
        assert_eq!(EXAMPLE_RULE.since, Some(crate::catalog::model::V5_1));
        assert_eq!(EXAMPLE_RULE.until, None);
        assert!(EXAMPLE_RULE.source.ends_with("rule.rs"));
        assert_eq!(EXAMPLE_RULE.ident, "EXAMPLE_RULE");
        assert!(!EXAMPLE_RULE.applies_to(crate::catalog::model::V5_0));
        assert!(EXAMPLE_RULE.applies_to(crate::catalog::model::V5_1));
    }
}
