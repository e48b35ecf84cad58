//! `--format junit`: JUnit XML for CI systems that show test reports. One test suite per
//! file; one failing test case per error, and a passing case for a file without errors, so
//! every checked file appears in the report. Warnings are test cases with `system-out`.

use std::fmt::Write;

use waflow::{Finding, Severity};

use super::{Checked, Renderer};

pub(crate) struct Junit;

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // As references: a parser turns raw ones in an attribute into spaces, and a
            // message must come through exact.
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            // XML 1.0 can't hold other control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn where_(f: &Finding) -> String {
    match f.pointers.first() {
        Some(p) if p.line_start > 0 => format!(
            "line {}, column {} ({})",
            p.line_start, p.column_start, p.path
        ),
        _ => "the document".into(),
    }
}

impl Renderer for Junit {
    fn render(&self, checked: &[Checked]) -> Vec<u8> {
        let errors: usize = checked.iter().map(|c| c.report.errors().len()).sum();
        let cases: usize = checked
            .iter()
            .map(|c| c.report.errors().len().max(1) + c.report.warnings().len())
            .sum();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"waflow\" tests=\"{cases}\" failures=\"{errors}\">"
        );
        for c in checked {
            let (errs, warns) = (c.report.errors(), c.report.warnings());
            let name = xml(&c.name);
            let _ = writeln!(
                out,
                "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{}\">",
                errs.len().max(1) + warns.len(),
                errs.len()
            );
            if errs.is_empty() {
                let _ = writeln!(
                    out,
                    "    <testcase name=\"no errors\" classname=\"{name}\"/>"
                );
            }
            // Test cases by position, so the report reads the file top to bottom.
            for f in c.report.in_order() {
                let code = f.rule.unwrap_or(&f.error);
                let _ = match f.severity {
                    Severity::Error => writeln!(
                        out,
                        "    <testcase name=\"{} at {}\" classname=\"{name}\">\n      <failure message=\"{}\" type=\"{}\">{}{}</failure>\n    </testcase>",
                        xml(code),
                        xml(&where_(f)),
                        xml(&f.message),
                        xml(&f.error),
                        xml(&f.message),
                        f.help.as_ref().map(|h| format!("\nhelp: {}", xml(h))).unwrap_or_default()
                    ),
                    Severity::Warning => writeln!(
                        out,
                        "    <testcase name=\"{} (warning) at {}\" classname=\"{name}\">\n      <system-out>{}</system-out>\n    </testcase>",
                        xml(code),
                        xml(&where_(f)),
                        xml(&f.message)
                    ),
                };
            }
            out.push_str("  </testsuite>\n");
        }
        out.push_str("</testsuites>\n");
        out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn markup_and_controls_are_escaped_and_line_breaks_kept_as_references() {
        assert_eq!(
            xml("<a href='x'>&\"\r\n\t\u{1b}]0;t\u{7}"),
            "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&#13;&#10;&#9;\u{FFFD}]0;t\u{FFFD}"
        );
    }
}
