//! `data-object-without-properties`.

use super::each_declaration;
use crate::catalog::model::V7_3;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

// A warning: Meta's builder accepts an object declaration without `properties`.
declare_rule! {
    pub(super) RULE {
        code: "data-object-without-properties",
        error: "MISSING_REQUIRED_PROPERTY",
        severity: Warning,
        since: V7_3,
        summary: "A data field of type object does not declare `properties` (warning, Flow JSON 7.3+).",
        doc: "A secondary source says 7.3 rejects an object declaration without `properties`, but \
         Meta's builder accepts it (testdata/data-object-without-properties_invalid has no \
         error), so waflow warns: without `properties` no `${data.x.y}` reference into the \
         object can be type-checked (spec 2.1). Fix: declare each sub-field, e.g. \
         \"properties\": {\"city\": {\"type\": \"string\"}}.",
    }
}

/// `properties` missing or not an object.
pub(super) fn data_object_without_properties(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        if d.ty() == Some("object") && d.node.get("properties").and_then(Node::as_object).is_none()
        {
            out.at(
                format!(
                    "Data field '{}' is an object but declares no 'properties'",
                    d.name()
                ),
                Some("Declare each sub-field under \"properties\"".into()),
                &[d.node.span],
            );
        }
    });
}
