//! `data-channel-uri-removed`.

use crate::catalog::model::V3_0;
use crate::finding::JSON_SCHEMA_ERROR;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-channel-uri-removed",
        error: "INVALID_PROPERTY_KEY",
        error_type: JSON_SCHEMA_ERROR,
        since: V3_0,
        summary: "`data_channel_uri` is not allowed from Flow JSON 3.0.",
        doc: "Up to 2.1 the endpoint URL lived in the flow as `data_channel_uri`; from 3.0 it is \
              set on the flow itself through the Flows API field `endpoint_uri` (8x8: \
              `endPointUri`), and Meta refuses the key with INVALID_PROPERTY_KEY at the key [B][D] \
              (spec 1, 1.2). Fix: delete the key and set the endpoint with the API.",
    }
}

pub(super) fn data_channel_uri_removed(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if let Some(member) = m.root.member("data_channel_uri") {
        // Meta points at the key.
        out.at(
            format!(
                "Property 'data_channel_uri' is not allowed in Flow JSON {}: since {V3_0} the endpoint is set with the Flows API field 'endpoint_uri'",
                m.version
            ),
            Some("Delete the key and set the endpoint on the flow (waflow push --endpoint-uri, or endpoint_uri in the Flows API)".into()),
            &[member.key.span],
        );
    }
}
