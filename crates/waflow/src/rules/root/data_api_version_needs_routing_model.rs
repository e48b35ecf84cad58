//! `data-api-version-needs-routing-model`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-api-version-needs-routing-model",
        error: "MISSING_REQUIRED_PROPERTY",
        fix: Unsafe("Add a routing_model generated from the navigate actions after data_api_version"),
        summary: "`data_api_version` is set but `routing_model` is missing.",
        doc: "A flow with an endpoint must declare which screen may follow which in \
              `routing_model`; Meta answers MISSING_REQUIRED_PROPERTY at the root object when \
              `data_api_version` is present without it [B][D] (spec 1.2). Fix: add a \
              `routing_model` mapping each screen id to the screens it can go to. waflow's \
              fix inserts one after `data_api_version`: every screen a key, with the routes \
              of its navigate actions; unsafe, because the screens the endpoint moves the \
              user to (data_exchange) can't be known from the flow and must be added.",
    }
}

pub(super) fn data_api_version_needs_routing_model(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if m.flow.data_api && m.flow.routing.is_none() {
        // Meta points at the root object.
        out.at_with(
            "Property 'routing_model' is required when 'data_api_version' is set".into(),
            Some("Add \"routing_model\": { \"<SCREEN_ID>\": [\"<NEXT_SCREEN_ID>\", ...], ... } listing every screen".into()),
            &[m.root.span],
            crate::rules::routing::regenerate::insert(m),
        );
    }
}
