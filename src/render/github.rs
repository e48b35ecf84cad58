//! `--format github`: GitHub Actions workflow commands, one line per finding, so findings
//! show as annotations on the pull request's changed files.

use waflow::Severity;

use super::{Checked, Renderer};

pub(crate) struct Github;

/// Escaping of a command's message (data).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a property value: data escaping plus `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Renderer for Github {
    fn render(&self, checked: &[Checked]) -> Vec<u8> {
        let mut out = String::new();
        for c in checked {
            for f in c.report.in_order() {
                let command = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                let code = f.rule.unwrap_or(&f.error);
                let mut props = vec![format!("file={}", property(&c.name))];
                if let Some(p) = f.pointers.first().filter(|p| p.line_start > 0) {
                    props.push(format!("line={}", p.line_start));
                    props.push(format!("col={}", p.column_start));
                    props.push(format!("endLine={}", p.line_end));
                    props.push(format!("endColumn={}", p.column_end));
                }
                props.push(format!(
                    "title={}",
                    property(&format!("{} ({code})", f.error))
                ));
                let mut message = f.message.clone();
                if let Some(help) = &f.help {
                    message.push_str(&format!("\nhelp: {help}"));
                }
                out.push_str(&format!(
                    "::{command} {}::{}\n",
                    props.join(","),
                    data(&message)
                ));
            }
        }
        out.into_bytes()
    }
}
