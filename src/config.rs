//! `waflow.toml`: found by walking up from the checked file's directory to the project's
//! boundary (the repository root or the user's home), or named by `--config`. One file holds the lint policy (which files are flows, rule severities,
//! per-path overrides, suppressions, the frozen-version policy) and the upload settings
//! (`[8x8]`). Secrets never live here: the API key comes only from a file named on the
//! command line or from the environment, so the config file can be committed.
//!
//! The structs below are what serde reads and what `schemas/waflow.schema.json` is
//! derived from (schemars), so the file's schema can't drift from its reader.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub(crate) const FILE_NAME: &str = "waflow.toml";

/// A config file longer than this is refused unread: a real one is a few kB, and
/// `--config /dev/zero` must not read until memory runs out.
pub(crate) const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// waflow's configuration file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(
    title = "waflow.toml",
    description = "Configuration of waflow, the WhatsApp Flow JSON linter"
)]
pub(crate) struct Config {
    /// Globs (relative to this file's directory) of the files that count as flows when a
    /// directory is checked. Default: every `*.json` file. Files named on the command
    /// line are always checked.
    #[schemars(with = "Option<Vec<String>>")]
    pub include: Option<Vec<Spanned<String>>>,
    /// Globs (relative to this file's directory) of files and directories never checked
    /// when a directory is walked, e.g. `["package.json", "fixtures/**"]`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
    /// Severity of findings about frozen Flow JSON versions (default: error). The
    /// `--frozen-version` flag wins.
    #[serde(default)]
    #[schemars(schema_with = "severity_schema")]
    pub frozen_version: Option<waflow::Severity>,
    /// Severity per rule code (`waflow rules` lists them): error, warning or off.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RuleSetting>")]
    pub rules: BTreeMap<String, Spanned<RuleSetting>>,
    /// Rule severities for some paths only; later entries win.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Single findings to ignore, without touching the flow (JSON has no comments).
    #[serde(default)]
    pub suppress: Vec<Suppression>,
    /// Upload settings for `waflow push`, `list` and `status`.
    // Read in any build, so one config file works with a binary built without upload.
    #[cfg_attr(not(feature = "upload"), allow(dead_code))]
    #[serde(default, rename = "8x8")]
    pub eight_by_eight: EightByEight,
}

/// A rule's setting in the configuration: a severity (the library's one severity type),
/// or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RuleSetting {
    Off,
    On(waflow::Severity),
}

impl RuleSetting {
    /// How waflow.toml spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSetting::Off => "off",
            RuleSetting::On(severity) => severity.as_str(),
        }
    }
}

impl<'de> Deserialize<'de> for RuleSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        match name.as_str() {
            "off" => Ok(RuleSetting::Off),
            other => other.parse().map(RuleSetting::On).map_err(|_| {
                serde::de::Error::unknown_variant(other, &["error", "warning", "off"])
            }),
        }
    }
}

impl JsonSchema for RuleSetting {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RuleSetting".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = waflow::Severity::ALL
            .iter()
            .map(|s| s.as_str())
            .chain(["off"])
            .collect();
        schemars::json_schema!({
            "description": "A rule's setting: a severity, or off.",
            "type": "string",
            "enum": names,
        })
    }
}

/// The JSON Schema of a severity (the library does not depend on schemars).
fn severity_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = waflow::Severity::ALL.iter().map(|s| s.as_str()).collect();
    schemars::json_schema!({
        "description": "A severity: error or warning.",
        "type": "string",
        "enum": names,
    })
}

/// `[[overrides]]`: severities for the files matching `files`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct Override {
    /// Globs relative to this file's directory.
    #[schemars(with = "Vec<String>")]
    pub files: Vec<Spanned<String>>,
    /// Severity per rule code for those files.
    #[schemars(with = "BTreeMap<String, RuleSetting>")]
    pub rules: BTreeMap<String, Spanned<RuleSetting>>,
}

/// `[[suppress]]`: one finding to ignore.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct Suppression {
    /// The rule code of the finding.
    #[schemars(with = "String")]
    pub rule: Spanned<String>,
    /// A glob of the file, relative to this file's directory.
    #[schemars(with = "String")]
    pub file: Spanned<String>,
    /// The finding's JSON path, as waflow prints it; `*` matches any characters, e.g.
    /// `screens[0].layout.children[*].text`. Absent: every such finding in the file.
    pub path: Option<String>,
    /// Why it is suppressed (for the reader; waflow ignores it).
    pub reason: Option<String>,
}

/// `[8x8]`: where flows are uploaded.
#[cfg_attr(not(feature = "upload"), allow(dead_code))]
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct EightByEight {
    /// The 8x8 account (subaccount) id.
    pub account_id: Option<String>,
    /// The WhatsApp channel id.
    pub channel_id: Option<String>,
    /// The API base URL (default https://chatapps.8x8.com/api/v1). Only 8x8's own
    /// https hosts (`*.8x8.com`) are accepted here, because the API key is sent to it;
    /// another host (a proxy, a test server) is given with `--base-url` or
    /// `WAFLOW_8X8_BASE_URL`.
    #[schemars(with = "Option<String>")]
    pub base_url: Option<Spanned<String>>,
}

/// A config file that can't be used: where and why, for a code frame.
#[derive(Debug)]
pub(crate) struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid config {}: {}",
            self.path.display(),
            self.message
        )
    }
}

impl ConfigError {
    /// The message with a code frame at the fault, as findings get (no colour: it goes to
    /// stderr beside other messages).
    pub fn render(&self) -> String {
        use codespan_reporting::diagnostic::{Diagnostic, Label};
        use codespan_reporting::files::SimpleFile;
        use codespan_reporting::term::{self, termcolor};
        // The file's text and the parser's message quote the file: escaped, as all text
        // from a file is before it reaches a terminal.
        let Some(span) = self.span.clone().filter(|s| s.end <= self.text.len()) else {
            return crate::terminal::escape_lines(&self.to_string()).into_owned();
        };
        let name = self.path.display().to_string();
        let file = SimpleFile::new(name.as_str(), self.text.as_str());
        let d = Diagnostic::error()
            .with_code("waflow-config")
            .with_message(format!("invalid config: {}", self.message))
            .with_labels(vec![Label::primary((), span)]);
        let mut buf = termcolor::Buffer::no_color();
        let _ = term::emit_to_write_style(&mut buf, &term::Config::default(), &file, &d);
        crate::terminal::escape_lines(String::from_utf8_lossy(buf.as_slice()).trim_end())
            .into_owned()
    }
}

/// A loaded config and where it came from (for messages).
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub path: Option<PathBuf>,
    pub config: Config,
}

/// `explicit` (from `--config`) must exist; otherwise the nearest `waflow.toml` in
/// `start` or a parent is used, and none at all is an empty config.
pub(crate) fn load(explicit: Option<&Path>, start: &Path) -> Result<Loaded, ConfigError> {
    let path = match explicit {
        Some(p) => Some(p.to_owned()),
        None => find(start),
    };
    let Some(path) = path else {
        return Ok(Loaded::default());
    };
    let fail = |text: String, span, message| ConfigError {
        path: path.clone(),
        text,
        span,
        message,
    };
    let bytes = crate::bounded::read_regular(&path, MAX_CONFIG_BYTES)
        .map_err(|e| fail(String::new(), None, format!("cannot read it: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| fail(String::new(), None, "cannot read it: not UTF-8".to_owned()))?;
    let config: Config =
        toml::from_str(&text).map_err(|e| fail(text.clone(), e.span(), e.message().to_owned()))?;
    // Rule codes are checked here, so a typo is an error at its place, not a silent no-op.
    let known = |code: &str| waflow::registry::by_code(code).is_some();
    let mut codes: Vec<(&String, &Spanned<RuleSetting>)> = config.rules.iter().collect();
    codes.extend(config.overrides.iter().flat_map(|o| o.rules.iter()));
    for (code, level) in codes {
        if !known(code) {
            return Err(fail(text.clone(), Some(level.span()), unknown_rule(code)));
        }
    }
    for s in &config.suppress {
        if !known(s.rule.get_ref()) {
            return Err(fail(
                text.clone(),
                Some(s.rule.span()),
                unknown_rule(s.rule.get_ref()),
            ));
        }
    }
    let globs = config
        .include
        .iter()
        .flatten()
        .chain(&config.exclude)
        .chain(config.overrides.iter().flat_map(|o| &o.files))
        .chain(config.suppress.iter().map(|s| &s.file));
    for g in globs {
        if let Err(e) = Glob::new(g.get_ref()) {
            return Err(fail(text.clone(), Some(g.span()), format!("bad glob: {e}")));
        }
    }
    #[cfg(feature = "upload")]
    if let Some(url) = &config.eight_by_eight.base_url {
        if let Some(message) = foreign_base_url(url.get_ref()) {
            return Err(fail(text.clone(), Some(url.span()), message));
        }
    }
    Ok(Loaded {
        path: Some(path),
        config,
    })
}

fn unknown_rule(code: &str) -> String {
    // Codes that hold the typed text come first, then codes sharing a word with it.
    let score = |c: &str| {
        if c.contains(code) || code.contains(c) {
            Some(0)
        } else if c.split('-').any(|w| w.len() > 3 && code.contains(w)) {
            Some(1)
        } else {
            None
        }
    };
    let mut near: Vec<(usize, usize, &str)> = waflow::registry::all()
        .iter()
        .filter_map(|r| score(r.code).map(|s| (s, r.code.len().abs_diff(code.len()), r.code)))
        .collect();
    near.sort();
    let near: Vec<&str> = near.into_iter().take(3).map(|n| n.2).collect();
    if near.is_empty() {
        format!("unknown rule `{code}` (`waflow rules` lists them)")
    } else {
        format!("unknown rule `{code}`; did you mean {}?", near.join(", "))
    }
}

/// Why a base URL from a config file is refused, if it is: the file may come from
/// anyone (a pull request, a parent directory), and the API key goes to this host.
#[cfg(feature = "upload")]
fn foreign_base_url(url: &str) -> Option<String> {
    match waflow_8x8::BaseUrl::parse(url) {
        Err(e) => Some(e.to_string()),
        Ok(u) if u.is_8x8() => None,
        Ok(u) => Some(format!(
            "base-url may name only one of 8x8's https hosts (*.8x8.com) in a config file, \
             not {}: the API key is sent to this host, and a config file can come from \
             anyone (a pull request, a parent directory). Give another host with --base-url \
             or WAFLOW_8X8_BASE_URL",
            u.host()
        )),
    }
}

/// Where the upward search for waflow.toml ended without going further, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Boundary {
    /// The nearest directory holding `.git` (a directory, or a file in a worktree or
    /// submodule): the repository root.
    Repository(PathBuf),
    /// The user's home directory.
    Home(PathBuf),
    /// Neither was met: the search went up to the file system's root.
    Root,
}

/// The upward search from one directory: what it found, and where it stopped.
#[derive(Debug)]
pub(crate) struct Search {
    pub found: Option<PathBuf>,
    pub boundary: Boundary,
}

/// The nearest waflow.toml in `start` or a parent, up to the project's boundary: the
/// repository root (the nearest directory holding `.git`) or `$HOME`, whichever comes
/// first; both are still searched themselves.
///
/// Why a boundary: a waflow.toml anywhere above the project (a shared parent directory,
/// `/tmp`) would otherwise set its policy (an `exclude` turning a failing CI green) and
/// its `[8x8]` settings.
pub(crate) fn search(start: &Path) -> Search {
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .and_then(|h| std::path::absolute(h).ok());
    let Ok(start) = std::path::absolute(start) else {
        return Search {
            found: None,
            boundary: Boundary::Root,
        };
    };
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        let boundary = if dir.join(".git").exists() {
            Some(Boundary::Repository(dir.to_owned()))
        } else if home.as_deref() == Some(dir) {
            Some(Boundary::Home(dir.to_owned()))
        } else {
            None
        };
        if candidate.is_file() {
            return Search {
                found: Some(candidate),
                boundary: boundary.unwrap_or(Boundary::Root),
            };
        }
        if let Some(boundary) = boundary {
            return Search {
                found: None,
                boundary,
            };
        }
    }
    Search {
        found: None,
        boundary: Boundary::Root,
    }
}

fn find(start: &Path) -> Option<PathBuf> {
    search(start).found
}

fn set<'a>(globs: impl IntoIterator<Item = &'a Spanned<String>>) -> GlobSet {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        if let Ok(g) = Glob::new(g.get_ref()) {
            b.add(g);
        }
    }
    b.build().unwrap_or_else(|_| GlobSet::empty())
}

/// Why a walked file is not a flow to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Skip {
    /// Matched by `exclude`.
    Excluded,
    /// Not matched by `include`.
    NotIncluded,
}

/// Where a rule's configured level comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LevelSource {
    Rules,
    /// The n-th `[[overrides]]` entry, from 1.
    Override(usize),
}

/// A config compiled for use: globs built, rule levels looked up per file.
pub(crate) struct Policy {
    pub source: Option<PathBuf>,
    dir: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
    /// The globs as written, for `--show-config`.
    include_globs: Option<Vec<String>>,
    exclude_globs: Vec<String>,
    pub frozen_version: Option<waflow::Severity>,
    rules: BTreeMap<String, RuleSetting>,
    overrides: Vec<(GlobSet, BTreeMap<String, RuleSetting>)>,
    suppress: Vec<(Suppression, GlobMatcher)>,
    /// `[8x8]`, for `--show-config`.
    #[cfg_attr(not(feature = "upload"), allow(dead_code))]
    pub eight_by_eight: EightByEight,
    used: Vec<AtomicBool>,
    /// Whether a file the suppression names was checked at all: one that wasn't can't
    /// tell whether the suppression is stale.
    seen: Vec<AtomicBool>,
}

impl Policy {
    pub fn new(loaded: Loaded) -> Policy {
        // Absolute, as `relative` makes the checked path: `--config waflow.toml` has the
        // parent "", which every absolute path starts with, so no glob matched.
        let dir = loaded
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(|d| {
                if d.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    d
                }
            })
            .map(|d| std::path::absolute(d).unwrap_or_else(|_| d.to_owned()))
            .unwrap_or_default();
        let c = loaded.config;
        let levels = |m: &BTreeMap<String, Spanned<RuleSetting>>| {
            m.iter().map(|(k, v)| (k.clone(), *v.get_ref())).collect()
        };
        let suppress: Vec<(Suppression, GlobMatcher)> = c
            .suppress
            .into_iter()
            .filter_map(|s| {
                let m = Glob::new(s.file.get_ref()).ok()?.compile_matcher();
                Some((s, m))
            })
            .collect();
        let text = |g: &Spanned<String>| g.get_ref().clone();
        Policy {
            source: loaded.path,
            include: c.include.as_ref().map(set),
            exclude: set(&c.exclude),
            include_globs: c.include.as_ref().map(|i| i.iter().map(text).collect()),
            exclude_globs: c.exclude.iter().map(text).collect(),
            eight_by_eight: c.eight_by_eight,
            frozen_version: c.frozen_version,
            rules: levels(&c.rules),
            overrides: c
                .overrides
                .iter()
                .map(|o| (set(&o.files), levels(&o.rules)))
                .collect(),
            used: suppress.iter().map(|_| AtomicBool::new(false)).collect(),
            seen: suppress.iter().map(|_| AtomicBool::new(false)).collect(),
            suppress,
            dir,
        }
    }

    /// `path` relative to the config's directory, for glob matching.
    fn relative(&self, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        abs.strip_prefix(&self.dir)
            .map(Path::to_owned)
            .unwrap_or(abs)
    }

    /// Why a file found by walking a directory is not checked, if it is not.
    pub fn skips(&self, path: &Path) -> Option<Skip> {
        let rel = self.relative(path);
        if self.exclude.is_match(&rel)
            || rel
                .ancestors()
                .skip(1)
                .any(|a| !a.as_os_str().is_empty() && self.exclude.is_match(a))
        {
            return Some(Skip::Excluded);
        }
        match &self.include {
            Some(i) if !i.is_match(&rel) => Some(Skip::NotIncluded),
            _ => None,
        }
    }

    pub fn include_globs(&self) -> Option<&[String]> {
        self.include_globs.as_deref()
    }

    pub fn exclude_globs(&self) -> &[String] {
        &self.exclude_globs
    }

    /// The level `rule` gets for `file` and where it comes from: an override (its index
    /// among `[[overrides]]`), `[rules]`, or `None` for the rule's own default.
    pub fn level_for(&self, rule: &str, file: &Path) -> Option<(RuleSetting, LevelSource)> {
        let rel = self.relative(file);
        self.overrides
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, (g, _))| g.is_match(&rel))
            .find_map(|(i, (_, m))| m.get(rule).map(|l| (*l, LevelSource::Override(i + 1))))
            .or_else(|| self.rules.get(rule).map(|l| (*l, LevelSource::Rules)))
    }

    /// The suppressions whose file glob matches `file`.
    pub fn suppressions_for(&self, file: &Path) -> Vec<&Suppression> {
        let rel = self.relative(file);
        self.suppress
            .iter()
            .filter(|(_, m)| m.is_match(&rel))
            .map(|(s, _)| s)
            .collect()
    }

    /// The configured level of `rule` for `file`: overrides (last match wins), then
    /// `[rules]`.
    fn level(&self, rule: &str, rel: &Path) -> Option<RuleSetting> {
        self.overrides
            .iter()
            .rev()
            .filter(|(g, _)| g.is_match(rel))
            .find_map(|(_, m)| m.get(rule).copied())
            .or_else(|| self.rules.get(rule).copied())
    }

    /// The report as the policy wants it: severities set, rules off dropped, suppressed
    /// pointers (and findings left without one) removed.
    pub fn apply(&self, file: Option<&Path>, report: waflow::Report) -> waflow::Report {
        let rel = file.map(|f| self.relative(f));
        if let Some(rel) = &rel {
            for (i, (_, m)) in self.suppress.iter().enumerate() {
                if m.is_match(rel) {
                    self.seen[i].store(true, Ordering::Relaxed);
                }
            }
        }
        report.map(|mut f| {
            let rule = f.rule?;
            if let Some(rel) = &rel {
                match self.level(rule, rel) {
                    Some(RuleSetting::Off) => return None,
                    Some(RuleSetting::On(severity)) => f.severity = severity,
                    None => {}
                }
                for (i, (s, m)) in self.suppress.iter().enumerate() {
                    if s.rule.get_ref() != rule || !m.is_match(rel) {
                        continue;
                    }
                    let before = f.pointers.len();
                    f.pointers
                        .retain(|p| !s.path.as_deref().is_none_or(|pat| wildcard(pat, &p.path)));
                    if f.pointers.len() < before {
                        self.used[i].store(true, Ordering::Relaxed);
                    }
                    if f.pointers.is_empty() {
                        return None;
                    }
                }
            }
            Some(f)
        })
    }

    /// Suppressions that matched nothing in files this run checked: stale entries.
    pub fn unused_suppressions(&self) -> Vec<String> {
        self.suppress
            .iter()
            .zip(self.used.iter().zip(&self.seen))
            .filter(|(_, (used, seen))| {
                seen.load(Ordering::Relaxed) && !used.load(Ordering::Relaxed)
            })
            .map(|((s, _), _)| {
                let at = self
                    .source
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let place = s
                    .path
                    .as_deref()
                    .map(|p| format!(" at {p}"))
                    .unwrap_or_default();
                let why = s
                    .reason
                    .as_deref()
                    .map(|r| format!(" (reason given: {r})"))
                    .unwrap_or_default();
                format!(
                    "{at}: the suppression of {} in {}{place} matched nothing; delete it{why}",
                    s.rule.get_ref(),
                    s.file.get_ref()
                )
            })
            .collect()
    }
}

/// `*` matches any run of characters; everything else matches itself.
fn wildcard(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// The JSON Schema of waflow.toml (`schemas/waflow.schema.json`).
pub(crate) fn schema_text() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Config)).unwrap_or_default();
    // Rule codes come from the registry, so editors complete them and flag typos.
    let codes: Vec<&str> = waflow::registry::all().iter().map(|r| r.code).collect();
    let names = serde_json::json!({ "enum": codes });
    for at in ["/properties/rules", "/$defs/Override/properties/rules"] {
        if let Some(serde_json::Value::Object(m)) = schema.pointer_mut(at) {
            m.insert("propertyNames".into(), names.clone());
        }
    }
    if let Some(serde_json::Value::Object(m)) =
        schema.pointer_mut("/$defs/Suppression/properties/rule")
    {
        m.insert("enum".into(), names["enum"].clone());
    }
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
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
        assert!(err.message.contains("unknown field `api-key`"), "{err}");
        assert_eq!(&err.text[err.span.clone().unwrap()], "api-key");
    }

    #[test]
    fn unknown_rules_and_bad_globs_point_at_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "[rules]\nduplicate-screen = \"off\"\n").unwrap();
        let err = load(Some(&path), dir.path()).unwrap_err();
        assert!(
            err.message.contains("did you mean duplicate-screen-id"),
            "{}",
            err.message
        );
        assert_eq!(&err.text[err.span.clone().unwrap()], "\"off\"");
        std::fs::write(&path, "exclude = [\"a/[b\"]\n").unwrap();
        let err = load(Some(&path), dir.path()).unwrap_err();
        assert!(err.message.starts_with("bad glob"), "{}", err.message);
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("screens[*].title", "screens[12].title"));
        assert!(wildcard("*", "anything"));
        assert!(wildcard("a*b*c", "a__b__c"));
        assert!(!wildcard("screens[*].title", "screens[1].layout"));
        assert!(wildcard("exact", "exact") && !wildcard("exact", "exactly"));
    }
}
