//! `invalid-data-api-version`.

use crate::catalog::versions::DATA_API_VERSIONS;
use crate::finding::JSON_SCHEMA_ERROR;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
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

pub(super) fn invalid_data_api_version(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(value) = super::data_api_value(m) else {
        return;
    };
    let accepted = super::accepted(m.version);
    let list = super::quoted(&accepted);
    let message = match value.as_str() {
        Some(text) if accepted.contains(&text) => return,
        Some(text) => match DATA_API_VERSIONS.iter().find(|d| d.id == text) {
            Some(d) => format!(
                "Invalid value found for property 'data_api_version': \"{text}\" needs Flow JSON {} or later; this flow declares {}",
                d.since, m.version
            ),
            None => format!(
                "Invalid value found for property 'data_api_version': \"{text}\" is not a data API version; Flow JSON {} accepts {list}",
                m.version
            ),
        },
        // Not a string: data-api-version-not-string says so too, at the same place.
        None => format!(
            "Invalid value found for property 'data_api_version': expected one of {list}"
        ),
    };
    let help = match super::newest_data_api().filter(|d| m.version < d.since) {
        Some(d) => format!(
            "Use one of {list}, or move the flow to Flow JSON {} for data API {}",
            d.since, d.id
        ),
        None => format!("Use one of {list}"),
    };
    out.at(message, Some(help), &[value.span]);
}
