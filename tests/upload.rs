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

    // The environment for the key, the ids and the base URL; the host is named on stderr.
    let server = Server::start(vec![Reply::json(200, r#"{"flows":[]}"#)]);
    let r = run(
        dir.path(),
        &["list"],
        &[
            ("WAFLOW_8X8_API_KEY", KEY),
            ("WAFLOW_8X8_ACCOUNT_ID", ACCOUNT),
            ("WAFLOW_8X8_CHANNEL_ID", "from-env"),
            ("WAFLOW_8X8_BASE_URL", &server.base_url),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "No flows in this channel.\n");
    assert_eq!(
        r.stderr,
        format!(
            "waflow: calling 127.0.0.1 ({}, from WAFLOW_8X8_BASE_URL)\n",
            server.base_url
        )
    );
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

#[test]
fn a_config_file_cannot_send_the_key_to_a_host_that_is_not_8x8s() {
    // The issue's repro: a waflow.toml above the repository, and one committed in it.
    let server = Server::start(vec![Reply::json(200, r#"{"flows":[]}"#)]);
    let dir = setup(&[]);
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::copy(dir.path().join("key.txt"), repo.join("key.txt")).unwrap();
    let toml = format!("[8x8]\nbase-url = \"{}\"\n", server.base_url);
    std::fs::write(dir.path().join("waflow.toml"), &toml).unwrap();
    let ids = [
        "list",
        "--account-id",
        ACCOUNT,
        "--channel-id",
        "c",
        "--api-key-file",
        "key.txt",
    ];
    // Above the repository root: not this project's config; 8x8's default host is used
    // (--dry-run: nothing is sent anywhere).
    let r = run(&repo, &with(ids.to_vec(), vec!["--dry-run"]), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("GET https://chatapps.8x8.com/api/v1/"),
        "{}",
        r.stdout
    );
    // In the repository (or named by --config): an error naming the file, no request.
    std::fs::write(repo.join("waflow.toml"), &toml).unwrap();
    for args in [
        ids.to_vec(),
        with(ids.to_vec(), vec!["--config", "../waflow.toml"]),
    ] {
        let r = run(&repo, &args, &[]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("waflow.toml:2:12"), "{}", r.stderr);
        assert!(
            r.stderr
                .contains("base-url may name only one of 8x8's https hosts (*.8x8.com)"),
            "{}",
            r.stderr
        );
    }
    // `check` refuses such a config too: the file is wrong wherever it is used.
    std::fs::write(repo.join("flow.json"), FLOW).unwrap();
    let r = run(&repo, &["check", "."], &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(server.requests().is_empty());
    // 8x8's own hosts are fine in the file; the flag still wins, and says so.
    std::fs::write(
        repo.join("waflow.toml"),
        "[8x8]\nbase-url = \"https://eu.chatapps.8x8.com/api/v1\"\n",
    )
    .unwrap();
    let r = run(&repo, &with(ids.to_vec(), vec!["--dry-run"]), &[]);
    assert!(
        r.stdout
            .starts_with("GET https://eu.chatapps.8x8.com/api/v1/"),
        "{}",
        r.stdout
    );
    let r = run(
        &repo,
        &with(ids.to_vec(), vec!["--base-url", &server.base_url]),
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("waflow: calling 127.0.0.1 (") && r.stderr.contains("from --base-url)"),
        "{}",
        r.stderr
    );
    assert_eq!(server.requests().len(), 1);
}

/// A finding whose every string is the echoed `Authorization` header.
const ECHO_FINDING: &str = r#"{"error":"{AUTH}","errorType":"{AUTH}","message":"{AUTH}","lineStart":1,"lineEnd":1,"columnStart":1,"columnEnd":1,"pointers":[{"lineStart":1,"lineEnd":1,"columnStart":1,"columnEnd":1,"path":"{AUTH}"}]}"#;

fn echo(status: u16, content_type: &'static str, body: String) -> Reply {
    Reply::Echo {
        status,
        content_type,
        body,
    }
}

#[test]
fn a_server_echoing_the_key_into_every_field_never_gets_it_printed() {
    let formats = ["human", "json", "meta", "sarif", "github", "junit"];
    let details = format!(
        r#"{{"flowId":"{{AUTH}}","flowJsonUrl":"https://x/{{AUTH}}","name":"{{AUTH}}","status":"{{AUTH}}","categories":["{{AUTH}}"],"validationErrors":[{ECHO_FINDING}]}}"#
    );
    let updated =
        format!(r#"{{"id":"{{AUTH}}","success":true,"validationErrors":[{ECHO_FINDING}]}}"#);
    let list = r#"{"flows":[{"id":"{AUTH}","name":"{AUTH}","status":"{AUTH}"}]}"#.to_owned();
    let api_error =
        r#"{"code":1001,"message":"{AUTH}","errorId":"{AUTH}","timestamp":"{AUTH}"}"#.to_owned();
    // The header from character 190 of a page: it used to be cut before it was redacted.
    let html = format!("<html>{}{{AUTH}}</html>", "x".repeat(184));
    let mut script = Vec::new();
    script.extend(formats.map(|_| echo(200, "application/json", details.clone())));
    script.extend(formats.map(|_| echo(200, "application/json", updated.clone())));
    script.extend(["human", "json"].map(|_| echo(200, "application/json", list.clone())));
    for _ in ["human", "json"] {
        script.push(echo(401, "application/json", api_error.clone()));
        script.push(echo(403, "text/html", html.clone()));
        script.push(echo(200, "text/html", html.clone()));
    }
    let server = Server::start(script);
    let dir = setup(&[("flow.json", FLOW)]);
    let mut outputs = Vec::new();
    let mut go = |args: Vec<&str>| {
        let r = run(dir.path(), &with(args, remote(&server)), &[]);
        assert!(r.code == 1 || r.code == 0 || r.code == 2, "{}", r.stderr);
        outputs.push(format!("{}\n{}", r.stdout, r.stderr));
    };
    for f in formats {
        go(vec!["status", "--flow-id", "9", "--format", f]);
    }
    for f in formats {
        go(vec!["push", "flow.json", "--flow-id", "9", "--format", f]);
    }
    for f in [
        "human", "json", "human", "json", "human", "json", "human", "json",
    ] {
        go(vec!["list", "--format", f]);
    }
    assert_eq!(server.requests().len(), 20);
    for out in &outputs {
        // run() checks the whole key; not even its first characters may show.
        assert!(!out.contains(&KEY[..7]), "{out}");
    }
    // The redaction is visible where the key was: in the fields, in every format.
    assert!(
        outputs[0].contains("Flow Bearer **** \"Bearer ****\""),
        "{}",
        outputs[0]
    );
    assert!(
        outputs[1].contains(r#""name": "Bearer ****""#),
        "{}",
        outputs[1]
    );
    assert!(
        outputs[13].contains(r#""id": "Bearer ****""#),
        "{}",
        outputs[13]
    );
    assert!(
        outputs[14].contains("[errorId Bearer ****, at Bearer ****]"),
        "{}",
        outputs[14]
    );
    assert!(outputs[15].contains("xBearer ***..."), "{}", outputs[15]);
    assert!(outputs[16].contains("xBearer ***..."), "{}", outputs[16]);
}

#[test]
fn control_characters_from_a_server_are_escaped_for_people_and_exact_in_json() {
    // The issue's repro: a 401 whose message sets the terminal's title, and a flow name
    // that erases the line.
    let title = r#"{"code":1200,"message":"\u001b]0;PWNED\u0007","errorId":"e\r\u001b[2K","timestamp":"t"}"#;
    let list = r#"{"flows":[{"id":"1\u001b[8m","name":"\r\u001b[2KOK\u202e","status":"DRAFT"}]}"#;
    let details = r#"{"flowId":"9","name":"n\u001b[31m","status":"DRAFT","categories":["\u009b"],"validationErrors":[{"error":"E\u001b","errorType":"FLOW_JSON_ERROR","message":"m\u0007\nnext","pointers":[{"lineStart":0,"lineEnd":0,"columnStart":0,"columnEnd":0,"path":"p\u001b"}]}]}"#;
    let server = Server::start(vec![
        Reply::json(401, title),
        Reply::json(200, list),
        Reply::json(200, list),
        Reply::json(200, details),
        Reply::json(200, details),
    ]);
    let dir = setup(&[]);
    let raw = |text: &str| {
        text.chars()
            .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c))
    };
    let r = run(dir.path(), &with(vec!["list"], remote(&server)), &[]);
    assert_eq!(r.code, 2);
    assert!(!raw(&r.stderr), "{:?}", r.stderr);
    assert!(r.stderr.contains(r"\x1b]0;PWNED\x07"), "{}", r.stderr);
    assert!(r.stderr.contains(r"errorId e\r\x1b[2K"), "{}", r.stderr);

    let r = run(dir.path(), &with(vec!["list"], remote(&server)), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!raw(&r.stdout), "{:?}", r.stdout);
    assert!(
        r.stdout.contains(r"1\x1b[8m  \r\x1b[2KOK\u{202e}  DRAFT"),
        "{}",
        r.stdout
    );
    let r = run(
        dir.path(),
        &with(vec!["list", "--format", "json"], remote(&server)),
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v[0]["name"], "\r\u{1b}[2KOK\u{202e}",
        "JSON keeps the exact text"
    );

    let r = run(
        dir.path(),
        &with(
            vec!["status", "--flow-id", "9", "--color", "never"],
            remote(&server),
        ),
        &[],
    );
    assert_eq!(r.code, 1);
    assert!(!raw(&r.stdout) && !raw(&r.stderr), "{:?}", r.stdout);
    assert!(
        r.stdout
            .starts_with("Flow 9 \"n\\x1b[31m\": DRAFT (categories: \\u{9b})\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(r"m\x07\nnext"), "{}", r.stdout);
    let r = run(
        dir.path(),
        &with(
            vec!["status", "--flow-id", "9", "--format", "json"],
            remote(&server),
        ),
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["validationErrors"][0]["message"], "m\u{7}\nnext");
    assert_eq!(v[0]["name"], "n\u{1b}[31m");
}

#[test]
fn key_files_that_are_not_small_regular_files_are_refused_without_hanging() {
    let dir = setup(&[]);
    std::fs::write(dir.path().join("big.txt"), "k".repeat(5000)).unwrap();
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for (file, why) in [
        ("/dev/zero", "not a regular file but a device"),
        ("fifo", "not a regular file but a FIFO (named pipe)"),
        ("big.txt", "5,000 bytes, over the limit of 4,096 bytes"),
    ] {
        let started = std::time::Instant::now();
        let r = run(
            dir.path(),
            &[
                "list",
                "--account-id",
                ACCOUNT,
                "--channel-id",
                "c",
                "--api-key-file",
                file,
                "--dry-run",
            ],
            &[],
        );
        assert_eq!(r.code, 2, "{file}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("cannot read the API key file {file}: {why}")),
            "{}",
            r.stderr
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
