//! The `waflow` command as a library: [`run`] is the whole command line, so that the
//! binary (src/main.rs) and the Python wheel (crates/waflow-py, whose `waflow` console
//! script calls it) run the same CLI. Not a stable API: use the `waflow` crate to
//! validate from Rust.
//!
//! Exit codes: 0 no errors, 1 at least one file has errors (or the server reported
//! validation errors), 2 usage, I/O, configuration, network or API failure.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod bounded;
mod check;
mod config;
mod endpoint;
mod fixing;
mod graph;
mod inputs;
mod migrate;
#[cfg(feature = "upload")]
mod remote;
mod render;
mod rules;
mod schema;
mod server;
mod show_config;
mod terminal;

#[derive(Parser)]
#[command(
    name = "waflow",
    version,
    about = "Find what Meta would reject in WhatsApp Flow JSON, before you upload it",
    after_help = "Exit codes: 0 no errors, 1 errors found (locally or by the server), 2 usage, I/O, config, network or API failure."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate Flow JSON files, directories (every *.json, honouring .gitignore) or stdin (-)
    Check(CheckArgs),
    /// Move flows to a newer Flow JSON version (default: the latest Meta lets you publish),
    /// with every change the versions in between require, and say what needs you
    Migrate(migrate::MigrateArgs),
    /// The flow's endpoint contract: the schema of its responses, a check of recorded
    /// responses, example requests
    Endpoint {
        #[command(subcommand)]
        command: endpoint::EndpointCommand,
    },
    /// Draw the flow: its screens and the ways between them (navigate, routing_model,
    /// data_exchange), the faulty ones marked, as Mermaid, DOT or JSON
    Graph(graph::GraphArgs),
    /// Print the JSON Schema of a Flow JSON version, or write them all (--write)
    Schema(schema::SchemaArgs),
    /// List every rule: code, Meta error code, versions, summary
    Rules(rules::RulesArgs),
    /// Print a rule's documentation: what it finds, why Meta rejects it, how to fix it
    Explain(rules::ExplainArgs),
    /// Run the language server (LSP over stdio) for editors: diagnostics, hover,
    /// completion, navigation, renames and quick fixes
    Server(server::ServerArgs),
    /// Print a shell completion script (e.g. `waflow completions bash > /etc/bash_completion.d/waflow`)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Validate a flow, then upload it to a draft flow on 8x8 (PUT)
    #[cfg(feature = "upload")]
    Push(remote::push::PushArgs),
    /// List the channel's flows on 8x8
    #[cfg(feature = "upload")]
    List(remote::list::ListArgs),
    /// Show a flow's status on 8x8 and the validation errors Meta reported
    #[cfg(feature = "upload")]
    Status(remote::status::StatusArgs),
}

#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// Files, directories, or `-` for stdin
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The name to report for stdin input
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Severity of findings about frozen Flow JSON versions (default: error, or
    /// frozen-version in waflow.toml)
    #[arg(long, value_name = "LEVEL", value_parser = severity_arg())]
    pub frozen_version: Option<waflow::Severity>,
    /// Config file to use instead of the nearest waflow.toml of each file
    #[arg(long, value_name = "PATH")]
    pub config: Option<std::path::PathBuf>,
    /// Print findings only: no summary line, no notes about stale suppressions
    #[arg(long, short)]
    pub quiet: bool,
    /// Print how many findings each rule has instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Exit 0 even when errors are found (2 still means waflow could not do its job)
    #[arg(long)]
    pub exit_zero: bool,
    /// Exit 1 when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Leave warnings out of the output and the counts
    #[arg(long)]
    pub no_warnings: bool,
    /// When to colour human output (auto: only on a terminal, and never with NO_COLOR set)
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Keep at most N findings per file; a too-many-findings warning counts the rest
    /// [default: 100000]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_findings: Option<u32>,
    /// Report nesting deeper than N arrays and objects as invalid JSON [default: 127]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_depth: Option<u32>,
    /// Exit 0 when the paths hold no flow file to check (without it, checking nothing is
    /// an error, exit 2: a mistyped directory or an include glob must not pass silently)
    #[arg(long)]
    pub allow_no_files: bool,
    /// Check nothing: print which waflow.toml applies to each PATH, how it was found, and
    /// the settings it yields there (as ruff's --show-settings)
    #[arg(long)]
    pub show_config: bool,
    /// Apply the safe fixes in place (stdin: print the fixed text), then report what
    /// remains
    #[arg(long)]
    pub fix: bool,
    /// Apply unsafe fixes too, with --fix or --diff (they change what the flow does:
    /// review them)
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing; exit 1 when there is
    /// something to fix
    #[arg(long)]
    pub diff: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Code frames with the Meta code, the rule code and help
    Human,
    /// One JSON array, 8x8 spelling (validationErrors, errorType, lineStart, ...)
    Json,
    /// One JSON array, Meta spelling (validation_errors, error_type, line_start, ...)
    Meta,
    /// SARIF 2.1.0 (GitHub code scanning), with every rule's metadata
    Sarif,
    /// GitHub Actions annotations (::error file=...,line=...::message)
    Github,
    /// JUnit XML, a test suite per file and a test case per error
    Junit,
}

/// `error` or `warning`, parsed into the library's severity.
pub(crate) fn severity_arg() -> impl clap::builder::TypedValueParser<Value = waflow::Severity> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(waflow::Severity::ALL.map(waflow::Severity::as_str))
        .try_map(|name| name.parse::<waflow::Severity>())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Color {
    Auto,
    Always,
    Never,
}

/// `waflow: error: ...` on stderr: the command could not do its job. Escaped: a message
/// names files and quotes what a file or server said.
pub(crate) fn print_error(message: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "waflow: error: {}",
        terminal::escape(message)
    );
}

/// Runs the command line `args` (the program name first, as `std::env::args_os` gives
/// it) and returns the exit status: 0, 1 or 2 (see the crate docs). Output goes to this
/// process's stdout and stderr, flushed before it returns; help, `--version` and usage
/// errors print as clap prints them, with status 0 or 2. Never exits the process.
pub fn run(args: impl IntoIterator<Item = OsString>) -> u8 {
    let code = match Cli::try_parse_from(args) {
        Ok(cli) => dispatch(cli.command),
        Err(e) => {
            // Help and --version go to stdout, usage errors to stderr (clap's choice).
            let _ = e.print();
            u8::try_from(e.exit_code()).unwrap_or(2)
        }
    };
    // A process that outlives the call (Python's) never runs Rust's exit-time flush.
    use std::io::Write;
    let _ = std::io::stdout().lock().flush();
    code
}

/// The status an [`ExitCode`] stands for. `ExitCode` hides its number; every command
/// here returns one made from a `u8` (0, 1 or 2), so comparing finds it.
fn status(code: ExitCode) -> u8 {
    (0..=u8::MAX)
        .find(|&n| ExitCode::from(n) == code)
        .unwrap_or(2)
}

fn dispatch(command: Command) -> u8 {
    status(match command {
        Command::Check(args) => check::run(&args),
        Command::Migrate(args) => migrate::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Endpoint { command } => endpoint::run(&command),
        Command::Schema(args) => schema::run(&args),
        Command::Rules(args) => rules::run_list(&args),
        Command::Server(args) => server::run(&args),
        Command::Explain(args) => rules::run_explain(&args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "waflow", &mut out);
            use std::io::Write;
            match std::io::stdout().lock().write_all(&out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
        #[cfg(feature = "upload")]
        Command::Push(args) => remote::push::run(&args),
        #[cfg(feature = "upload")]
        Command::List(args) => remote::list::run(&args),
        #[cfg(feature = "upload")]
        Command::Status(args) => remote::status::run(&args),
    })
}
