//! `waflow status`: a flow's state on 8x8 and the findings Meta holds against it.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{emit, fail, read_flow_text, RemoteArgs};
use crate::render::{self, human::plural, Checked};
use crate::terminal;

#[derive(clap::Args, Debug)]
pub(crate) struct StatusArgs {
    /// The 8x8 flow to inspect
    #[arg(long, value_name = "ID")]
    pub flow_id: String,
    /// The local file that was uploaded: server findings are then shown in its text
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub remote: RemoteArgs,
}

pub(crate) fn run(args: &StatusArgs) -> ExitCode {
    // Read before any request: a file that cannot be used stops the command early.
    let local = match &args.file {
        Some(path) => match read_flow_text(path) {
            Ok(t) => Some((path.display().to_string(), t)),
            Err(e) => return fail(format!("{}: {e}", path.display())),
        },
        None => None,
    };
    let connection = match args.remote.connect(std::path::Path::new(".")) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let client = &connection.client;
    if args.remote.dry_run {
        return super::print_request(client.prepare_details(&args.flow_id));
    }
    connection.announce();
    let details = match client.flow_details(&args.flow_id) {
        Ok(d) => d,
        Err(e) => return fail(format!("status: {e}")),
    };
    let human = args.remote.format == crate::Format::Human;
    let (name, text) = local.unwrap_or_else(|| {
        let id = if human {
            terminal::escape(&details.flow_id).into_owned()
        } else {
            details.flow_id.clone()
        };
        (format!("flow {id}"), String::new())
    });
    let mut findings = details.validation_errors.clone();
    if human {
        super::escape_findings(&mut findings);
    }
    if !text.is_empty() {
        waflow::attach_spans(&text, &mut findings);
    }
    let count = findings.len();
    let mut checked = Checked::new(
        name,
        text.into_bytes(),
        waflow::Report::from_findings(findings),
    );
    checked.extra = vec![
        ("flowId", details.flow_id.clone().into()),
        ("name", details.name.clone().into()),
        ("status", details.status.to_string().into()),
        ("categories", details.categories.clone().into()),
        ("flowJsonUrl", details.flow_json_url.clone().into()),
    ];
    let checked = [checked];
    let out = match render::renderer(args.remote.format).map(|r| r.render(&checked)) {
        Some(out) => out,
        None => {
            // Every value here came from the server: escaped onto one line.
            let categories: Vec<_> = details
                .categories
                .iter()
                .map(|c| terminal::escape(c))
                .collect();
            let mut out = format!(
                "Flow {} \"{}\": {}{}\n",
                terminal::escape(&details.flow_id),
                terminal::escape(&details.name),
                terminal::escape(details.status.as_str()),
                if categories.is_empty() {
                    String::new()
                } else {
                    format!(" (categories: {})", categories.join(", "))
                }
            )
            .into_bytes();
            out.extend(render::human::frames(
                &checked,
                render::use_color(args.remote.color),
            ));
            let line = if count == 0 {
                "No validation errors.\n".to_owned()
            } else {
                format!("Meta reports {}.\n", plural(count, "validation error"))
            };
            out.extend_from_slice(line.as_bytes());
            out
        }
    };
    if let Err(code) = emit(&out) {
        return code;
    }
    if count == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
