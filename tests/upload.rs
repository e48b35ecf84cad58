//! `push`, `list` and `status` against an HTTP server on 127.0.0.1, run as users run them.
#![cfg(feature = "upload")]

#[path = "../crates/waflow-8x8/tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{Reply, Server};

const KEY: &str = "cli-KEY-abcdefghijklmnop-secret";
const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
// Not minified, CRLF line ends, a trailing space: it must arrive byte for byte.
const FLOW: &str = "{\r\n  \"version\": \"7.3\",\r\n  \"screens\": [{\"id\": \"END\", \"title\": \"End\", \"terminal\": true, \"layout\": {\"type\": \"SingleColumnLayout\", \"children\": [{\"type\": \"Footer\", \"label\": \"Done\", \"on-click-action\": {\"name\": \"complete\", \"payload\": {}}}]}}] \r\n}\r\n";
const LOCALLY_INVALID: &str = "{\"version\": \"7.3\", \"screens\": [],}";
const CLEAN: &str = r#"{"id":"866937862658913","success":true}"#;
// Points at line 2, columns 14..=18: the `"7.3"` of FLOW.
const WITH_ERRORS: &str = r#"{"id":"866937862658913","success":true,"validationErrors":[{"error":"INVALID_PROPERTY_VALUE","errorType":"FLOW_JSON_ERROR","message":"Invalid value found for property 'version'.","lineStart":2,"lineEnd":2,"columnStart":14,"columnEnd":18,"pointers":[{"lineStart":2,"lineEnd":2,"columnStart":14,"columnEnd":18,"path":"version"}]}]}"#;
const E1200: &str = r#"{"code":1200,"message":"Request was not authenticated properly","errorId":"db9dced4-3534-4d86-9d18-6b448af0d621","timestamp":"2018-08-02T09:42:38.8988997+00:00"}"#;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_waflow"));
    cmd.args(args).current_dir(dir);
    for var in [
        "WAFLOW_8X8_API_KEY",
        "WAFLOW_8X8_ACCOUNT_ID",
        "WAFLOW_8X8_CHANNEL_ID",
        "WAFLOW_8X8_BASE_URL",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("waflow runs");
    let r = Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    };
    assert!(
        !r.stdout.contains(KEY) && !r.stderr.contains(KEY),
        "key leaked"
    );
    r
}

fn setup(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("key.txt"), format!("{KEY}\n")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn remote(server: &Server) -> Vec<&str> {
    vec![
        "--api-key-file",
        "key.txt",
        "--account-id",
        ACCOUNT,
        "--channel-id",
        "ch",
        "--base-url",
        &server.base_url,
    ]
}

fn with<'a>(mut head: Vec<&'a str>, tail: Vec<&'a str>) -> Vec<&'a str> {
    head.extend(tail);
    head
}

#[test]
fn push_validates_then_uploads_the_file_verbatim() {
    let server = Server::start(vec![Reply::json(200, CLEAN)]);
    let dir = setup(&[("flow.json", FLOW)]);
    let args = with(
        vec![
            "push",
            "flow.json",
            "--flow-id",
            "866937862658913",
            "--name",
            "Sign up",
        ],
        with(
            vec!["--category", "sign-up", "--category", "OTHER", "--publish"],
            remote(&server),
        ),
    );
    let r = run(dir.path(), &args, &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("8x8 saved flow.json as flow 866937862658913: no validation errors."),
        "{}",
        r.stdout
    );

    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method, "PUT");
    assert_eq!(
        req.target,
        format!("/api/v1/accounts/{ACCOUNT}/channels/ch/flows/866937862658913")
    );
    assert_eq!(
        req.header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(req.header("content-type"), Some("application/json"));
    let body: serde_json::Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(body["flowJson"].as_str(), Some(FLOW));
    assert_eq!(body["name"], "Sign up");
    assert_eq!(body["categories"], serde_json::json!(["SIGN_UP", "OTHER"]));
    assert_eq!(body["publish"], true);
    assert!(body.get("endPointUri").is_none());
}

#[test]
fn push_refuses_a_locally_invalid_flow_unless_forced() {
    let server = Server::start(vec![Reply::json(200, CLEAN)]);
    let dir = setup(&[("bad.json", LOCALLY_INVALID)]);
    let args = with(vec!["push", "bad.json", "--flow-id", "1"], remote(&server));
    let r = run(dir.path(), &args, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("INVALID_FLOW_JSON"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("not uploading bad.json: local validation found 1 error"),
        "{}",
        r.stderr
    );
    assert!(server.requests().is_empty());

    let forced = with(args.clone(), vec!["--force"]);
    let r = run(dir.path(), &forced, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r
        .stderr
        .contains("uploading bad.json despite 1 local error (--force)"));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn server_findings_are_drawn_in_the_users_file_in_every_format() {
    let server = Server::start(vec![Reply::json(200, WITH_ERRORS); 3]);
    let dir = setup(&[("flow.json", FLOW)]);
    let base = with(
        vec!["push", "flow.json", "--flow-id", "9", "--color", "never"],
        remote(&server),
    );
    let human = run(dir.path(), &base, &[]);
    assert_eq!(human.code, 1);
    // A code frame under the server's position, with Meta's position in the note.
    assert!(
        human
            .stdout
            .contains("error[INVALID_PROPERTY_VALUE]: Invalid value found for property 'version'."),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("flow.json:2:14"), "{}", human.stdout);
    assert!(human.stdout.contains("^^^^^"), "{}", human.stdout);
    assert!(
        human
            .stdout
            .contains("but Meta reported 1 validation error"),
        "{}",
        human.stdout
    );

    let json = run(
        dir.path(),
        &with(base.clone(), vec!["--format", "json"]),
        &[],
    );
    assert_eq!(json.code, 1);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["file"], "flow.json");
    assert_eq!(v[0]["flowId"], "866937862658913");
    assert_eq!(v[0]["success"], true);
    assert_eq!(v[0]["validationErrors"][0]["columnStart"], 14);

    let meta = run(dir.path(), &with(base, vec!["--format", "meta"]), &[]);
    let v: serde_json::Value = serde_json::from_str(&meta.stdout).unwrap();
    assert_eq!(
        v[0]["validation_errors"][0]["error_type"],
        "FLOW_JSON_ERROR"
    );
}

#[test]
fn dry_run_prints_the_request_with_the_key_masked_and_sends_nothing() {
    let server = Server::start(vec![]);
    let dir = setup(&[("flow.json", FLOW)]);
    let args = with(
        vec!["push", "flow.json", "--flow-id", "5", "--dry-run"],
        remote(&server),
    );
    let r = run(dir.path(), &args, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(&format!(
            "PUT {}/accounts/{ACCOUNT}/channels/ch/flows/5\n",
            server.base_url
        )),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Authorization: Bearer ****cret\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(r#""flowJson":"{\r\n  \"version\""#),
        "{}",
        r.stdout
    );
    assert!(server.requests().is_empty());
}

#[test]
fn settings_come_from_flags_env_or_config_and_missing_ones_are_named() {
    let dir = setup(&[("flow.json", FLOW)]);
    let r = run(dir.path(), &["list"], &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing 8x8 account id: pass --account-id ID, set WAFLOW_8X8_ACCOUNT_ID, or set account-id under [8x8] in waflow.toml"),
        "{}",
        r.stderr
    );
    let r = run(
        dir.path(),
        &["list", "--account-id", ACCOUNT, "--channel-id", "c"],
        &[],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("missing 8x8 API key: pass --api-key-file PATH"),
        "{}",
        r.stderr
    );

    // Environment for the key and ids, waflow.toml for the base URL.
    let server = Server::start(vec![Reply::json(200, r#"{"flows":[]}"#)]);
    std::fs::write(
        dir.path().join("waflow.toml"),
        format!("[8x8]\nbase-url = \"{}\"\n", server.base_url),
    )
    .unwrap();
    let r = run(
        dir.path(),
        &["list"],
        &[
            ("WAFLOW_8X8_API_KEY", KEY),
            ("WAFLOW_8X8_ACCOUNT_ID", ACCOUNT),
            ("WAFLOW_8X8_CHANNEL_ID", "from-env"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "No flows in this channel.\n");
    assert_eq!(
        server.requests()[0].target,
        format!("/api/v1/accounts/{ACCOUNT}/channels/from-env/flows")
    );

    // A bad value from the config file says where it came from.
    std::fs::write(
        dir.path().join("waflow.toml"),
        "[8x8]\naccount-id = \"nope\"\n",
    )
    .unwrap();
    let r = run(
        dir.path(),
        &["list", "--channel-id", "c", "--api-key-file", "key.txt"],
        &[],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("invalid 8x8 account id \"nope\""),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("waflow.toml)"), "{}", r.stderr);
    // Plain http to a remote host would send the key in clear text.
    let r = run(
        dir.path(),
        &[
            "list",
            "--account-id",
            ACCOUNT,
            "--channel-id",
            "c",
            "--api-key-file",
            "key.txt",
            "--base-url",
            "http://example.com",
        ],
        &[],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("plain http is allowed only for localhost"),
        "{}",
        r.stderr
    );
}

#[test]
fn api_errors_show_code_error_id_and_hint_and_exit_2() {
    let server = Server::start(vec![Reply::json(401, E1200)]);
    let dir = setup(&[]);
    let r = run(dir.path(), &with(vec!["list"], remote(&server)), &[]);
    assert_eq!(r.code, 2);
    for part in [
        "8x8 error 1200 (HTTP 401)",
        "db9dced4-3534-4d86-9d18-6b448af0d621",
        "hint: check the API key",
    ] {
        assert!(r.stderr.contains(part), "{part}: {}", r.stderr);
    }
}

#[test]
fn list_prints_a_table_or_json() {
    let list = r#"{"flows":[{"id":"1145805540595505","name":"Loan Collection","status":"DRAFT"},{"id":"802610292468882","name":"Other","status":"PUBLISHED"}]}"#;
    let server = Server::start(vec![Reply::json(200, list); 2]);
    let dir = setup(&[]);
    let r = run(
        dir.path(),
        &with(vec!["list", "--limit", "2"], remote(&server)),
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "ID                NAME             STATUS\n\
         1145805540595505  Loan Collection  DRAFT\n\
         802610292468882   Other            PUBLISHED\n"
    );
    assert!(server.requests()[0].target.ends_with("/flows?limit=2"));
    let r = run(
        dir.path(),
        &with(vec!["list", "--format", "json"], remote(&server)),
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v[1],
        serde_json::json!({"id": "802610292468882", "name": "Other", "status": "PUBLISHED"})
    );

    let r = run(
        dir.path(),
        &with(vec!["list", "--limit", "0"], remote(&server)),
        &[],
    );
    assert_eq!(r.code, 2, "clap rejects the limit before any request");
}

#[test]
fn status_shows_state_and_server_findings() {
    let details = r#"{"flowId":"9","flowJsonUrl":null,"name":"Sign up","status":"DRAFT","categories":["SIGN_UP"],"validationErrors":[{"error":"INVALID_PROPERTY_VALUE","errorType":"FLOW_JSON_ERROR","message":"Invalid value found for property 'version'.","lineStart":2,"lineEnd":2,"columnStart":14,"columnEnd":18,"pointers":[{"lineStart":2,"lineEnd":2,"columnStart":14,"columnEnd":18,"path":"version"}]}]}"#;
    let server = Server::start(vec![Reply::json(200, details); 2]);
    let dir = setup(&[("flow.json", FLOW)]);
    let r = run(
        dir.path(),
        &with(
            vec![
                "status",
                "--flow-id",
                "9",
                "--file",
                "flow.json",
                "--color",
                "never",
            ],
            remote(&server),
        ),
        &[],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .starts_with("Flow 9 \"Sign up\": DRAFT (categories: SIGN_UP)\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("flow.json:2:14"), "{}", r.stdout);
    assert!(
        r.stdout.ends_with("Meta reports 1 validation error.\n"),
        "{}",
        r.stdout
    );
    assert_eq!(
        server.requests()[0].target,
        format!("/api/v1/accounts/{ACCOUNT}/channels/ch/flows/9")
    );

    let r = run(
        dir.path(),
        &with(
            vec!["status", "--flow-id", "9", "--format", "json"],
            remote(&server),
        ),
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["status"], "DRAFT");
    assert_eq!(
        v[0]["validationErrors"][0]["pointers"][0]["path"],
        "version"
    );
}
