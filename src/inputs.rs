//! Which files to check: the paths as given, directories walked for `*.json`.

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

/// Expands directories into their `*.json` files (honouring .gitignore and skipping
/// hidden files, as ruff and ripgrep do), sorted so output is stable. Paths that do not
/// exist are returned as errors and the rest go on.
pub(crate) fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).build() {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_json(e.path()) => {
                        found.push(e.into_path());
                    }
                    Ok(_) => {}
                    Err(err) => errors.push(format!("{}: {err}", path.display())),
                }
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::Found));
        } else if path.exists() {
            // A file named explicitly is checked whatever its extension.
            inputs.push(Input::File(path.clone()));
        } else {
            errors.push(format!("{}: no such file or directory", path.display()));
        }
    }
    (inputs, errors)
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}
