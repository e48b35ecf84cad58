//! `--format human`: a code frame per finding, with Meta's code, the rule code and help.
//!
//! codespan-reporting draws the frames: it is data-first (we hand it ranges and strings,
//! it owns no error model of ours), small, and maintained. Positions in the frame header
//! are codespan's (characters); the Meta position (UTF-16 columns) is in a note, so the
//! numbers match what Meta and `--format json` report. Each frame is drawn from an
//! excerpt (`excerpt.rs`: the labelled lines only, long lines cut to windows) with at
//! most `MAX_LABELS` places, so a minified flow's one line is not reprinted per finding.

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity};
use codespan_reporting::term::{self, termcolor};
use rayon::prelude::*;
use waflow::{Finding, Pointer};

use super::excerpt::{ceil_boundary, floor_boundary, Excerpt, Lines};
use super::{Checked, Renderer};
use crate::terminal::escape;

/// At most this many places are drawn in one frame; a note counts the rest (the JSON
/// formats list every one).
const MAX_LABELS: usize = 10;

/// Code frames and a summary line (the `check` output).
pub(crate) struct Human {
    pub color: bool,
    /// The closing "Checked N files: ..." line (`--quiet` leaves it out).
    pub summary: bool,
}

impl Renderer for Human {
    fn render(&self, checked: &[Checked]) -> Vec<u8> {
        let mut out = frames(checked, self.color);
        if self.summary {
            out.extend_from_slice(summary(checked, 0).as_bytes());
        }
        out
    }

    fn prepare(&self, c: &mut Checked) {
        c.frames = Some(render_file(c, self.color));
        c.bytes = Vec::new();
    }
}

/// The code frames alone, for commands that write their own summary: those `prepare`
/// drew, and the rest drawn now.
pub(crate) fn frames(checked: &[Checked], color: bool) -> Vec<u8> {
    let draw = |c: &Checked| c.frames.is_none().then(|| render_file(c, color));
    let drawn: Vec<Option<Vec<u8>>> = if checked.iter().filter(|c| c.frames.is_none()).count() > 1 {
        checked.par_iter().map(draw).collect()
    } else {
        checked.iter().map(draw).collect()
    };
    let parts = || {
        checked
            .iter()
            .zip(&drawn)
            .map(|(c, d)| d.as_deref().or(c.frames.as_deref()).unwrap_or_default())
    };
    let mut out = Vec::with_capacity(parts().map(<[u8]>::len).sum());
    parts().for_each(|p| out.extend_from_slice(p));
    out
}

fn render_file(c: &Checked, color: bool) -> Vec<u8> {
    // A clean file draws nothing; decoding it for the frames would be a pass over the
    // whole text (8 ms of a 10 MB file's 85) for no output.
    if c.report.errors().is_empty() && c.report.warnings().is_empty() {
        return Vec::new();
    }
    let mut buf = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    // Invalid UTF-8 is shown with replacement characters; offsets before the first bad
    // byte (the only ones such a finding has) are unchanged.
    let text = String::from_utf8_lossy(&c.bytes);
    let lines = Lines::new(&text);
    let findings = || {
        c.report.in_order().map(|f| match f.severity {
            waflow::Severity::Error => (f, Severity::Error),
            waflow::Severity::Warning => (f, Severity::Warning),
        })
    };
    // Where `label` starts each drawn place.
    let long_columns = lines.long_line_columns(findings().flat_map(|(f, _)| {
        f.pointers.iter().take(MAX_LABELS).filter_map(|p| {
            p.shown_span()
                .map(|s| floor_boundary(&text, s.start as usize))
        })
    }));
    let config = term::Config::default();
    let name = escape(&c.name);
    for (finding, severity) in findings() {
        let mut diagnostic = diagnostic(finding, severity, &name, &text);
        let ranges: Vec<_> = diagnostic.labels.iter().map(|l| l.range.clone()).collect();
        let (excerpt, moved) = Excerpt::new(&name, &lines, &long_columns, &ranges);
        for (label, range) in diagnostic.labels.iter_mut().zip(moved) {
            label.range = range;
        }
        // Rendering into a memory buffer fails only on a bad range, which `label` and
        // the excerpt rule out.
        let _ = term::emit_to_write_style(&mut buf, &config, &excerpt, &diagnostic);
    }
    buf.into_inner()
}

/// One finding as a codespan diagnostic. Every string from the flow or a server (message,
/// path, help, a server's code) is escaped for the terminal: a message quotes the flow's
/// keys and values, decoded, so `"\u001b]0;x\u0007"` in a key is a raw ESC here.
fn diagnostic(f: &Finding, severity: Severity, name: &str, text: &str) -> Diagnostic<()> {
    let code = match f.rule {
        Some(rule) => format!("{}/{rule}", escape(&f.error)),
        None => escape(&f.error).into_owned(),
    };
    let mut d = Diagnostic::new(severity).with_code(code);
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    // Not UTF-8: the text is not the file's (bad bytes became U+FFFD), and a binary file
    // would have its bytes echoed; the message and the position say where.
    let frame = f.rule != Some("invalid-utf8");
    for (i, p) in f.pointers.iter().enumerate().take(MAX_LABELS) {
        if let Some(label) = label(p, i == 0, text).filter(|_| frame) {
            labels.push(label);
        }
    }
    let message = escape(&f.message);
    d = if labels.is_empty() {
        d.with_message(format!("{name}: {message}"))
    } else {
        d.with_message(message)
    };
    if let Some(first) = f.pointers.first() {
        let path = if first.path.is_empty() {
            "(document root)".into()
        } else {
            escape(&first.path)
        };
        notes.push(format!("at {path}: {} (Meta's position)", place(first)));
    }
    if let Some(more) = f.pointers.len().checked_sub(MAX_LABELS).filter(|&n| n > 0) {
        let places = if more == 1 { "place" } else { "places" };
        notes.push(format!(
            "and {more} more {places} (`--format json` lists every place)"
        ));
    }
    if let Some(help) = &f.help {
        notes.push(format!("help: {}", escape(help)));
    }
    for fix in &f.fixes {
        let how = match fix.applicability {
            waflow::fix::Applicability::Safe => "safe: `waflow check --fix`",
            waflow::fix::Applicability::Unsafe => "unsafe: `--fix --unsafe-fixes`, review it",
        };
        notes.push(format!("fix: {} ({how})", escape(&fix.title)));
    }
    if let Some(rule) = f.rule {
        notes.push(format!(
            "docs: {} (or `waflow explain {rule}`)",
            waflow::rule_doc_url(rule)
        ));
    }
    d.with_labels(labels).with_notes(notes)
}

/// Meta's position of a pointer in words; a span over several lines names both lines.
fn place(p: &Pointer) -> String {
    if p.line_end > p.line_start {
        format!(
            "from line {}, column {} to line {}, column {}",
            p.line_start, p.column_start, p.line_end, p.column_end
        )
    } else {
        format!(
            "line {}, columns {}-{}",
            p.line_start, p.column_start, p.column_end
        )
    }
}

/// A label for a pointer, drawn at its finer place when it has one (the reference inside
/// a string; the note beside it keeps Meta's position). A span over several lines (a
/// whole object or array) is shown by its first character, so a missing property does
/// not reprint the entire flow.
fn label(p: &Pointer, primary: bool, text: &str) -> Option<Label<()>> {
    let span = p.shown_span()?;
    let start = floor_boundary(text, span.start as usize);
    let mut end = ceil_boundary(text, (span.end as usize).max(start));
    let (line_start, _, line_end, _) = p.shown();
    let message = if line_end > line_start {
        end = ceil_boundary(text, start + 1);
        // The span starts on the value's first character, so it tells what it is.
        let what = match text.as_bytes().get(start) {
            Some(b'[') => "this array",
            Some(b'{') => "this object",
            _ => "this value",
        };
        format!("{what}, lines {line_start}-{line_end}")
    } else if primary {
        String::new()
    } else {
        "also here".to_owned()
    };
    let label = if primary {
        Label::primary((), start..end)
    } else {
        Label::secondary((), start..end)
    };
    Some(label.with_message(message))
}

/// The closing line. `unreadable` files (missing, refused, unreadable) are counted in it,
/// and "no problems found" is said only when every file was checked: a run that could
/// not read a file has not found that there are no problems.
pub(crate) fn summary(checked: &[Checked], unreadable: usize) -> String {
    let errors: usize = checked.iter().map(|c| c.report.errors().len()).sum();
    let warnings: usize = checked.iter().map(|c| c.report.warnings().len()).sum();
    let failing = checked.iter().filter(|c| !c.report.is_valid()).count();
    let files = plural(checked.len(), "file");
    let unread = match unreadable {
        0 => String::new(),
        1 => "; 1 file could not be read".to_owned(),
        n => format!("; {n} files could not be read"),
    };
    if errors == 0 && warnings == 0 {
        return match (checked.len(), unreadable) {
            (_, 0) if checked.is_empty() => "Checked 0 files.\n".to_owned(),
            (_, 0) => format!("Checked {files}: no problems found.\n"),
            (0, _) => format!("Checked 0 files{unread}.\n"),
            _ => format!("Checked {files} (no errors or warnings){unread}.\n"),
        };
    }
    format!(
        "Checked {files}: {}, {} ({} with errors){unread}.\n{}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(failing, "file"),
        fixable(checked)
    )
}

/// "3 fixable with `waflow check --fix` (2 more with `--unsafe-fixes`).", as ruff says it,
/// or nothing when no finding proposes a fix.
fn fixable(checked: &[Checked]) -> String {
    use waflow::fix::Applicability::Safe;
    let findings = || checked.iter().flat_map(|c| c.report.in_order());
    let safe = findings()
        .filter(|f| f.fixes.iter().any(|x| x.applicability == Safe))
        .count();
    let unsafe_only = findings()
        .filter(|f| !f.fixes.is_empty() && f.fixes.iter().all(|x| x.applicability != Safe))
        .count();
    match (safe, unsafe_only) {
        (0, 0) => String::new(),
        (0, u) => format!("{u} fixable with `waflow check --fix --unsafe-fixes` (review them).\n"),
        (s, 0) => format!("{s} fixable with `waflow check --fix`.\n"),
        (s, u) => {
            format!("{s} fixable with `waflow check --fix` ({u} more with `--unsafe-fixes`).\n")
        }
    }
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(text: &str) -> Checked {
        let bytes = text.as_bytes().to_vec();
        let report = waflow::validate(text);
        Checked::new("f.json".into(), bytes, report)
    }

    fn human(text: &str) -> String {
        let human = Human {
            color: false,
            summary: false,
        };
        String::from_utf8(human.render(&[checked(text)])).unwrap_or_default()
    }

    #[test]
    fn a_multi_line_array_is_called_an_array_and_located_by_both_lines() {
        let out = human("{\n  \"version\": \"7.3\",\n  \"screens\": [\n  ]\n}\n");
        assert!(out.contains("^ this array, lines 3-4"), "{out}");
        assert!(
            out.contains("at screens: from line 3, column 14 to line 4, column 3"),
            "{out}"
        );
        let out = human("{\n  \"version\": \"7.3\",\n  \"screens\": [{\"id\": \"A\",\n \"terminal\": true}]\n}\n");
        assert!(out.contains("^ this object, lines 3-4"), "{out}");
    }

    #[test]
    fn frames_follow_the_file_top_to_bottom_errors_and_warnings_together() {
        // A heading over the display limit (a warning) on line 3, an undeclared data
        // reference (an error) on line 4: errors used to be drawn first.
        let heading = "H".repeat(81);
        let text = format!(
            "{{\"version\": \"7.3\", \"screens\": [{{\"id\": \"A\", \"title\": \"A\", \"terminal\": true,\n \"layout\": {{\"type\": \"SingleColumnLayout\", \"children\": [\n{{\"type\": \"TextHeading\", \"text\": \"{heading}\"}},\n{{\"type\": \"TextBody\", \"text\": \"${{data.missing}}\"}},\n{{\"type\": \"Footer\", \"label\": \"Done\", \"on-click-action\": {{\"name\": \"complete\", \"payload\": {{}}}}}}]}}}}]}}\n"
        );
        let text = text.as_str();
        let report = waflow::validate(text);
        let lines: Vec<u32> = report
            .in_order()
            .filter_map(|f| f.pointers.first().map(|p| p.line_start))
            .collect();
        assert_eq!(lines, [3, 4], "{report:?}");
        let out = human(text);
        let drawn: Vec<usize> = out
            .lines()
            .filter_map(|l| l.split_once("f.json:").map(|(_, at)| at))
            .filter_map(|at| at.split(':').next()?.parse().ok())
            .collect();
        assert_eq!(drawn, [3, 4], "{out}");
    }

    #[test]
    fn prepared_files_keep_their_frames_and_let_the_text_go() {
        let text = "{\n  \"version\": \"7.3\",\n  \"screens\": [1]\n}\n";
        let human = Human {
            color: false,
            summary: true,
        };
        let whole = human.render(&[checked(text), checked(text)]);
        let mut prepared = [checked(text), checked(text)];
        for c in &mut prepared {
            human.prepare(c);
            assert!(c.bytes.is_empty(), "prepare kept the text");
        }
        let frame = String::from_utf8_lossy(prepared[0].frames.as_deref().unwrap_or_default());
        assert!(frame.contains("\"screens\": [1]"), "no code frame: {frame}");
        assert_eq!(human.render(&prepared), whole);
    }
}
