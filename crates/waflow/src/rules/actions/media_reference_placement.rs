//! `media-reference-placement`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "media-reference-placement",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A media picker's value is nested or combined in a complete/data_exchange payload.",
        doc: "A PhotoPicker/DocumentPicker value may only be a top-level payload value that is exactly \
         `${form.picker}` (or `${screen.S.form.picker}`), not inside an object, an array or an \
         expression: INVALID_ON_CLICK_ACTION_PAYLOAD [B] (spec 5.3). Fix: \
         {\"files\": {\"photos\": \"${form.photos}\"}} -> {\"photos\": \"${form.photos}\"}.",
    }
}

pub(super) fn media_reference_placement(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let payloads = super::payload_strings(m);
    for (ai, a) in m.actions.iter().enumerate() {
        if !matches!(a.name, "complete" | "data_exchange") {
            continue;
        }
        for read in super::picker_reads(&m.flow, &payloads[ai]) {
            if read.well_placed {
                continue;
            }
            let name = read.reference.path[0].0;
            out.at(
                format!(
                    "The {} '{name}' must be a top-level payload value written exactly as ${{form.{name}}}",
                    read.picker.ty
                ),
                None,
                &[read.value.node.span],
            );
        }
    }
}
