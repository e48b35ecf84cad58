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
    let registry: Vec<&str> = waflow::rules::all().iter().map(|r| r.code).collect();
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
