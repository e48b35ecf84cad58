//! `waflow check`: read every input, validate in parallel, apply the configuration, print
//! in input order.

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{self, Policy, Skip};
use crate::fixing;
use crate::inputs::{discover, Discovered, Input};
use crate::render::{self, Checked, Renderer};
use crate::terminal;
use crate::CheckArgs;

/// More files than this on a terminal get a progress bar.
const PROGRESS_FROM: usize = 300;

/// The library's options for a frozen-version policy.
pub(crate) fn options(frozen: waflow::Severity) -> waflow::Options {
    waflow::Options {
        frozen_version: frozen,
        ..waflow::Options::default()
    }
}

/// The policy of each file: `--config` for all, or the nearest waflow.toml of each
/// file's directory (looked up once per directory).
pub(crate) struct Policies {
    explicit: Option<Arc<Policy>>,
    by_dir: HashMap<PathBuf, Arc<Policy>>,
    all: Vec<Arc<Policy>>,
}

impl Policies {
    pub(crate) fn new(explicit: Option<&Path>) -> Result<Policies, config::ConfigError> {
        let explicit = match explicit {
            Some(p) => Some(Arc::new(Policy::new(config::load(
                Some(p),
                Path::new("."),
            )?))),
            None => None,
        };
        Ok(Policies {
            all: explicit.iter().cloned().collect(),
            explicit,
            by_dir: HashMap::new(),
        })
    }

    pub(crate) fn for_path(
        &mut self,
        path: Option<&Path>,
    ) -> Result<Arc<Policy>, config::ConfigError> {
        if let Some(p) = &self.explicit {
            return Ok(p.clone());
        }
        let dir = path
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_owned();
        if let Some(p) = self.by_dir.get(&dir) {
            return Ok(p.clone());
        }
        let loaded = config::load(None, &dir)?;
        // Files under one config share its policy (and its suppression bookkeeping).
        let policy = match self
            .all
            .iter()
            .find(|p| p.source.is_some() && p.source == loaded.path)
        {
            Some(p) => p.clone(),
            None => {
                let p = Arc::new(Policy::new(loaded));
                self.all.push(p.clone());
                p
            }
        };
        self.by_dir.insert(dir, policy.clone());
        Ok(policy)
    }
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    if args.show_config {
        return crate::show_config::run(args);
    }
    let mut policies = match Policies::new(args.config.as_deref()) {
        Ok(p) => p,
        Err(e) => return config_failure(&e),
    };
    let (inputs, mut failures) = match select(args, &mut policies) {
        Ok(selected) => selected,
        Err(code) => return code,
    };
    let stdin = read_stdin(&inputs, &mut failures);
    // Made before the workers start, so each drops a file's text once it has what it needs.
    // The human summary is written below, once the files that could not be read are known.
    let renderer: Option<Box<dyn Renderer>> = (!args.statistics).then(|| {
        render::renderer(args.format).unwrap_or_else(|| {
            Box::new(render::human::Human {
                color: render::use_color(args.color),
                summary: false,
            })
        })
    });
    let checked = check_all(
        args,
        &inputs,
        stdin.as_deref(),
        renderer.as_deref(),
        &mut failures,
    );
    let wrote = write_out(args, &checked, renderer.as_deref(), &failures, &policies);
    if wrote.is_err() {
        // A closed pipe (`waflow check . | head`) is not worth a message, but it is a failure.
        return ExitCode::from(2);
    }
    exit_code(args, &checked, &failures)
}

/// The inputs to check, each with its policy, and the failures met finding them.
type Selected = (Vec<(Input, Arc<Policy>)>, Vec<String>);

/// What to check; or the exit code when there is nothing to do (a broken config, nothing
/// selected).
fn select(args: &CheckArgs, policies: &mut Policies) -> Result<Selected, ExitCode> {
    let Discovered {
        inputs: found,
        failures,
        walked,
    } = discover(&args.paths);
    let mut inputs: Vec<(Input, Arc<Policy>)> = Vec::with_capacity(found.len());
    // Why each walked file was left out, for the message when nothing is checked.
    let mut skipped: Vec<Option<(Skip, Option<PathBuf>)>> = Vec::with_capacity(found.len());
    for input in found {
        let policy = policies
            .for_path(input.path())
            .map_err(|e| config_failure(&e))?;
        if let Input::Found(p) = &input {
            if let Some(why) = policy.skips(p) {
                skipped.push(Some((why, policy.source.clone())));
                continue;
            }
        }
        skipped.push(None);
        inputs.push((input, policy));
    }
    if inputs.is_empty() && failures.is_empty() && !args.allow_no_files {
        let reasons: Vec<String> = walked
            .iter()
            .map(|(root, range)| nothing_under(root, &skipped[range.clone()]))
            .collect();
        crate::print_error(&crate::terminal::escape(&format!(
            "no file was checked: {}. Pass --allow-no-files if that is fine",
            reasons.join("; ")
        )));
        return Err(ExitCode::from(2));
    }
    Ok((inputs, failures))
}

/// Stdin, read up front on this thread when it is among the inputs (files are read by
/// the workers).
fn read_stdin(inputs: &[(Input, Arc<Policy>)], failures: &mut Vec<String>) -> Option<Vec<u8>> {
    if !inputs.iter().any(|(i, _)| matches!(i, Input::Stdin)) {
        return None;
    }
    let read_cap = waflow::Options::default().read_cap;
    match read_capped(std::io::stdin().lock(), read_cap) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            failures.push(format!("<stdin>: {err}"));
            None
        }
    }
}

/// Every input read, validated and prepared for the renderer, in parallel and in input
/// order; inputs that could not be read become failures.
fn check_all(
    args: &CheckArgs,
    inputs: &[(Input, Arc<Policy>)],
    stdin: Option<&[u8]>,
    renderer: Option<&dyn Renderer>,
    failures: &mut Vec<String>,
) -> Vec<Checked> {
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".into());
    let progress = if inputs.len() > PROGRESS_FROM && std::io::stderr().is_terminal() && !args.quiet
    {
        indicatif::ProgressBar::with_draw_target(
            Some(inputs.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    let check_one = |(input, policy): &(Input, Arc<Policy>)| -> Result<Checked, String> {
        let options = check_options(args, policy);
        let (name, bytes, known) = match input {
            Input::Stdin => match stdin {
                Some(b) => (stdin_name.clone(), b.to_vec(), None),
                None => return Err(String::new()),
            },
            Input::File(path) | Input::Found(path) => {
                let name = path.display().to_string();
                let (bytes, known) = load(path, &options).map_err(|e| format!("{name}: {e}"))?;
                (name, bytes, known)
            }
        };
        let policy_path = input.path().or(Some(Path::new(&stdin_name)));
        let apply_policy = |report| policy.apply(policy_path, report);
        let (bytes, report, fixing) = match known {
            Some(report) => (bytes, apply_policy(report), fixing::Outcome::default()),
            None if args.fix || args.diff => {
                fixing::fix_input(args, input.path(), &name, bytes, &options, apply_policy)?
            }
            // validate_capped applies the read cap and knows whether it cut the input.
            None => {
                let report = waflow::validate_capped(&bytes, &options);
                (bytes, apply_policy(report), fixing::Outcome::default())
            }
        };
        let mut report = report;
        if args.no_warnings {
            report = report.map(|f| (f.severity == waflow::Severity::Error).then_some(f));
        }
        let mut checked = Checked::new(name, bytes, report);
        checked.fixing = fixing;
        match renderer {
            Some(renderer) => renderer.prepare(&mut checked),
            // The statistics count findings; they need no text.
            None => checked.bytes = Vec::new(),
        }
        progress.inc(1);
        Ok(checked)
    };
    // One file needs no thread pool: starting one costs more than checking it.
    let results: Vec<Result<Checked, String>> = if inputs.len() > 1 {
        inputs.par_iter().map(check_one).collect()
    } else {
        inputs.iter().map(check_one).collect()
    };
    progress.finish_and_clear();
    let mut checked = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err(e) if e.is_empty() => {}
            Err(e) => failures.push(e),
        }
    }
    checked
}

/// The library's options for one input: its policy's frozen-version severity unless the
/// flag says otherwise, and the flags' caps.
fn check_options(args: &CheckArgs, policy: &Policy) -> waflow::Options {
    let frozen = args
        .frozen_version
        .or(policy.frozen_version)
        .unwrap_or_default();
    let defaults = options(frozen);
    waflow::Options {
        max_findings: args
            .max_findings
            .map_or(defaults.max_findings, |n| n as usize),
        max_depth: args.max_depth.map_or(defaults.max_depth, |n| n as usize),
        ..defaults
    }
}

/// The rendered report on stdout, then the failures and stale suppressions on stderr;
/// whether stdout took it.
fn write_out(
    args: &CheckArgs,
    checked: &[Checked],
    renderer: Option<&dyn Renderer>,
    failures: &[String],
    policies: &Policies,
) -> std::io::Result<()> {
    // Text from a file reaches a terminal escaped; a pipe (`| patch -p1`) gets it exact.
    let shown = |text: &str| terminal::for_stdout(text).into_owned();
    let applied: usize = checked.iter().map(|c| c.fixing.applied).sum();
    let fixed_files = checked.iter().filter(|c| c.fixing.applied > 0).count();
    let mut out = Vec::new();
    let mut to_stderr = Vec::new();
    if args.diff {
        // `--diff` prints the diff alone: the findings are those of files not yet fixed.
        for c in checked {
            out.extend_from_slice(shown(c.fixing.diff.as_deref().unwrap_or_default()).as_bytes());
        }
    } else {
        let mut findings = match renderer {
            Some(renderer) => renderer.render(checked),
            None => statistics(checked, failures.len()),
        };
        if renderer.is_some() && args.format == crate::Format::Human && !args.quiet {
            findings.extend_from_slice(render::human::summary(checked, failures.len()).as_bytes());
        }
        // `--fix` on stdin prints the fixed text; the findings then go to stderr.
        match checked.iter().find_map(|c| c.fixing.stdout.as_deref()) {
            Some(text) => {
                out.extend_from_slice(shown(text).as_bytes());
                to_stderr = findings;
            }
            None => out = findings,
        }
    }
    let mut stdout = std::io::stdout().lock();
    let wrote = stdout.write_all(&out).and_then(|()| stdout.flush());
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(&to_stderr);
    if (args.fix || args.diff) && !args.quiet {
        let verb = if args.diff { "would fix" } else { "fixed" };
        let _ = writeln!(
            stderr,
            "waflow: {verb} {} in {}",
            render::human::plural(applied, "finding"),
            render::human::plural(fixed_files, "file")
        );
    }
    for f in failures {
        let _ = writeln!(stderr, "waflow: error: {}", terminal::escape(f));
    }
    if !args.quiet {
        for p in &policies.all {
            for stale in p.unused_suppressions() {
                let _ = writeln!(stderr, "waflow: warning: {}", terminal::escape(&stale));
            }
        }
    }
    wrote
}

/// 2 for failures, 1 for errors or too many warnings, else 0 (`--exit-zero`: 0 unless
/// something failed).
fn exit_code(args: &CheckArgs, checked: &[Checked], failures: &[String]) -> ExitCode {
    let warnings: usize = checked.iter().map(|c| c.report.warnings().len()).sum();
    if !failures.is_empty() {
        ExitCode::from(2)
    } else if args.exit_zero {
        ExitCode::SUCCESS
    } else if args.diff {
        // As ruff: 1 when there is something to fix.
        ExitCode::from(u8::from(checked.iter().any(|c| c.fixing.applied > 0)))
    } else if checked.iter().any(|c| !c.report.is_valid()) {
        ExitCode::from(1)
    } else if args.max_warnings.is_some_and(|max| warnings > max) {
        let _ = writeln!(
            std::io::stderr().lock(),
            "waflow: {} exceed --max-warnings {}",
            render::human::plural(warnings, "warning"),
            args.max_warnings.unwrap_or_default()
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn config_failure(e: &config::ConfigError) -> ExitCode {
    // A frame of the config file: its lines are kept, its controls shown escaped.
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}",
        terminal::escape_lines(&e.render())
    );
    ExitCode::from(2)
}

/// Why nothing under the walked directory `root` is checked: no JSON file, or the
/// config's globs left none (`skipped` holds each file's reason and its config).
fn nothing_under(root: &Path, skipped: &[Option<(Skip, Option<PathBuf>)>]) -> String {
    let dir = format!("{}/", root.display().to_string().trim_end_matches('/'));
    if skipped.is_empty() {
        return format!(
            "no flow files under {dir} (no *.json file outside hidden and git-ignored paths)"
        );
    }
    let configs = |skip: Skip| {
        let mut names: Vec<String> = skipped
            .iter()
            .flatten()
            .filter(|(s, _)| *s == skip)
            .map(|(_, c)| {
                c.as_deref()
                    .map_or_else(|| config::FILE_NAME.to_owned(), |p| p.display().to_string())
            })
            .collect();
        names.sort();
        names.dedup();
        names.join(", ")
    };
    let n = skipped.len();
    let count = |skip| skipped.iter().flatten().filter(|(s, _)| *s == skip).count();
    match (count(Skip::NotIncluded), count(Skip::Excluded)) {
        (_, 0) => format!(
            "the include globs of {} matched none of the *.json files under {dir} ({n} found)",
            configs(Skip::NotIncluded)
        ),
        (0, _) => format!(
            "the exclude globs of {} excluded every *.json file under {dir} ({n} found)",
            configs(Skip::Excluded)
        ),
        (missed, excluded) => format!(
            "of the {n} *.json files under {dir}, {excluded} matched the exclude globs of {} \
             and {missed} did not match the include globs of {}",
            configs(Skip::Excluded),
            configs(Skip::NotIncluded)
        ),
    }
}

/// `--statistics`: findings per rule, most frequent first.
fn statistics(checked: &[Checked], unreadable: usize) -> Vec<u8> {
    let mut counts: BTreeMap<(String, String, &'static str), usize> = BTreeMap::new();
    for c in checked {
        for f in c.report.errors().iter().chain(c.report.warnings()) {
            // Escaped: a code may come from a server (the table is printed as is).
            let error = terminal::escape(&f.error).into_owned();
            let rule = f.rule.map_or_else(|| error.clone(), str::to_owned);
            *counts
                .entry((rule, error, f.severity.as_str()))
                .or_default() += f.pointers.len().max(1);
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let width = rows.iter().map(|((r, _, _), _)| r.len()).max().unwrap_or(0);
    let mut out = String::new();
    for ((rule, error, severity), n) in &rows {
        out.push_str(&format!("{n:>6}  {rule:width$}  {error}  ({severity})\n"));
    }
    let total: usize = rows.iter().map(|(_, n)| n).sum();
    let unread = match unreadable {
        0 => String::new(),
        n => format!("; {} could not be read", render::human::plural(n, "file")),
    };
    out.push_str(&format!(
        "Found {total} in {}{unread}.\n",
        render::human::plural(checked.len(), "file")
    ));
    out.into_bytes()
}

/// A file's bytes, or, for a regular file over the size limit, its report without them.
///
/// Why: a regular file's length is known, so one over the limit is rejected with its exact
/// size, unread (reading up to the cap took 0.4 s and 70 MB for a 1 GB file). Files that
/// are not regular (FIFOs, devices) are refused; stdin is read up to the cap.
fn load(
    path: &Path,
    options: &waflow::Options,
) -> std::io::Result<(Vec<u8>, Option<waflow::Report>)> {
    // Regular files only: a FIFO would block the run, a device never ends. stdin (`-`)
    // is the way to pipe a flow in.
    let (f, meta) = crate::bounded::open_regular(path).map_err(|e| match e {
        crate::bounded::Refusal::Io(e) => e,
        other => std::io::Error::other(format!(
            "{other}; to check piped text, pass `-` and pipe it to stdin"
        )),
    })?;
    if let Some(report) = waflow::oversized(meta.len(), options) {
        return Ok((Vec::new(), Some(report)));
    }
    Ok((read_capped_sized(f, options.read_cap, meta.len())?, None))
}

/// Reads at most `cap + 1` bytes: enough for the library to tell that the input is over
/// the cap, never the whole of a huge file.
pub(crate) fn read_capped(reader: impl Read, cap: u64) -> std::io::Result<Vec<u8>> {
    read_capped_sized(reader, cap, 0)
}

/// [`read_capped`] into a buffer sized for `expected` bytes (a file's length), so a large
/// file is read without the doubling series of copies.
pub(crate) fn read_capped_sized(
    reader: impl Read,
    cap: u64,
    expected: u64,
) -> std::io::Result<Vec<u8>> {
    // One more byte than expected lets read_to_end see the end without growing.
    let hint = expected.min(cap).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    reader.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}
