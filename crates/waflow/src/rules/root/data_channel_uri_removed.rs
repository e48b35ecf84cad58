//! `data-channel-uri-removed`.

use crate::catalog::model::V3_0;
use crate::finding::JSON_SCHEMA_ERROR;
use crate::fix::Fix;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-channel-uri-removed",
        error: "INVALID_PROPERTY_KEY",
        error_type: JSON_SCHEMA_ERROR,
        since: V3_0,
        fix: Unsafe("Remove the key; its URL is named in the fix, for the flow's endpoint_uri"),
        summary: "`data_channel_uri` is not allowed from Flow JSON 3.0.",
        doc: "Up to 2.1 the endpoint URL lived in the flow as `data_channel_uri`; from 3.0 it is \
              set on the flow itself through the Flows API field `endpoint_uri` (8x8: \
              `endPointUri`), and Meta refuses the key with INVALID_PROPERTY_KEY at the key [B][D] \
              (spec 1, 1.2). Fix: delete the key and set the endpoint with the API. The fix \
              removes the key and names its URL in its title, so the address is not lost; it is \
              unsafe because the flow has no endpoint until the author sets `endpoint_uri`.",
    }
}

pub(super) fn data_channel_uri_removed(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if let Some(member) = m.root.member("data_channel_uri") {
        let index = m
            .root
            .as_object()
            .and_then(|ms| ms.iter().position(|x| x.key.span == member.key.span));
        let url = member.value.as_str().unwrap_or_default();
        let fix = index.map(|i| {
            Fix::r#unsafe(
                format!(
                    "Remove \"data_channel_uri\"; set the flow's endpoint_uri to {url:?} instead"
                ),
                crate::edits::remove(m.root, &[i]),
            )
        });
        // Meta points at the key.
        out.at_with(
            format!(
                "Property 'data_channel_uri' is not allowed in Flow JSON {}: since {V3_0} the endpoint is set with the Flows API field 'endpoint_uri'",
                m.version
            ),
            Some("Delete the key and set the endpoint on the flow (waflow push --endpoint-uri, or endpoint_uri in the Flows API)".into()),
            &[member.key.span],
            fix,
        );
    }
}
