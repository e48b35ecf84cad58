//! `waflow graph FILE`: the flow's screens and the ways between them, for a drawing
//! (`waflow::graph`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct GraphArgs {
    /// The flow
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
    pub format: GraphFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GraphFormat {
    /// A Mermaid flowchart (GitHub renders it in Markdown)
    Mermaid,
    /// Graphviz DOT (`| dot -Tsvg > flow.svg`)
    Dot,
    /// The screens and edges as JSON
    Json,
}

pub(crate) fn run(args: &GraphArgs) -> ExitCode {
    let name = args.file.display().to_string();
    let options = waflow::Options::default();
    let bytes = match crate::bounded::read_regular(&args.file, options.max_bytes as u64) {
        Ok(b) => b,
        Err(e) => {
            crate::print_error(&format!("{name}: {e}"));
            return ExitCode::from(2);
        }
    };
    let Some(graph) = std::str::from_utf8(&bytes)
        .ok()
        .and_then(waflow::graph::Graph::of)
    else {
        crate::print_error(&format!(
            "{name}: not a flow with screens (run `waflow check {name}` to see why)"
        ));
        return ExitCode::from(2);
    };
    let text = match args.format {
        GraphFormat::Mermaid => graph.to_mermaid(),
        GraphFormat::Dot => graph.to_dot(),
        GraphFormat::Json => {
            let mut t = serde_json::to_string_pretty(&graph).unwrap_or_default();
            t.push('\n');
            t
        }
    };
    match std::io::stdout()
        .lock()
        .write_all(crate::terminal::for_stdout(&text).as_bytes())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            crate::print_error(&format!("could not write: {e}"));
            ExitCode::from(2)
        }
    }
}
