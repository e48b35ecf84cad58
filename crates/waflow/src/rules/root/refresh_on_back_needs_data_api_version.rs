//! `refresh-on-back-needs-data-api-version`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
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

pub(super) fn refresh_on_back_needs_data_api_version(
    m: &Model<'_, '_>,
    out: &mut Reporter<'_, '_>,
) {
    if m.flow.data_api {
        return;
    }
    // Meta points at each `true`.
    let refreshing = m.flow.screens.iter().filter_map(|s| {
        s.node
            .get("refresh_on_back")
            .filter(|r| r.as_bool() == Some(true))
    });
    for r in refreshing {
        out.at(
            "Property 'refresh_on_back' can be true only when property 'data_api_version' is set".into(),
            Some("Add \"data_api_version\": \"3.0\" and a \"routing_model\" at the top level, or remove refresh_on_back".into()),
            &[r.span],
        );
    }
}
