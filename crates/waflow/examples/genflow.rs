//! Writes a generated, valid Flow JSON of about N MiB to stdout (the benchmarks'
//! generator), for tools outside cargo: `cargo run --release -p waflow --example genflow -- 10`;
//! `genflow findings 10000` writes the flow with that many findings.

#[path = "../benches/support/flowgen.rs"]
#[allow(dead_code)]
mod flowgen;

use std::io::Write;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("findings") {
        let n = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(10_000);
        let _ = std::io::stdout()
            .lock()
            .write_all(flowgen::with_findings(n).as_bytes());
        return;
    }
    let mib: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1.0);
    // Meta's cap is 10 MiB and the generator overshoots by up to one screen.
    let target = ((mib * 1024.0 * 1024.0) as usize).min(10 * 1024 * 1024 - 200 * 1024);
    let text = flowgen::flow(target);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
