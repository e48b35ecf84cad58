//! The README's commands and snippets, run or checked against the built binary, so the
//! README fails a test when it drifts from what waflow does.
//!
//! Each `sh` and `yaml` block of README.md follows a `<!-- readme-test: ... -->` line
//! that says how it is tested: "run from the clone" blocks run here from the repository
//! root, each line exiting as its `# ... exits N` comment says (0 when it says nothing);
//! "run in a scratch repository" blocks run in an empty directory; the rest are checked
//! here (the install block, the workflow, the pre-commit snippets) and run for real by
//! `.ci/readme` (a clone, `cargo install`, pre-commit), or by `.ci/run` (`cargo test`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

struct Block {
    /// What the `<!-- readme-test: ... -->` line before the block says.
    marker: Option<String>,
    lang: String,
    body: String,
    line: usize,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn blocks() -> Vec<Block> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut out = Vec::new();
    let mut marker = None;
    let mut open: Option<Block> = None;
    for (i, line) in readme.lines().enumerate() {
        if let Some(block) = open.as_mut() {
            if line.trim_end() == "```" {
                out.extend(open.take());
            } else {
                block.body.push_str(line);
                block.body.push('\n');
            }
        } else if let Some(lang) = line.strip_prefix("```") {
            open = Some(Block {
                marker: marker.take(),
                lang: lang.trim().to_owned(),
                body: String::new(),
                line: i + 1,
            });
        } else if let Some(m) = line
            .strip_prefix("<!-- readme-test:")
            .and_then(|m| m.strip_suffix("-->"))
        {
            marker = Some(m.trim().to_owned());
        } else if !line.trim().is_empty() {
            marker = None;
        }
    }
    assert!(open.is_none(), "README.md has an unclosed code block");
    out
}

fn marked<'a>(blocks: &'a [Block], prefix: &str) -> Vec<&'a Block> {
    let found: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.marker.as_deref().is_some_and(|m| m.starts_with(prefix)))
        .collect();
    assert!(!found.is_empty(), "no README block marked `{prefix}`");
    found
}

fn yaml(block: &Block) -> Value {
    serde_norway::from_str(&block.body)
        .unwrap_or_else(|e| panic!("README.md:{}: not YAML: {e}", block.line))
}

/// Runs one README line with `sh`, the built waflow first on PATH.
fn sh(line: &str, dir: &Path) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_waflow"))
        .parent()
        .expect("bin dir")
        .to_owned();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    Command::new("sh")
        .args(["-c", line])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs")
}

/// The command of a line and the exit code its comment promises (`exits N`, else 0).
fn command_and_exit(line: &str) -> (&str, i32) {
    let (command, comment) = line.split_once(" #").unwrap_or((line, ""));
    let exit = comment
        .split("exits ")
        .nth(1)
        .and_then(|rest| rest.chars().next())
        .and_then(|c| c.to_digit(10))
        .map_or(0, |d| d as i32);
    (command.trim(), exit)
}

fn run_block(block: &Block, dir: &Path) -> Vec<(String, Output)> {
    let mut ran = Vec::new();
    for line in block.body.lines().filter(|l| !l.trim().is_empty()) {
        let (command, exit) = command_and_exit(line);
        let out = sh(command, dir);
        assert_eq!(
            out.status.code(),
            Some(exit),
            "README.md:{}: `{command}` should exit {exit}\nstdout:\n{}\nstderr:\n{}",
            block.line,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        ran.push((command.to_owned(), out));
    }
    ran
}

/// A scratch repository with a valid and a broken flow under `flows/`.
fn scratch(with_bad: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("flows")).unwrap();
    let examples = root().join("testdata/examples");
    std::fs::copy(
        examples.join("valid-survey.json"),
        dir.path().join("flows/good.json"),
    )
    .unwrap();
    if with_bad {
        std::fs::copy(
            examples.join("book-a-call.json"),
            dir.path().join("flows/bad.json"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn every_command_block_says_how_it_is_tested() {
    let blocks = blocks();
    assert!(blocks.len() >= 8, "README.md lost its examples");
    for b in &blocks {
        if b.lang == "sh" || b.lang == "yaml" {
            assert!(
                b.marker.is_some(),
                "README.md:{}: a `{}` block without a `<!-- readme-test: ... -->` line saying how it is tested",
                b.line,
                b.lang
            );
        }
    }
}

#[test]
fn the_lint_commands_exit_as_the_readme_says() {
    let blocks = blocks();
    let lint = marked(&blocks, "run from the clone");
    let ran: Vec<(String, Output)> = lint.iter().flat_map(|b| run_block(b, root())).collect();
    // One lint of a valid flow that passes and one of a broken flow that fails.
    assert!(ran
        .iter()
        .any(|(c, o)| c.starts_with("waflow check") && o.status.code() == Some(0)));
    assert!(ran
        .iter()
        .any(|(c, o)| c.starts_with("waflow check") && o.status.code() == Some(1)));
    let broken = lint[0].body.lines().find(|l| l.contains("exits 1"));
    assert!(
        broken.is_some_and(|l| l.contains("broken on purpose")),
        "the failing example must say it fails on purpose"
    );
}

#[test]
fn the_install_block_clones_this_repository_and_installs_locked() {
    let blocks = blocks();
    let install = marked(&blocks, "checked; .ci/readme runs it");
    let lines: Vec<&str> = install[0].body.lines().collect();
    assert_eq!(
        lines,
        [
            format!("git clone {REPOSITORY}").as_str(),
            "cd waflow",
            "cargo install --locked --path .",
        ]
    );
    assert!(root().join("Cargo.lock").is_file());
}

#[test]
fn the_editor_setup_writes_the_schema_the_vs_code_mapping_names() {
    let blocks = blocks();
    let dir = tempfile::tempdir().unwrap();
    for b in marked(&blocks, "run in a scratch repository") {
        run_block(b, dir.path());
    }
    let settings = marked(&blocks, "tests/readme.rs checks that the path");
    let settings: Value = serde_json::from_str(&settings[0].body).expect("settings are JSON");
    let mapping = &settings["json.schemas"][0];
    let url = mapping["url"].as_str().expect("a url");
    let schema = std::fs::read_to_string(dir.path().join(url)).expect("the schema was written");
    let schema: Value = serde_json::from_str(&schema).expect("the schema is JSON");
    assert!(schema["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("draft-07")));
    assert!(mapping["fileMatch"][0]
        .as_str()
        .is_some_and(|m| m.starts_with("flows/")));
}

#[test]
fn the_github_actions_workflow_parses_and_its_waflow_steps_work() {
    let blocks = blocks();
    let workflow = marked(&blocks, "tests/readme.rs parses it");
    let workflow = yaml(workflow[0]);
    assert!(workflow["on"]
        .as_array()
        .is_some_and(|on| on.contains(&"pull_request".into())));
    assert_eq!(workflow["permissions"]["security-events"], "write");
    let steps = workflow["jobs"]["flows"]["steps"]
        .as_array()
        .expect("jobs.flows.steps");
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    let install = format!(
        "cargo install --locked --git {REPOSITORY} {}",
        env!("CARGO_PKG_NAME")
    );
    assert_eq!(runs.first().copied(), Some(install.as_str()));
    let upload = steps
        .iter()
        .position(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("a SARIF upload step");
    let sarif_file = steps[upload]["with"]["sarif_file"]
        .as_str()
        .expect("sarif_file");
    let waflow_steps: Vec<&str> = runs
        .iter()
        .copied()
        .filter(|r| r.starts_with("waflow "))
        .collect();
    assert_eq!(waflow_steps.len(), 2, "{runs:?}");

    // On a repository with a broken flow: the SARIF step passes and writes the uploaded
    // file; the annotation step fails the job with annotations on the broken file.
    let dir = scratch(true);
    let sarif_step = sh(waflow_steps[0], dir.path());
    assert_eq!(sarif_step.status.code(), Some(0), "{}", waflow_steps[0]);
    let sarif: Value = serde_json::from_slice(
        &std::fs::read(dir.path().join(sarif_file)).expect("the SARIF step writes sarif_file"),
    )
    .expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["runs"][0]["results"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
    let github = sh(waflow_steps[1], dir.path());
    assert_eq!(github.status.code(), Some(1), "{}", waflow_steps[1]);
    let annotations = String::from_utf8_lossy(&github.stdout);
    assert!(
        annotations.starts_with("::error file=flows/bad.json,line="),
        "{annotations}"
    );
    // On a clean repository the job passes.
    let clean = scratch(false);
    assert_eq!(sh(waflow_steps[1], clean.path()).status.code(), Some(0));
}

#[test]
fn the_pre_commit_snippets_use_the_hooks_this_repository_offers() {
    let hooks_file = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let offered: Value = serde_norway::from_str(&hooks_file).expect(".pre-commit-hooks.yaml");
    let offered = offered.as_array().expect("a list of hooks");
    let hook = |id: &str| offered.iter().find(|h| h["id"] == id);
    let blocks = blocks();

    // `repo: local`: the installed waflow, with the same files and types as the
    // repository's own system hook (which .ci/pre-commit proves).
    let local = yaml(marked(&blocks, ".ci/readme runs this hook")[0]);
    let repo = &local["repos"][0];
    assert_eq!(repo["repo"], "local");
    let local_hook = &repo["hooks"][0];
    let system = hook("waflow-system").expect("a waflow-system hook");
    for key in ["entry", "language", "types", "files"] {
        assert_eq!(local_hook[key], system[key], "{key}");
    }
    let entry = local_hook["entry"].as_str().unwrap_or_default();
    let dir = scratch(true);
    assert_eq!(
        sh(&format!("{entry} flows/good.json"), dir.path())
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        sh(&format!("{entry} flows/bad.json"), dir.path())
            .status
            .code(),
        Some(1)
    );

    // The remote repository: this one, a commit sha for `rev`, hooks that exist.
    let remote_block = marked(&blocks, ".ci/readme pins it")[0];
    let remote = yaml(remote_block);
    // pre-commit's parser (PyYAML, YAML 1.1) reads an all-digit rev as a number and
    // rejects the config; a placeholder sha must be quoted.
    let raw_rev = remote_block
        .body
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("rev:"))
        .map(str::trim)
        .unwrap_or_default();
    assert!(
        raw_rev.starts_with('"') || raw_rev.chars().any(|c| c.is_ascii_alphabetic()),
        "rev {raw_rev} would be read as a number"
    );
    let repo = &remote["repos"][0];
    assert_eq!(repo["repo"], REPOSITORY);
    let rev = repo["rev"].as_str().expect("rev is a string");
    assert!(
        rev.len() == 40 && rev.chars().all(|c| c.is_ascii_hexdigit()),
        "rev must be a commit sha (the repository has no tags): {rev}"
    );
    for h in repo["hooks"].as_array().expect("hooks") {
        let id = h["id"].as_str().unwrap_or_default();
        assert!(hook(id).is_some(), "no hook {id} in .pre-commit-hooks.yaml");
    }
}

#[test]
fn the_config_example_is_a_valid_waflow_toml() {
    let blocks = blocks();
    let config = marked(&blocks, "tests/readme.rs checks a project with this config");
    let dir = scratch(false);
    std::fs::write(dir.path().join("waflow.toml"), &config[0].body).unwrap();
    // Found as the nearest config, and named with --config (relative, as users type it).
    for command in [
        "waflow check flows",
        "waflow check --config waflow.toml flows",
        "waflow check --config ./waflow.toml flows",
    ] {
        let out = sh(command, dir.path());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // `include` takes flows/good.json.
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Checked 1 file"), "{command}: {stdout}");
    }
}

/// The JavaScript block: build the npm package with .ci/wasm, then install its folder.
/// .ci/wasm runs the install line itself, in a scratch project, after the package's
/// tests; this holds the block to what it runs and the package to the name it imports.
#[test]
fn the_javascript_block_builds_the_npm_package_and_installs_its_folder() {
    let blocks = blocks();
    let js = marked(&blocks, "checked by tests/readme.rs; .ci/wasm");
    let commands: Vec<&str> = js[0].body.lines().map(|l| command_and_exit(l).0).collect();
    assert_eq!(commands, ["bash .ci/wasm", "npm install ./npm"]);
    let script = std::fs::read_to_string(root().join(".ci/wasm")).expect(".ci/wasm");
    assert!(
        script.contains("for from in \"$tarball\" ./npm; do"),
        ".ci/wasm no longer runs `npm install ./npm`"
    );
    let run = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(run.lines().any(|l| l.starts_with("bash .ci/wasm ")));
    let package: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("npm/package.json")).unwrap())
            .expect("npm/package.json");
    // The README imports it by this name.
    assert_eq!(package["name"], "waflow");
    assert_eq!(package["version"], env!("CARGO_PKG_VERSION"));
}

/// The benchmark detail lives in docs/benchmarks.md; the README keeps a summary.
#[test]
fn the_speed_section_is_a_summary_that_links_the_benchmarks() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let speed = readme
        .split("\n## Speed\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Speed section");
    let lines = speed.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(lines <= 3, "the Speed section has {lines} lines");
    assert!(speed.contains("docs/benchmarks.md"));
    assert!(PathBuf::from(root()).join("docs/benchmarks.md").is_file());
}
