//! The client against a real HTTP server on 127.0.0.1: every request's method, path,
//! headers and body, every response of the seed pages, and the faults.

mod support;

use std::time::Duration;

use support::{Recorded, Reply, Server};
use waflow_8x8::{
    AccountId, ApiKey, BaseUrl, Category, Client, Config, Error, FlowStatus, RetryPolicy,
    UpdateFlow,
};

const KEY: &str = "test-KEY-0123456789-secret";
const ACCOUNT: &str = "01234567-89ab-cdef-0123-456789abcdef";
const CHANNEL: &str = "chan-1";
const FLOW_PATH: &str =
    "/api/v1/accounts/01234567-89ab-cdef-0123-456789abcdef/channels/chan-1/flows";

// Bodies from the seed pages (shared/seeds/).
const UPDATED_WITH_ERRORS: &str = r#"{"id":"866937862658913","success":true,"validationErrors":[{"error":"INVALID_PROPERTY_VALUE","errorType":"FLOW_JSON_ERROR","message":"Invalid value found for property 'type'.","lineStart":1,"lineEnd":1,"columnStart":84,"columnEnd":92,"pointers":[{"lineStart":1,"lineEnd":1,"columnStart":84,"columnEnd":92,"path":"screens[0].layout.children[0].children[0].type"}]}]}"#;
const UPDATED_CLEAN: &str = r#"{"id":"866937862658913","success":true}"#;
const LIST: &str = r#"{"flows":[{"id":"1145805540595505","name":"Loan Collection","status":"DRAFT"},{"id":"802610292468882","name":"2025-10-08T15:17:51.241+08:00","status":"PUBLISHED"}]}"#;
const E1001: &str = r#"{"code":1001,"message":"Provided subAccountId doesn't belongs to your account","errorId":"91b106f0-c0da-4aba-a43a-7af9c5893a80","timestamp":"2017-04-19T02:31:19.4297387+00:00"}"#;
const E1002: &str = r#"{"code":1002,"message":"Invalid MSISDN format (not E.164 international number)","errorId":"b4478860-b76c-e811-814e-022a35cc1c71","timestamp":"2018-08-04T09:25:40.9235752+00:00"}"#;
const E1200: &str = r#"{"code":1200,"message":"Request was not authenticated properly","errorId":"db9dced4-3534-4d86-9d18-6b448af0d621","timestamp":"2018-08-02T09:42:38.8988997+00:00"}"#;
const E2000: &str = r#"{"code":2000,"message":"Internal server error","errorId":"db9dced4-3534-4d86-9d18-6b448af0d621","timestamp":"2018-07-02T09:42:38.8988997+00:00"}"#;
const SEED_FLOW: &str = r#"{"version":"5.0","screens":[{"id":"WELCOME_SCREEN","layout":{"type":"SingleColumnLayout","children":[{"type":"TextHeading","text":"Hello World!"},{"type":"Footer","label":"Complete","on-click-action":{"name":"complete","payload":{}}}]},"title":"Welcome","terminal":true,"success":true,"data":{}}]}"#;

fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(40),
        max_total: Duration::from_secs(10),
    }
}

fn client_for(server: &Server) -> Client {
    client_with(server, |_| {})
}

fn client_with(server: &Server, tweak: impl FnOnce(&mut Config)) -> Client {
    let mut config = Config {
        base_url: BaseUrl::parse(&server.base_url).unwrap(),
        retry: fast_retries(),
        ..Config::default()
    };
    tweak(&mut config);
    Client::with_config(
        AccountId::new(ACCOUNT).unwrap(),
        CHANNEL,
        ApiKey::new(KEY).unwrap(),
        config,
    )
    .unwrap()
}

fn full_update() -> UpdateFlow {
    UpdateFlow {
        name: Some("Example Flow - Updated".into()),
        categories: Some(vec![Category::Other, Category::Survey]),
        publish: Some(false),
        flow_json: Some(SEED_FLOW.into()),
        clone_flow_id: Some("1145805540595505".into()),
        end_point_uri: Some("https://example.com/webhook/flow-completion".into()),
        application_id: Some("123456789".into()),
    }
}

fn assert_common_headers(r: &Recorded) {
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(r.header("accept"), Some("application/json"));
    assert!(r.header("user-agent").unwrap().starts_with("waflow-8x8/"));
}

fn assert_no_key(text: &str) {
    assert!(!text.contains(KEY), "the API key leaked into: {text}");
    assert!(
        !text.contains("0123456789-secret"),
        "part of the key leaked into: {text}"
    );
}

#[test]
fn update_sends_every_field_and_reads_validation_errors() {
    let server = Server::start(vec![Reply::json(200, UPDATED_WITH_ERRORS)]);
    let answer = client_for(&server)
        .update_flow("866937862658913", &full_update())
        .unwrap();

    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r.method, "PUT");
    assert_eq!(r.target, format!("{FLOW_PATH}/866937862658913"));
    assert_common_headers(r);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let body: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "name": "Example Flow - Updated",
            "categories": ["OTHER", "SURVEY"],
            "publish": false,
            "flowJson": SEED_FLOW,
            "cloneFlowId": "1145805540595505",
            "endPointUri": "https://example.com/webhook/flow-completion",
            "applicationId": "123456789",
        })
    );
    // flowJson travels as a string holding the text byte for byte.
    assert_eq!(body["flowJson"].as_str(), Some(SEED_FLOW));

    assert_eq!(answer.id, "866937862658913");
    assert!(answer.success);
    assert!(!answer.accepted());
    let e = &answer.validation_errors[0];
    assert_eq!(e.error, "INVALID_PROPERTY_VALUE");
    assert_eq!(e.error_type, "FLOW_JSON_ERROR");
    assert_eq!(e.position(), (1, 1, 84, 92));
    assert_eq!(
        e.pointers[0].path,
        "screens[0].layout.children[0].children[0].type"
    );
    assert_eq!(e.rule, None);
}

#[test]
fn update_without_validation_errors_is_accepted() {
    let server = Server::start(vec![Reply::json(200, UPDATED_CLEAN)]);
    let update = UpdateFlow {
        name: Some("only the name".into()),
        ..UpdateFlow::default()
    };
    let answer = client_for(&server).update_flow("42", &update).unwrap();
    assert!(answer.accepted());
    assert_eq!(server.requests()[0].body, r#"{"name":"only the name"}"#);
}

#[test]
fn an_empty_update_is_refused_before_any_request() {
    let server = Server::start(vec![]);
    let err = client_for(&server)
        .update_flow("42", &UpdateFlow::default())
        .unwrap_err();
    assert!(matches!(err, Error::EmptyUpdate), "{err:?}");
    assert!(server.requests().is_empty());
}

#[test]
fn list_sends_the_limit_and_reads_the_flows() {
    let server = Server::start(vec![Reply::json(200, LIST), Reply::json(200, LIST)]);
    let client = client_for(&server);
    let flows = client.list_flows(Some(1000)).unwrap();
    client.list_flows(None).unwrap();
    let reqs = server.requests();
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].target, format!("{FLOW_PATH}?limit=1000"));
    assert_eq!(reqs[1].target, FLOW_PATH);
    assert_common_headers(&reqs[0]);
    assert_eq!(reqs[0].header("content-type"), None);
    assert_eq!(reqs[0].body, "");
    assert_eq!(flows.len(), 2);
    assert_eq!(flows[0].id, "1145805540595505");
    assert_eq!(flows[0].name, "Loan Collection");
    assert_eq!(flows[0].status, FlowStatus::Draft);
    assert_eq!(flows[1].status, FlowStatus::Published);

    for bad in [0, 1001] {
        assert!(matches!(client.list_flows(Some(bad)), Err(Error::InvalidLimit(n)) if n == bad));
    }
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn details_read_status_and_server_findings() {
    let body = r#"{"flowId":"866937862658913","flowJsonUrl":"https://cdn.example/flow.json","name":"Sign up","status":"DRAFT","categories":["SIGN_UP"],"validationErrors":[{"error":"INVALID_PROPERTY_VALUE","errorType":"FLOW_JSON_ERROR","message":"m","lineStart":2,"lineEnd":2,"columnStart":3,"columnEnd":4,"pointers":[]}]}"#;
    let server = Server::start(vec![Reply::json(200, body)]);
    let d = client_for(&server).flow_details("866937862658913").unwrap();
    let r = &server.requests()[0];
    assert_eq!(
        (r.method.as_str(), r.target.as_str()),
        ("GET", format!("{FLOW_PATH}/866937862658913").as_str())
    );
    assert_common_headers(r);
    assert_eq!(d.flow_id, "866937862658913");
    assert_eq!(
        d.flow_json_url.as_deref(),
        Some("https://cdn.example/flow.json")
    );
    assert_eq!(d.status, FlowStatus::Draft);
    assert_eq!(d.categories, ["SIGN_UP"]);
    assert_eq!(d.validation_errors[0].position(), (2, 2, 3, 4));
}

#[test]
fn path_segments_are_encoded() {
    let server = Server::start(vec![Reply::json(200, UPDATED_CLEAN)]);
    let update = UpdateFlow {
        publish: Some(true),
        ..UpdateFlow::default()
    };
    client_for(&server).update_flow("../x?y", &update).unwrap();
    assert_eq!(
        server.requests()[0].target,
        format!("{FLOW_PATH}/..%2Fx%3Fy")
    );
}

fn api_error(status: u16, body: &str) -> (waflow_8x8::ApiError, usize) {
    let server = Server::start(vec![Reply::json(status, body); 3]);
    let err = client_for(&server).list_flows(None).unwrap_err();
    let n = server.requests().len();
    assert_no_key(&format!("{err} {err:?}"));
    match err {
        Error::Api(e) => (e, n),
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn error_bodies_become_api_errors_with_hints_and_4xx_is_not_retried() {
    let (e, n) = api_error(400, E1001);
    assert_eq!((e.status, e.code, n), (400, 1001, 1));
    assert_eq!(e.error_id, "91b106f0-c0da-4aba-a43a-7af9c5893a80");
    assert_eq!(e.timestamp, "2017-04-19T02:31:19.4297387+00:00");
    assert!(
        e.to_string().contains("not one of your sub-accounts"),
        "{e}"
    );

    let (e, n) = api_error(400, E1002);
    assert_eq!((e.code, n), (1002, 1));
    assert!(e.to_string().contains("E.164"));

    let (e, n) = api_error(401, E1200);
    assert_eq!((e.status, e.code, n), (401, 1200, 1));
    let text = e.to_string();
    for part in [
        "1200",
        "HTTP 401",
        "Request was not authenticated properly",
        "db9dced4-3534-4d86-9d18-6b448af0d621",
        "2018-08-02T09:42:38.8988997+00:00",
        "check the API key",
    ] {
        assert!(text.contains(part), "{part} missing from {text}");
    }

    let (e, n) = api_error(401, E1001);
    assert_eq!((e.status, e.code, n), (401, 1001, 1));
}

#[test]
fn a_500_is_retried_then_reported_with_its_error_id() {
    let (e, n) = api_error(500, E2000);
    assert_eq!((e.status, e.code, e.attempts, n), (500, 2000, 3, 3));
    assert!(e.to_string().contains("after 3 attempts"), "{e}");
    assert!(e
        .to_string()
        .contains("db9dced4-3534-4d86-9d18-6b448af0d621"));
}

#[test]
fn two_503s_then_success() {
    let server = Server::start(vec![
        Reply::json(503, "{}"),
        Reply::json(503, "{}"),
        Reply::json(200, LIST),
    ]);
    let flows = client_for(&server).list_flows(None).unwrap();
    assert_eq!(flows.len(), 2);
    assert_eq!(server.requests().len(), 3);
    // The PUT is retried too, with the same body each time.
    let server = Server::start(vec![Reply::json(503, ""), Reply::json(200, UPDATED_CLEAN)]);
    client_for(&server)
        .update_flow("1", &full_update())
        .unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].body, reqs[1].body);
}

#[test]
fn retry_after_is_honoured_and_a_too_long_one_ends_the_retries() {
    let server = Server::start(vec![
        Reply::json(429, "{}").with_header("Retry-After", "0"),
        Reply::json(200, LIST),
    ]);
    assert!(client_for(&server).list_flows(None).is_ok());
    assert_eq!(server.requests().len(), 2);

    // Asked to wait an hour with a 10 s budget: give up now and say what the server said.
    let server = Server::start(vec![
        Reply::json(429, "{\"message\":\"slow down\"}").with_header("Retry-After", "3600"),
        Reply::json(200, LIST),
    ]);
    let err = client_for(&server).list_flows(None).unwrap_err();
    assert!(
        matches!(
            err,
            Error::UnexpectedStatus {
                status: 429,
                attempts: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("slow down"), "{err}");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start(vec![Reply::Stall(Duration::from_secs(3))]);
    let client = client_with(&server, |c| c.read_timeout = Duration::from_millis(200));
    let err = client.list_flows(None).unwrap_err();
    match &err {
        Error::Timeout { phase, timeout, .. } => {
            assert_eq!(*phase, "waiting for the response");
            assert_eq!(*timeout, Duration::from_millis(200));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "a timeout is not retried");
}

#[test]
fn a_dropped_connection_is_retried_and_then_reported() {
    let server = Server::start(vec![Reply::Drop, Reply::json(200, LIST)]);
    assert_eq!(client_for(&server).list_flows(None).unwrap().len(), 2);
    assert_eq!(server.requests().len(), 2);

    let server = Server::start(vec![Reply::Drop; 3]);
    let err = client_for(&server).list_flows(None).unwrap_err();
    assert!(
        matches!(err, Error::Connection { attempts: 3, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("connection failed after 3 attempts"),
        "{err}"
    );
}

#[test]
fn nobody_listening_is_a_connection_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = Config {
        base_url: BaseUrl::parse(&format!("http://127.0.0.1:{port}")).unwrap(),
        retry: fast_retries(),
        ..Config::default()
    };
    let client = Client::with_config(
        AccountId::new(ACCOUNT).unwrap(),
        CHANNEL,
        ApiKey::new(KEY).unwrap(),
        config,
    )
    .unwrap();
    let err = client.list_flows(None).unwrap_err();
    assert!(
        matches!(err, Error::Connection { attempts: 3, .. }),
        "{err:?}"
    );
}

#[test]
fn html_bodies_are_named_not_parsed() {
    let html = "<html>\n<body><h1>502 Bad Gateway</h1></body></html>";
    let page = |status| Reply::Respond {
        status,
        headers: vec![("Content-Type", "text/html".into())],
        body: html.into(),
    };
    let server = Server::start(vec![page(200), page(403)]);
    let client = client_for(&server);
    let err = client.list_flows(None).unwrap_err();
    match &err {
        Error::NotJson {
            status,
            content_type,
            body,
            ..
        } => {
            assert_eq!((*status, content_type.as_str()), (200, "text/html"));
            assert_eq!(body, "<html> <body><h1>502 Bad Gateway</h1></body></html>");
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    let err = client.list_flows(None).unwrap_err();
    assert!(
        matches!(err, Error::UnexpectedStatus { status: 403, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("502 Bad Gateway"));
}

#[test]
fn redirects_are_not_followed() {
    let server = Server::start(vec![
        Reply::json(301, "").with_header("Location", "http://127.0.0.1:1/")
    ]);
    let err = client_for(&server).list_flows(None).unwrap_err();
    assert!(
        matches!(err, Error::UnexpectedStatus { status: 301, .. }),
        "{err:?}"
    );
}

#[test]
fn the_key_never_shows_even_when_the_server_echoes_it() {
    let echo = format!(
        "{{\"code\":1200,\"message\":\"bad key {KEY}\",\"errorId\":\"x\",\"timestamp\":\"t\"}}"
    );
    let server = Server::start(vec![
        Reply::json(401, &echo),
        Reply::json(418, &format!("Authorization: Bearer {KEY}")),
        Reply::json(200, &format!("not json {KEY}")),
    ]);
    let client = client_for(&server);
    let mut seen = vec![format!("{client:?}")];
    for _ in 0..3 {
        let err = client.list_flows(None).unwrap_err();
        seen.push(format!("{err} / {err:?}"));
    }
    let prepared = client.prepare_update("1", &full_update()).unwrap();
    seen.push(format!("{prepared} / {prepared:?}"));
    assert!(prepared
        .to_string()
        .contains("Authorization: Bearer ****cret"));
    for text in &seen {
        assert_no_key(text);
    }
    // The key goes in the header and nowhere else: not in any URL.
    for r in server.requests() {
        assert_no_key(&r.target);
    }
}

#[test]
fn dry_run_shows_the_request_that_would_be_sent() {
    let server = Server::start(vec![]);
    let client = client_for(&server);
    let p = client
        .prepare_update(
            "7",
            &UpdateFlow {
                flow_json: Some("{}".into()),
                ..UpdateFlow::default()
            },
        )
        .unwrap();
    assert_eq!(
        p.to_string(),
        format!(
            "PUT {}{FLOW_PATH}/7\nAuthorization: Bearer ****cret\nAccept: application/json\n\
             Content-Type: application/json\n\n{{\"flowJson\":\"{{}}\"}}\n",
            server.base_url.trim_end_matches("/api/v1")
        )
    );
    assert!(server.requests().is_empty());
}

/// A body with `{AUTH}` (the echoed `Bearer <key>`) in every string field.
fn echo(status: u16, content_type: &'static str, body: &str) -> Reply {
    Reply::Echo {
        status,
        content_type,
        body: body.to_owned(),
    }
}

#[test]
fn every_server_string_is_redacted_before_it_is_cut_or_returned() {
    let finding = r#"{"error":"E {AUTH}","errorType":"{AUTH}","message":"m {AUTH}","lineStart":1,"lineEnd":1,"columnStart":1,"columnEnd":1,"pointers":[{"lineStart":1,"lineEnd":1,"columnStart":1,"columnEnd":1,"path":"p.{AUTH}"}]}"#;
    // The key from character 193 of a page: cut at 200 before redaction, its first seven
    // characters were left in the snippet.
    let html = format!("<html>{}{{AUTH}} tail</html>", "x".repeat(180));
    let server = Server::start(vec![
        echo(
            200,
            "application/json",
            r#"{"flows":[{"id":"{AUTH}","name":"n {AUTH}","status":"{AUTH}"}]}"#,
        ),
        echo(
            200,
            "application/json",
            &format!(
                r#"{{"flowId":"{{AUTH}}","flowJsonUrl":"https://x/{{AUTH}}","name":"{{AUTH}}","status":"DRAFT","categories":["{{AUTH}}"],"validationErrors":[{finding}]}}"#
            ),
        ),
        echo(
            200,
            "application/json",
            &format!(r#"{{"id":"{{AUTH}}","success":true,"validationErrors":[{finding}]}}"#),
        ),
        echo(
            401,
            "application/json",
            r#"{"code":1001,"message":"x {AUTH}","errorId":"{AUTH}","timestamp":"{AUTH}"}"#,
        ),
        echo(200, "text/html; {AUTH}", &html),
        echo(418, "text/html", &html),
        // serde's message quotes the value of the wrong type.
        echo(200, "application/json", r#"{"flows":"{AUTH}"}"#),
        // JSON escapes spell the key differently in the raw body; the decoded text is the key.
        Reply::json(
            200,
            &format!(
                r#"{{"flows":[{{"id":"1","name":"\u{:04x}{}","status":"DRAFT"}}]}}"#,
                KEY.as_bytes()[0],
                &KEY[1..]
            ),
        ),
    ]);
    let client = client_for(&server);
    let mut seen = Vec::new();
    let flows = client.list_flows(None).unwrap();
    assert_eq!(flows[0].name, "n Bearer ****");
    seen.push(format!(
        "{flows:?} {}",
        serde_json::to_string(&flows).unwrap()
    ));
    let details = client.flow_details("1").unwrap();
    assert_eq!(details.validation_errors[0].message, "m Bearer ****");
    seen.push(format!("{details:?}"));
    let update = client.update_flow("1", &full_update()).unwrap();
    assert_eq!(update.id, "Bearer ****");
    seen.push(format!("{update:?}"));
    for _ in 0..4 {
        let err = client.list_flows(None).unwrap_err();
        seen.push(format!("{err} / {err:?}"));
    }
    let escaped = client.list_flows(None).unwrap();
    assert_eq!(escaped[0].name, "****");
    seen.push(format!("{escaped:?}"));
    assert_eq!(server.requests().len(), 8);
    for text in &seen {
        assert_no_key(text);
        // Not even the key's first characters: the snippet is redacted before it is cut.
        assert!(!text.contains(&KEY[..6]), "{text}");
    }
    assert!(seen[4].contains("text/html; Bearer ****"), "{}", seen[4]);
    assert!(seen[4].contains("Bearer **** ta..."), "{}", seen[4]);
    assert!(seen[5].contains("Bearer **** ta..."), "{}", seen[5]);
    assert!(seen[6].contains("Bearer ****"), "{}", seen[6]);
}
