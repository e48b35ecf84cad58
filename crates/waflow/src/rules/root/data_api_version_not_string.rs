//! `data-api-version-not-string`.

use crate::catalog::versions::DATA_API_VERSIONS;
use crate::finding::JSON_SCHEMA_ERROR;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
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

pub(super) fn data_api_version_not_string(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(value) = super::data_api_value(m).filter(|v| v.as_str().is_none()) else {
        return;
    };
    let accepted = super::accepted(m.version);
    let first = accepted
        .first()
        .or(DATA_API_VERSIONS.first().map(|d| &d.id))
        .copied()
        .unwrap_or_default();
    out.at(
        format!(
            "Property 'data_api_version' should be a string: one of {}, found {}",
            super::quoted(&accepted),
            value.type_name()
        ),
        Some(format!("Write it as a string: \"{first}\"")),
        &[value.span],
    );
}
