//! Root-level combination rules (spec 1.2): the data API, the routing model and the
//! endpoint key must come together as Meta requires.
//!
//! errorType: Meta's builder runs these after the schema pass and no sample shows their
//! category; like every semantic check they are reported as FLOW_JSON_ERROR, except the
//! forbidden key, which is the schema pass's own INVALID_PROPERTY_KEY (JSON_SCHEMA_ERROR).

use super::{Ctx, RuleMeta};
use crate::catalog::versions::{DATA_API_VERSIONS, LATEST};
use crate::catalog::FlowVersion;
use crate::finding::{Finding, Severity, FLOW_JSON_ERROR, JSON_SCHEMA_ERROR};
use crate::syntax::{path_to, walk, Node, Path};

pub(crate) static DATA_EXCHANGE_NEEDS_DATA_API: RuleMeta = RuleMeta {
    code: "data-exchange-needs-data-api-version",
    error: "MISSING_REQUIRED_PROPERTY",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Error,
    since: None,
    until: None,
    summary: "A `data_exchange` action is used but `data_api_version` is missing.",
    doc: "A data_exchange action calls the flow's endpoint, whose protocol is declared by the \
          top-level `data_api_version`; without it Meta answers MISSING_REQUIRED_PROPERTY at \
          the root object [B][D] (spec 1.2). Fix: add \"data_api_version\": \"3.0\" and a \
          `routing_model`, or replace the action with navigate/complete.",
};

pub(crate) static REFRESH_ON_BACK_NEEDS_DATA_API: RuleMeta = RuleMeta {
    code: "refresh-on-back-needs-data-api-version",
    error: "MISSING_REQUIRED_PROPERTY",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Error,
    since: None,
    until: None,
    summary: "A screen sets `refresh_on_back: true` but `data_api_version` is missing.",
    doc: "`refresh_on_back: true` asks the endpoint for fresh data when the user goes back, \
          so it needs the endpoint protocol `data_api_version`; Meta answers \
          MISSING_REQUIRED_PROPERTY at the root object [B][D] (spec 1.2). Fix: add \
          \"data_api_version\": \"3.0\" and a `routing_model`, or drop `refresh_on_back`.",
};

pub(crate) static DATA_API_NEEDS_ROUTING_MODEL: RuleMeta = RuleMeta {
    code: "data-api-version-needs-routing-model",
    error: "MISSING_REQUIRED_PROPERTY",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Error,
    since: None,
    until: None,
    summary: "`data_api_version` is set but `routing_model` is missing.",
    doc: "A flow with an endpoint must declare which screen may follow which in \
          `routing_model`; Meta answers MISSING_REQUIRED_PROPERTY at the root object when \
          `data_api_version` is present without it [B][D] (spec 1.2). Fix: add a \
          `routing_model` mapping each screen id to the screens it can go to.",
};

pub(crate) static DATA_CHANNEL_URI_REMOVED: RuleMeta = RuleMeta {
    code: "data-channel-uri-removed",
    error: "INVALID_PROPERTY_KEY",
    error_type: JSON_SCHEMA_ERROR,
    severity: Severity::Error,
    since: Some(FlowVersion::new(3, 0)),
    until: None,
    summary: "`data_channel_uri` is not allowed from Flow JSON 3.0.",
    doc: "Up to 2.1 the endpoint URL lived in the flow as `data_channel_uri`; from 3.0 it is \
          set on the flow itself through the Flows API field `endpoint_uri` (8x8: \
          `endPointUri`), and Meta refuses the key with INVALID_PROPERTY_KEY at the key [B][D] \
          (spec 1, 1.2). Fix: delete the key and set the endpoint with the API.",
};

pub(crate) static INVALID_DATA_API_VERSION: RuleMeta = RuleMeta {
    code: "invalid-data-api-version",
    error: "INVALID_DATA_API_VERSION",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Error,
    since: None,
    until: None,
    summary: "`data_api_version` is not a value this Flow JSON version accepts.",
    doc: "`data_api_version` is a string from a closed list: \"3.0\" in every version, and \
          \"4.0\" from Flow JSON 7.3 [B][P] (spec 1, 1.2). Anything else is \
          INVALID_DATA_API_VERSION at the value. Fix: use \"3.0\", or \"4.0\" with Flow JSON \
          7.3 or later.",
};

pub(super) fn check(ctx: &Ctx<'_, '_>, out: &mut Vec<Finding>) {
    let root = ctx.root;
    let data_api = root.member("data_api_version");
    let at_root = |rule: &'static RuleMeta, message: String, help: &str| {
        let mut f = rule.finding(message);
        f.help = Some(help.to_owned());
        f.pointers.push(ctx.loc.pointer(root.span, &Path::root()));
        f
    };

    if data_api.is_none() {
        if let Some((path, count)) = first_data_exchange(root) {
            let more = match count {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            out.push(at_root(
                &DATA_EXCHANGE_NEEDS_DATA_API,
                format!(
                    "Property 'data_api_version' is required: the flow uses a data_exchange action (at {path}{more})"
                ),
                "Add \"data_api_version\": \"3.0\" and a \"routing_model\" at the top level",
            ));
        }
        if let Some(path) = first_refresh_on_back(root) {
            out.push(at_root(
                &REFRESH_ON_BACK_NEEDS_DATA_API,
                format!(
                    "Property 'data_api_version' is required: {path} is true"
                ),
                "Add \"data_api_version\": \"3.0\" and a \"routing_model\" at the top level, or remove refresh_on_back",
            ));
        }
    }

    if let Some(member) = data_api {
        if root.member("routing_model").is_none() {
            out.push(at_root(
                &DATA_API_NEEDS_ROUTING_MODEL,
                "Property 'routing_model' is required when 'data_api_version' is set".to_owned(),
                "Add \"routing_model\": { \"<SCREEN_ID>\": [\"<NEXT_SCREEN_ID>\", ...], ... } listing every screen",
            ));
        }
        check_data_api_value(ctx, &member.value, out);
    }

    if DATA_CHANNEL_URI_REMOVED.applies_to(ctx.version) {
        if let Some(member) = root.member("data_channel_uri") {
            let mut f = DATA_CHANNEL_URI_REMOVED.finding(format!(
                "Property 'data_channel_uri' is not allowed in Flow JSON {}: since 3.0 the endpoint is set with the Flows API field 'endpoint_uri'",
                ctx.version
            ));
            f.help = Some(
                "Delete the key and set the endpoint on the flow (waflow push --endpoint-uri, or endpoint_uri in the Flows API)".into(),
            );
            let path = Path::root().key("data_channel_uri");
            f.pointers.push(ctx.loc.pointer(member.key.span, &path));
            out.push(f);
        }
    }
}

fn check_data_api_value(ctx: &Ctx<'_, '_>, value: &Node<'_>, out: &mut Vec<Finding>) {
    let allowed: Vec<&str> = DATA_API_VERSIONS
        .iter()
        .filter(|d| ctx.version >= d.since)
        .map(|d| d.id)
        .collect();
    let list = allowed
        .iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let message = match value.as_str() {
        Some(text) if allowed.contains(&text) => return,
        Some(text) => match DATA_API_VERSIONS.iter().find(|d| d.id == text) {
            Some(d) => format!(
                "data_api_version \"{text}\" needs Flow JSON {} or later; this flow declares {}",
                d.since, ctx.version
            ),
            None => format!(
                "data_api_version \"{text}\" is not a data API version; Flow JSON {} accepts {list}",
                ctx.version
            ),
        },
        None => format!(
            "Property 'data_api_version' should be a string: one of {list}, found {}",
            value.type_name()
        ),
    };
    let mut f = INVALID_DATA_API_VERSION.finding(message);
    f.help = Some(if ctx.version >= LATEST {
        format!("Use one of {list}")
    } else {
        format!("Use one of {list}, or move the flow to Flow JSON {LATEST} for data API 4.0")
    });
    f.pointers.push(
        ctx.loc
            .pointer(value.span, &Path::root().key("data_api_version")),
    );
    out.push(f);
}

/// The path of the first `data_exchange` action and how many there are. An action is an
/// object under a key ending in `-action` (on-click-action, on-select-action, ...) whose
/// `name` is `data_exchange`.
fn first_data_exchange(root: &Node<'_>) -> Option<(String, usize)> {
    let screens = root.get("screens")?;
    let mut first = None;
    let mut count = 0;
    walk(screens, |key, node| {
        if key.is_some_and(|k| k.ends_with("-action"))
            && node.get("name").and_then(Node::as_str) == Some("data_exchange")
        {
            count += 1;
            first.get_or_insert(node.span);
        }
        true
    });
    first.map(|span| (path_to(root, span).to_string(), count))
}

fn first_refresh_on_back(root: &Node<'_>) -> Option<String> {
    let screens = root.get("screens")?.as_array()?;
    screens.iter().enumerate().find_map(|(i, s)| {
        (s.get("refresh_on_back").and_then(Node::as_bool) == Some(true))
            .then(|| format!("screens[{i}].refresh_on_back"))
    })
}
