//! The `waflow` binary, run as users run it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const VALID: &str = r#"{"version": "7.3", "screens": [{"id": "END", "title": "End", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]}"#;
const INVALID: &str = "{\n  \"version\": \"7.3\",\n  \"screens\": [],\n}\n";

fn waflow(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("waflow runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is one JSON document")
}

fn files(dir: &Path, list: &[(&str, &str)]) {
    for (name, text) in list {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn exit_0_for_valid_1_for_errors_2_for_io_and_usage() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), &[("ok.json", VALID), ("bad.json", INVALID)]);
    let ok = waflow(&["check", "ok.json"], dir.path());
    assert_eq!(ok.status.code(), Some(0));
    assert!(stdout(&ok).contains("Checked 1 file: no problems found."));

    let bad = waflow(&["check", "ok.json", "bad.json"], dir.path());
    assert_eq!(bad.status.code(), Some(1));

    let missing = waflow(&["check", "ok.json", "nope.json"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("nope.json: no such file or directory"),
        "{err}"
    );

    assert_eq!(
        waflow(&["check", "--format", "yaml", "ok.json"], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(waflow(&["check"], dir.path()).status.code(), Some(2));
}

#[test]
fn human_output_is_a_code_frame_with_meta_code_rule_and_position() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), &[("bad.json", INVALID)]);
    let out = stdout(&waflow(&["check", "bad.json"], dir.path()));
    assert!(
        out.contains("error[INVALID_FLOW_JSON/invalid-json]: Trailing comma before '}'"),
        "{out}"
    );
    assert!(out.contains("┌─ bad.json:3:16"), "{out}");
    assert!(out.contains("3 │   \"screens\": [],"), "{out}");
    assert!(
        out.contains("line 3, columns 16-16 (Meta's position)"),
        "{out}"
    );
    // Not a terminal: no colour.
    assert!(!out.contains('\u{1b}'), "{out}");
    let coloured = stdout(&waflow(
        &["check", "--color", "always", "bad.json"],
        dir.path(),
    ));
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn a_minified_flow_shows_windows_of_its_one_line_and_at_most_ten_places_a_frame() {
    // One line of 400 components, each with the same two wrong types: the findings merge
    // into frames of 400 places each on that line.
    let component = r#"{"type": "TextInput", "name": 3, "label": 4}"#;
    let children = vec![component; 400].join(", ");
    let flow = format!(
        r#"{{"version": "7.3", "screens": [{{"id": "A", "title": "A", "layout": {{"type": "SingleColumnLayout", "children": [{children}]}}}}]}}"#
    );
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), &[("min.json", &flow)]);
    let out = stdout(&waflow(&["check", "min.json"], dir.path()));
    let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 1_500, "a line of {longest} characters");
    assert!(
        out.contains("and 390 more places (`--format json` lists every place)"),
        "{out}"
    );
    // The header keeps the real column (the first `3` after `"name": `).
    let column = flow.find(r#""name": 3"#).unwrap() + r#""name": "#.len() + 1;
    assert!(out.contains(&format!("min.json:1:{column}")), "{out}");
    let listed = json(&waflow(
        &["check", "--format", "json", "min.json"],
        dir.path(),
    ));
    let pointers = listed[0]["validationErrors"][0]["pointers"]
        .as_array()
        .map(Vec::len);
    assert_eq!(pointers, Some(400));
}

#[test]
fn json_format_is_one_array_in_input_order_in_8x8_spelling() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), &[("a.json", VALID), ("b.json", INVALID)]);
    let out = waflow(
        &["check", "--format", "json", "b.json", "a.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["file"], "b.json");
    assert_eq!(entries[1]["file"], "a.json");
    let e = &entries[0]["validationErrors"][0];
    assert_eq!(e["error"], "INVALID_FLOW_JSON");
    assert_eq!(e["errorType"], "FLOW_JSON_ERROR");
    assert_eq!(
        (
            e["lineStart"].as_u64(),
            e["columnStart"].as_u64(),
            e["columnEnd"].as_u64()
        ),
        (Some(3), Some(16), Some(16))
    );
    assert_eq!(e["pointers"][0]["lineEnd"], 3);
    assert!(
        e.get("rule").is_none(),
        "waflow's additions stay off the documented shape"
    );
    assert_eq!(entries[1]["validationErrors"], serde_json::json!([]));
    assert_eq!(entries[1]["warnings"], serde_json::json!([]));
}

#[test]
fn meta_format_uses_snake_case() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), &[("b.json", INVALID)]);
    let v = json(&waflow(
        &["check", "--format", "meta", "b.json"],
        dir.path(),
    ));
    let e = &v[0]["validation_errors"][0];
    assert_eq!(e["error_type"], "FLOW_JSON_ERROR");
    assert_eq!(e["line_start"], 3);
    assert_eq!(e["pointers"][0]["column_end"], 16);
    assert!(v[0].get("validationErrors").is_none());
}

#[test]
fn directories_are_walked_for_json_honouring_gitignore_sorted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    files(
        dir.path(),
        &[
            (".gitignore", "build/\n"),
            ("flows/z.json", VALID),
            ("flows/a.json", VALID),
            ("flows/sub/m.JSON", INVALID),
            ("flows/notes.txt", "not a flow"),
            ("flows/build/out.json", INVALID),
        ],
    );
    let v = json(&waflow(&["check", "--format", "json", "flows"], dir.path()));
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["flows/a.json", "flows/sub/m.JSON", "flows/z.json"]);
}

#[test]
fn stdin_is_read_with_dash_and_named_by_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "flows/x.json",
            "-",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(INVALID.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v[0]["file"], "flows/x.json");
    assert_eq!(v[0]["validationErrors"][0]["lineStart"], 3);
}

#[test]
fn frozen_version_can_be_lowered_to_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[(
            "old.json",
            r#"{"version": "3.1", "screens": [{"id": "END", "title": "End", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]}"#,
        )],
    );
    assert_eq!(
        waflow(&["check", "old.json"], dir.path()).status.code(),
        Some(1)
    );
    let out = waflow(
        &[
            "check",
            "--format",
            "json",
            "--frozen-version",
            "warning",
            "old.json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(
        v[0]["warnings"][0]["error"],
        "INVALID_FLOW_JSON_VERSION_STATE"
    );
}

#[test]
fn the_findings_and_depth_caps_are_the_callers_choice() {
    let dir = tempfile::tempdir().unwrap();
    // Twelve screens that are all wrong the same way, and nesting 200 deep.
    let screens = [r#"{"id": 1}"#; 12].join(", ");
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    files(
        dir.path(),
        &[
            (
                "many.json",
                &format!(r#"{{"version": "7.3", "screens": [{screens}]}}"#),
            ),
            (
                "deep.json",
                &format!(r#"{{"version": "7.3", "screens": {deep}}}"#),
            ),
        ],
    );
    let run = |args: &[&str]| {
        json(&waflow(
            &[&["check", "--format", "json"], args].concat(),
            dir.path(),
        ))
    };

    let capped = run(&["--max-findings", "3", "many.json"]);
    let errors = capped[0]["validationErrors"].as_array().unwrap();
    let places: usize = errors
        .iter()
        .map(|e| e["pointers"].as_array().unwrap().len())
        .sum();
    assert_eq!(places, 3, "{errors:#?}");
    let warning = &capped[0]["warnings"][0];
    assert_eq!(warning["error"], "WAFLOW_TOO_MANY_FINDINGS");
    assert!(warning["message"].as_str().unwrap().contains("capped at 3"));
    let uncapped = run(&["many.json"]);
    assert!(uncapped[0]["warnings"].as_array().unwrap().is_empty());
    let all: usize = uncapped[0]["validationErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointers"].as_array().unwrap().len())
        .sum();
    assert_eq!(all, 36, "three faults per screen");

    let too_deep = "Nesting is too deep: more than 127 nested arrays or objects";
    assert_eq!(
        run(&["deep.json"])[0]["validationErrors"][0]["message"],
        too_deep
    );
    // Raised, the parser takes it and the structure check judges it.
    let raised = run(&["--max-depth", "300", "deep.json"]);
    assert_eq!(
        raised[0]["validationErrors"][0]["message"],
        "The value should be object, not an array."
    );
    let lowered = run(&["--max-depth", "2", "many.json"]);
    assert_eq!(
        lowered[0]["validationErrors"][0]["message"],
        "Nesting is too deep: more than 2 nested arrays or objects"
    );

    let zero = waflow(&["check", "--max-findings", "0", "many.json"], dir.path());
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn binary_garbage_and_huge_files_get_findings_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bin.json"),
        [0u8, 159, 146, 150, 0xff, b'{'],
    )
    .unwrap();
    let mut big = vec![b' '; 11 * 1_048_576];
    big[0] = b'{';
    std::fs::write(dir.path().join("big.json"), big).unwrap();
    let out = waflow(
        &["check", "--format", "json", "bin.json", "big.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert!(v[0]["validationErrors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("Invalid UTF-8 at byte offset 1"));
    assert!(v[1]["validationErrors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("1,048,576 bytes over"));
    // The human renderer copes with both too.
    let human = waflow(&["check", "bin.json", "big.json"], dir.path());
    assert_eq!(human.status.code(), Some(1));
}

#[test]
fn a_huge_regular_file_is_rejected_with_its_exact_size_unread() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: a length without the bytes, as large as a real mistake can be.
    let huge = std::fs::File::create(dir.path().join("huge.json")).unwrap();
    huge.set_len(1 << 30).unwrap();
    let out = waflow(&["check", "--format", "json", "huge.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let message = v[0]["validationErrors"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("The Flow JSON is 1,073,741,824 bytes: 1,063,256,064 bytes over"),
        "{message}"
    );
    // Input that is not a regular file says nothing true about its length: it is read
    // up to the cap, and the finding says "more than".
    let mut child = Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args(["check", "--format", "json", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The binary stops reading at its cap and closes the pipe; a write error after that
    // is expected.
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        if stdin.write_all(&chunk).is_err() {
            break;
        }
    }
    drop(stdin);
    let piped = child.wait_with_output().unwrap();
    let v = json(&piped);
    let message = v[0]["validationErrors"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("The Flow JSON is more than"),
        "{message}"
    );
}

#[test]
fn rules_and_explain_come_from_the_registry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let listed = waflow(&["rules", "--format", "json"], dir.path());
    assert_eq!(listed.status.code(), Some(0));
    let rules = json(&listed);
    let codes: Vec<&str> = rules
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["code"].as_str().expect("code"))
        .collect();
    let registry: Vec<&str> = waflow::registry::all().iter().map(|r| r.code).collect();
    assert_eq!(codes, registry);

    let human = stdout(&waflow(&["rules"], dir.path()));
    assert!(human.contains("routing-back-edge") && human.contains("INVALID_ROUTING_MODEL"));
    assert!(human.contains(&format!("{} rules.", registry.len())));

    let explained = waflow(&["explain", "navigate-to-self"], dir.path());
    assert_eq!(explained.status.code(), Some(0));
    let text = stdout(&explained);
    assert!(text.starts_with("navigate-to-self\n"), "{text}");
    assert!(text.contains("INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME (FLOW_JSON_ERROR)"));
    assert!(text.contains("update_data"), "the doc is printed: {text}");

    let unknown = waflow(&["explain", "back-edge"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("routing-back-edge"));
}

/// Runs waflow and fails the test if it has not finished within 10 s (a blocking read
/// would otherwise hang the test run).
fn waflow_in_time(args: &[&str], dir: &Path, envs: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_waflow"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("waflow runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("waflow {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn checking_no_file_is_exit_2_and_says_why_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    files(
        dir.path(),
        &[("p/flows/a.json", VALID), ("p/notes.txt", "")],
    );

    let empty = waflow(&["check", "d"], dir.path());
    assert_eq!(empty.status.code(), Some(2));
    assert!(stdout(&empty).is_empty(), "{}", stdout(&empty));
    assert!(
        stderr(&empty).contains("no file was checked: no flow files under d/"),
        "{}",
        stderr(&empty)
    );
    assert!(stderr(&empty).contains("--allow-no-files"));

    files(
        dir.path(),
        &[("p/waflow.toml", "include = [\"screens/**\"]\n")],
    );
    let unmatched = waflow(&["check", "p"], dir.path());
    assert_eq!(unmatched.status.code(), Some(2));
    let err = stderr(&unmatched);
    assert!(
        err.contains("the include globs of ")
            && err.contains("waflow.toml matched none of the *.json files under p/ (1 found)"),
        "{err}"
    );
    files(dir.path(), &[("p/waflow.toml", "exclude = [\"flows\"]\n")]);
    let excluded = stderr(&waflow(&["check", "p"], dir.path()));
    assert!(
        excluded.contains("waflow.toml excluded every *.json file under p/ (1 found)"),
        "{excluded}"
    );

    // Allowed: exit 0, and the summary does not claim anything was found clean.
    let allowed = waflow(&["check", "--allow-no-files", "d", "p"], dir.path());
    assert_eq!(allowed.status.code(), Some(0), "{}", stderr(&allowed));
    assert_eq!(stdout(&allowed), "Checked 0 files.\n");
    let as_json = waflow(
        &["check", "--allow-no-files", "--format", "json", "d"],
        dir.path(),
    );
    assert_eq!(json(&as_json), serde_json::json!([]));
    // A file named on the command line is always checked; stdin always counts.
    assert_eq!(
        waflow(&["check", "p/flows/a.json"], dir.path())
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_file_that_could_not_be_read_is_counted_and_never_beside_no_problems_found() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), &[("ok.json", VALID), ("bad.json", INVALID)]);
    let missing = waflow(&["check", "missing.json"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stdout(&missing),
        "Checked 0 files; 1 file could not be read.\n"
    );
    let one_ok = waflow(&["check", "ok.json", "missing.json"], dir.path());
    assert_eq!(one_ok.status.code(), Some(2));
    let out = stdout(&one_ok);
    assert!(!out.contains("no problems found"), "{out}");
    assert_eq!(
        out,
        "Checked 1 file (no errors or warnings); 1 file could not be read.\n"
    );
    let with_errors = stdout(&waflow(
        &["check", "bad.json", "gone.json", "nope.json"],
        dir.path(),
    ));
    assert!(
        with_errors.contains(
            "\nChecked 1 file: 1 error, 0 warnings (1 file with errors); 2 files could not be read.\n1 fixable with `waflow check --fix`.\n"
        ),
        "{with_errors}"
    );
    let stats = stdout(&waflow(
        &["check", "--statistics", "ok.json", "missing.json"],
        dir.path(),
    ));
    assert!(
        stats.ends_with("Found 0 in 1 file; 1 file could not be read.\n"),
        "{stats}"
    );
}

#[cfg(unix)]
#[test]
fn symlinked_files_in_a_walked_directory_are_checked_and_a_loop_is_named() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[("outside.json", INVALID), ("r/flows/ok.json", VALID)],
    );
    // The issue's repro: `ln -s ../../outside.json r/flows/link.json && waflow check r`.
    symlink("../../outside.json", dir.path().join("r/flows/link.json")).unwrap();
    let linked = waflow(&["check", "--format", "json", "r"], dir.path());
    assert_eq!(linked.status.code(), Some(1));
    let v = json(&linked);
    assert_eq!(v[0]["file"], "r/flows/link.json");
    assert_eq!(v[0]["validationErrors"][0]["error"], "INVALID_FLOW_JSON");
    assert_eq!(v[1]["file"], "r/flows/ok.json");

    // A linked directory is not followed (its flows are not checked twice, and a link
    // to `..` does not go round).
    symlink("..", dir.path().join("r/flows/up")).unwrap();
    symlink("flows", dir.path().join("r/again.json")).unwrap();
    let v = json(&waflow(&["check", "--format", "json", "r"], dir.path()));
    assert_eq!(v.as_array().map(Vec::len), Some(2), "{v:#}");

    // Loops and dangling links are named, and fail the run.
    symlink("loop.json", dir.path().join("r/flows/loop.json")).unwrap();
    symlink("gone.json", dir.path().join("r/flows/broken.json")).unwrap();
    let out = waflow(&["check", "r"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("r/flows/loop.json: a symbolic link loop"),
        "{err}"
    );
    assert!(
        err.contains("r/flows/broken.json: a broken symbolic link"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("; 2 files could not be read.\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_config_search_stops_at_the_repository_root_or_home() {
    let dir = tempfile::tempdir().unwrap();
    // The issue's repro: p/waflow.toml excludes the bad flow of the repository p/repo.
    files(
        dir.path(),
        &[
            ("p/waflow.toml", "exclude = [\"**/bad.json\"]\n"),
            ("p/repo/flows/bad.json", INVALID),
            ("p/repo/flows/ok.json", VALID),
        ],
    );
    let repo = dir.path().join("p/repo");
    std::fs::create_dir(repo.join(".git")).unwrap();
    let out = waflow(&["check", "--format", "json", "."], &repo);
    assert_eq!(out.status.code(), Some(1), "the outer config is not used");
    assert_eq!(json(&out).as_array().map(Vec::len), Some(2));
    // The repository root itself is searched; `.git` as a file (a worktree) is a root too.
    files(&repo, &[("waflow.toml", "exclude = [\"**/bad.json\"]\n")]);
    assert_eq!(waflow(&["check", "."], &repo).status.code(), Some(0));
    std::fs::remove_dir(repo.join(".git")).unwrap();
    files(&repo, &[(".git", "gitdir: /elsewhere\n")]);
    std::fs::remove_file(repo.join("waflow.toml")).unwrap();
    assert_eq!(waflow(&["check", "."], &repo).status.code(), Some(1));
    // --config still names any file.
    assert_eq!(
        waflow(&["check", "--config", "../waflow.toml", "."], &repo)
            .status
            .code(),
        Some(0)
    );

    // Outside a repository the search stops at $HOME (which is itself searched).
    files(
        dir.path(),
        &[
            ("h/waflow.toml", "exclude = [\"bad.json\"]\n"),
            ("h/me/proj/bad.json", INVALID),
            ("h/me/waflow.toml", "frozen-version = \"warning\"\n"),
        ],
    );
    let home = dir.path().join("h/me");
    let proj = home.join("proj");
    let out = waflow_in_time(&["check", "bad.json"], &proj, &[("HOME", &home)]);
    assert_eq!(out.status.code(), Some(1), "h/waflow.toml is above home");
    let shown = waflow_in_time(
        &["check", "--show-config", "bad.json"],
        &proj,
        &[("HOME", &home)],
    );
    let text = stdout(&shown);
    assert!(
        text.contains("h/me/waflow.toml\n") && text.contains("(your home directory)"),
        "{text}"
    );
    assert!(text.contains("frozen-version: warning ("), "{text}");
}

#[test]
fn show_config_names_the_file_how_it_was_found_and_the_settings_it_yields() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    files(
        dir.path(),
        &[
            (
                "waflow.toml",
                "include = [\"flows/**\"]\nexclude = [\"flows/old/**\"]\n\
                 [rules]\nrouting-dead-end = \"off\"\n\
                 [[overrides]]\nfiles = [\"flows/beta/**\"]\nrules = { navigate-to-self = \"warning\" }\n\
                 [[suppress]]\nrule = \"routing-back-edge\"\nfile = \"flows/beta/a.json\"\npath = \"data.x\"\n",
            ),
            ("flows/beta/a.json", VALID),
            ("flows/old/b.json", VALID),
        ],
    );
    let out = waflow(&["check", "--show-config", "flows/beta/a.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let root = std::path::absolute(dir.path()).unwrap();
    for line in [
        "path: flows/beta/a.json\n".to_owned(),
        format!("config: {}\n", root.join("waflow.toml").display()),
        format!(
            "the search stops at {} (the repository root: it holds .git)\n",
            root.display()
        ),
        "include: [\"flows/**\"]\n".to_owned(),
        "exclude: [\"flows/old/**\"]\n".to_owned(),
        "checked when its directory is walked: yes\n".to_owned(),
        "frozen-version: error (default)\n".to_owned(),
        "max-findings: 100000 (default)\n".to_owned(),
        "[rules])\n".to_owned(),
        "[[overrides]] entry 1)\n".to_owned(),
        "suppress:\n  routing-back-edge in flows/beta/a.json at data.x\n".to_owned(),
    ] {
        assert!(text.contains(&line), "{line:?} in:\n{text}");
    }
    let rule_line = |code: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("{code} ")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(rule_line("routing-dead-end").contains("off ("), "{text}");
    assert!(
        rule_line("navigate-to-self").contains("warning ("),
        "{text}"
    );
    assert!(
        rule_line("duplicate-screen-id").ends_with("error (default)"),
        "{text}"
    );
    // Every rule is listed, with the level it has for this file.
    assert!(waflow::registry::all()
        .iter()
        .all(|r| !rule_line(r.code).is_empty()));

    let old = stdout(&waflow(
        &["check", "--show-config", "flows/old/b.json"],
        dir.path(),
    ));
    assert!(
        old.contains("checked when its directory is walked: no: it matches exclude\n"),
        "{old}"
    );
    let named = stdout(&waflow(
        &["check", "--show-config", "--config", "waflow.toml", "flows"],
        dir.path(),
    ));
    assert!(
        named.contains("config: waflow.toml (named by --config)\n"),
        "{named}"
    );
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_without_hanging_and_stdin_still_works() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), &[("ok.json", VALID)]);
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.json"))
        .status()
        .unwrap();
    assert!(made.success());
    // A FIFO given as a flow, as --config; a device as a flow and as --config.
    let flow = waflow_in_time(&["check", "pipe.json"], dir.path(), &[]);
    assert_eq!(flow.status.code(), Some(2));
    assert!(
        stderr(&flow).contains(
            "pipe.json: not a regular file but a FIFO (named pipe); to check piped text, pass `-`"
        ),
        "{}",
        stderr(&flow)
    );
    let device = waflow_in_time(&["check", "/dev/zero"], dir.path(), &[]);
    assert_eq!(device.status.code(), Some(2));
    assert!(
        stderr(&device).contains("/dev/zero: not a regular file but a device"),
        "{}",
        stderr(&device)
    );
    for config in ["pipe.json", "/dev/zero"] {
        let out = waflow_in_time(&["check", "--config", config, "ok.json"], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("cannot read it: not a regular file but a"),
            "{}",
            stderr(&out)
        );
    }
    // A config over 1 MiB is refused unread.
    let big = dir.path().join("big.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len((1 << 20) + 1)
        .unwrap();
    let out = waflow_in_time(
        &["check", "--config", "big.toml", "ok.json"],
        dir.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("1,048,577 bytes, over the limit of 1,048,576 bytes"),
        "{}",
        stderr(&out)
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args(["check", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(VALID.as_bytes())
        .unwrap();
    let piped = child.wait_with_output().unwrap();
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(stdout(&piped), "Checked 1 file: no problems found.\n");
}

/// Meta's place in the Meta-shaped output (the whole payload value), the finer place (the
/// reference's name inside it) where people look: the caret of the human format, GitHub's
/// annotation and SARIF's region.
#[test]
fn metas_place_on_the_wire_the_finer_place_for_people() {
    let dir = tempfile::tempdir().unwrap();
    let flow = VALID.replace(
        r#""payload": {}"#,
        r#""payload": {"email": "${form.emial}"}"#,
    );
    files(dir.path(), &[("f.json", &flow)]);
    let value_col = flow.find(r#""${form.emial}""#).unwrap() as u64 + 1;
    let name_col = flow.find("emial").unwrap() as u64 + 1;

    let out = json(&waflow(
        &["check", "--format", "json", "f.json"],
        dir.path(),
    ));
    let e = &out[0]["validationErrors"][0];
    assert_eq!(e["error"], "INVALID_ON_CLICK_ACTION_PAYLOAD");
    let p = &e["pointers"][0];
    assert_eq!(
        p["path"],
        "screens[0].layout.children[0].on-click-action.payload.email"
    );
    assert_eq!(p["columnStart"], value_col);
    assert_eq!(
        p["columnEnd"],
        value_col + 14,
        "the whole string, quotes included"
    );

    let github = stdout(&waflow(
        &["check", "--format", "github", "f.json"],
        dir.path(),
    ));
    assert!(
        github.contains(&format!(
            "col={name_col},endLine=1,endColumn={}",
            name_col + 4
        )),
        "{github}"
    );

    let sarif: serde_json::Value = serde_json::from_slice(
        &waflow(&["check", "--format", "sarif", "f.json"], dir.path()).stdout,
    )
    .unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], name_col);
    assert_eq!(region["endColumn"], name_col + 5);

    let human = stdout(&waflow(&["check", "f.json"], dir.path()));
    assert!(
        human.contains(&format!(
            "line 1, columns {value_col}-{} (Meta's position)",
            value_col + 14
        )),
        "{human}"
    );
    let caret_line = human
        .lines()
        .find(|l| l.contains("^^^^^"))
        .expect("a caret line");
    assert_eq!(
        caret_line.matches('^').count(),
        5,
        "the caret marks 'emial': {human}"
    );
}
