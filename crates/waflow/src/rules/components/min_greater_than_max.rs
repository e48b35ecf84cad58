//! `min-greater-than-max`.

use super::num;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "min-greater-than-max",
        error: "MIN_VALUE_GREATER_THAN_MAX",
        summary: "A component's minimum is larger than its maximum.",
        doc: "Paired bounds must satisfy min <= max: TextInput `min-chars`/`max-chars`, \
         CheckboxGroup/ChipsSelector `min-selected-items`/`max-selected-items`, PhotoPicker and \
         DocumentPicker `min-uploaded-*`/`max-uploaded-*`: MIN_VALUE_GREATER_THAN_MAX, pointing at \
         both values [B] (spec 4, 8). Fix: swap or correct them.",
    }
}

pub(super) fn min_greater_than_max(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components() {
        let Some((min, max)) = c.def.and_then(|d| d.min_max) else {
            continue;
        };
        let (lo_n, hi_n) = (c.get(min), c.get(max));
        if let (Some(lo), Some(hi)) = (num(lo_n), num(hi_n)) {
            if lo > hi {
                let spans: Vec<_> = [lo_n, hi_n].into_iter().flatten().map(|n| n.span).collect();
                out.at(
                    format!(
                        "'{min}' ({lo}) is greater than '{max}' ({hi}) in this {}",
                        c.ty
                    ),
                    None,
                    &spans,
                );
            }
        }
    }
}
