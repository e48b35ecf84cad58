//! `waflow check --fix`, `--unsafe-fixes` and `--diff`: the library proposes and applies
//! the fixes (`waflow::fix`); this module decides what happens to the result (a file
//! written in place, the fixed text on stdout, or a unified diff) and writes files safely.

use std::io::Write;
use std::path::Path;

/// What fixing one input did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Fixes applied (or, with `--diff`, that would be).
    pub applied: usize,
    /// With `--diff`: the unified diff of the fixes.
    pub diff: Option<String>,
    /// With `--fix` on stdin: the fixed text, for stdout.
    pub stdout: Option<String>,
}

/// Fixes `bytes` (the input `name`, at `path` unless stdin) under `policy`, returning the
/// text the findings now refer to, their report, and the outcome. A file is written only
/// with `--fix` and without `--diff`, and only when a fix applied; `fix_text` never keeps
/// a round that adds errors or breaks the JSON.
pub(crate) fn fix_input(
    args: &crate::CheckArgs,
    path: Option<&Path>,
    name: &str,
    bytes: Vec<u8>,
    options: &waflow::Options,
    policy: impl Fn(waflow::Report) -> waflow::Report,
) -> Result<(Vec<u8>, waflow::Report, Outcome), String> {
    // Bytes that are not UTF-8 get no fixes: the report says why.
    let Ok(text) = std::str::from_utf8(&bytes) else {
        let report = policy(waflow::validate_capped(&bytes, options));
        return Ok((bytes, report, Outcome::default()));
    };
    let fixed = waflow::fix_text_with(text, options, args.unsafe_fixes, &policy);
    let mut outcome = Outcome {
        applied: fixed.applied,
        ..Outcome::default()
    };
    if fixed.applied == 0 {
        return Ok((bytes, fixed.report, outcome));
    }
    if args.diff {
        outcome.diff = Some(unified_diff(name, text, &fixed.text));
        // The findings stay those of the file as it is: nothing was written.
        let report = policy(waflow::validate_capped(&bytes, options));
        return Ok((bytes, report, outcome));
    }
    match path {
        Some(path) => write_in_place(path, fixed.text.as_bytes(), text.as_bytes())
            .map_err(|e| format!("{name}: could not write the fixed file: {e}"))?,
        None => outcome.stdout = Some(fixed.text.clone()),
    }
    Ok((fixed.text.into_bytes(), fixed.report, outcome))
}

/// A unified diff of `old` -> `new`, three lines of context, headed by the file's name.
pub(crate) fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// Overwrites the file with `bytes`, in place: the file keeps its inode, permissions,
/// owner and links. The new bytes are written over the old from the start and the file
/// then cut to their length, so a fix that does not grow the file needs no new disk
/// blocks (a full disk cannot stop it half-way); should a write fail anyway, the
/// `original` bytes are put back.
///
/// Why not a temporary file and a rename: on this project's machine that made `--fix`
/// on 10,000 small flows five times slower than `check` (two directory operations per
/// file, 2 s of system time), for protection only against waflow being killed in the
/// microseconds of the write. ruff, rustfmt and biome write in place too.
pub(crate) fn write_in_place(path: &Path, bytes: &[u8], original: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut overwrite = |b: &[u8]| {
        use std::io::Seek;
        f.rewind()?;
        f.write_all(b)?;
        f.set_len(b.len() as u64)
    };
    let result = overwrite(bytes);
    if result.is_err() {
        let _ = overwrite(original);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::write_in_place;

    #[test]
    fn a_file_is_overwritten_to_exactly_the_new_bytes_whether_shorter_or_longer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flow.json");
        std::fs::write(&path, "{\"a\": 1,\n}\n").unwrap();
        write_in_place(&path, b"{\"a\": 1\n}\n", b"{\"a\": 1,\n}\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"a\": 1\n}\n");
        write_in_place(&path, b"{\"a\": 1, \"b\": 2}\n", b"{\"a\": 1\n}\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"a\": 1, \"b\": 2}\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_cannot_be_written_is_left_as_it_was() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flow.json");
        std::fs::write(&path, "{}").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        if std::fs::OpenOptions::new().write(true).open(&path).is_ok() {
            return; // root writes anyway
        }
        assert!(write_in_place(&path, b"{\"a\": 1}", b"{}").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"{}");
    }
}
