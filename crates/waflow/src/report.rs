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
        let (mut errors, mut warnings) = by_severity(finding::merge(findings));
        by_position(&mut errors);
        by_position(&mut warnings);
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
    /// configured severity) or drop it (`None`: a rule turned off, a suppression). A
    /// finding that changes severity takes its place by position in its new list.
    pub fn map(self, mut f: impl FnMut(Finding) -> Option<Finding>) -> Report {
        let (mut errors, mut warnings): (Vec<Finding>, Vec<Finding>) = self
            .errors
            .into_iter()
            .chain(self.warnings)
            .filter_map(&mut f)
            .partition(|f| f.severity == Severity::Error);
        by_position(&mut errors);
        by_position(&mut warnings);
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

    /// What Meta would put in `validationErrors`, ordered by position (see
    /// [`Report::in_order`]).
    pub fn errors(&self) -> &[Finding] {
        &self.errors
    }

    /// Things Meta accepts but that are probably wrong; never part of `validationErrors`.
    /// Ordered by position.
    pub fn warnings(&self) -> &[Finding] {
        &self.warnings
    }

    /// Errors and warnings together, ordered by position: for outputs that list both in
    /// one sequence (a code frame per finding, annotations), so a file reads top to
    /// bottom. On the same position an error comes before a warning.
    pub fn in_order(&self) -> impl Iterator<Item = &Finding> {
        let (mut errors, mut warnings) = (
            self.errors.iter().peekable(),
            self.warnings.iter().peekable(),
        );
        std::iter::from_fn(move || match (errors.peek(), warnings.peek()) {
            (Some(e), Some(w)) if position_key(w) < position_key(e) => warnings.next(),
            (Some(_), _) => errors.next(),
            (None, _) => warnings.next(),
        })
    }

    /// How many errors each stage found: the document and version stages, the schema
    /// stage, the semantic rules. A stage's errors end the run, so a later stage's count
    /// is zero while an earlier one's is not; comparing these arrays (lexicographically)
    /// tells whether an edit brought the flow nearer to valid even when fixing one stage
    /// reveals errors of the next. Findings from a server count as semantic.
    pub fn errors_by_stage(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for f in &self.errors {
            let stage = f.rule.map_or(2, crate::registry::stage);
            counts[usize::from(stage)] += 1;
        }
        counts
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

    /// waflow's own list of the fixes the findings propose, written beside Meta's lists
    /// by the JSON formats (the CLI's `--format json|meta`, the npm package): one entry
    /// per fix, `{"finding": {"list", "index"}, "rule", "title", "applicability", "edits":
    /// [{"start", "end", "replacement"}]}`, where `finding` names the finding by its list
    /// (`spelling`'s errors key, or `warnings`) and position, and the edits are byte
    /// offsets in the validated text. Empty when no finding proposes a fix.
    pub fn fix_list(&self, spelling: Spelling) -> Vec<serde_json::Value> {
        let lists = [
            (spelling.errors_key(), &self.errors),
            ("warnings", &self.warnings),
        ];
        let mut out = Vec::new();
        for (list, findings) in lists {
            for (index, f) in findings.iter().enumerate() {
                for fix in &f.fixes {
                    let edits: Vec<serde_json::Value> = fix
                        .edits
                        .iter()
                        .map(|e| {
                            serde_json::json!({
                                "start": e.span.start,
                                "end": e.span.end,
                                "replacement": e.replacement,
                            })
                        })
                        .collect();
                    out.push(serde_json::json!({
                        "finding": {"list": list, "index": index},
                        "rule": f.rule,
                        "title": fix.title,
                        "applicability": fix.applicability.as_str(),
                        "edits": edits,
                    }));
                }
            }
        }
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

/// Where a finding sorts: by its first pointer's line, then column; findings without a
/// location (a size limit, the findings cap) after every located one.
fn position_key(f: &Finding) -> (bool, u32, u32) {
    match f.pointers.first() {
        Some(p) if p.line_start > 0 => (false, p.line_start, p.column_start),
        _ => (true, 0, 0),
    }
}

/// Orders findings by position. Why: rules run one after another (schema, then each
/// semantic rule), so discovery order jumps around the file; users read a file top to
/// bottom. The sort is stable and moves whole findings: the pointers Meta merged into
/// one finding keep their order, and so do findings at one position.
fn by_position(findings: &mut [Finding]) {
    if !findings.is_sorted_by_key(position_key) {
        findings.sort_by_key(position_key);
    }
}

fn list_json(findings: &[Finding], spelling: Spelling) -> String {
    // Serializing strings and integers into a String cannot fail.
    serde_json::to_string(&Spelled(findings, spelling)).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Pointer;

    fn at(message: &str, severity: Severity, places: &[(u32, u32)]) -> Finding {
        Finding {
            rule: Some("example"),
            error: "INVALID_PROPERTY_VALUE".into(),
            error_type: crate::finding::FLOW_JSON_ERROR.into(),
            message: message.into(),
            help: None,
            severity,
            fixes: Vec::new(),
            pointers: places
                .iter()
                .map(|&(line, column)| Pointer {
                    line_start: line,
                    line_end: line,
                    column_start: column,
                    column_end: column + 1,
                    ..Pointer::default()
                })
                .collect(),
        }
    }

    fn messages<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Vec<&'a str> {
        findings.into_iter().map(|f| f.message.as_str()).collect()
    }

    #[test]
    fn findings_are_ordered_by_position_and_merged_pointers_keep_their_order() {
        let report = Report::new(
            vec![
                at("late", Severity::Error, &[(9, 1)]),
                at("merged", Severity::Error, &[(5, 3)]),
                at("no location", Severity::Error, &[]),
                at("early", Severity::Error, &[(2, 7)]),
                at("merged", Severity::Error, &[(1, 1)]),
                at("same line, left", Severity::Error, &[(9, 0)]),
            ],
            None,
        );
        assert_eq!(
            messages(report.errors()),
            ["early", "merged", "same line, left", "late", "no location"]
        );
        let merged = &report.errors()[1];
        let lines: Vec<u32> = merged.pointers.iter().map(|p| p.line_start).collect();
        assert_eq!(lines, [5, 1], "Meta's merged pointers keep their order");
    }

    #[test]
    fn in_order_interleaves_errors_and_warnings_by_position() {
        let report = Report::new(
            vec![
                at("e9", Severity::Error, &[(9, 1)]),
                at("w4", Severity::Warning, &[(4, 1)]),
                at("e2", Severity::Error, &[(2, 1)]),
                at("w9", Severity::Warning, &[(9, 1)]),
            ],
            None,
        );
        assert_eq!(messages(report.in_order()), ["e2", "w4", "e9", "w9"]);
    }

    #[test]
    fn a_finding_moved_to_another_severity_takes_its_place_by_position() {
        let report = Report::new(
            vec![
                at("e2", Severity::Error, &[(2, 1)]),
                at("e8", Severity::Error, &[(8, 1)]),
                at("w5", Severity::Warning, &[(5, 1)]),
            ],
            None,
        )
        .map(|mut f| {
            f.severity = Severity::Error;
            Some(f)
        });
        assert_eq!(messages(report.errors()), ["e2", "w5", "e8"]);
    }

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn report_is_send_and_sync() {
        assert_send_sync::<Report>();
        assert_send_sync::<crate::Options>();
    }
}
