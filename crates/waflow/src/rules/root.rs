//! Root-level combination rules (spec 1.2): the data API, the routing model and the
//! endpoint key must come together as Meta requires.
//!
//! errorType: Meta's builder runs these after the schema pass and no sample shows their
//! category; like every semantic check they are reported as FLOW_JSON_ERROR, except the
//! forbidden key, which is the schema pass's own INVALID_PROPERTY_KEY (JSON_SCHEMA_ERROR).

use super::Ctx;
use crate::catalog::versions::{DATA_API_VERSIONS, LATEST};
use crate::finding::{Finding, JSON_SCHEMA_ERROR};
use crate::rule::{declare_rule, RuleMeta};
use crate::syntax::{path_to, walk, Node, Path};

declare_rule! {
    pub(crate) DATA_EXCHANGE_NEEDS_DATA_API_VERSION {
        code: "data-exchange-needs-data-api-version",
        error: "MISSING_REQUIRED_PROPERTY",
        summary: "A `data_exchange` action is used but `data_api_version` is missing.",
        doc: "A data_exchange action calls the flow's endpoint, whose protocol is declared by the \
              top-level `data_api_version`; without it Meta answers MISSING_REQUIRED_PROPERTY \
              (\"The property 'data_api_version' is required for data_exchange action.\") at the \
              `name` value of every such action, in its error reference and in the builder's \
              records (testdata/data-exchange-needs-data-api-version_*) (spec 1.2). Fix: add \"data_api_version\": \"3.0\" and a \
              `routing_model`, or replace the action with navigate/complete.",
    }
}

declare_rule! {
    pub(crate) REFRESH_ON_BACK_NEEDS_DATA_API_VERSION {
        code: "refresh-on-back-needs-data-api-version",
        error: "INVALID_PROPERTY_VALUE",
        summary: "A screen sets `refresh_on_back: true` but `data_api_version` is missing.",
        doc: "`refresh_on_back: true` asks the endpoint for fresh data when the user goes back, \
              so it needs the endpoint protocol `data_api_version`; Meta answers \
              INVALID_PROPERTY_VALUE (\"Property 'refresh_on_back' can be true only when property \
              'data_api_version' is set.\") at each such `true`, in its error reference and in the \
              builder's records (testdata/refresh-on-back-needs-data-api-version_*) (spec 1.2). \
              Fix: add \"data_api_version\": \"3.0\" and a `routing_model`, or drop \
              `refresh_on_back`.",
    }
}

declare_rule! {
    pub(crate) DATA_API_VERSION_NEEDS_ROUTING_MODEL {
        code: "data-api-version-needs-routing-model",
        error: "MISSING_REQUIRED_PROPERTY",
        summary: "`data_api_version` is set but `routing_model` is missing.",
        doc: "A flow with an endpoint must declare which screen may follow which in \
              `routing_model`; Meta answers MISSING_REQUIRED_PROPERTY at the root object when \
              `data_api_version` is present without it [B][D] (spec 1.2). Fix: add a \
              `routing_model` mapping each screen id to the screens it can go to.",
    }
}

declare_rule! {
    pub(crate) DATA_CHANNEL_URI_REMOVED {
        code: "data-channel-uri-removed",
        error: "INVALID_PROPERTY_KEY",
        error_type: JSON_SCHEMA_ERROR,
        since: crate::catalog::model::V3_0,
        summary: "`data_channel_uri` is not allowed from Flow JSON 3.0.",
        doc: "Up to 2.1 the endpoint URL lived in the flow as `data_channel_uri`; from 3.0 it is \
              set on the flow itself through the Flows API field `endpoint_uri` (8x8: \
              `endPointUri`), and Meta refuses the key with INVALID_PROPERTY_KEY at the key [B][D] \
              (spec 1, 1.2). Fix: delete the key and set the endpoint with the API.",
    }
}

declare_rule! {
    pub(crate) INVALID_DATA_API_VERSION {
        code: "invalid-data-api-version",
        error: "INVALID_PROPERTY_VALUE",
        error_type: JSON_SCHEMA_ERROR,
        summary: "`data_api_version` is not a value this Flow JSON version accepts.",
        doc: "`data_api_version` is a string from a closed list: \"3.0\" in every version, and \
              \"4.0\" from Flow JSON 7.3 [B][P] (spec 1, 1.2). Meta's schema holds it with a \
              constant, so anything else is INVALID_PROPERTY_VALUE (\"Invalid value found for \
              property 'data_api_version'. Expected '3.0'.\") at the value (builder records \
              testdata/invalid-data-api-version_*; the spec sheet's INVALID_DATA_API_VERSION is \
              not what the builder answers). Fix: use \"3.0\", or \"4.0\" with Flow JSON 7.3 or \
              later.",
    }
}

declare_rule! {
    pub(crate) DATA_API_VERSION_NOT_STRING {
        code: "data-api-version-not-string",
        error: "INVALID_PROPERTY_TYPE",
        error_type: JSON_SCHEMA_ERROR,
        summary: "`data_api_version` is not a JSON string.",
        doc: "`data_api_version` is a string such as \"3.0\"; a number (3.0) fails both the type \
              and the value of Meta's schema, so the builder reports INVALID_PROPERTY_TYPE beside \
              `invalid-data-api-version` at the value (testdata/invalid-data-api-version_\
              invalid-number) (spec 1). Fix: put the version in quotes.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &DATA_EXCHANGE_NEEDS_DATA_API_VERSION,
    &REFRESH_ON_BACK_NEEDS_DATA_API_VERSION,
    &DATA_API_VERSION_NEEDS_ROUTING_MODEL,
    &DATA_CHANNEL_URI_REMOVED,
    &INVALID_DATA_API_VERSION,
    &DATA_API_VERSION_NOT_STRING,
];

pub(super) fn check(ctx: &Ctx<'_, '_>, _: &super::model::Model<'_, '_>, out: &mut Vec<Finding>) {
    let root = ctx.root;
    let data_api = root.member("data_api_version");
    let at_root = |rule: &'static RuleMeta, message: String, help: &str| {
        let mut f = rule.finding(message);
        f.help = Some(help.to_owned());
        f.pointers.push(ctx.loc.pointer(root.span, &Path::root()));
        f
    };

    if data_api.is_none() {
        for span in data_exchange_names(root) {
            let mut f = DATA_EXCHANGE_NEEDS_DATA_API_VERSION.finding(
                "The property 'data_api_version' is required for data_exchange action: a data_exchange action calls the flow's endpoint".to_owned(),
            );
            f.help = Some(
                "Add \"data_api_version\": \"3.0\" and a \"routing_model\" at the top level".into(),
            );
            f.pointers.push(ctx.loc.pointer(span, &path_to(root, span)));
            out.push(f);
        }
        for span in refresh_on_back(root) {
            let mut f = REFRESH_ON_BACK_NEEDS_DATA_API_VERSION.finding(
                "Property 'refresh_on_back' can be true only when property 'data_api_version' is set".to_owned(),
            );
            f.help = Some(
                "Add \"data_api_version\": \"3.0\" and a \"routing_model\" at the top level, or remove refresh_on_back".into(),
            );
            f.pointers.push(ctx.loc.pointer(span, &path_to(root, span)));
            out.push(f);
        }
    }

    if let Some(member) = data_api {
        if root.member("routing_model").is_none() {
            out.push(at_root(
                &DATA_API_VERSION_NEEDS_ROUTING_MODEL,
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
    let path = Path::root().key("data_api_version");
    let message = match value.as_str() {
        Some(text) if allowed.contains(&text) => return,
        Some(text) => match DATA_API_VERSIONS.iter().find(|d| d.id == text) {
            Some(d) => format!(
                "Invalid value found for property 'data_api_version': \"{text}\" needs Flow JSON {} or later; this flow declares {}",
                d.since, ctx.version
            ),
            None => format!(
                "Invalid value found for property 'data_api_version': \"{text}\" is not a data API version; Flow JSON {} accepts {list}",
                ctx.version
            ),
        },
        None => {
            let mut f = DATA_API_VERSION_NOT_STRING.finding(format!(
                "Property 'data_api_version' should be a string: one of {list}, found {}",
                value.type_name()
            ));
            f.help = Some(format!("Write it as a string: {}", allowed.first().map_or("\"3.0\"".to_owned(), |a| format!("\"{a}\""))));
            f.pointers.push(ctx.loc.pointer(value.span, &path));
            out.push(f);
            format!(
                "Invalid value found for property 'data_api_version': expected one of {list}"
            )
        }
    };
    let mut f = INVALID_DATA_API_VERSION.finding(message);
    f.help = Some(if ctx.version >= LATEST {
        format!("Use one of {list}")
    } else {
        format!("Use one of {list}, or move the flow to Flow JSON {LATEST} for data API 4.0")
    });
    f.pointers.push(ctx.loc.pointer(value.span, &path));
    out.push(f);
}

/// The `name` value of every `data_exchange` action, where Meta points when the flow has
/// no `data_api_version`. An action is an object under a key ending in `-action`
/// (on-click-action, on-select-action, ...) whose `name` is `data_exchange`.
fn data_exchange_names<'t>(root: &'t Node<'t>) -> Vec<crate::syntax::Span> {
    let mut spans = Vec::new();
    if let Some(screens) = root.get("screens") {
        walk(screens, |key, node| {
            if key.is_some_and(|k| k.ends_with("-action")) {
                if let Some(name) = node
                    .get("name")
                    .filter(|n| n.as_str() == Some("data_exchange"))
                {
                    spans.push(name.span);
                }
            }
            true
        });
    }
    spans
}

/// Every screen's `refresh_on_back` that is `true`.
fn refresh_on_back<'t>(root: &'t Node<'t>) -> impl Iterator<Item = crate::syntax::Span> + 't {
    let screens = root.get("screens").and_then(Node::as_array).unwrap_or(&[]);
    screens.iter().filter_map(|s| {
        s.get("refresh_on_back")
            .filter(|r| r.as_bool() == Some(true))
            .map(|r| r.span)
    })
}
