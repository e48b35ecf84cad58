//! `waflow schema`: the JSON Schemas of Flow JSON, generated from the catalog.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use waflow::catalog::{schema_versions, FlowVersion};
use waflow::schema::{file_name, schema_text};

#[derive(clap::Args)]
pub(crate) struct SchemaArgs {
    /// The Flow JSON version to print (e.g. 7.3); every version with --write
    #[arg(value_name = "VERSION")]
    pub version: Option<String>,
    /// Write flow-json-<version>.schema.json for every version into DIR instead
    #[arg(long, value_name = "DIR", num_args = 0..=1, default_missing_value = "schemas")]
    pub write: Option<PathBuf>,
}

pub(crate) fn run(args: &SchemaArgs) -> ExitCode {
    let available: Vec<FlowVersion> = schema_versions().collect();
    let list = || {
        available
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let chosen: Vec<FlowVersion> = match &args.version {
        Some(text) => match FlowVersion::parse(text).filter(|v| available.contains(v)) {
            Some(v) => vec![v],
            None => {
                crate::print_error(&format!(
                    "no schema for Flow JSON version {text:?}; versions with a schema: {}",
                    list()
                ));
                return ExitCode::from(2);
            }
        },
        None if args.write.is_some() => available.clone(),
        None => {
            crate::print_error(&format!(
                "name a version (waflow schema 7.3) or pass --write; versions: {}",
                list()
            ));
            return ExitCode::from(2);
        }
    };
    match &args.write {
        None => {
            let mut out = std::io::stdout().lock();
            for v in chosen {
                if out.write_all(schema_text(v).as_bytes()).is_err() {
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                crate::print_error(&format!("{}: {e}", dir.display()));
                return ExitCode::from(2);
            }
            for v in chosen {
                let path = dir.join(file_name(v));
                if let Err(e) = std::fs::write(&path, schema_text(v)) {
                    crate::print_error(&format!("{}: {e}", path.display()));
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
    }
}
