//! `waflow check --show-config PATH`: which waflow.toml applies to a path, how it was
//! found, and the settings it yields there (as ruff's `--show-settings`).
//!
//! Why: the config is found by a search, and it decides which files are checked and how
//! severe each rule is. A user (or a reviewer of CI) must be able to see which file that
//! was and what it does, without reading the search rules.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::{self, Boundary, LevelSource, Policy, Skip};
use crate::terminal::escape;
use crate::CheckArgs;

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let mut out = String::new();
    for (i, path) in args.paths.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match describe(args, path) {
            Ok(text) => out.push_str(&text),
            Err(e) => {
                let _ = writeln!(std::io::stderr().lock(), "{}", e.render());
                return ExitCode::from(2);
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

fn shown(path: &Path) -> String {
    escape(&path.display().to_string()).into_owned()
}

/// The report for one path: a file (its directory's config), or a directory (the config
/// of the files directly in it).
fn describe(args: &CheckArgs, path: &Path) -> Result<String, config::ConfigError> {
    let start: PathBuf = if path.is_dir() {
        path.to_owned()
    } else {
        match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        }
    };
    let loaded = config::load(args.config.as_deref(), &start)?;
    let mut o = String::new();
    let _ = writeln!(o, "path: {}", shown(path));
    match (&args.config, &loaded.path) {
        (Some(named), _) => {
            let _ = writeln!(o, "config: {} (named by --config)", shown(named));
        }
        (None, found) => {
            let search = config::search(&start);
            let stop = match &search.boundary {
                Boundary::Repository(dir) => {
                    format!("{} (the repository root: it holds .git)", shown(dir))
                }
                Boundary::Home(dir) => format!("{} (your home directory)", shown(dir)),
                Boundary::Root => {
                    "the file system's root (no repository root or home directory above)".to_owned()
                }
            };
            let from = std::path::absolute(&start).unwrap_or(start.clone());
            match found {
                Some(file) => {
                    let _ = writeln!(o, "config: {}", shown(file));
                    let _ = writeln!(
                        o,
                        "  found searching upwards from {}; the search stops at {stop}",
                        shown(&from)
                    );
                }
                None => {
                    let _ = writeln!(o, "config: none (waflow's defaults)");
                    let _ = writeln!(
                        o,
                        "  no {} from {} up to {stop}",
                        config::FILE_NAME,
                        shown(&from)
                    );
                }
            }
        }
    }
    let source = loaded
        .path
        .as_deref()
        .map(shown)
        .unwrap_or_else(|| config::FILE_NAME.to_owned());
    let policy = Policy::new(loaded);

    let list = |globs: &[String]| {
        let quoted: Vec<String> = globs.iter().map(|g| format!("\"{}\"", escape(g))).collect();
        format!("[{}]", quoted.join(", "))
    };
    match policy.include_globs() {
        Some(globs) => {
            let _ = writeln!(o, "include: {}", list(globs));
        }
        None => {
            let _ = writeln!(o, "include: every *.json file (default)");
        }
    }
    let _ = writeln!(o, "exclude: {}", list(policy.exclude_globs()));
    if !path.is_dir() {
        let walked = match policy.skips(path) {
            None => "yes".to_owned(),
            Some(Skip::Excluded) => "no: it matches exclude".to_owned(),
            Some(Skip::NotIncluded) => "no: it matches no include glob".to_owned(),
        };
        let _ = writeln!(o, "checked when its directory is walked: {walked}");
    }

    let frozen = match (args.frozen_version, policy.frozen_version) {
        (Some(severity), _) => format!("{severity} (--frozen-version)"),
        (None, Some(severity)) => format!("{severity} ({source})"),
        (None, None) => "error (default)".to_owned(),
    };
    let _ = writeln!(o, "frozen-version: {frozen}");
    let defaults = waflow::Options::default();
    let limit = |flag: Option<u32>, default: usize| match flag {
        Some(n) => format!("{n} (command line)"),
        None => format!("{default} (default)"),
    };
    let _ = writeln!(
        o,
        "max-findings: {}",
        limit(args.max_findings, defaults.max_findings)
    );
    let _ = writeln!(
        o,
        "max-depth: {}",
        limit(args.max_depth, defaults.max_depth)
    );

    let _ = writeln!(o, "rules:");
    let width = waflow::registry::all()
        .iter()
        .map(|r| r.code.len())
        .max()
        .unwrap_or(0);
    for rule in waflow::registry::all() {
        let level = match policy.level_for(rule.code, path) {
            None => format!("{} (default)", rule.severity.as_str()),
            Some((level, from)) => {
                let level = level.as_str();
                match from {
                    LevelSource::Rules => format!("{level} ({source} [rules])"),
                    LevelSource::Override(n) => {
                        format!("{level} ({source} [[overrides]] entry {n})")
                    }
                }
            }
        };
        let _ = writeln!(o, "  {:width$}  {level}", rule.code);
    }
    let suppressions = policy.suppressions_for(path);
    if !suppressions.is_empty() {
        let _ = writeln!(o, "suppress:");
        for s in suppressions {
            let _ = writeln!(
                o,
                "  {} in {}{}",
                escape(s.rule.get_ref()),
                escape(s.file.get_ref()),
                s.path
                    .as_deref()
                    .map(|p| format!(" at {}", escape(p)))
                    .unwrap_or_default()
            );
        }
    }
    eight_by_eight(&mut o, &policy, &source);
    Ok(o)
}

#[cfg(feature = "upload")]
fn eight_by_eight(o: &mut String, policy: &Policy, source: &str) {
    let e = &policy.eight_by_eight;
    let value = |v: Option<&str>, flag: &str| match v {
        Some(v) => format!("{} ({source}; {flag} wins)", escape(v)),
        None => format!("not set ({flag})"),
    };
    let _ = writeln!(o, "[8x8]:");
    let _ = writeln!(
        o,
        "  account-id: {}",
        value(
            e.account_id.as_deref(),
            "--account-id or WAFLOW_8X8_ACCOUNT_ID"
        )
    );
    let _ = writeln!(
        o,
        "  channel-id: {}",
        value(
            e.channel_id.as_deref(),
            "--channel-id or WAFLOW_8X8_CHANNEL_ID"
        )
    );
    let base = match &e.base_url {
        Some(url) => value(Some(url.get_ref()), "--base-url or WAFLOW_8X8_BASE_URL"),
        None => format!(
            "{} (default; --base-url or WAFLOW_8X8_BASE_URL win)",
            waflow_8x8::DEFAULT_BASE_URL
        ),
    };
    let _ = writeln!(o, "  base-url: {base}");
}

#[cfg(not(feature = "upload"))]
fn eight_by_eight(_: &mut String, _: &Policy, _: &str) {}
