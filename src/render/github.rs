//! `--format github`: GitHub Actions workflow commands, one line per finding, so findings
//! show as annotations on the pull request's changed files.

use waflow::Severity;

use super::{Checked, Renderer};

pub(crate) struct Github;

/// Escaping of a command's message (data), as GitHub documents it for workflow commands
/// and as `@actions/core` does: `%`, CR and LF. The runner turns these back into the exact
/// text; other characters pass as they are (GitHub's log viewer is not a terminal).
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
                // The annotation goes where a person should look: the finer place
                // inside Meta's token when there is one.
                if let Some(p) = f.pointers.first().filter(|p| p.line_start > 0) {
                    let (line, col, end_line, end_col) = p.shown();
                    props.push(format!("line={line}"));
                    props.push(format!("col={col}"));
                    props.push(format!("endLine={end_line}"));
                    props.push(format!("endColumn={end_col}"));
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

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn data_and_properties_are_escaped_as_github_documents() {
        assert_eq!(data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
