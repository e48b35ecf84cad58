//! Nothing from a flow file or a file name reaches the terminal raw (issue 21, item 4):
//! the human format, stderr and the statistics table show control characters escaped,
//! and the machine formats keep the text exact.

use std::path::Path;
use std::process::{Command, Output};

/// The issue's repro: a key that, printed raw, returns the cursor, erases the line, sets
/// the window title, fakes a clean summary and hides what follows.
const EVIL_KEY: &str = "\r\u{1b}[2K\u{1b}]0;owned\u{7}Checked 1 file: no problems found.\u{1b}[8m";
/// The same key as the JSON file spells it.
const EVIL_KEY_JSON: &str =
    r#"\r\u001b[2K\u001b]0;owned\u0007Checked 1 file: no problems found.\u001b[8m"#;
/// How the human format shows it.
const EVIL_KEY_SHOWN: &str =
    r#"\r\x1b[2K\x1b]0;owned\x07Checked 1 file: no problems found.\x1b[8m"#;

fn evil_flow() -> String {
    format!(
        r#"{{"version": "7.3", "screens": [{{"id": "END", "title": "End", "terminal": true, "{EVIL_KEY_JSON}": 1, "layout": {{"type": "SingleColumnLayout", "children": [{{"type": "Footer", "label": "Done", "on-click-action": {{"name": "complete", "payload": {{}}}}}}]}}}}]}}"#
    )
}

fn waflow(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("waflow runs")
}

/// The characters `src/terminal.rs` must never let through: C0 but LF, DEL, C1, bidi
/// formatting.
fn unsafe_chars(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            matches!(c,
                '\u{0}'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{061c}'
                | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let bad = unsafe_chars(bytes);
    assert!(
        bad.is_empty(),
        "{what} has raw {bad:?}:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

#[test]
fn a_flow_key_with_terminal_controls_is_shown_escaped_and_the_summary_is_the_real_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil.json"), evil_flow()).unwrap();
    let out = waflow(&["check", "evil.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("human output", &out.stdout);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("Property '{EVIL_KEY_SHOWN}' is not allowed")),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("Checked 1 file: 1 error, 0 warnings (1 file with errors)."),
        "{text}"
    );

    // The statistics table and --quiet take the same text.
    for args in [
        ["check", "--statistics", "evil.json"],
        ["check", "--quiet", "evil.json"],
    ] {
        assert_terminal_safe(&args.join(" "), &waflow(&args, dir.path()).stdout);
    }
}

#[test]
fn machine_formats_keep_the_key_exact() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil.json"), evil_flow()).unwrap();
    for format in ["json", "meta", "sarif"] {
        let out = waflow(&["check", "--format", format, "evil.json"], dir.path());
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        let message = match format {
            "sarif" => doc["runs"][0]["results"][0]["message"]["text"].clone(),
            "meta" => doc[0]["validation_errors"][0]["message"].clone(),
            _ => doc[0]["validationErrors"][0]["message"].clone(),
        };
        let message = message.as_str().unwrap_or_default().to_owned();
        assert!(message.contains(EVIL_KEY), "{format}: {message:?}");
    }
    // GitHub's workflow-command escaping: the CR is %0D, so the command stays one line.
    let out = waflow(&["check", "--format", "github", "evil.json"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text:?}");
    assert!(text.contains("Property '%0D\u{1b}[2K"), "{text:?}");
    // JUnit: valid XML 1.0 (no raw ESC or BEL), the CR kept as a reference.
    let out = waflow(&["check", "--format", "junit", "evil.json"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(['\u{1b}', '\u{7}', '\r']), "{text:?}");
    assert!(text.contains("Property &apos;&#13;\u{FFFD}[2K"), "{text}");
}

#[test]
fn a_binary_file_in_a_walked_directory_is_reported_as_not_utf8_without_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("flows")).unwrap();
    std::fs::write(
        dir.path().join("flows/image.json"),
        b"\x1b]0;PWNED\x07\x00\x89PNG\r\n\x1a\n\xff\xfe{\"a\": \x1b[31m1}",
    )
    .unwrap();
    let out = waflow(&["check", "flows"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("human output", &out.stdout);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "error[INVALID_FLOW_JSON/invalid-utf8]: flows/image.json: Invalid UTF-8 at byte offset"
        ),
        "{text}"
    );
    assert!(
        !text.contains("PWNED"),
        "the file's bytes were echoed:\n{text}"
    );
}

#[test]
fn control_and_bidi_characters_inside_a_flow_are_escaped_in_the_code_frame() {
    let dir = tempfile::tempdir().unwrap();
    // U+202E (right-to-left override) and U+009B (C1 CSI) are legal raw in a JSON string;
    // the trailing comma makes a finding on their line.
    std::fs::write(
        dir.path().join("bidi.json"),
        "{\"version\": \"7.3\", \"screens\": [\"\u{202e}evil\u{9b}31m\"],}\n",
    )
    .unwrap();
    let out = waflow(&["check", "bidi.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("human output", &out.stdout);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(r#"["\u{202e}evil\u{9b}31m"],}"#), "{text}");
}

#[cfg(unix)]
#[test]
fn file_names_with_control_characters_are_escaped_in_output_and_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("flows")).unwrap();
    let name = "x\u{1b}]0;owned\u{7}\r.json";
    std::fs::write(dir.path().join("flows").join(name), "{}").unwrap();
    let out = waflow(&["check", "flows"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("human output", &out.stdout);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(r"flows/x\x1b]0;owned\x07\r.json"), "{text}");
    // The JSON format names the file exactly.
    let out = waflow(&["check", "--format", "json", "flows"], dir.path());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc[0]["file"], format!("flows/{name}"));

    // A path that does not exist: stderr.
    let out = waflow(&["check", &format!("gone\u{1b}[2K{name}")], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_terminal_safe("stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(r"gone\x1b[2Kx\x1b]0;owned"), "{err}");
}
