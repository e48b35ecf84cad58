//! `waflow endpoint schema|check|requests`, run as users run them, on the shop flow of
//! testdata/endpoint/_flows.

mod support;
use support::{text, waflow};

use std::path::{Path, PathBuf};

fn shop() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/endpoint/_flows/shop.json")
}

#[test]
fn check_points_into_the_response_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let flow = shop();
    let flow = flow.to_str().unwrap();
    // The title of the second item is a number; the screen reads it as a string. The
    // undeclared key holds a terminal escape that must not reach the terminal raw.
    let response = "{\n  \"screen\": \"CART\",\n  \"data\": {\n    \"items\": [{\"id\": \"1\", \"title\": 5}],\n    \"total\": \"1 item\",\n    \"note\": \"\",\n    \"to\\u001b[2Jtal\": 1\n  }\n}\n";
    std::fs::write(dir.path().join("cart.json"), response).unwrap();
    let out = waflow(
        &["endpoint", "check", flow, "cart.json", "--from", "START"],
        dir.path(),
        None,
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("error[payload-schema-error/response-type-mismatch]: 'data.items[0].title' is declared a string, but the response sends a number"),
        "{stdout}"
    );
    assert!(stdout.contains("cart.json:4:36"), "{stdout}");
    assert!(
        stdout.contains("warning[payload-schema-error/response-undeclared-field]"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'), "raw escape in {stdout:?}");
    // The same in Meta's shape for programs.
    let json = waflow(
        &[
            "endpoint",
            "check",
            flow,
            "cart.json",
            "--from",
            "START",
            "--format",
            "json",
        ],
        dir.path(),
        None,
    );
    let files: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let e = &files[0]["validationErrors"][0];
    assert_eq!(files[0]["file"], "cart.json");
    assert_eq!(e["error"], "payload-schema-error");
    assert_eq!(e["errorType"], "ENDPOINT_RESPONSE_ERROR");
    assert_eq!(e["pointers"][0]["path"], "data.items[0].title");
    assert_eq!(e["pointers"][0]["lineStart"], 4);
}

#[test]
fn a_good_response_passes_and_a_move_the_routing_model_forbids_fails() {
    let dir = tempfile::tempdir().unwrap();
    let flow = shop();
    let flow = flow.to_str().unwrap();
    let good = r#"{"screen": "CART", "data": {"items": [], "total": "0 items", "note": ""}}"#;
    let out = waflow(
        &["endpoint", "check", flow, "-", "--from", "START"],
        dir.path(),
        Some(good),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("no problems found"));
    let skip = r#"{"screen": "DONE", "data": {}}"#;
    let out = waflow(
        &["endpoint", "check", flow, "-", "--from", "START"],
        dir.path(),
        Some(skip),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("routing_model does not allow moving from START to DONE"));
    // INIT must open on an entry screen.
    let out = waflow(
        &["endpoint", "check", flow, "-", "--action", "init"],
        dir.path(),
        Some(good),
    );
    assert!(
        text(&out.stdout).contains("An INIT response opens the flow on an entry screen (START)")
    );
    // A screen the flow does not have, named as --from, is a usage error.
    let out = waflow(
        &["endpoint", "check", flow, "-", "--from", "NOPE"],
        dir.path(),
        Some(good),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_lines_of_recorded_exchanges_are_judged_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let lines = concat!(
        r#"{"request": {"action": "INIT"}, "response": {"screen": "START", "data": {"greeting": "Hi"}}}"#,
        "\n",
        r#"{"request": {"action": "data_exchange", "screen": "START"}, "response": {"screen": "CART", "data": {"items": [], "total": 3, "note": ""}}}"#,
        "\n",
        r#"{"request": {"action": "data_exchange", "screen": "CART"}, "response": {"screen": "SUCCESS", "data": {"extension_message_response": {"params": {"flow_token": "t"}}}}}"#,
        "\n",
    );
    std::fs::write(dir.path().join("session.jsonl"), lines).unwrap();
    let flow = shop();
    let out = waflow(
        &[
            "endpoint",
            "check",
            flow.to_str().unwrap(),
            "session.jsonl",
            "--format",
            "github",
        ],
        dir.path(),
        None,
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with("::error file=session.jsonl,line=2,"),
        "{stdout}"
    );
    assert!(stdout.contains("(response-type-mismatch)"), "{stdout}");
}

#[test]
fn schema_and_requests_print_json() {
    let dir = tempfile::tempdir().unwrap();
    let flow = shop();
    let flow = flow.to_str().unwrap();
    let out = waflow(&["endpoint", "schema", flow], dir.path(), None);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        schema["$defs"]["CART"]["properties"]["data"]["required"],
        serde_json::json!(["items", "total"])
    );
    let one = waflow(
        &["endpoint", "schema", flow, "--screen", "DONE"],
        dir.path(),
        None,
    );
    let one: serde_json::Value = serde_json::from_slice(&one.stdout).expect("JSON");
    assert_eq!(one["oneOf"].as_array().map(Vec::len), Some(1));
    let none = waflow(
        &["endpoint", "schema", flow, "--screen", "CRAT"],
        dir.path(),
        None,
    );
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("START, CART, DONE"));
    let out = waflow(&["endpoint", "requests", flow], dir.path(), None);
    let requests: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(requests[0]["request"]["action"], "INIT");
    assert_eq!(requests[2]["request"]["screen"], "CART");
    assert_eq!(
        requests[2]["request"]["data"],
        serde_json::json!({"choice": "example"})
    );
}

#[test]
fn a_flow_with_errors_or_without_an_endpoint_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let broken = std::fs::read_to_string(shop())
        .unwrap()
        .replace("\"routing_model\"", "\"routing_modle\"");
    std::fs::write(dir.path().join("broken.json"), broken).unwrap();
    std::fs::write(dir.path().join("r.json"), "{}").unwrap();
    let out = waflow(
        &["endpoint", "check", "broken.json", "r.json"],
        dir.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("routing_modle"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stderr).contains("fix them first"));
    let plain = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/examples/valid-survey.json"),
    )
    .unwrap();
    std::fs::write(dir.path().join("plain.json"), plain).unwrap();
    let out = waflow(&["endpoint", "schema", "plain.json"], dir.path(), None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("talks to no endpoint"),
        "{}",
        text(&out.stderr)
    );
}
