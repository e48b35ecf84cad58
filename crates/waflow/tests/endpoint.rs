//! Endpoint responses under `testdata/endpoint/<rule>/`, judged against the flows of
//! `testdata/endpoint/_flows/` and compared with the snapshot beside each
//! (`WAFLOW_BLESS=1` rewrites them). Each response `<name>.json` has `<name>.request`:
//! `{"flow": NAME, "action": ..., "screen": ...}` (the decrypted request it answers, and
//! the flow), with `"pad_to": N` to pad the response with blanks to N bytes (a response
//! over the size limit is not committed). As in testdata/, `invalid*` must trigger the
//! folder's rule and `valid*` must not.

mod snapshot;

use std::path::{Path, PathBuf};

use serde_json::Value;
use waflow::endpoint::{Contract, Request, RequestAction};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/endpoint")
}

fn contract(name: &str) -> Contract {
    let path = root().join("_flows").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("a flow of _flows");
    Contract::of(&text, &waflow::Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_response_matches_its_snapshot() {
    let bless = std::env::var_os("WAFLOW_BLESS").is_some();
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut rules: Vec<_> = std::fs::read_dir(root())
        .expect("testdata/endpoint")
        .flatten()
        .map(|e| e.path())
        // `_flows` holds the flows; `corpus` real responses (tests/endpoint_corpus.rs).
        .filter(|p| p.is_dir() && !p.ends_with("_flows") && !p.ends_with("corpus"))
        .collect();
    rules.sort();
    for dir in rules {
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        let Some(rule) = waflow::registry::by_code(&code) else {
            failures.push(format!("{code}: a folder of no registered rule"));
            continue;
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for path in files {
            cases += 1;
            let name = format!("{code}/{}", path.file_name().unwrap().to_string_lossy());
            let request: Value = serde_json::from_str(
                &std::fs::read_to_string(path.with_extension("request"))
                    .unwrap_or_else(|_| panic!("{name}: no .request")),
            )
            .expect(".request is JSON");
            let mut text = std::fs::read_to_string(&path).unwrap();
            if let Some(n) = request["pad_to"].as_u64() {
                let n = n as usize;
                text.push_str(&" ".repeat(n.saturating_sub(text.len())));
            }
            let c = contract(request["flow"].as_str().expect("flow"));
            let report = c.check(
                &text,
                Request {
                    action: request["action"].as_str().and_then(RequestAction::parse),
                    from: request["screen"].as_str(),
                },
            );
            let fired = report
                .errors()
                .iter()
                .chain(report.warnings())
                .any(|f| f.rule == Some(rule.code));
            let stem = path.file_stem().unwrap().to_string_lossy();
            if stem.starts_with("invalid") && !fired {
                failures.push(format!("{name}: expected {code} to fire"));
            }
            if stem.starts_with("valid") && fired {
                failures.push(format!("{name}: {code} fired on a valid response"));
            }
            let actual = snapshot::snapshot(&report);
            let snap = path.with_extension("snap");
            if bless {
                std::fs::write(&snap, &actual).unwrap();
                continue;
            }
            match std::fs::read_to_string(&snap) {
                Ok(expected) if expected == actual => {}
                Ok(expected) => failures.push(format!(
                    "{name}: findings differ\n--- expected\n{expected}+++ actual\n{actual}"
                )),
                Err(_) => failures.push(format!("{name}: no snapshot (WAFLOW_BLESS=1)")),
            }
        }
    }
    assert!(cases >= 20, "endpoint testdata went missing: {cases}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn recorded_exchanges_take_their_request_from_the_line() {
    let c = contract("shop");
    // Line 1: a forward move; line 2: a move the routing model does not allow from the
    // request's screen (START -> DONE); line 3, blank, is skipped; line 4: a bare response
    // judged with the request given to the call.
    let lines = concat!(
        r#"{"request": {"action": "data_exchange", "screen": "START"}, "response": {"screen": "CART", "data": {"items": [], "total": "0", "note": ""}}}"#,
        "\n",
        r#"{"request": {"action": "data_exchange", "screen": "START"}, "response": {"screen": "DONE", "data": {}}}"#,
        "\n\n",
        r#"{"screen": "CART", "data": {"items": "none", "total": "0", "note": ""}}"#,
        "\n",
    );
    let report = c.check_lines(lines, Request::default());
    let found: Vec<(Option<&str>, u32, u32)> = report
        .errors()
        .iter()
        .map(|f| (f.rule, f.pointers[0].line_start, f.pointers[0].column_start))
        .collect();
    assert_eq!(
        found,
        vec![
            (Some("response-transition-not-allowed"), 2, 84),
            (Some("response-type-mismatch"), 4, 38),
        ]
    );
}

#[test]
fn the_schema_requires_what_a_screen_reads_and_the_requests_carry_the_payloads() {
    let c = contract("shop");
    let schema = c.schema(None).expect("a schema");
    let cart = &schema["$defs"]["CART"]["properties"]["data"];
    // `items` is required by the declaration, `total` because the screen reads it; `note`
    // is declared and read by nothing.
    assert_eq!(cart["required"], serde_json::json!(["items", "total"]));
    assert_eq!(
        cart["properties"]["items"]["items"]["properties"]["title"]["type"],
        "string"
    );
    assert_eq!(
        schema["$defs"]["DONE"]["properties"]["data"]["additionalProperties"],
        false
    );
    assert!(schema["$defs"]["SUCCESS"].is_object());
    assert_eq!(c.schema(Some("NOWHERE")), None);
    let requests = c.requests();
    let actions: Vec<&str> = requests
        .iter()
        .map(|r| r["request"]["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["INIT", "data_exchange", "data_exchange", "ping"]);
    assert_eq!(requests[1]["request"]["screen"], "START");
    assert_eq!(
        requests[1]["request"]["data"],
        serde_json::json!({"item": "example"})
    );
}
