//! `waflow push`: validate locally, then upload the file's text to a draft flow.
//!
//! The text goes up exactly as it is on disk, so the line and column numbers in 8x8's
//! `validationErrors` point into the author's own file, and the server's findings are
//! drawn with the same code frames as `waflow check`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use waflow_8x8::{Category, UpdateFlow, UpdateResponse};

use super::{emit, fail, note, RemoteArgs};
use crate::render::{self, human::plural, Checked};
use crate::terminal;

#[derive(clap::Args, Debug)]
pub(crate) struct PushArgs {
    /// The Flow JSON file to upload
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The 8x8 flow to update (it must be a draft)
    #[arg(long, value_name = "ID")]
    pub flow_id: String,
    /// Rename the flow
    #[arg(long)]
    pub name: Option<String>,
    /// Set the categories (repeat for several): sign-up, sign-in, appointment-booking,
    /// lead-generation, contact-us, customer-support, survey, other
    #[arg(long = "category", value_name = "CATEGORY")]
    pub categories: Vec<Category>,
    /// The flow's data endpoint (8x8's endPointUri)
    #[arg(long, value_name = "URI")]
    pub endpoint_uri: Option<String>,
    /// The application id to associate with the flow
    #[arg(long, value_name = "ID")]
    pub application_id: Option<String>,
    /// Publish the flow right after the update
    #[arg(long)]
    pub publish: bool,
    /// Upload even when local validation finds errors
    #[arg(long)]
    pub force: bool,
    /// Severity of findings about frozen Flow JSON versions
    #[arg(long, default_value = "error", value_name = "LEVEL", value_parser = crate::severity_arg())]
    pub frozen_version: waflow::Severity,
    #[command(flatten)]
    pub remote: RemoteArgs,
}

pub(crate) fn run(args: &PushArgs) -> ExitCode {
    let name = args.file.display().to_string();
    // A regular file only (a FIFO would block), read up to the cap: one over it gets the
    // size finding from validation below, not an upload.
    let bytes = match crate::bounded::open_regular(&args.file).and_then(|(f, _)| {
        crate::check::read_capped(f, waflow::Options::default().read_cap).map_err(Into::into)
    }) {
        Ok(b) => b,
        Err(e) => return fail(format!("{name}: {e}")),
    };
    let options = crate::check::options(args.frozen_version);
    let local = waflow::validate_capped(&bytes, &options);
    if !local.is_valid() && !args.force {
        let errors = local.errors().len();
        let checked = [Checked::new(name.clone(), bytes, local)];
        let out = render::renderer(args.remote.format)
            .map(|r| r.render(&checked))
            .unwrap_or_else(|| {
                render::human::frames(&checked, render::use_color(args.remote.color))
            });
        let _ = emit(&out);
        note(format!(
            "not uploading {name}: local validation found {}; fix them, or pass --force to upload anyway",
            plural(errors, "error")
        ));
        return ExitCode::from(1);
    }
    let Ok(text) = String::from_utf8(bytes) else {
        // Only reachable with --force: 8x8 takes the flow as a JSON string.
        return fail(format!(
            "{name}: not valid UTF-8, so it cannot be sent as flowJson"
        ));
    };
    if !local.is_valid() {
        note(format!(
            "uploading {name} despite {} (--force)",
            plural(local.errors().len(), "local error")
        ));
    }

    let connection = match args.remote.connect(parent_of(&args.file)) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let client = &connection.client;
    let update = UpdateFlow {
        name: args.name.clone(),
        categories: (!args.categories.is_empty()).then(|| args.categories.clone()),
        publish: args.publish.then_some(true),
        flow_json: Some(text.clone()),
        clone_flow_id: None,
        end_point_uri: args.endpoint_uri.clone(),
        application_id: args.application_id.clone(),
    };
    if args.remote.dry_run {
        return super::print_request(client.prepare_update(&args.flow_id, &update));
    }
    connection.announce();
    let answer = match client.update_flow(&args.flow_id, &update) {
        Ok(a) => a,
        Err(e) => return fail(format!("push {name}: {e}")),
    };
    report(args, name, text, answer)
}

fn report(args: &PushArgs, name: String, text: String, answer: UpdateResponse) -> ExitCode {
    let accepted = answer.accepted();
    let human = args.remote.format == crate::Format::Human;
    let mut findings = answer.validation_errors;
    if human {
        super::escape_findings(&mut findings);
    }
    waflow::attach_spans(&text, &mut findings);
    let count = findings.len();
    let mut checked = Checked::new(
        name.clone(),
        text.into_bytes(),
        waflow::Report::from_findings(findings),
    );
    checked.extra = vec![
        ("flowId", answer.id.clone().into()),
        ("success", answer.success.into()),
    ];
    let checked = [checked];
    let out = match render::renderer(args.remote.format).map(|r| r.render(&checked)) {
        Some(out) => out,
        None => {
            let mut out = render::human::frames(&checked, render::use_color(args.remote.color));
            // The id came from the server, the name from the user: both escaped.
            let id = terminal::escape(&answer.id);
            let name = terminal::escape(&name);
            let line = if accepted {
                format!("8x8 saved {name} as flow {id}: no validation errors.\n")
            } else if answer.success {
                format!(
                    "8x8 saved {name} as flow {id}, but Meta reported {}: it cannot be published until they are fixed.\n",
                    plural(count, "validation error")
                )
            } else {
                format!("8x8 did not save {name} (success: false).\n")
            };
            out.extend_from_slice(line.as_bytes());
            out
        }
    };
    if let Err(code) = emit(&out) {
        return code;
    }
    if accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn parent_of(file: &Path) -> &Path {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
