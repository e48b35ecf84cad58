//! [`miette::Diagnostic`] for findings and reports (feature `miette`).
//!
//! A program that reports its errors with [miette](https://docs.rs/miette) shows waflow's
//! findings with its own handler (graphical, narrated, JSON): each [`Finding`] is a
//! diagnostic with a code, a severity, help, the rule's documentation as its URL and one
//! label per place; a [`ReportDiagnostic`] is a whole [`Report`] with the validated text,
//! its findings as related diagnostics.
//!
//! A finding carries byte spans but not the text they point into; attach the text that
//! was validated when you render one (a [`FlowSource`] gives it a name, and reads the
//! lines around a label without counting lines from the start of the text):
//!
//! ```
//! let text = r#"{"version": 7.3}"#;
//! let report = waflow::validate(text);
//! let finding = report.errors()[0].clone();
//! let shown = miette::Report::new(finding).with_source_code(text.to_owned());
//! assert_eq!(shown.code().unwrap().to_string(), "INVALID_FLOW_JSON_VERSION/version-not-string");
//! assert_eq!(shown.labels().unwrap().next().unwrap().offset(), 12); // the `7.3`
//!
//! let named = waflow::FlowSource::new("flow.json", text);
//! let shown = miette::Report::new(report.errors()[0].clone()).with_source_code(named);
//! ```
//!
//! A whole report takes the text and a name for it (a file name) once, and every finding
//! it holds is rendered with it:
//!
//! ```
//! let text = r#"{"version": 7.3}"#;
//! let report = waflow::validate(text);
//! let shown = miette::Report::new(report.to_diagnostic("flow.json", text));
//! assert_eq!(shown.to_string(), "flow.json: 1 error");
//! assert_eq!(shown.related().unwrap().count(), 1);
//! ```
//!
//! Findings from a server (8x8's `validationErrors`) carry no spans: give them the
//! uploaded text's spans with [`crate::attach_spans`] first, or they are rendered without
//! a code frame.
//!
//! Messages, help and paths quote the flow's keys and values decoded, so a key written
//! `"\u001b]0;x\u0007"` would put a raw ESC on the terminal. What these diagnostics show
//! has control and bidirectional formatting characters written visibly (`\x1b`,
//! `\u{202e}`); the fields of [`Finding`] keep the text as it is. The source lines are
//! the program's own text and miette prints them as they are.

#![deny(missing_docs)]

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use miette::{Diagnostic, LabeledSpan, MietteSpanContents, SourceCode, SpanContents};

use crate::finding::{rule_doc_url, Finding, Pointer, Severity};
use crate::report::Report;

/// The finding's message (with control characters written visibly, see the module docs).
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(&self.message))
    }
}

impl std::error::Error for Finding {}

/// Render it with the validated text attached: `miette::Report::new(finding)
/// .with_source_code(text)` (see the [module docs](crate::diagnostic)).
impl Diagnostic for Finding {
    /// `META_CODE/rule`, e.g. `INVALID_PROPERTY_KEY/unknown-property`; Meta's code alone
    /// for a finding from a server. Why both, in this spelling: Meta's code is what the
    /// upload API answers and what Meta's documentation names, the rule code is what
    /// waflow.toml configures and `waflow explain` takes, and `waflow check` heads its
    /// findings with the same `META_CODE/rule`, so one finding reads alike in both.
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let code = match (self.error.as_ref(), self.rule) {
            ("", None) => return None,
            ("", Some(rule)) => Cow::Borrowed(rule),
            (error, None) => visible(error),
            (error, Some(rule)) => Cow::Owned(format!("{}/{rule}", visible(error))),
        };
        Some(Box::new(code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let help = self.help.as_deref()?;
        Some(Box::new(visible(help)))
    }

    /// The rule's section of docs/rules.md ([`rule_doc_url`]).
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(rule_doc_url(self.rule?)))
    }

    /// One label per place that has a byte span, in the finding's order, the first of
    /// them primary. A label marks the finer place when there is one (the reference inside
    /// a string, see [`crate::Focus`]), else Meta's token; its text is the place's path.
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let first = self
            .pointers
            .iter()
            .position(|p| p.shown_span().is_some())?;
        // Invalid UTF-8: the text a program holds is not the bytes that were judged (a
        // lossy copy has U+FFFD, three bytes, for each bad byte), so the label is a point
        // at the first bad byte, which is the same in both.
        let point = self.rule == Some(crate::document::INVALID_UTF8.code);
        Some(Box::new(
            self.pointers
                .iter()
                .enumerate()
                .skip(first)
                .filter_map(move |(i, p)| label(p, i == first, point)),
        ))
    }
}

/// A pointer's label, if it has a byte span.
fn label(p: &Pointer, primary: bool, point: bool) -> Option<LabeledSpan> {
    let span = p.shown_span()?;
    let start = span.start as usize;
    let path = if p.path.is_empty() {
        Cow::Borrowed("(document root)")
    } else {
        visible(&p.path)
    };
    let (line_start, _, line_end, _) = p.shown();
    let (len, text) = if point {
        (0, "the first byte that is not UTF-8".to_owned())
    } else if line_end > line_start {
        // An object or array over many lines (the object that lacks a property): marked
        // by its opening bracket, or a handler would print every line of it.
        (1, format!("{path}, lines {line_start}-{line_end}"))
    } else {
        (span.len(), path.into_owned())
    };
    let at = miette::SourceSpan::new(start.into(), len);
    Some(if primary {
        LabeledSpan::new_primary_with_span(Some(text), at)
    } else {
        LabeledSpan::new_with_span(Some(text), at)
    })
}

/// A validated text under a name (a file name), as miette's handlers read it: a
/// [`miette::SourceCode`] like `miette::NamedSource<String>`, with a line index.
///
/// Why not `NamedSource`: a handler reads the text around every label, and miette's
/// `String` source counts lines from the start of the text each time: a report of 10,000
/// findings in a 750 KB flow took 18 s to draw, 98% of it there (0.2 s with this one,
/// same output). This one
/// finds the lines around a span by binary search and reads only those (the same bytes,
/// lines and columns). Its `line_count` is the number of lines read, as miette documents
/// it, where miette's `String` counts every line from the start: a handler then joins
/// two labels of a finding into one code frame only when their lines meet, instead of
/// printing every line between a label on line 100 and one on line 190.
///
/// [`ReportDiagnostic`] uses one; attach one to a single finding with
/// `miette::Report::new(finding).with_source_code(FlowSource::new(name, text))`.
#[derive(Clone)]
pub struct FlowSource {
    name: String,
    text: String,
    /// The byte offset of each line's start, built on the first read. Lines break as
    /// miette breaks them: at LF, CR LF and a lone CR.
    lines: OnceLock<Vec<usize>>,
}

impl FlowSource {
    /// `text` under `name`. The text must be the one validated: labels are byte offsets
    /// into it. For bytes that are not UTF-8, pass `String::from_utf8_lossy(&bytes)`: the
    /// invalid-UTF-8 finding points at the first bad byte, which the lossy copy keeps in
    /// place.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        FlowSource {
            name: name.into(),
            text: text.into(),
            lines: OnceLock::new(),
        }
    }

    /// The name given to the text.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = vec![0];
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\n' => starts.push(i + 1),
                    b'\r' => {
                        if bytes.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                        starts.push(i + 1);
                    }
                    _ => {}
                }
                i += 1;
            }
            starts
        })
    }
}

/// The name and the text's length (not the text, which may be megabytes).
impl fmt::Debug for FlowSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlowSource")
            .field("name", &self.name)
            .field("bytes", &self.text.len())
            .finish()
    }
}

impl SourceCode for FlowSource {
    /// miette's own reading of a byte slice, given only the lines it needs: from
    /// `context_lines_before` lines above the span's first line to one line past the
    /// `context_lines_after` lines below its last.
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let bytes = self.text.as_bytes();
        let (offset, len) = (span.offset(), span.len());
        // Past the end: a label from another text. (miette's own reading accepts some
        // such spans and panics on others, an empty span past an empty text.)
        if offset.saturating_add(len) > bytes.len() {
            return Err(miette::MietteError::OutOfBounds);
        }
        let starts = self.line_starts();
        // The line holding a byte offset (line starts are sorted; the first is 0, so the
        // partition point is at least 1).
        let line_of = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
        // miette takes a span to end on its last byte, and an empty span on the byte
        // before it: the window holds that byte too.
        let end = offset.saturating_add(len).saturating_sub(1);
        let first = line_of(offset.min(end)).saturating_sub(context_lines_before);
        let last = line_of(offset.max(end));
        // starts[first] <= the start of the offset's line <= offset, and <= `to`.
        let from = starts[first];
        let to = starts
            .get(last.saturating_add(context_lines_after).saturating_add(2))
            .copied()
            .unwrap_or(bytes.len());
        let window = &bytes[from..to];
        let inner = window.read_span(
            &miette::SourceSpan::new((offset - from).into(), len),
            context_lines_before,
            context_lines_after,
        )?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            miette::SourceSpan::new((inner.span().offset() + from).into(), inner.span().len()),
            inner.line() + first,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// A whole [`Report`] as one diagnostic, with the text that was validated: its message
/// counts the errors and warnings, its source code is the named text, and every finding
/// is a related diagnostic, in the order of [`Report::in_order`] (top to bottom of the
/// file), rendered with that text.
///
/// ```
/// let text = "{\n  \"version\": 7.3\n}";
/// let diagnostic = waflow::validate(text).to_diagnostic("flow.json", text);
/// assert_eq!(diagnostic.to_string(), "flow.json: 1 error");
/// assert_eq!(miette::Diagnostic::related(&diagnostic).unwrap().count(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct ReportDiagnostic {
    report: Report,
    source: FlowSource,
}

impl ReportDiagnostic {
    /// The report with `text`, the document it judged, under `name` (a file name, shown
    /// above each code frame); see [`FlowSource::new`].
    pub fn new(report: Report, name: impl Into<String>, text: impl Into<String>) -> Self {
        ReportDiagnostic {
            report,
            source: FlowSource::new(name, text),
        }
    }

    /// The report.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The named text.
    pub fn source(&self) -> &FlowSource {
        &self.source
    }

    /// The report, given back.
    pub fn into_report(self) -> Report {
        self.report
    }
}

impl Report {
    /// This report as one [`miette::Diagnostic`] with `text`, the validated document,
    /// under `name`: see [`ReportDiagnostic`] (whose `new` takes the report without a
    /// copy).
    pub fn to_diagnostic(
        &self,
        name: impl Into<String>,
        text: impl Into<String>,
    ) -> ReportDiagnostic {
        ReportDiagnostic::new(self.clone(), name, text)
    }
}

/// `flow.json: 2 errors and 1 warning`, `flow.json: no errors or warnings`.
impl fmt::Display for ReportDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = visible(self.source.name());
        let (errors, warnings) = (self.report.errors().len(), self.report.warnings().len());
        match (errors, warnings) {
            (0, 0) => write!(f, "{name}: no errors or warnings"),
            (_, 0) => write!(f, "{name}: {}", plural(errors, "error")),
            (0, _) => write!(f, "{name}: {}", plural(warnings, "warning")),
            _ => write!(
                f,
                "{name}: {} and {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            ),
        }
    }
}

impl std::error::Error for ReportDiagnostic {}

impl Diagnostic for ReportDiagnostic {
    /// Error when the report has errors (Meta would refuse the flow), else warning when it
    /// has warnings, else advice.
    fn severity(&self) -> Option<miette::Severity> {
        Some(if !self.report.errors().is_empty() {
            miette::Severity::Error
        } else if !self.report.warnings().is_empty() {
            miette::Severity::Warning
        } else {
            miette::Severity::Advice
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    /// Every finding, errors and warnings by position. They carry no text of their own,
    /// so handlers render them with this diagnostic's.
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(
            self.report.in_order().map(|f| f as &dyn Diagnostic),
        ))
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `text` with control characters (C0, DEL, C1) and Unicode bidirectional formatting
/// characters written visibly: `\n`, `\r`, `\t`, `\x1b`, `\u{202e}`. Safe text is
/// borrowed. (The same set the CLI escapes before printing.)
fn visible(text: &str) -> Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        matches!(c,
            '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{061c}'
            | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of some texts (CR LF, lone CR, multi-byte characters, no final break,
    /// empty), with 0 to 2 context lines: the same bytes, span, line and column as
    /// miette's own reading of the whole text; a span past the end is refused.
    #[test]
    fn flow_source_reads_what_miettes_string_reads() {
        let texts = [
            "{\n  \"a\": 1,\r\n  \"b\": [\r\r\n 2]\n}\n",
            "é\n日本\n\nx",
            "one line",
            "\n\n\n",
            "",
        ];
        let mut compared = 0;
        for text in texts {
            let ours = FlowSource::new("f.json", text);
            let theirs = text.to_owned();
            for offset in 0..=text.len() {
                for len in 0..=(text.len() - offset) {
                    let span = miette::SourceSpan::new(offset.into(), len);
                    for before in 0..3 {
                        for after in 0..3 {
                            let what = format!("{text:?} {offset}+{len} {before}/{after}");
                            let a = ours.read_span(&span, before, after).expect(&what);
                            let b = theirs.read_span(&span, before, after).expect(&what);
                            assert_eq!(a.data(), b.data(), "{what}");
                            assert_eq!(a.span(), b.span(), "{what}");
                            assert_eq!(a.line(), b.line(), "{what}");
                            assert_eq!(a.column(), b.column(), "{what}");
                            assert_eq!(a.name(), Some("f.json"));
                            compared += 1;
                        }
                    }
                }
            }
            for span in [(text.len() + 1, 0), (text.len(), 1), (0, text.len() + 1)] {
                assert!(
                    ours.read_span(&span.into(), 1, 1).is_err(),
                    "{text:?} {span:?}"
                );
            }
        }
        assert!(compared > 5000, "{compared}");
    }

    /// `line_count` is the number of lines read, as miette documents it.
    #[test]
    fn line_count_is_the_lines_read() {
        let text = "a\nb\nc\nd\ne\nf\n";
        let source = FlowSource::new("f", text);
        // "c" with one line above and below: lines b, c, d.
        let read = source.read_span(&(4, 1).into(), 1, 1).unwrap();
        assert_eq!(read.data(), b"b\nc\nd\n");
        assert_eq!((read.line(), read.line_count()), (1, 3));
    }

    #[test]
    fn controls_and_bidi_overrides_are_written_visibly() {
        assert_eq!(
            visible("\r\u{1b}[2K\u{1b}]0;owned\u{7}ok\u{9b}\u{202e}"),
            "\\r\\x1b[2K\\x1b]0;owned\\x07ok\\u{9b}\\u{202e}"
        );
        assert!(matches!(visible("Héllo, ${data.x} 日本"), Cow::Borrowed(_)));
    }
}
