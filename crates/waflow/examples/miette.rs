//! waflow's findings rendered by miette's own handler (feature `miette`).
//!
//! `cargo run -p waflow --features miette --example miette [flow.json]`: validates the
//! file (or a small faulty flow) and prints the report as miette draws it, on stderr.
//! Exits 1 when the flow has errors.

#![allow(clippy::print_stderr)]

use std::io::Write;

/// A flow Meta would refuse (a data reference that names no data: the label sits on the
/// reference inside the string) with a text WhatsApp would cut (a warning).
const FLOW: &str = r#"{
  "version": "7.3",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Welcome",
      "terminal": true,
      "data": {
        "name": { "type": "string", "__example__": "Ada" }
      },
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          {
            "type": "TextHeading",
            "text": "Welcome to the booking assistant of the Grand Hotel, where every guest is a friend"
          },
          {
            "type": "TextBody",
            "text": "`'Hello ' ${data.nmae}`"
          },
          {
            "type": "Footer",
            "label": "Done",
            "on-click-action": { "name": "complete", "payload": {} }
          }
        ]
      }
    }
  ]
}
"#;

fn main() -> std::process::ExitCode {
    let (name, bytes) = match std::env::args().nth(1) {
        Some(path) => match std::fs::read(&path) {
            Ok(bytes) => (path, bytes),
            Err(e) => {
                eprintln!("{path}: {e}");
                return std::process::ExitCode::from(2);
            }
        },
        None => ("flow.json".to_owned(), FLOW.as_bytes().to_vec()),
    };
    // Bytes, so a file that is not UTF-8 is a finding; its lossy copy keeps the place of
    // the first bad byte, where that finding points.
    let report = waflow::validate_bytes(&bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let valid = report.is_valid();
    // The report with its text, as one diagnostic; `{:?}` draws it with the installed
    // handler (miette's graphical one, with its "fancy" features), on stderr as a
    // program's diagnostics go.
    let diagnostic = miette::Report::new(waflow::ReportDiagnostic::new(report, name, text));
    let _ = writeln!(std::io::stderr(), "{diagnostic:?}");
    if valid {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
