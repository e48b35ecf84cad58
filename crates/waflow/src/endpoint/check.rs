//! Judging an endpoint's response against the flow's contract, as WhatsApp's client does
//! before it shows the next screen (docs/data-api.md 3.2-3.4): the shape, the screen and
//! the transition, then the data against the screen's declaration. Findings point into
//! the response text, whole key or value tokens, as the flow's findings do.

use super::contract::{Contract, ScreenContract};
use super::decl::{Decl, Field};
use crate::finding::Finding;
use crate::locate::Locator;
use crate::rule::{declare_rule, RuleMeta};
use crate::syntax::{Member, Node, Span, Value};

/// The `errorType` of response findings: faults of an endpoint's answer, not of Flow JSON.
pub const ENDPOINT_RESPONSE_ERROR: &str = "ENDPOINT_RESPONSE_ERROR";

/// The request a response answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestAction {
    /// The flow was opened (`flow_action: data_exchange`): the answer names an entry
    /// screen.
    Init,
    /// A data_exchange action fired on the screen the request names.
    DataExchange,
    /// Back on a screen with `refresh_on_back`.
    Back,
    /// The health check: the answer is `{"data": {"status": "active"}}`.
    Ping,
    /// The client's notice that it refused the previous response (a request whose
    /// `data` carries `error`): the answer is `{"data": {"acknowledged": true}}`.
    ErrorNotification,
}

impl RequestAction {
    /// As the request spells it: `INIT`, `data_exchange`, `BACK`, `ping`.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestAction::Init => "INIT",
            RequestAction::DataExchange => "data_exchange",
            RequestAction::Back => "BACK",
            RequestAction::Ping => "ping",
            RequestAction::ErrorNotification => "error notification",
        }
    }

    /// Parses a request's `action` (any case: `init`, `INIT`, `data_exchange`...), or
    /// `error_notification`.
    pub fn parse(s: &str) -> Option<RequestAction> {
        match s.to_ascii_lowercase().as_str() {
            "init" => Some(RequestAction::Init),
            "data_exchange" => Some(RequestAction::DataExchange),
            "back" => Some(RequestAction::Back),
            "ping" => Some(RequestAction::Ping),
            "error_notification" | "error-notification" => Some(RequestAction::ErrorNotification),
            _ => None,
        }
    }
}

/// What is known of the request a response answers; the less is known, the fewer
/// checks apply (without `from`, no transition is judged).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Request<'a> {
    /// The request's action.
    pub action: Option<RequestAction>,
    /// The screen the request was made on (`screen` of a data_exchange or BACK request).
    pub from: Option<&'a str>,
}

macro_rules! response_rule {
    ($name:ident, $code:literal, $error:literal, $sev:ident, $summary:literal, $doc:literal) => {
        declare_rule! {
            pub(crate) $name {
                code: $code,
                error: $error,
                error_type: ENDPOINT_RESPONSE_ERROR,
                severity: $sev,
                summary: $summary,
                doc: $doc,
            }
        }
    };
}

response_rule!(
    RESPONSE_NOT_JSON,
    "response-not-json",
    "invalid-response-format",
    Error,
    "An endpoint response is not JSON.",
    "WhatsApp's client decrypts the response and parses it as JSON; text that does not \
     parse ends the flow with a generic error (docs/data-api.md 3.2, [B]). waflow checks the \
     decrypted response."
);
response_rule!(
    RESPONSE_SHAPE,
    "response-shape",
    "invalid-response-format",
    Error,
    "An endpoint response is not `{\"screen\": ..., \"data\": {...}}` (or the ping reply).",
    "The client requires an object with a string `screen`; `data`, when present, must be \
     an object, `data.error_message` a string and `data.extension_message_response` (and \
     its `params`) objects; a ping is answered with `{\"data\": {\"status\": \"active\"}}` \
     (docs/data-api.md 2.2, 3.1, 3.2 [D][B]). Anything else ends the flow with a generic \
     error."
);
response_rule!(
    RESPONSE_UNKNOWN_SCREEN,
    "response-unknown-screen",
    "invalid-screen-transition",
    Error,
    "A response names a screen that is not a key of the flow's `routing_model`.",
    "The client looks the response's screen up among the keys of `routing_model`: a \
     screen that does not exist, or exists but is no key of the model, is \
     invalid-screen-transition and the user sees an error (docs/data-api.md 3.3 [B]). \
     `SUCCESS` is the one name outside the model: it ends the flow."
);
response_rule!(
    RESPONSE_TRANSITION_NOT_ALLOWED,
    "response-transition-not-allowed",
    "invalid-screen-transition",
    Error,
    "A response moves to a screen the routing model does not allow from the request's screen.",
    "From screen A the endpoint may answer with A itself, a screen A's routing_model entry \
     lists, or a screen whose entry lists A (going back); an INIT request must be answered \
     with an entry screen, one no route leads to (docs/data-api.md 3.3 [B]). Anything else \
     is invalid-screen-transition. Judged only when the request's screen (`--from`) or \
     action is known."
);
response_rule!(
    RESPONSE_SUCCESS_WITHOUT_FLOW_TOKEN,
    "response-success-without-flow-token",
    "invalid-response-format",
    Error,
    "A `SUCCESS` response lacks `data.extension_message_response.params.flow_token`.",
    "Ending the flow sends `extension_message_response.params` to the business as the \
     completion message, and Meta's guide marks `params.flow_token` required; without \
     `params` the client closes the flow and no completion message is sent \
     (docs/data-api.md 3.1, 3.2 [D][B])."
);
response_rule!(
    RESPONSE_DATA_FOR_SCREEN_WITHOUT_DATA,
    "response-data-for-screen-without-data",
    "payload-schema-error",
    Error,
    "A response sends data to a screen that declares none.",
    "A screen without a `data` declaration takes no dynamic data: the client rejects a \
     response with non-empty `data` for it (\"Screen expects no dynamic data\"), \
     payload-schema-error (docs/data-api.md 3.4 [B]). `error_message` and \
     `extension_message_response` do not count: the client removes them first."
);
response_rule!(
    RESPONSE_TYPE_MISMATCH,
    "response-type-mismatch",
    "payload-schema-error",
    Error,
    "A response field's value is not of the type the screen declares.",
    "The client validates `data` against the screen's declaration (type, and inside \
     arrays and objects their `items` and `properties`): a wrong type is \
     payload-schema-error and the user sees an error (docs/data-api.md 3.4 [B][D])."
);
response_rule!(
    RESPONSE_MISSING_REQUIRED_FIELD,
    "response-missing-required-field",
    "payload-schema-error",
    Error,
    "A response lacks a field the screen's declaration requires.",
    "A field named in the declaration's `required` array (and every declared field of a \
     screen with a NavigationList) must be present: payload-schema-error \
     (docs/data-api.md 3.4 [B]; Meta's guide gives \"a required field was missing\" as its \
     example of an invalid response)."
);
response_rule!(
    RESPONSE_MISSING_FIELD,
    "response-missing-field",
    "payload-schema-error",
    Warning,
    "A response lacks a field the screen declares (and usually reads).",
    "Meta's preview accepts a declared field that is absent and not in `required`, but \
     field reports say real devices fail the screen with payload-schema-error \
     (docs/data-api.md 3.4, Unknowns 2), and a `${data.x}` the screen reads then shows \
     nothing. A warning: send every declared field."
);
response_rule!(
    RESPONSE_UNDECLARED_FIELD,
    "response-undeclared-field",
    "payload-schema-error",
    Warning,
    "A response field the screen does not declare.",
    "The client's schema for a screen's data allows extra fields, so the response is \
     accepted, but no `${data...}` can read an undeclared field (the flow's own check \
     refuses such references): the value is dead weight or a misspelt name \
     (docs/data-api.md 3.4 [B])."
);
response_rule!(
    RESPONSE_TOO_LARGE,
    "response-too-large",
    "response-too-large",
    Warning,
    "A response is larger than 1 MiB.",
    "The spec sheet records a 1 MB limit on endpoint responses that the current Meta pages \
     do not restate (docs/data-api.md 1.5), so this is a warning: large responses (base64 \
     images, long lists) also slow the flow down."
);

/// The response rules, in documentation order.
pub(crate) static RULES: &[&RuleMeta] = &[
    &RESPONSE_NOT_JSON,
    &RESPONSE_SHAPE,
    &RESPONSE_UNKNOWN_SCREEN,
    &RESPONSE_TRANSITION_NOT_ALLOWED,
    &RESPONSE_SUCCESS_WITHOUT_FLOW_TOKEN,
    &RESPONSE_DATA_FOR_SCREEN_WITHOUT_DATA,
    &RESPONSE_TYPE_MISMATCH,
    &RESPONSE_MISSING_REQUIRED_FIELD,
    &RESPONSE_MISSING_FIELD,
    &RESPONSE_UNDECLARED_FIELD,
    &RESPONSE_TOO_LARGE,
];

/// The size above which a response is reported (`response-too-large`).
pub const MAX_RESPONSE_BYTES: usize = 1 << 20;

/// Where findings go: the response text's locator and the offset of the response in it
/// (a line of a JSON Lines file).
pub(crate) struct Out<'l> {
    pub loc: &'l Locator<'l>,
    pub offset: u32,
    pub findings: Vec<Finding>,
}

impl Out<'_> {
    /// The source text of `span` in the response (relative to the response).
    fn text(&self, span: Span) -> String {
        let start = (span.start + self.offset) as usize;
        let end = (span.end + self.offset) as usize;
        self.loc
            .text()
            .get(start..end)
            .unwrap_or_default()
            .to_owned()
    }

    /// "`what`, not a number": a value of the wrong JSON type, at the value.
    fn not_a(&mut self, rule: &'static RuleMeta, what: &str, node: &Node<'_>, path: &str) {
        let message = format!("{what}, not {}", article(node.type_name()));
        self.at(rule, message, node.span, path);
    }

    fn at(&mut self, rule: &'static RuleMeta, message: String, span: Span, path: &str) {
        let span = Span {
            start: span.start + self.offset,
            end: span.end + self.offset,
        };
        let pointer = self.loc.pointer_at(span, path.to_owned());
        self.findings.push(rule.finding_at(message, pointer));
    }
}

/// Checks one response (`text`, at byte `offset` of the locator's text) answering
/// `request`.
pub(crate) fn check_one(c: &Contract, text: &str, request: Request<'_>, out: &mut Out<'_>) {
    let whole = Span::new(0, text.len());
    if text.len() > MAX_RESPONSE_BYTES {
        out.at(
            &RESPONSE_TOO_LARGE,
            format!(
                "The response is {} bytes; keep it under {} (1 MiB)",
                crate::thousands(text.len() as u64),
                crate::thousands(MAX_RESPONSE_BYTES as u64)
            ),
            whole,
            "",
        );
    }
    let arena = crate::syntax::Arena::for_text(text);
    let parsed = match crate::syntax::parse(text, &arena, &crate::syntax::ParseOptions::default()) {
        Ok(p) => p,
        Err(e) => {
            out.at(
                &RESPONSE_NOT_JSON,
                format!("The response is not JSON: {}", e.kind),
                e.span,
                "",
            );
            return;
        }
    };
    let root = &parsed.root;
    if root.as_object().is_none() {
        out.not_a(&RESPONSE_SHAPE, "A response is a JSON object", root, "");
        return;
    }
    let data = root.member("data");
    if let Some(d) = data.filter(|d| d.value.as_object().is_none()) {
        out.not_a(
            &RESPONSE_SHAPE,
            "'data' must be an object",
            &d.value,
            "data",
        );
        return;
    }
    match request.action {
        Some(RequestAction::Ping) => return reply(root, "status", "\"active\"", out),
        Some(RequestAction::ErrorNotification) => {
            return reply(root, "acknowledged", "true", out);
        }
        _ => {}
    }
    let Some(screen) = root.member("screen") else {
        out.at(
            &RESPONSE_SHAPE,
            "The response has no 'screen': name the next screen, or SUCCESS to end the flow".into(),
            root.span,
            "",
        );
        return;
    };
    let Some(id) = screen.value.as_str() else {
        out.not_a(
            &RESPONSE_SHAPE,
            "'screen' must be a string",
            &screen.value,
            "screen",
        );
        return;
    };
    let data = data.map(|d| &d.value);
    if !reserved_members(data, out) {
        return;
    }
    if id == "SUCCESS" {
        success(data, screen, out);
        return;
    }
    let Some(target) = c.screen(id).filter(|_| c.is_routable(id)) else {
        let why = if c.screen(id).is_some() {
            format!("screen {id} is not a key of the flow's routing_model, and the client only routes to its keys")
        } else {
            let known: Vec<&str> = c.routing.iter().map(|(k, _)| k.as_str()).collect();
            match crate::suggest::closest(id, known.iter().copied()) {
                Some(near) => format!("the flow has no screen {id}; did you mean {near}?"),
                None => format!("the flow has no screen {id}"),
            }
        };
        out.at(
            &RESPONSE_UNKNOWN_SCREEN,
            format!("The response names {id:?}: {why}"),
            screen.value.span,
            "screen",
        );
        return;
    };
    transition(c, id, request, screen.value.span, out);
    check_data(target, data, out);
}

/// `SUCCESS`: `data.extension_message_response.params.flow_token`, a string.
fn success(data: Option<&Node<'_>>, screen: &Member<'_>, out: &mut Out<'_>) {
    let params = data
        .and_then(|d| d.get("extension_message_response"))
        .and_then(|e| e.get("params"));
    let token = params.and_then(|p| p.member("flow_token"));
    let (message, span, path) = match (params, token) {
        (None, _) => (
            "A SUCCESS response without data.extension_message_response.params closes the flow but sends the business no completion message; add params with the flow_token".to_owned(),
            screen.value.span,
            "screen",
        ),
        (Some(p), None) => (
            "params of a SUCCESS response need the flow_token the request carried".to_owned(),
            p.span,
            "data.extension_message_response.params",
        ),
        (Some(_), Some(t)) if t.value.as_str().is_none() => {
            let path = "data.extension_message_response.params.flow_token";
            let rule = &RESPONSE_SUCCESS_WITHOUT_FLOW_TOKEN;
            return out.not_a(rule, "flow_token must be a string", &t.value, path);
        }
        _ => return,
    };
    out.at(&RESPONSE_SUCCESS_WITHOUT_FLOW_TOKEN, message, span, path);
}

/// `data.error_message` a string, `data.extension_message_response` and its `params`
/// objects; `false` when one is not (the rest would be judged on a broken shape).
fn reserved_members(data: Option<&Node<'_>>, out: &mut Out<'_>) -> bool {
    let Some(data) = data else { return true };
    if let Some(m) = data
        .member("error_message")
        .filter(|m| m.value.as_str().is_none())
    {
        out.at(
            &RESPONSE_SHAPE,
            format!(
                "'error_message' is shown to the user as text: a string, not {}",
                article(m.value.type_name())
            ),
            m.value.span,
            "data.error_message",
        );
        return false;
    }
    if let Some(e) = data.member("extension_message_response") {
        let bad = match e.value.as_object() {
            None => Some((&e.value, "data.extension_message_response")),
            Some(_) => e
                .value
                .member("params")
                .filter(|p| p.value.as_object().is_none())
                .map(|p| (&p.value, "data.extension_message_response.params")),
        };
        if let Some((node, path)) = bad {
            out.at(
                &RESPONSE_SHAPE,
                format!(
                    "'{path}' must be an object, not {}",
                    article(node.type_name())
                ),
                node.span,
                path,
            );
            return false;
        }
    }
    true
}

/// The fixed replies: `{"data": {"status": "active"}}` to a ping,
/// `{"data": {"acknowledged": true}}` to an error notification (docs/data-api.md 2.2).
fn reply(root: &Node<'_>, key: &str, value: &str, out: &mut Out<'_>) {
    let member = root.get("data").and_then(|d| d.member(key));
    let what = if key == "status" {
        "A health check"
    } else {
        "An error notification"
    };
    match member {
        Some(m) if out.text(m.value.span) == value => {}
        Some(m) => {
            let message = format!("{what} is answered with \"{key}\": {value}");
            out.at(
                &RESPONSE_SHAPE,
                message,
                m.value.span,
                &format!("data.{key}"),
            );
        }
        None => {
            let message = format!("{what} is answered with {{\"data\": {{\"{key}\": {value}}}}}");
            out.at(&RESPONSE_SHAPE, message, root.span, "");
        }
    }
}

/// The transition from the request's screen (or, for INIT, into the flow).
fn transition(c: &Contract, to: &str, request: Request<'_>, at: Span, out: &mut Out<'_>) {
    if request.action == Some(RequestAction::Init) {
        let entries = c.entries();
        if !entries.contains(&to) {
            out.at(
                &RESPONSE_TRANSITION_NOT_ALLOWED,
                format!(
                    "An INIT response opens the flow on an entry screen ({}); {to} is the target of a route",
                    entries.join(", ")
                ),
                at,
                "screen",
            );
        }
        return;
    }
    let Some(from) = request.from else { return };
    if c.screen(from).is_none() {
        // The caller named no screen of the flow; the CLI refuses that before checking.
        return;
    }
    if !c.allows(from, to) {
        let forward = c.routes_from(from);
        let listed = if forward.is_empty() {
            "routes nowhere".to_owned()
        } else {
            format!("routes to {}", forward.join(", "))
        };
        out.at(
            &RESPONSE_TRANSITION_NOT_ALLOWED,
            format!(
                "routing_model does not allow moving from {from} to {to}: {from} {listed}, and {to} does not route back to {from}"
            ),
            at,
            "screen",
        );
    }
}

/// The response's data against the screen's declaration.
fn check_data(screen: &ScreenContract, data: Option<&Node<'_>>, out: &mut Out<'_>) {
    // The client removes these two before it validates.
    let reserved = |name: &str| name == "error_message" || name == "extension_message_response";
    let members: Vec<&Member<'_>> = data
        .and_then(Node::as_object)
        .unwrap_or_default()
        .iter()
        .filter(|m| !reserved(m.key.name))
        .collect();
    let Some(fields) = &screen.data else {
        if let Some(first) = members.first() {
            out.at(
                &RESPONSE_DATA_FOR_SCREEN_WITHOUT_DATA,
                format!(
                    "Screen {} declares no data, so the client rejects a response that sends '{}'",
                    screen.id, first.key.name
                ),
                first.key.span,
                &format!("data.{}", first.key.name),
            );
        }
        return;
    };
    for m in &members {
        let path = format!("data.{}", m.key.name);
        match fields.iter().find(|f| f.name == m.key.name) {
            Some(f) => check_value(&f.decl, &m.value, &path, out),
            None => out.at(
                &RESPONSE_UNDECLARED_FIELD,
                undeclared(&screen.id, m.key.name, fields),
                m.key.span,
                &path,
            ),
        }
    }
    let at = data.map_or(Span::new(0, 0), |d| d.span);
    let required = |f: &Field| screen.navigation_list || screen.required.contains(&f.name);
    for f in fields
        .iter()
        .filter(|f| !members.iter().any(|m| m.key.name == f.name))
    {
        let reads = if screen.reads.contains(&f.name) {
            format!(", and the screen reads it (${{data.{}}})", f.name)
        } else {
            String::new()
        };
        if required(f) {
            out.at(
                &RESPONSE_MISSING_REQUIRED_FIELD,
                format!(
                    "Screen {} requires '{}' ({}){reads}",
                    screen.id,
                    f.name,
                    f.decl.type_name()
                ),
                at,
                "data",
            );
        } else {
            out.at(
                &RESPONSE_MISSING_FIELD,
                format!(
                    "Screen {} declares '{}' ({}){reads}; devices may reject a response without it",
                    screen.id,
                    f.name,
                    f.decl.type_name()
                ),
                at,
                "data",
            );
        }
    }
}

fn undeclared(screen: &str, name: &str, fields: &[Field]) -> String {
    let near = crate::suggest::closest(name, fields.iter().map(|f| f.name.as_str()));
    match near {
        Some(n) => format!(
            "Screen {screen} declares no '{name}' (did you mean '{n}'?); the client keeps the response but nothing can read the value"
        ),
        None => format!(
            "Screen {screen} declares no '{name}'; the client keeps the response but nothing can read the value"
        ),
    }
}

/// A value against its declaration, into arrays and objects.
fn check_value(decl: &Decl, node: &Node<'_>, path: &str, out: &mut Out<'_>) {
    if !decl.admits(&node.value) {
        out.at(
            &RESPONSE_TYPE_MISMATCH,
            format!(
                "'{path}' is declared {}, but the response sends {}",
                article(decl.type_name()),
                article(node.type_name())
            ),
            node.span,
            path,
        );
        return;
    }
    match (decl, &node.value) {
        (Decl::Array(Some(items)), Value::Array(elems)) => {
            for (i, e) in elems.iter().enumerate() {
                check_value(items, e, &format!("{path}[{i}]"), out);
            }
        }
        (Decl::Object(props), Value::Object(members)) => {
            for m in members.iter() {
                if let Some(p) = props.iter().find(|p| p.name == m.key.name) {
                    check_value(&p.decl, &m.value, &format!("{path}.{}", m.key.name), out);
                }
            }
        }
        _ => {}
    }
}

/// "a string", "an object", "an integer".
fn article(ty: &str) -> String {
    match ty.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {ty}"),
        _ => format!("a {ty}"),
    }
}
