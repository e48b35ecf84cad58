//! `waflow endpoint schema|check|requests FLOW`: the endpoint contract of a flow
//! (`waflow::endpoint`) for the people who write its endpoint and their tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use waflow::endpoint::{Contract, ContractError, Request, RequestAction};

use crate::render::{self, Checked};

#[derive(clap::Subcommand)]
pub(crate) enum EndpointCommand {
    /// Print the JSON Schema of the responses the flow's endpoint may send
    Schema(SchemaArgs),
    /// Judge recorded endpoint responses against the flow: screen, routing, data types
    Check(CheckArgs),
    /// Print example requests the endpoint will receive (decrypted), for its tests
    Requests(FlowArg),
}

#[derive(clap::Args)]
pub(crate) struct FlowArg {
    /// The flow (Flow JSON with data_api_version)
    #[arg(value_name = "FLOW")]
    pub flow: PathBuf,
}

#[derive(clap::Args)]
pub(crate) struct SchemaArgs {
    #[command(flatten)]
    pub flow: FlowArg,
    /// Only the responses that name this screen (or SUCCESS)
    #[arg(long, value_name = "ID")]
    pub screen: Option<String>,
}

#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub flow: FlowArg,
    /// The response: a JSON file, a JSON Lines file (*.jsonl: one response per line, or
    /// {"request": ..., "response": ...} pairs), or `-` for stdin
    #[arg(value_name = "RESPONSE")]
    pub response: PathBuf,
    /// The screen the request was made on: the transition from it is judged
    #[arg(long, value_name = "SCREEN")]
    pub from: Option<String>,
    /// The request's action
    #[arg(long, value_enum)]
    pub action: Option<ActionArg>,
    /// Read stdin as JSON Lines
    #[arg(long)]
    pub lines: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = crate::Format::Human)]
    pub format: crate::Format,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t = crate::Color::Auto)]
    pub color: crate::Color,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ActionArg {
    Init,
    DataExchange,
    Back,
    Ping,
    /// The client reports it refused the previous response (`data.error`)
    ErrorNotification,
}

impl From<ActionArg> for RequestAction {
    fn from(a: ActionArg) -> Self {
        match a {
            ActionArg::Init => RequestAction::Init,
            ActionArg::DataExchange => RequestAction::DataExchange,
            ActionArg::Back => RequestAction::Back,
            ActionArg::Ping => RequestAction::Ping,
            ActionArg::ErrorNotification => RequestAction::ErrorNotification,
        }
    }
}

pub(crate) fn run(command: &EndpointCommand) -> ExitCode {
    match command {
        EndpointCommand::Schema(args) => schema(args),
        EndpointCommand::Check(args) => check(args),
        EndpointCommand::Requests(args) => requests(args),
    }
}

/// The flow's contract, or the exit code after saying why there is none (the flow's
/// errors are shown as `waflow check` shows them).
fn contract(flow: &Path, format: crate::Format, color: crate::Color) -> Result<Contract, ExitCode> {
    let name = flow.display().to_string();
    let options = waflow::Options::default();
    let bytes = crate::bounded::read_regular(flow, options.max_bytes as u64)
        .map_err(|e| fail(&format!("{name}: {e}")))?;
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        return Err(fail(&format!("{name}: not UTF-8 text")));
    };
    match Contract::of(&text, &options) {
        Ok(c) => Ok(c),
        Err(ContractError::FlowHasErrors(report)) => {
            let checked = [Checked::new(name.clone(), bytes, *report)];
            let out = match render::renderer(format) {
                Some(r) => r.render(&checked),
                None => render::human::frames(&checked, render::use_color(color)),
            };
            let _ = std::io::stdout().lock().write_all(&out);
            crate::print_error(&format!(
                "{name}: the flow has errors; its endpoint contract would be a guess: fix them first"
            ));
            Err(ExitCode::from(1))
        }
        Err(e) => Err(fail(&format!("{name}: {e}"))),
    }
}

fn fail(message: &str) -> ExitCode {
    crate::print_error(message);
    ExitCode::from(2)
}

fn print_json(value: &serde_json::Value) -> ExitCode {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("could not write: {e}")),
    }
}

fn schema(args: &SchemaArgs) -> ExitCode {
    let c = match contract(&args.flow.flow, crate::Format::Human, crate::Color::Auto) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match c.schema(args.screen.as_deref()) {
        Some(s) => print_json(&s),
        None => fail(&format!(
            "{:?} is not a screen a response can name: the routing_model's keys are {}",
            args.screen.as_deref().unwrap_or_default(),
            c.routing
                .iter()
                .map(|(k, _)| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn requests(args: &FlowArg) -> ExitCode {
    match contract(&args.flow, crate::Format::Human, crate::Color::Auto) {
        Ok(c) => print_json(&serde_json::Value::Array(c.requests())),
        Err(code) => code,
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    let c = match contract(&args.flow.flow, args.format, args.color) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Some(from) = &args.from {
        if c.screen(from).is_none() {
            return fail(&format!("--from {from:?}: the flow has no such screen"));
        }
    }
    let options = waflow::Options::default();
    let stdin = args.response.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_owned()
    } else {
        args.response.display().to_string()
    };
    // A response file is read up to the limit the client enforces, with room for the
    // finding that says it is over (a JSON Lines file may hold many responses).
    let read = if stdin {
        crate::check::read_capped(std::io::stdin().lock(), options.read_cap)
            .map_err(|e| e.to_string())
    } else {
        crate::bounded::read_regular(&args.response, options.read_cap).map_err(|e| e.to_string())
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => return fail(&format!("{name}: {e}")),
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return fail(&format!("{name}: not UTF-8 text"));
    };
    let request = Request {
        action: args.action.map(Into::into),
        from: args.from.as_deref(),
    };
    let lines = args.lines || args.response.extension().is_some_and(|e| e == "jsonl");
    let report = if lines {
        c.check_lines(text, request)
    } else {
        c.check(text, request)
    };
    let failed = !report.is_valid();
    let checked = [Checked::new(name, bytes.clone(), report)];
    let out = match render::renderer(args.format) {
        Some(r) => r.render(&checked),
        None => {
            let mut out = render::human::frames(&checked, render::use_color(args.color));
            out.extend_from_slice(render::human::summary(&checked, 0).as_bytes());
            out
        }
    };
    let _ = std::io::stdout().lock().write_all(&out);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
