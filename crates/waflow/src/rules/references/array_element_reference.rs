//! `array-element-reference`.

use super::{report_unresolved, Owner};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "array-element-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A reference steps into the elements of an array field.",
        doc: "A path can't index an array, so a field declared inside an array's `items` is not \
         addressable: INVALID_SCREEN_DYNAMIC_DATA [B] (spec 6.1). Fix: bind the whole array to a \
         list property (`data-source`), or declare the value you need as its own field.",
    }
}

pub(super) fn array_element_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    report_unresolved(m, Owner::ArrayElement, out);
}
