//! `push`, `list`, `status`: 8x8's flow API, through the `waflow-8x8` client.
//!
//! Settings come from, in order: flags, the environment, `waflow.toml` (`[8x8]`). The API
//! key comes only from `--api-key-file` or `WAFLOW_8X8_API_KEY`, never from a flag value
//! (it would sit in shell history and `ps`) and never from the config file.

pub(crate) mod list;
pub(crate) mod push;
pub(crate) mod status;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use waflow_8x8::{AccountId, ApiKey, BaseUrl, Client, Config};

use crate::config;
use crate::{Color, Format};

pub(crate) const KEY_ENV: &str = "WAFLOW_8X8_API_KEY";

/// Where to connect and how to print, shared by the three commands.
#[derive(clap::Args, Debug)]
pub(crate) struct RemoteArgs {
    /// File holding the 8x8 API key (or set WAFLOW_8X8_API_KEY)
    #[arg(long, value_name = "PATH")]
    pub api_key_file: Option<PathBuf>,
    /// 8x8 account id (or WAFLOW_8X8_ACCOUNT_ID, or account-id in waflow.toml [8x8])
    #[arg(long, env = "WAFLOW_8X8_ACCOUNT_ID", value_name = "ID")]
    pub account_id: Option<String>,
    /// WhatsApp channel id (or WAFLOW_8X8_CHANNEL_ID, or channel-id in waflow.toml [8x8])
    #[arg(long, env = "WAFLOW_8X8_CHANNEL_ID", value_name = "ID")]
    pub channel_id: Option<String>,
    /// API base URL (default https://chatapps.8x8.com/api/v1)
    #[arg(long, env = "WAFLOW_8X8_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
    /// Config file to use instead of the nearest waflow.toml
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Print the request that would be sent (API key masked) and send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour human output
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

impl RemoteArgs {
    /// A client from the settings, or a message naming what is missing or wrong.
    /// `near` is where to start looking for waflow.toml.
    pub fn client(&self, near: &Path) -> Result<Client, String> {
        let loaded = config::load(self.config.as_deref(), near).map_err(|e| e.render())?;
        let file = &loaded.config.eight_by_eight;
        // Where a value from the config file came from, for its error message.
        let from_file = |value: &Option<String>| {
            let path = loaded
                .path
                .as_deref()
                .unwrap_or(Path::new(config::FILE_NAME));
            value
                .clone()
                .map(|v| (v, format!(" (from {})", path.display())))
        };
        // A flag (or its environment variable) wins over the file; the second value says
        // where a value came from, for its error message.
        let pick = |flag: &Option<String>, in_file: &Option<String>| {
            flag.clone()
                .map(|v| (v, String::new()))
                .or_else(|| from_file(in_file))
        };
        let (account, account_src) = pick(&self.account_id, &file.account_id).ok_or_else(|| {
            missing(
                "account id",
                "--account-id ID",
                "WAFLOW_8X8_ACCOUNT_ID",
                "account-id",
            )
        })?;
        let (channel, _) = pick(&self.channel_id, &file.channel_id).ok_or_else(|| {
            missing(
                "channel id",
                "--channel-id ID",
                "WAFLOW_8X8_CHANNEL_ID",
                "channel-id",
            )
        })?;
        let base_url = match pick(&self.base_url, &file.base_url) {
            Some((url, src)) => BaseUrl::parse(&url).map_err(|e| format!("{e}{src}"))?,
            None => BaseUrl::default(),
        };
        let key = self.key()?;
        let account = AccountId::new(account).map_err(|e| format!("{e}{account_src}"))?;
        Client::with_config(
            account,
            channel,
            key,
            Config {
                base_url,
                ..Config::default()
            },
        )
        .map_err(|e| e.to_string())
    }

    fn key(&self) -> Result<ApiKey, String> {
        if let Some(path) = &self.api_key_file {
            return ApiKey::from_file(path).map_err(|e| e.to_string());
        }
        match std::env::var(KEY_ENV) {
            Ok(value) => ApiKey::new(value).map_err(|e| format!("{e} (from {KEY_ENV})")),
            Err(std::env::VarError::NotUnicode(_)) => Err(format!("{KEY_ENV} is not valid UTF-8")),
            Err(std::env::VarError::NotPresent) => Err(format!(
                "missing 8x8 API key: pass --api-key-file PATH (a file holding only the key) \
                 or set {KEY_ENV}; the key is never read from a flag or from {}",
                config::FILE_NAME
            )),
        }
    }
}

fn missing(what: &str, flag: &str, env: &str, key: &str) -> String {
    format!(
        "missing 8x8 {what}: pass {flag}, set {env}, or set {key} under [8x8] in {}",
        config::FILE_NAME
    )
}

/// `--dry-run`: the request that would be sent, key masked, and nothing sent.
pub(crate) fn print_request(
    request: Result<waflow_8x8::PreparedRequest, waflow_8x8::Error>,
) -> ExitCode {
    match request {
        Ok(req) => emit(req.to_string().as_bytes())
            .err()
            .unwrap_or(ExitCode::SUCCESS),
        Err(e) => fail(e),
    }
}

/// Writes `out` to stdout; a closed pipe is a failure, not worth a message.
pub(crate) fn emit(out: &[u8]) -> Result<(), ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out)
        .and_then(|()| stdout.flush())
        .map_err(|_| ExitCode::from(2))
}

/// `waflow: error: ...` on stderr, exit 2: the command could not do its job.
pub(crate) fn fail(message: impl std::fmt::Display) -> ExitCode {
    crate::print_error(&message.to_string());
    ExitCode::from(2)
}

/// A note for people on stderr; machine formats keep stdout to one JSON document.
pub(crate) fn note(message: impl std::fmt::Display) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "waflow: {}",
        crate::terminal::escape(&message.to_string())
    );
}
