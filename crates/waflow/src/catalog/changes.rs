//! What changed between Flow JSON versions in ways that can break a flow written for an
//! older one (spec 1.1 and the sections each entry cites). `waflow migrate` walks the
//! entries between two versions: the rules an entry names are the ones whose new findings
//! the migration fixes (or hands to the author), and the entry is what it cites for them.
//!
//! Versions only add elsewhere: components, properties and actions that appear in a
//! version (the catalog's `since`) need nothing from a flow that does not use them.

use super::model::{V3_0, V5_0, V5_1, V6_0, V7_0, V7_2, V7_3};
use super::FlowVersion;

/// One change a flow may have to follow when it moves to `version` or later.
#[derive(Debug)]
#[non_exhaustive]
pub struct Change {
    /// The first version with the change.
    pub version: FlowVersion,
    /// What changed, for the author.
    pub summary: &'static str,
    /// Where the spec sheet records it (`spec 1.1` is the version table).
    pub source: &'static str,
    /// The rules that report a flow the change breaks (their fixes are the migration).
    pub rules: &'static [&'static str],
    /// The properties the change is about, when a rule reports several changes (a
    /// pattern mismatch on a screen `title` is the 5.0 change, on an `id` the 7.0 one);
    /// empty: any.
    pub props: &'static [&'static str],
}

const fn change(
    version: FlowVersion,
    summary: &'static str,
    source: &'static str,
    rules: &'static [&'static str],
) -> Change {
    Change {
        version,
        summary,
        source,
        rules,
        props: &[],
    }
}

impl Change {
    const fn on(self, props: &'static [&'static str]) -> Change {
        Change { props, ..self }
    }
}

/// Every breaking change, oldest first.
pub const CHANGES: &[Change] = &[
    change(
        V3_0,
        "`data_channel_uri` is no longer allowed: the endpoint is set on the flow \
         (`endpoint_uri`), and an endpoint flow declares `data_api_version` and a `routing_model`",
        "spec 1 (data_channel_uri, data_api_version, routing_model), 1.1 (3.0), 1.2",
        &[
            "data-channel-uri-removed",
            "data-exchange-needs-data-api-version",
            "data-api-version-needs-routing-model",
        ],
    ),
    change(
        V5_0,
        "DatePicker dates are written \"YYYY-MM-DD\", no longer as millisecond timestamps",
        "spec 1.1 (5.0), 4.5 (DatePicker min-date/max-date)",
        &["legacy-date-format"],
    ),
    change(
        V5_0,
        "A screen's `title` must not be blank",
        "spec 1.1 (5.0), 2 (title), 8 (title-not-blank)",
        &["pattern-mismatch"],
    )
    .on(&["title"]),
    change(
        V5_0,
        "A `routing_model` is judged whenever it is present, even without `data_api_version` \
         (before, flows without an endpoint were judged by their navigate actions)",
        "spec 7, 7.1; conformance records *__drop_data_api__*",
        &[
            "routing-unknown-screen",
            "routing-self-loop",
            "routing-back-edge",
            "routing-missing-screen",
            "routing-no-entry-screen",
            "routing-disconnected-screens",
            "routing-navigate-not-in-model",
        ],
    ),
    change(
        V5_0,
        "The Footer of a terminal screen must end the flow (complete), not navigate",
        "spec 4.4, 5.3 (validator dated 5.0)",
        &["terminal-footer-action"],
    ),
    change(
        V5_1,
        "A data field of type array declares its `items`",
        "spec 2.1 (5.1+)",
        &["data-array-without-items"],
    ),
    change(
        V6_0,
        "Every string a component property binds must not be blank",
        "spec 1.1 (6.0), 4 (string bindings refuse blank strings from 6.0 [B])",
        &["pattern-mismatch"],
    ),
    change(
        V7_0,
        "Screen ids use only letters and underscores, and not only underscores (no commas)",
        "spec 1.1 (7.0), 2 (id)",
        &["pattern-mismatch"],
    )
    .on(&["id"]),
    change(
        V7_0,
        "At most one Form per screen",
        "spec 1.1 (7.0), 4.8",
        &["too-many-of-type"],
    ),
    change(
        V7_0,
        "A Form's `init-values` and `error-messages` keys must name its inputs",
        "spec 1.1 (7.0), 4.7 (Form)",
        &["unknown-form-value-key", "unknown-error-messages-key"],
    ),
    change(
        V7_2,
        "Backtick expressions in complete and data_exchange payloads are type-checked",
        "spec 1.1 (7.2), 6.4",
        &["payload-expression-type-mismatch"],
    ),
    change(
        V7_3,
        "The entry screen must not be the target of a navigate action",
        "spec 1.1 (7.3), 7.1 (entry screen)",
        &["routing-no-entry-screen"],
    ),
    change(
        V7_3,
        "A data field of type object declares its `properties` (a warning)",
        "spec 2.1 (7.3)",
        &["data-object-without-properties"],
    ),
];

/// The change among `changes` that explains a finding of `rule` on property `prop` (the
/// last key of its path): one made for that property, else one about any property.
pub fn explaining<'c>(changes: &[&'c Change], rule: &str, prop: &str) -> Option<&'c Change> {
    let of_rule = || changes.iter().copied().filter(|c| c.rules.contains(&rule));
    of_rule()
        .find(|c| c.props.contains(&prop))
        .or_else(|| of_rule().find(|c| c.props.is_empty()))
}

/// The changes a flow crosses moving from version `from` to `to` (`from < version <=
/// to`), oldest first.
pub fn between(from: FlowVersion, to: FlowVersion) -> impl Iterator<Item = &'static Change> {
    CHANGES
        .iter()
        .filter(move |c| from < c.version && c.version <= to)
}
