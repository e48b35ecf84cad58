//! `media-picker-in-init-values`.

use super::form_entries;
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::expr::VType;
use crate::rules::model::{value_type, Model};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "media-picker-in-init-values",
        error: "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
        since: V4_0,
        summary: "A Form's `init-values` names a PhotoPicker or DocumentPicker.",
        doc: "Media pickers can't be pre-filled: NATIVE_COMPONENT_IN_FORM_INIT_VALUES [B] (spec 4.6, \
         6.4, 8). Fix: remove the entry.",
    }
}

pub(super) fn media_picker_in_init_values(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for e in form_entries(m, "init-values") {
        let Some(input) = e.input.filter(|i| value_type(i) == Some(VType::Media)) else {
            continue;
        };
        out.at(
            format!(
                "'{}' is a {}; media pickers can't have initial values",
                e.member.key.name, input.ty
            ),
            Some("Remove the entry".into()),
            &[e.member.key.span],
        );
    }
}
