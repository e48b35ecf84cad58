//! A library `Report` as LSP diagnostics.
//!
//! One diagnostic per place. Meta merges faults with one code and message into one
//! finding with several pointers; an editor that drew only the first place would hide
//! the others (both screens of a duplicated id, every Footer of a screen), so each place
//! gets its own diagnostic and names the others in `relatedInformation`.
//!
//! The range is the finer place (`Pointer.focus`) when the library has one: Meta points
//! at whole key or value tokens (a 200-character `text` for one wrong `${data.x}` in it),
//! while an author wants the squiggle under the fault itself. Meta's own place stays in
//! `data.meta` (Meta's 1-based, inclusive, UTF-16 numbers, as the CLI's json format
//! prints them), with Meta's code, errorType and path, so nothing of Meta's shape is lost.

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Range, Uri,
};
use waflow::{Finding, Pointer, Report, Severity};

use super::text::{Encoding, LineIndex};

/// At most this many other places are listed on each diagnostic of a merged finding:
/// 10,000 places each naming the other 9,999 would be a hundred million entries.
const MAX_RELATED: usize = 20;

pub(crate) struct Source<'a> {
    pub uri: &'a Uri,
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub enc: Encoding,
}

impl Source<'_> {
    /// Where a pointer is shown: its focus, else its token, else Meta's line and column
    /// (findings from a server carry no byte span).
    pub fn range(&self, p: &Pointer) -> Range {
        match p.shown_span() {
            Some(span) => {
                self.index
                    .range(self.text, span.start as usize, span.end as usize, self.enc)
            }
            None => {
                let line = p.line_start.saturating_sub(1);
                let start = p.column_start.saturating_sub(1);
                let end_line = p.line_end.saturating_sub(1);
                Range::new(
                    lsp_types::Position::new(line, start),
                    lsp_types::Position::new(end_line, p.column_end),
                )
            }
        }
    }
}

/// The diagnostics of a report, in document order.
pub(crate) fn diagnostics(report: &Report, src: &Source<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in report.in_order() {
        let ranges: Vec<Range> = f.pointers.iter().map(|p| src.range(p)).collect();
        if f.pointers.is_empty() {
            // A finding about the whole document (its size, the findings cap).
            out.push(diagnostic(f, None, Range::default(), Vec::new()));
            continue;
        }
        for (i, p) in f.pointers.iter().enumerate() {
            let related = if ranges.len() > 1 {
                ranges
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .take(MAX_RELATED)
                    .map(|(j, r)| DiagnosticRelatedInformation {
                        location: Location::new(src.uri.clone(), *r),
                        message: format!(
                            "the same finding, at {}",
                            if f.pointers[j].path.is_empty() {
                                "the document"
                            } else {
                                f.pointers[j].path.as_str()
                            }
                        ),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            out.push(diagnostic(f, Some(p), ranges[i], related));
        }
    }
    out
}

fn diagnostic(
    f: &Finding,
    p: Option<&Pointer>,
    range: Range,
    related: Vec<DiagnosticRelatedInformation>,
) -> Diagnostic {
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push('\n');
        message.push_str(help);
    }
    let meta = p.map(|p| {
        serde_json::json!({
            "lineStart": p.line_start, "lineEnd": p.line_end,
            "columnStart": p.column_start, "columnEnd": p.column_end,
        })
    });
    Diagnostic {
        range,
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: f.rule.map(|r| NumberOrString::String(r.to_owned())),
        code_description: f.rule.and_then(|r| {
            waflow::rule_doc_url(r)
                .parse::<Uri>()
                .ok()
                .map(|href| CodeDescription { href })
        }),
        source: Some("waflow".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({
            "error": f.error,
            "errorType": f.error_type,
            "path": p.map(|p| p.path.as_str()).unwrap_or(""),
            "meta": meta,
        })),
    }
}
