//! waflow.toml in the editor: the nearest one above each document applies, found and
//! read exactly as `waflow check` does (src/config.rs), so the editor and the command
//! line agree. Loaded configs are kept until a waflow.toml changes (a watched-file event
//! or a save), then all are dropped and read again. A config that can't be used is a
//! diagnostic on the config file and the documents under it are checked with the
//! defaults: a typo in waflow.toml must not take the diagnostics away.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigError, Policy};

/// Which config applies to a document.
#[derive(Clone)]
pub(crate) enum Applied {
    /// No waflow.toml above it.
    None,
    Policy(Arc<Policy>),
    /// The nearest waflow.toml is broken (a diagnostic on it says why).
    Broken,
}

#[derive(Default)]
pub(crate) struct Configs {
    /// Directory -> the config found from it.
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// Config file -> what reading it gave.
    loaded: HashMap<PathBuf, Result<Arc<Policy>, Arc<ConfigError>>>,
}

impl Configs {
    /// The config for a document at `path` (`None`: not a file, e.g. an unsaved buffer).
    pub fn for_file(&mut self, path: Option<&Path>) -> Applied {
        let Some(dir) = path.and_then(Path::parent) else {
            return Applied::None;
        };
        let found = self
            .found
            .entry(dir.to_owned())
            .or_insert_with(|| config::search(dir).found)
            .clone();
        let Some(file) = found else {
            return Applied::None;
        };
        let loaded = self.loaded.entry(file.clone()).or_insert_with(|| {
            config::load(Some(&file), dir)
                .map(|l| Arc::new(Policy::new(l)))
                .map_err(Arc::new)
        });
        match loaded {
            Ok(p) => Applied::Policy(p.clone()),
            Err(_) => Applied::Broken,
        }
    }

    /// Forgets everything read: the next lookups read the files again.
    pub fn clear(&mut self) {
        self.found.clear();
        self.loaded.clear();
    }

    /// The configs read so far that can't be used.
    pub fn errors(&self) -> impl Iterator<Item = (&PathBuf, &ConfigError)> {
        self.loaded
            .iter()
            .filter_map(|(p, r)| r.as_ref().err().map(|e| (p, e.as_ref())))
    }
}

/// Whether a path names a waflow.toml.
pub(crate) fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == config::FILE_NAME)
}
