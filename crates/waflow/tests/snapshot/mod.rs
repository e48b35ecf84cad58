//! What the testdata harnesses share: a report as the snapshot text committed beside its
//! input.

use serde_json::{json, Value};

/// A report's findings, errors then warnings, as pretty JSON: what a `.snap` holds.
pub fn snapshot(report: &waflow::Report) -> String {
    let findings: Vec<Value> = report
        .errors()
        .iter()
        .chain(report.warnings())
        .map(|f| {
            json!({
                "severity": f.severity.as_str(),
                "rule": f.rule,
                "error": f.error,
                "errorType": f.error_type,
                "message": f.message,
                "help": f.help,
                "pointers": f.pointers.iter().map(|p| {
                    let mut at = json!({
                        "lineStart": p.line_start,
                        "lineEnd": p.line_end,
                        "columnStart": p.column_start,
                        "columnEnd": p.column_end,
                        "path": p.path,
                    });
                    // The finer place shown to people, inside Meta's token.
                    if let Some(focus) = &p.focus {
                        at["focus"] = json!({
                            "lineStart": focus.line_start,
                            "lineEnd": focus.line_end,
                            "columnStart": focus.column_start,
                            "columnEnd": focus.column_end,
                        });
                    }
                    at
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&findings).expect("serializable");
    text.push('\n');
    text
}
