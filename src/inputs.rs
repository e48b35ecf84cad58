//! Which files to check: the paths as given, directories walked for `*.json`.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// One thing to check, named as the user named it.
#[derive(Debug)]
pub(crate) enum Input {
    /// Named on the command line: checked whatever the configuration says.
    File(PathBuf),
    /// Found by walking a directory: subject to the config's include/exclude.
    Found(PathBuf),
    Stdin,
}

impl Input {
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File(p) | Input::Found(p) => Some(p),
            Input::Stdin => None,
        }
    }
}

/// What the paths named: the inputs, the paths that could not be used, and each walked
/// directory with the range of `inputs` found under it (so a run that checks nothing can
/// say why, directory by directory).
pub(crate) struct Discovered {
    pub inputs: Vec<Input>,
    pub failures: Vec<String>,
    pub walked: Vec<(PathBuf, Range<usize>)>,
}

/// Expands directories into their `*.json` files (honouring .gitignore and skipping
/// hidden files, as ruff and ripgrep do), sorted so output is stable. Paths that do not
/// exist are returned as failures and the rest go on.
///
/// A symbolic link to a file inside a walked directory is checked like the file (it is
/// the flow under that name; skipping it let `waflow check dir` pass where `waflow check
/// dir/link.json` failed). A link to a directory is not followed, so a walk cannot
/// leave the tree or go round in circles; a link that leads nowhere, or round in a loop,
/// is a failure that says so.
pub(crate) fn discover(paths: &[PathBuf]) -> Discovered {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    let mut walked = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).build() {
                let entry = match entry {
                    Ok(e) => e,
                    Err(err) => {
                        failures.push(format!("{}: {err}", path.display()));
                        continue;
                    }
                };
                let Some(kind) = entry.file_type() else {
                    continue;
                };
                if !is_json(entry.path()) {
                    continue;
                }
                if kind.is_file() {
                    found.push(entry.into_path());
                } else if kind.is_symlink() {
                    match linked_file(entry.path()) {
                        Ok(true) => found.push(entry.into_path()),
                        Ok(false) => {}
                        Err(why) => failures.push(format!("{}: {why}", entry.path().display())),
                    }
                }
            }
            found.sort();
            let start = inputs.len();
            inputs.extend(found.into_iter().map(Input::Found));
            walked.push((path.clone(), start..inputs.len()));
        } else if path.exists() {
            // A file named explicitly is checked whatever its extension.
            inputs.push(Input::File(path.clone()));
        } else if path.symlink_metadata().is_ok() {
            // The name exists but leads nowhere.
            let why = linked_file(path)
                .err()
                .unwrap_or_else(|| "cannot be read".into());
            failures.push(format!("{}: {why}", path.display()));
        } else {
            failures.push(format!("{}: no such file or directory", path.display()));
        }
    }
    Discovered {
        inputs,
        failures,
        walked,
    }
}

/// Whether the symbolic link `path` leads to a regular file (`false`: a directory or
/// something else not to check), or why it leads nowhere.
fn linked_file(path: &Path) -> Result<bool, String> {
    match std::fs::metadata(path) {
        Ok(meta) => Ok(meta.is_file()),
        Err(e) if is_loop(&e) => {
            Err("a symbolic link loop (following it comes back round to it); not checked".into())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err("a broken symbolic link (its target does not exist); not checked".into())
        }
        Err(e) => Err(format!("a symbolic link that cannot be followed: {e}")),
    }
}

#[cfg(unix)]
fn is_loop(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_loop(_: &std::io::Error) -> bool {
    false
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}
