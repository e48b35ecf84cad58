//! `data-exchange-needs-data-api-version`.

use crate::edits::{self, At, Json};
use crate::fix::Fix;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "data-exchange-needs-data-api-version",
        error: "MISSING_REQUIRED_PROPERTY",
        fix: Unsafe("Declare the oldest data_api_version the flow version accepts"),
        summary: "A `data_exchange` action is used but `data_api_version` is missing.",
        doc: "A data_exchange action calls the flow's endpoint, whose protocol is declared by the \
              top-level `data_api_version`; without it Meta answers MISSING_REQUIRED_PROPERTY \
              (\"The property 'data_api_version' is required for data_exchange action.\") at the \
              `name` value of every such action, in its error reference and in the builder's \
              records (testdata/data-exchange-needs-data-api-version_*) (spec 1.2). Fix: add \"data_api_version\": \"3.0\" and a \
              `routing_model`, or replace the action with navigate/complete.",
    }
}

pub(super) fn data_exchange_needs_data_api_version(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if m.flow.data_api {
        return;
    }
    // Meta points at the `name` value of every data_exchange action.
    let names = m
        .actions
        .iter()
        .filter(|a| a.name == "data_exchange")
        .filter_map(|a| a.node.get("name"));
    let fix = declare_version(m);
    for name in names {
        out.at_with(
            "The property 'data_api_version' is required for data_exchange action: a data_exchange action calls the flow's endpoint".into(),
            Some("Add \"data_api_version\": \"3.0\" and a \"routing_model\" at the top level".into()),
            &[name.span],
            fix.clone(),
        );
    }
}

/// Unsafe (the flow then needs a `routing_model` too, and its endpoint must speak the
/// protocol): `data_api_version` inserted as the root's first member, laid out as the
/// members after it, with the oldest protocol the flow's version accepts.
fn declare_version(m: &Model<'_, '_>) -> Option<Fix> {
    let id = super::accepted(m.version).first().copied()?;
    let edit = edits::insert(
        m.loc.text(),
        m.root,
        At::First,
        Some("data_api_version"),
        &Json::str(id),
    )?;
    Some(Fix::r#unsafe(
        format!("Declare \"data_api_version\": \"{id}\""),
        vec![edit],
    ))
}
