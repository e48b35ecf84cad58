//! Root-level combination rules (spec 1.2): the data API, the routing model and the
//! endpoint key must come together as Meta requires.
//!
//! errorType: Meta's builder runs these after the schema pass and no sample shows their
//! category; like every semantic check they are reported as FLOW_JSON_ERROR, except the
//! forbidden key, which is the schema pass's own INVALID_PROPERTY_KEY (JSON_SCHEMA_ERROR).

use crate::catalog::versions::{DataApiVersion, DATA_API_VERSIONS};
use crate::catalog::FlowVersion;
use crate::rules::model::Model;
use crate::syntax::Node;

family!(
    data_exchange_needs_data_api_version,
    refresh_on_back_needs_data_api_version,
    data_api_version_needs_routing_model,
    data_channel_uri_removed,
    // The type before the value: when `data_api_version` is a number both fire at it, and
    // findings at one place come in this order (as they did before the rules were units).
    data_api_version_not_string,
    invalid_data_api_version,
);

/// The value of `data_api_version`, when the flow has one.
fn data_api_value<'a, 's>(m: &Model<'a, 's>) -> Option<&'a Node<'s>> {
    m.root.member("data_api_version").map(|d| &d.value)
}

/// The `data_api_version` values a flow of `version` accepts, in catalog order.
fn accepted(version: FlowVersion) -> Vec<&'static str> {
    DATA_API_VERSIONS
        .iter()
        .filter(|d| version >= d.since)
        .map(|d| d.id)
        .collect()
}

/// `ids` quoted and joined for a message: `"3.0", "4.0"`.
fn quoted(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The newest data API version (the one a flow may have to move up for).
fn newest_data_api() -> Option<&'static DataApiVersion> {
    DATA_API_VERSIONS.iter().max_by_key(|d| d.since)
}
