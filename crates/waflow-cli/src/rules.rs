//! `waflow rules` and `waflow explain CODE`: both read the library's rule registry, so
//! the list, the docs and the codes findings carry are one table.

use std::io::Write;
use std::process::ExitCode;

use waflow::rules::{all, by_code, RuleMeta};

#[derive(clap::Args)]
pub(crate) struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListFormat {
    /// One line per rule: code, Meta code, versions, summary
    Human,
    /// A JSON array of rules with every field, docs included
    Json,
}

#[derive(clap::Args)]
pub(crate) struct ExplainArgs {
    /// A rule code, e.g. duplicate-screen-id
    #[arg(value_name = "CODE")]
    pub code: String,
}

/// "all", "4.0+", "up to 3.1" or "4.0-6.3".
pub(crate) fn versions(r: &RuleMeta) -> String {
    match (r.since, r.until) {
        (None, None) => "all".into(),
        (Some(s), None) => format!("{s}+"),
        (None, Some(u)) => format!("up to {u}"),
        (Some(s), Some(u)) => format!("{s}-{u}"),
    }
}

pub(crate) fn run_list(args: &RulesArgs) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let text = match args.format {
        ListFormat::Human => {
            let width = all().iter().map(|r| r.code.len()).max().unwrap_or(0);
            let meta = all().iter().map(|r| r.error.len()).max().unwrap_or(0);
            let mut s = String::new();
            for r in all() {
                let sev = if r.severity == waflow::Severity::Warning {
                    " (warning)"
                } else {
                    ""
                };
                s.push_str(&format!(
                    "{:width$}  {:meta$}  {:9}  {}{sev}\n",
                    r.code,
                    r.error,
                    versions(r),
                    r.summary
                ));
            }
            s.push_str(&format!(
                "\n{} rules. `waflow explain CODE` prints a rule's documentation.\n",
                all().len()
            ));
            s
        }
        ListFormat::Json => {
            let rules: Vec<serde_json::Value> = all()
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "error": r.error,
                        "errorType": r.error_type,
                        "severity": r.severity.as_str(),
                        "since": r.since.map(|v| v.to_string()),
                        "until": r.until.map(|v| v.to_string()),
                        "summary": r.summary,
                        "doc": r.doc,
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&rules).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    finish(out.write_all(text.as_bytes()))
}

pub(crate) fn run_explain(args: &ExplainArgs) -> ExitCode {
    let Some(r) = by_code(args.code.trim()) else {
        let near: Vec<&str> = all()
            .iter()
            .map(|r| r.code)
            .filter(|c| c.contains(args.code.as_str()) || args.code.contains(*c))
            .take(5)
            .collect();
        let hint = if near.is_empty() {
            "run `waflow rules` to list every rule".to_string()
        } else {
            format!("did you mean {}?", near.join(", "))
        };
        crate::print_error(&format!("no rule called {:?}; {hint}", args.code));
        return ExitCode::from(2);
    };
    let text = explain_text(r);
    finish(std::io::stdout().lock().write_all(text.as_bytes()))
}

/// A rule's documentation as plain text.
pub(crate) fn explain_text(r: &RuleMeta) -> String {
    let mut s = format!("{}\n\n{}\n\n", r.code, r.summary);
    s.push_str(&format!("Meta error:  {} ({})\n", r.error, r.error_type));
    s.push_str(&format!("Severity:    {}\n", r.severity.as_str()));
    s.push_str(&format!("Versions:    {}\n\n", versions(r)));
    s.push_str(&wrap(r.doc, 88));
    s.push('\n');
    s
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn finish(r: std::io::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`waflow rules | head`) is not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            crate::print_error(&format!("could not write: {e}"));
            ExitCode::from(2)
        }
    }
}
