//! Example decrypted requests the endpoint will receive, from the contract: for endpoint
//! test suites (docs/data-api.md 2).

use serde_json::{json, Map, Value as Json};

use super::contract::Contract;

/// A placeholder for the flow token the request carries.
const FLOW_TOKEN: &str = "FLOW_TOKEN";

/// Each request as `{"description": ..., "request": {...}}`, in the order a user meets
/// them: INIT, each data_exchange in document order, BACK, ping.
pub(super) fn requests(c: &Contract) -> Vec<Json> {
    let version = c.data_api_version.as_str();
    // Data API 4.0 adds a signed token to data exchanges (docs/data-api.md 2.1, 4).
    let signed = version != "3.0";
    let mut out = vec![json!({
        "description": "INIT: the flow was opened (sent with flow_action data_exchange); answer with an entry screen",
        "request": {"version": version, "action": "INIT", "flow_token": FLOW_TOKEN},
    })];
    for e in &c.exchanges {
        let data: Map<String, Json> = e
            .payload
            .iter()
            .map(|f| (f.name.clone(), f.sample()))
            .collect();
        let mut request = json!({
            "version": version,
            "action": "data_exchange",
            "screen": e.screen,
            "data": data,
            "flow_token": FLOW_TOKEN,
        });
        if signed {
            request["flow_token_signature"] = json!("FLOW_TOKEN_SIGNATURE (a JWT)");
        }
        let types: Vec<String> = e
            .payload
            .iter()
            .map(|f| format!("{}: {}", f.name, f.decl.type_name()))
            .collect();
        out.push(json!({
            "description": format!(
                "data_exchange from {} ({}); payload {}",
                e.screen,
                e.trigger,
                if types.is_empty() { "empty".to_owned() } else { types.join(", ") }
            ),
            "request": request,
        }));
    }
    for s in c.screens.iter().filter(|s| s.refresh_on_back) {
        out.push(json!({
            "description": format!("BACK: the user went back to {} (refresh_on_back)", s.id),
            "request": {"version": version, "action": "BACK", "screen": s.id, "flow_token": FLOW_TOKEN},
        }));
    }
    out.push(json!({
        "description": "ping: the health check; answer {\"data\": {\"status\": \"active\"}}",
        "request": {"version": version, "action": "ping"},
    }));
    out
}
