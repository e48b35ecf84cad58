//! The result of validating one document.

use crate::catalog::FlowVersion;
use crate::finding::{self, Finding, Severity, Spelled, Spelling};

/// Errors (what Meta would reject) and warnings (what waflow advises), merged as Meta
/// merges them: one finding per code and message, with every location as a pointer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
    version: Option<FlowVersion>,
}

impl Report {
    pub(crate) fn new(findings: Vec<Finding>, version: Option<FlowVersion>) -> Self {
        let (errors, warnings) = by_severity(finding::merge(findings));
        Report {
            errors,
            warnings,
            version,
        }
    }

    /// Keeps at most `max` findings, errors first, and adds `note(dropped, max)` when any
    /// were dropped.
    /// The report cut to `max` findings, errors first, with `note` saying how many were
    /// left out: those cut here and the `uncollected` the stages never kept.
    pub(crate) fn capped(
        mut self,
        max: usize,
        uncollected: usize,
        note: impl FnOnce(usize, usize) -> Finding,
    ) -> Self {
        let total = self.errors.len() + self.warnings.len();
        if total <= max && uncollected == 0 {
            return self;
        }
        self.errors.truncate(max);
        self.warnings.truncate(max - self.errors.len());
        self.warnings
            .push(note(total.saturating_sub(max) + uncollected, max));
        self
    }

    /// A report of findings from elsewhere (a server's `validationErrors`), kept as given:
    /// errors and warnings by their severity, not merged.
    pub fn from_findings(findings: Vec<Finding>) -> Self {
        let (errors, warnings) = by_severity(findings);
        Report {
            errors,
            warnings,
            version: None,
        }
    }

    /// The report with each finding passed through `f`, which may change it (a
    /// configured severity) or drop it (`None`: a rule turned off, a suppression).
    pub fn map(self, mut f: impl FnMut(Finding) -> Option<Finding>) -> Report {
        let (errors, warnings) = self
            .errors
            .into_iter()
            .chain(self.warnings)
            .filter_map(&mut f)
            .partition(|f| f.severity == Severity::Error);
        Report {
            errors,
            warnings,
            version: self.version,
        }
    }

    /// True when Meta would accept the flow: no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// What Meta would put in `validationErrors`, in document order of discovery.
    pub fn errors(&self) -> &[Finding] {
        &self.errors
    }

    /// Things Meta accepts but that are probably wrong; never part of `validationErrors`.
    pub fn warnings(&self) -> &[Finding] {
        &self.warnings
    }

    /// The Flow JSON version the flow was judged by, when it declared a usable one.
    pub fn version(&self) -> Option<FlowVersion> {
        self.version
    }

    /// `{"validationErrors":[...],"warnings":[...]}` (or `validation_errors`), compact.
    pub fn to_json(&self, spelling: Spelling) -> String {
        let mut out = String::from("{\"");
        out.push_str(spelling.errors_key());
        out.push_str("\":");
        out.push_str(&list_json(&self.errors, spelling));
        out.push_str(",\"warnings\":");
        out.push_str(&list_json(&self.warnings, spelling));
        out.push('}');
        out
    }
}

/// Errors and warnings apart, each in its order. A list of one severity (thousands of
/// errors, say) is handed over as it is, not moved finding by finding.
fn by_severity(findings: Vec<Finding>) -> (Vec<Finding>, Vec<Finding>) {
    let is_error = |f: &Finding| f.severity == Severity::Error;
    if findings.iter().all(is_error) {
        (findings, Vec::new())
    } else if !findings.iter().any(is_error) {
        (Vec::new(), findings)
    } else {
        findings.into_iter().partition(is_error)
    }
}

fn list_json(findings: &[Finding], spelling: Spelling) -> String {
    // Serializing strings and integers into a String cannot fail.
    serde_json::to_string(&Spelled(findings, spelling)).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn report_is_send_and_sync() {
        assert_send_sync::<super::Report>();
        assert_send_sync::<crate::Options>();
    }
}
