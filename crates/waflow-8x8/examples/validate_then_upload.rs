//! Validate a Flow JSON file and upload it to a draft flow on 8x8 only when Meta would
//! accept it.
//!
//! ```sh
//! export WAFLOW_8X8_API_KEY=... WAFLOW_8X8_ACCOUNT_ID=... WAFLOW_8X8_CHANNEL_ID=...
//! cargo run -p waflow-8x8 --example validate_then_upload -- flow.json 1145805540595505
//! ```

use std::process::ExitCode;

use waflow_8x8::{AccountId, ApiKey, Client, UpdateFlow};

#[allow(clippy::print_stdout, clippy::print_stderr)]
fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(flow_id)) = (args.next(), args.next()) else {
        eprintln!("usage: validate_then_upload FLOW.json FLOW_ID");
        return Ok(ExitCode::from(2));
    };
    let text = std::fs::read_to_string(&path)?;

    let report = waflow::validate(&text);
    if !report.is_valid() {
        for e in report.errors() {
            let (line, column, _, _) = e.position();
            eprintln!("{path}:{line}:{column}: {} {}", e.error, e.message);
        }
        eprintln!("not uploading: fix the errors first");
        return Ok(ExitCode::from(1));
    }

    let client = Client::new(
        AccountId::new(std::env::var("WAFLOW_8X8_ACCOUNT_ID")?)?,
        std::env::var("WAFLOW_8X8_CHANNEL_ID")?,
        ApiKey::new(std::env::var("WAFLOW_8X8_API_KEY")?)?,
    )?;
    let update = UpdateFlow {
        // The text as it is on disk, so the server's positions point into this file.
        flow_json: Some(text),
        ..UpdateFlow::default()
    };
    let answer = client.update_flow(&flow_id, &update)?;
    // Server findings are waflow findings: one type for both.
    for e in &answer.validation_errors {
        let (line, column, _, _) = e.position();
        eprintln!(
            "{path}:{line}:{column}: {} {} (from Meta)",
            e.error, e.message
        );
    }
    if answer.accepted() {
        println!("uploaded {path} to flow {}", answer.id);
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}
