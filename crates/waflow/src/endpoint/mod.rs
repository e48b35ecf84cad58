//! The endpoint contract: what a flow with `data_exchange` expects its endpoint to answer,
//! and the checks WhatsApp's client applies to each answer before it shows the next screen
//! (the facts, with sources, are in docs/data-api.md).
//!
//! ```
//! let flow = r#"{"version": "7.3", "data_api_version": "3.0",
//!   "routing_model": {"START": ["DONE"], "DONE": []},
//!   "screens": [
//!     {"id": "START", "title": "Start", "layout": {"type": "SingleColumnLayout", "children": [
//!       {"type": "Footer", "label": "Go", "on-click-action": {"name": "data_exchange", "payload": {}}}]}},
//!     {"id": "DONE", "title": "Done", "terminal": true,
//!      "data": {"total": {"type": "number", "__example__": 3}},
//!      "layout": {"type": "SingleColumnLayout", "children": [
//!       {"type": "TextBody", "text": "Thanks"},
//!       {"type": "Footer", "label": "Close", "on-click-action": {"name": "complete", "payload": {}}}]}}]}"#;
//! let contract = waflow::endpoint::Contract::of(flow, &waflow::Options::default()).unwrap();
//! let request = waflow::endpoint::Request {
//!     action: Some(waflow::endpoint::RequestAction::DataExchange),
//!     from: Some("START"),
//! };
//! let report = contract.check(r#"{"screen": "DONE", "data": {"total": "3"}}"#, request);
//! assert_eq!(report.errors()[0].rule, Some("response-type-mismatch"));
//! ```

mod check;
mod contract;
mod decl;
mod requests;
mod schema;

pub(crate) use check::RULES;
pub use check::{Request, RequestAction, ENDPOINT_RESPONSE_ERROR, MAX_RESPONSE_BYTES};
pub use contract::{Contract, ContractError, Exchange, ScreenContract};
pub use decl::{Decl, Field};

use crate::locate::Locator;
use crate::Report;

impl Contract {
    /// Judges one decrypted endpoint response (`response`, JSON text) answering
    /// `request`. Findings point into `response`.
    pub fn check(&self, response: &str, request: Request<'_>) -> Report {
        let loc = Locator::new(response);
        let mut out = check::Out {
            loc: &loc,
            offset: 0,
            findings: Vec::new(),
        };
        check::check_one(self, response, request, &mut out);
        Report::new(out.findings, Some(self.version))
    }

    /// Judges a JSON Lines text of recorded responses, one per non-blank line. A line may
    /// be a response, or `{"request": {...}, "response": {...}}` with the decrypted
    /// request it answered (its `action` and `screen` then take the place of
    /// `request`). Findings point at their line of `text`.
    pub fn check_lines(&self, text: &str, request: Request<'_>) -> Report {
        let loc = Locator::new(text);
        let mut out = check::Out {
            loc: &loc,
            offset: 0,
            findings: Vec::new(),
        };
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            if body.trim().is_empty() {
                continue;
            }
            out.offset = start as u32;
            match paired(body) {
                Some((response, req)) => {
                    out.offset = (start + response.start) as u32;
                    let screen = req.screen.as_deref();
                    let r = Request {
                        action: req.action.or(request.action),
                        from: screen.or(request.from),
                    };
                    check::check_one(self, &body[response.clone()], r, &mut out);
                }
                None => check::check_one(self, body, request, &mut out),
            }
        }
        Report::new(out.findings, Some(self.version))
    }

    /// The JSON Schema of what the endpoint may answer: every screen a response can name
    /// (or only `screen`), the `SUCCESS` completion and the ping reply under `$defs`.
    pub fn schema(&self, screen: Option<&str>) -> Option<serde_json::Value> {
        schema::schema(self, screen)
    }

    /// Example decrypted requests the endpoint will receive: INIT, each data_exchange
    /// with its payload, BACK for `refresh_on_back` screens, ping.
    pub fn requests(&self) -> Vec<serde_json::Value> {
        requests::requests(self)
    }
}

/// A recorded `{"request": ..., "response": ...}` line: the byte range of the response
/// in the line and what the request says.
fn paired(line: &str) -> Option<(std::ops::Range<usize>, Recorded)> {
    let arena = crate::syntax::Arena::for_text(line);
    let parsed =
        crate::syntax::parse(line, &arena, &crate::syntax::ParseOptions::default()).ok()?;
    let root = parsed.root;
    let (req, resp) = (root.get("request")?, root.get("response")?);
    Some((
        resp.span.range(),
        Recorded {
            // A request that reports an error is the client's notification, whatever
            // its action says (docs/data-api.md 2.2).
            action: if req
                .get("data")
                .is_some_and(|d| d.get("error").is_some() || d.get("error_key").is_some())
            {
                Some(RequestAction::ErrorNotification)
            } else {
                req.get("action")
                    .and_then(crate::syntax::Node::as_str)
                    .and_then(RequestAction::parse)
            },
            screen: req
                .get("screen")
                .and_then(crate::syntax::Node::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        },
    ))
}

struct Recorded {
    action: Option<RequestAction>,
    screen: Option<String>,
}
