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
        Some(path) => write_in_place(path, fixed.text.as_bytes())
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

/// Replaces the file's bytes through a sibling temporary file and a rename, so a crash
/// or a full disk never leaves a half-written flow; the file keeps its permissions.
pub(crate) fn write_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let permissions = std::fs::metadata(path)?.permissions();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{file_name}.waflow-fix.tmp"));
    let result = (|| {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::set_permissions(&temp, permissions)?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
