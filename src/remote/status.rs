//! `waflow status`: a flow's state on 8x8 and the findings Meta holds against it.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{emit, fail, RemoteArgs};
use crate::render::{self, human::plural, Checked};

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
    let client = match args.remote.client(std::path::Path::new(".")) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    if args.remote.dry_run {
        return super::print_request(client.prepare_details(&args.flow_id));
    }
    let details = match client.flow_details(&args.flow_id) {
        Ok(d) => d,
        Err(e) => return fail(format!("status: {e}")),
    };
    let (name, text) = match &args.file {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => (path.display().to_string(), t),
            Err(e) => return fail(format!("{}: {e}", path.display())),
        },
        None => (format!("flow {}", details.flow_id), String::new()),
    };
    let mut findings = details.validation_errors.clone();
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
            let mut out = format!(
                "Flow {} \"{}\": {}{}\n",
                details.flow_id,
                details.name.replace(char::is_control, " "),
                details.status,
                if details.categories.is_empty() {
                    String::new()
                } else {
                    format!(" (categories: {})", details.categories.join(", "))
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
