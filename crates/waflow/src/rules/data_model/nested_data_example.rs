//! `nested-data-example`.

use super::each_declaration;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "nested-data-example",
        error: "INVALID_SCREEN_DATA",
        summary: "`__example__` appears inside `items` or `properties`.",
        doc: "Only a top-level declaration carries `__example__`; the example of a whole array or object \
         covers its parts. Meta answers INVALID_SCREEN_DATA at the nested key (\"Property \
         '__example__' is allowed only as a top level property of data model\"), in its error \
         reference and in the builder's record (testdata/nested-data-example_invalid) (spec 2.1). \
         Fix: delete the nested key and put the sample data in the top-level example.",
    }
}

/// Meta points at the nested key.
pub(super) fn nested_data_example(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        let Some(example) = d.node.member("__example__").filter(|_| !d.top) else {
            return;
        };
        out.at(
            format!(
                "'__example__' is only allowed on a top-level data field, not inside '{}'",
                d.name()
            ),
            Some("Move the sample data into the top-level field's __example__".into()),
            &[example.key.span],
        );
    });
}
