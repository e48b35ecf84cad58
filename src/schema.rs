//! `waflow schema`: the JSON Schemas of Flow JSON, generated from the catalog.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use waflow::{schema_file_name as file_name, schema_text};
use waflow::{schema_versions, FlowVersion};

#[derive(clap::Args)]
pub(crate) struct SchemaArgs {
    /// The Flow JSON version to print (e.g. 7.3), or `config` for waflow.toml's schema;
    /// every version and the config's with --write
    #[arg(value_name = "VERSION")]
    pub version: Option<String>,
    /// Write flow-json-<version>.schema.json for every version into DIR instead
    #[arg(long, value_name = "DIR", num_args = 0..=1, default_missing_value = "schemas")]
    pub write: Option<PathBuf>,
}

/// The config file's schema, beside the flow schemas.
pub(crate) const CONFIG_SCHEMA_FILE: &str = "waflow.schema.json";

pub(crate) fn run(args: &SchemaArgs) -> ExitCode {
    if args.version.as_deref() == Some("config") && args.write.is_none() {
        return match std::io::stdout()
            .lock()
            .write_all(crate::config::schema_text().as_bytes())
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        };
    }
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
            let files = chosen
                .into_iter()
                .map(|v| (file_name(v), schema_text(v)))
                .chain([(CONFIG_SCHEMA_FILE.to_owned(), crate::config::schema_text())]);
            for (name, text) in files {
                let path = dir.join(name);
                if let Err(e) = std::fs::write(&path, text) {
                    crate::print_error(&format!("{}: {e}", path.display()));
                    return ExitCode::from(2);
                }
            }
            ExitCode::SUCCESS
        }
    }
}
