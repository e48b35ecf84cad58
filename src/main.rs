//! `waflow`: lint WhatsApp Flow JSON files before you upload them. The command line is the
//! library's (src/lib.rs, shared with the Python wheel); the binary adds the allocator.

use std::process::ExitCode;

mod alloc;

#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

fn main() -> ExitCode {
    ExitCode::from(waflow_cli::run(std::env::args_os()))
}
