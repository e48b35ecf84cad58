//! Times waflow the way `bench/compare.sh` times a warm peer: inside one running process,
//! best of N of read + validate (the library's whole pipeline: spans, schema, every rule),
//! printed in ms. `warm FLOW RUNS`; the flow must be valid, so that a broken generator
//! cannot pass for a fast validator.

// A measuring program, not the library: the crate's no-printing lints guard the library.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), runs) = (args.next(), args.next().and_then(|r| r.parse().ok())) else {
        eprintln!("usage: warm FLOW RUNS");
        std::process::exit(2);
    };
    let runs: usize = runs.unwrap_or(20).max(1);
    let options = waflow::Options::default();
    let mut warm = f64::INFINITY;
    for _ in 0..runs {
        let t = Instant::now();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("warm: {path}: {e}");
                std::process::exit(2);
            }
        };
        let report = waflow::validate_capped(&bytes, &options);
        let total = t.elapsed();
        if !report.is_valid() {
            eprintln!("warm: {path} has errors; time a valid flow");
            std::process::exit(1);
        }
        warm = warm.min(total.as_secs_f64());
    }
    println!("{:.3}", warm * 1e3);
}
