//! `push`, `list`, `status`: 8x8's flow API, through the `waflow-8x8` client.
//!
//! Settings come from, in order: flags, the environment, `waflow.toml` (`[8x8]`). The API
//! key comes only from `--api-key-file` or `WAFLOW_8X8_API_KEY`, never from a flag value
//! (it would sit in shell history and `ps`) and never from the config file. The key goes
//! only to a host the user chose: a base URL other than 8x8's own comes only from the
//! command line or the environment (config.rs refuses it in a file), and each command says
//! on stderr which host it is about to call.
//!
//! Everything a server sent is redacted of the key by the client; what is printed for
//! people here (tables, summaries, errors) is also escaped (`terminal::escape`), so a
//! server cannot write control sequences to the terminal. JSON output stays exact.

pub(crate) mod list;
pub(crate) mod push;
pub(crate) mod status;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use waflow_8x8::{AccountId, ApiKey, BaseUrl, Client, Config};

use crate::config;
use crate::terminal;
use crate::{Color, Format};

pub(crate) const KEY_ENV: &str = "WAFLOW_8X8_API_KEY";
pub(crate) const BASE_URL_ENV: &str = "WAFLOW_8X8_BASE_URL";

/// A key file holds only the key; anything longer is not one (and `/dev/zero` must not be
/// read until memory runs out). The client library's own limit.
pub(crate) const MAX_KEY_FILE_BYTES: u64 = ApiKey::MAX_FILE_BYTES;

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
    /// API base URL (or WAFLOW_8X8_BASE_URL; default https://chatapps.8x8.com/api/v1).
    /// waflow.toml may set only 8x8's own https hosts (*.8x8.com)
    #[arg(long, value_name = "URL")]
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

/// A client, and the host it sends the key to.
pub(crate) struct Connection {
    pub client: Client,
    base_url: BaseUrl,
    /// Where the base URL came from, for the note.
    source: String,
}

impl Connection {
    /// Says on stderr which host is about to get the request (and the key), and where
    /// that host came from, so a base URL from an unexpected place shows.
    pub fn announce(&self) {
        note(format!(
            "calling {} ({}, {})",
            terminal::escape(self.base_url.host()),
            terminal::escape(self.base_url.as_str()),
            self.source
        ));
    }
}

impl RemoteArgs {
    /// A client from the settings; on failure the message (what is missing or wrong) is
    /// printed and the exit code returned. `near` is where to start looking for
    /// waflow.toml.
    pub fn connect(&self, near: &Path) -> Result<Connection, ExitCode> {
        let loaded = config::load(self.config.as_deref(), near).map_err(|e| {
            crate::print_error(&e.render());
            ExitCode::from(2)
        })?;
        self.client(loaded).map_err(fail)
    }

    fn client(&self, loaded: config::Loaded) -> Result<Connection, String> {
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
        // config.rs has refused a base-url in the file that is not 8x8's own.
        let env_url = match std::env::var(BASE_URL_ENV) {
            Ok(v) if !v.is_empty() => Some(v),
            Ok(_) | Err(std::env::VarError::NotPresent) => None,
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(format!("{BASE_URL_ENV} is not valid UTF-8"))
            }
        };
        let (url, source) = if let Some(url) = &self.base_url {
            (Some(url.clone()), "from --base-url".to_owned())
        } else if let Some(url) = env_url {
            (Some(url), format!("from {BASE_URL_ENV}"))
        } else if let Some(url) = &file.base_url {
            let path = loaded
                .path
                .as_deref()
                .unwrap_or(Path::new(config::FILE_NAME));
            (
                Some(url.get_ref().clone()),
                format!("from {}", terminal::escape(&path.display().to_string())),
            )
        } else {
            (None, "8x8's default".to_owned())
        };
        let base_url = match url {
            Some(url) => BaseUrl::parse(&url).map_err(|e| format!("{e} ({source})"))?,
            None => BaseUrl::default(),
        };
        let key = self.key()?;
        let account = AccountId::new(account).map_err(|e| format!("{e}{account_src}"))?;
        let client = Client::with_config(
            account,
            channel,
            key,
            Config {
                base_url: base_url.clone(),
                ..Config::default()
            },
        )
        .map_err(|e| e.to_string())?;
        Ok(Connection {
            client,
            base_url,
            source,
        })
    }

    fn key(&self) -> Result<ApiKey, String> {
        if let Some(path) = &self.api_key_file {
            let name = path.display();
            let bytes = crate::bounded::read_regular(path, MAX_KEY_FILE_BYTES)
                .map_err(|e| format!("cannot read the API key file {name}: {e}"))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                format!("cannot read the API key file {name}: not UTF-8 (the file must hold only the key)")
            })?;
            return ApiKey::new(text).map_err(|e| format!("{e} (from {name})"));
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

/// `waflow: error: ...` on stderr, exit 2: the command could not do its job. The message
/// may quote a server or a file name, so it is escaped onto one line.
pub(crate) fn fail(message: impl std::fmt::Display) -> ExitCode {
    crate::print_error(&terminal::escape(&message.to_string()));
    ExitCode::from(2)
}

/// A note for people on stderr; machine formats keep stdout to one JSON document. Escaped
/// onto one line, as [`fail`].
pub(crate) fn note(message: impl std::fmt::Display) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "waflow: {}",
        terminal::escape(&message.to_string())
    );
}

/// The text of a local flow (`status --file`): a regular file, at most the read cap.
pub(crate) fn read_flow_text(path: &Path) -> Result<String, String> {
    let cap = waflow::Options::default().read_cap;
    let bytes = crate::bounded::read_regular(path, cap).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "not valid UTF-8".to_owned())
}

/// Server findings made safe for the human format: every string escaped onto one line.
/// Only for people: the JSON formats print the findings exactly (JSON escaping).
pub(crate) fn escape_findings(findings: &mut [waflow::Finding]) {
    use std::borrow::Cow;
    let one_line = |s: &str| match terminal::escape(s) {
        Cow::Borrowed(_) => None,
        Cow::Owned(o) => Some(o),
    };
    for f in findings {
        if let Some(e) = one_line(&f.error) {
            f.error = Cow::Owned(e);
        }
        if let Some(e) = one_line(&f.error_type) {
            f.error_type = Cow::Owned(e);
        }
        if let Some(m) = one_line(&f.message) {
            f.message = m;
        }
        if let Some(h) = f.help.as_deref().and_then(one_line) {
            f.help = Some(h);
        }
        for p in &mut f.pointers {
            if let Some(path) = one_line(&p.path) {
                p.path = path;
            }
        }
    }
}
