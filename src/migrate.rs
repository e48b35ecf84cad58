//! `waflow migrate --to VERSION PATH...`: moves flows to a newer Flow JSON version with
//! the library's [`waflow::migrate`], then writes each file in place (or prints a diff, or
//! the migrated text for stdin) and tells the author what changed and what needs them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use waflow::fix::Applicability;
use waflow::migrate::{Migration, Needs, Step};
use waflow::FlowVersion;

use crate::inputs::{discover, Input};
use crate::terminal::escape;

#[derive(clap::Args)]
pub(crate) struct MigrateArgs {
    /// Files, directories (every *.json), or `-` for stdin (the migrated text goes to
    /// stdout, the account of it to stderr)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The Flow JSON version to move to [default: the latest version Meta lets you
    /// publish]
    #[arg(long, value_name = "VERSION", value_parser = version_arg)]
    pub to: Option<FlowVersion>,
    /// Print the migration as a unified diff and write nothing; exit 1 when a file
    /// would change
    #[arg(long)]
    pub diff: bool,
    /// The name to report for stdin input
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

fn version_arg(s: &str) -> Result<FlowVersion, String> {
    FlowVersion::parse(s).ok_or_else(|| format!("{s:?} is not a Flow JSON version such as 7.3"))
}

/// What one input came to.
struct Done {
    changed: bool,
    steps: usize,
    unsafe_steps: usize,
    needs: usize,
}

pub(crate) fn run(args: &MigrateArgs) -> ExitCode {
    let to = args.to.unwrap_or(waflow::LATEST);
    let found = discover(&args.paths);
    let mut failures = found.failures;
    if found.inputs.is_empty() && failures.is_empty() {
        failures.push("no *.json file to migrate in the paths given".into());
    }
    let stdin_out = found.inputs.iter().any(|i| matches!(i, Input::Stdin));
    // The account goes where the migrated text does not.
    let mut account: Box<dyn Write> = if stdin_out || args.diff {
        Box::new(std::io::stderr().lock())
    } else {
        Box::new(std::io::stdout().lock())
    };
    let mut done = Vec::new();
    for input in &found.inputs {
        match migrate_one(args, input, to, &mut account) {
            Ok(d) => done.push(d),
            Err(e) => failures.push(e),
        }
    }
    let steps: usize = done.iter().map(|d| d.steps).sum();
    let unsafe_steps: usize = done.iter().map(|d| d.unsafe_steps).sum();
    let needs: usize = done.iter().map(|d| d.needs).sum();
    let changed = done.iter().filter(|d| d.changed).count();
    let verb = if args.diff { "would change" } else { "changed" };
    let review = if unsafe_steps > 0 {
        format!(" ({unsafe_steps} unsafe: review them)")
    } else {
        String::new()
    };
    let _ = writeln!(
        account,
        "Migrated {} to {to}: {changed} {verb}, {steps} {}{review}; {needs} {} the author.",
        plural(done.len(), "file"),
        if steps == 1 { "change" } else { "changes" },
        if needs == 1 {
            "finding needs"
        } else {
            "findings need"
        },
    );
    drop(account);
    for f in &failures {
        crate::print_error(f);
    }
    if !failures.is_empty() {
        ExitCode::from(2)
    } else if needs > 0 || (args.diff && changed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn migrate_one(
    args: &MigrateArgs,
    input: &Input,
    to: FlowVersion,
    account: &mut dyn Write,
) -> Result<Done, String> {
    let options = waflow::Options::default();
    let name = match input {
        Input::Stdin => args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".into()),
        Input::File(p) | Input::Found(p) => p.display().to_string(),
    };
    let bytes = match input.path() {
        // A flow over Meta's size limit cannot be uploaded: it is not read whole.
        Some(path) => crate::bounded::read_regular(path, options.max_bytes as u64)
            .map_err(|e| format!("{name}: {e}"))?,
        None => crate::check::read_capped(std::io::stdin().lock(), options.max_bytes as u64)
            .map_err(|e| format!("{name}: {e}"))?,
    };
    if bytes.len() > options.max_bytes {
        return Err(format!(
            "{name}: larger than Meta's {} byte limit; not migrated",
            waflow::thousands(options.max_bytes as u64)
        ));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{name}: not UTF-8 text"))?;
    let m = waflow::migrate::migrate(text, to, &options).map_err(|e| format!("{name}: {e}"))?;
    let changed = m.text != text;
    write_account(account, &name, &m);
    if changed {
        if args.diff {
            let diff = crate::fixing::unified_diff(&name, text, &m.text);
            let _ = std::io::stdout()
                .lock()
                .write_all(crate::terminal::for_stdout(&diff).as_bytes());
        } else {
            match input.path() {
                Some(path) => crate::fixing::write_in_place(path, m.text.as_bytes(), &bytes)
                    .map_err(|e| format!("{name}: could not write the migrated file: {e}"))?,
                None => {
                    let _ = std::io::stdout().lock().write_all(m.text.as_bytes());
                }
            }
        }
    } else if input.path().is_none() && !args.diff {
        // stdin in, the text out, changed or not: a pipe must not come out empty.
        let _ = std::io::stdout().lock().write_all(m.text.as_bytes());
    }
    Ok(Done {
        changed,
        steps: m.steps.len(),
        unsafe_steps: m
            .steps
            .iter()
            .filter(|s| s.applicability == Applicability::Unsafe)
            .count(),
        needs: m.needs.len(),
    })
}

/// `name: 2.1 -> 7.3`, then a line per change and per finding that needs the author.
fn write_account(out: &mut dyn Write, name: &str, m: &Migration) {
    let name = escape(name);
    if m.from == m.to {
        let _ = writeln!(out, "{name}: already at {}", m.to);
        return;
    }
    let _ = writeln!(out, "{name}: {} -> {}", m.from, m.to);
    for s in &m.steps {
        let _ = writeln!(out, "{}", step_line(s));
    }
    for n in &m.needs {
        let _ = writeln!(out, "{}", needs_line(n));
    }
}

/// `line:col` of a place, or `-`.
fn at(p: Option<&waflow::Pointer>) -> String {
    match p {
        Some(p) => format!("{}:{}", p.line_start, p.column_start),
        None => "-".to_owned(),
    }
}

/// `  4:5  changed (unsafe: review)  Remove "data_channel_uri" [data-channel-uri-removed]`
/// and, indented below it, the source.
fn step_line(s: &Step) -> String {
    let mark = match s.applicability {
        Applicability::Safe => "changed",
        Applicability::Unsafe => "changed (unsafe: review)",
    };
    let rule = s.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
    format!(
        "  {:>7}  {mark}  {}{rule}\n           source: {}",
        at(s.at.as_ref()),
        escape(&s.title),
        s.source
    )
}

/// `  30:34  needs you  error PATTERN_MISMATCH [pattern-mismatch] message` and, below,
/// the version change that causes it.
fn needs_line(n: &Needs) -> String {
    let f = &n.finding;
    let mut line = format!(
        "  {:>7}  needs you  {} {} [{}] {}",
        at(f.pointers.first()),
        f.severity.as_str(),
        f.error,
        f.rule.unwrap_or("-"),
        escape(&f.message),
    );
    if let Some(c) = n.change {
        line.push_str(&format!(
            "\n           since {}: {} (source: {})",
            c.version, c.summary, c.source
        ));
    }
    line
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
