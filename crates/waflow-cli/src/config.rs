//! `waflow.toml`: found by walking up from a starting directory, or named by `--config`.
//!
//! Today it holds the upload settings (`[8x8]`); other sections are left to the commands
//! that read them. Secrets never live here: the API key comes only from a file named on
//! the command line or from the environment, so the config file can be committed.

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub(crate) const FILE_NAME: &str = "waflow.toml";

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Config {
    #[serde(default, rename = "8x8")]
    pub eight_by_eight: EightByEight,
}

/// `[8x8]`: where flows are uploaded.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct EightByEight {
    pub account_id: Option<String>,
    pub channel_id: Option<String>,
    pub base_url: Option<String>,
}

/// A loaded config and where it came from (for messages).
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub path: Option<PathBuf>,
    pub config: Config,
}

/// `explicit` (from `--config`) must exist; otherwise the nearest `waflow.toml` in
/// `start` or a parent is used, and none at all is an empty config.
pub(crate) fn load(explicit: Option<&Path>, start: &Path) -> Result<Loaded, String> {
    let path = match explicit {
        Some(p) => Some(p.to_owned()),
        None => find(start),
    };
    let Some(path) = path else {
        return Ok(Loaded::default());
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
    let config =
        toml::from_str(&text).map_err(|e| format!("invalid config {}: {e}", path.display()))?;
    Ok(Loaded {
        path: Some(path),
        config,
    })
}

fn find(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).ok()?;
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_upwards_and_unknown_8x8_keys_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert!(load(None, &nested).unwrap().path.is_none());

        std::fs::write(
            dir.path().join(FILE_NAME),
            "[8x8]\naccount-id = \"0123\"\nchannel-id = \"c\"\n",
        )
        .unwrap();
        let loaded = load(None, &nested).unwrap();
        assert_eq!(
            loaded.config.eight_by_eight.account_id.as_deref(),
            Some("0123")
        );
        assert_eq!(
            loaded.config.eight_by_eight.channel_id.as_deref(),
            Some("c")
        );

        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "[8x8]\napi-key = \"nope\"\n").unwrap();
        let err = load(Some(&bad), &nested).unwrap_err();
        assert!(err.contains("unknown field `api-key`"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }
}
