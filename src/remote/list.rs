//! `waflow list`: the channel's flows as a table, or JSON.

use std::process::ExitCode;

use super::{emit, fail, RemoteArgs};
use crate::terminal;
use crate::Format;

#[derive(clap::Args, Debug)]
pub(crate) struct ListArgs {
    /// How many flows to fetch, 1 to 1000 (8x8's default: 100)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: Option<u32>,
    #[command(flatten)]
    pub remote: RemoteArgs,
}

pub(crate) fn run(args: &ListArgs) -> ExitCode {
    // Report formats describe findings; a list of flows has none. Refused before any request.
    if matches!(
        args.remote.format,
        Format::Sarif | Format::Github | Format::Junit
    ) {
        return fail("list prints a table or JSON: use --format human or --format json");
    }
    let connection = match args.remote.connect(std::path::Path::new(".")) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let client = &connection.client;
    if args.remote.dry_run {
        return super::print_request(client.prepare_list(args.limit));
    }
    connection.announce();
    let flows = match client.list_flows(args.limit) {
        Ok(f) => f,
        Err(e) => return fail(format!("list: {e}")),
    };
    let out = match args.remote.format {
        Format::Human => table(&flows),
        Format::Json | Format::Meta => {
            let mut v = serde_json::to_vec_pretty(&flows).unwrap_or_default();
            v.push(b'\n');
            v
        }
        Format::Sarif | Format::Github | Format::Junit => unreachable_format(),
    };
    emit(&out).err().unwrap_or(ExitCode::SUCCESS)
}

fn table(flows: &[waflow_8x8::FlowSummary]) -> Vec<u8> {
    if flows.is_empty() {
        return b"No flows in this channel.\n".to_vec();
    }
    // Every cell came from the server: escaped, so no control sequence reaches the
    // terminal (and the columns are measured on what is printed).
    let rows: Vec<[String; 3]> = flows
        .iter()
        .map(|f| {
            [
                terminal::escape(&f.id).into_owned(),
                terminal::escape(&f.name).into_owned(),
                terminal::escape(f.status.as_str()).into_owned(),
            ]
        })
        .collect();
    let width = |i: usize, min: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .max()
            .unwrap_or(0)
            .max(min)
    };
    let (id_w, name_w) = (width(0, 2), width(1, 4));
    let mut out = format!("{:<id_w$}  {:<name_w$}  STATUS\n", "ID", "NAME");
    for [id, name, status] in &rows {
        out.push_str(&format!("{id:<id_w$}  {name:<name_w$}  {status}\n"));
    }
    out.into_bytes()
}

/// Refused at the start of `run`; kept apart so the match stays exhaustive.
fn unreachable_format() -> Vec<u8> {
    Vec::new()
}
