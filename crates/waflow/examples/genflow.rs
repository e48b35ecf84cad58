//! Writes a generated, valid Flow JSON of about N MiB to stdout (the benchmarks'
//! generator), for tools outside cargo: `cargo run --release -p waflow --example genflow -- 10`.

#[path = "../benches/support/flowgen.rs"]
#[allow(dead_code)]
mod flowgen;

use std::io::Write;

fn main() {
    let mib: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1.0);
    // Meta's cap is 10 MiB and the generator overshoots by up to one screen.
    let target = ((mib * 1024.0 * 1024.0) as usize).min(10 * 1024 * 1024 - 200 * 1024);
    let text = flowgen::flow(target);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
