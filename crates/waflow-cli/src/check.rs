//! `waflow check`: read every input, validate in parallel, print in input order.

use std::io::{Read, Write};
use std::process::ExitCode;

use rayon::prelude::*;

use crate::inputs::{discover, Input};
use crate::render::{self, Checked};
use crate::{CheckArgs, Level};

/// The library's options for a frozen-version policy.
pub(crate) fn options(frozen: Level) -> waflow::Options {
    waflow::Options {
        frozen_version: match frozen {
            Level::Error => waflow::Severity::Error,
            Level::Warning => waflow::Severity::Warning,
        },
        ..waflow::Options::default()
    }
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let options = options(args.frozen_version);
    let (inputs, mut failures) = discover(&args.paths);

    // Stdin is read up front, on this thread; files are read by the workers.
    let stdin = if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        match read_capped(std::io::stdin().lock(), options.read_cap) {
            Ok(bytes) => Some(bytes),
            Err(err) => {
                failures.push(format!("<stdin>: {err}"));
                None
            }
        }
    } else {
        None
    };
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".into());

    let check_one = |input: &Input| -> Result<Checked, String> {
        let (name, bytes) = match input {
            Input::Stdin => match &stdin {
                Some(b) => (stdin_name.clone(), b.clone()),
                None => return Err(String::new()),
            },
            Input::File(path) => {
                let name = path.display().to_string();
                let bytes = std::fs::File::open(path)
                    .and_then(|f| read_capped(f, options.read_cap))
                    .map_err(|e| format!("{name}: {e}"))?;
                (name, bytes)
            }
        };
        // validate_reader applies the read cap and knows whether it cut the input.
        let report = waflow::validate_reader(bytes.as_slice(), &options)
            .map_err(|e| format!("{name}: {e}"))?;
        Ok(Checked::new(name, bytes, report))
    };
    // One file needs no thread pool: starting one costs more than checking it.
    let results: Vec<Result<Checked, String>> = if inputs.len() > 1 {
        inputs.par_iter().map(check_one).collect()
    } else {
        inputs.iter().map(check_one).collect()
    };

    let mut checked = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err(e) if e.is_empty() => {}
            Err(e) => failures.push(e),
        }
    }

    let out = render::machine(args.format, &checked)
        .unwrap_or_else(|| render::human::render(&checked, render::use_color(args.color)));
    let mut stdout = std::io::stdout().lock();
    let wrote = stdout.write_all(&out).and_then(|()| stdout.flush());
    let mut stderr = std::io::stderr().lock();
    for f in &failures {
        let _ = writeln!(stderr, "waflow: error: {f}");
    }
    if wrote.is_err() {
        // A closed pipe (`waflow check . | head`) is not worth a message, but it is a failure.
        return ExitCode::from(2);
    }
    if !failures.is_empty() {
        ExitCode::from(2)
    } else if checked.iter().any(|c| !c.report.is_valid()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads at most `cap + 1` bytes: enough for the library to tell that the input is over
/// the cap, never the whole of a huge file.
pub(crate) fn read_capped(reader: impl Read, cap: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}
