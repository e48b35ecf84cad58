//! `reserved-screen-id`.

use crate::fix::Fix;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "reserved-screen-id",
        error: "SCREEN_ID_IS_RESERVED_KEYWORD",
        fix: Unsafe("Rename the screen to SUCCESS_SCREEN (or the first free SUCCESS_SCREEN_B, ...) wherever the flow names it"),
        summary: "A screen is called `success`, a reserved id.",
        doc: "Meta's builder refuses the screen id `success`, compared exactly in lower case \
         (SCREEN_ID_IS_RESERVED_KEYWORD) [B] (spec 2, 7.1, 8; Unknowns 6). The docs spell the \
         endpoint's closing screen `SUCCESS`, but the builder accepts a screen with that id \
         (conformance record reserved-screen-id_invalid passes), so `SUCCESS` is only a warning \
         (success-screen-id). Fix: rename the screen, e.g. \"id\": \"success\" -> \"CONFIRMATION\". \
         waflow's fix renames it to SUCCESS_SCREEN (or the first free SUCCESS_SCREEN_B, ...) in \
         its `id`, navigate targets, `routing_model` and `${screen.success...}` references; \
         unsafe, because an endpoint that names the screen must be changed too.",
    }
}

pub(super) fn reserved_screen_id(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (i, s) in m.flow.screens.iter().enumerate() {
        if let (Some(id @ "success"), Some(node)) = (s.id_str(), s.id) {
            super::reserved_id_with(id, node.span, rename(m, i, id), out);
        }
    }
}

/// Unsafe (the endpoint may send or expect the old name): screen `i` renamed to a free id
/// wherever the flow names it.
fn rename(m: &Model<'_, '_>, i: usize, id: &str) -> Option<Fix> {
    let to = m.fresh_screen_id("SUCCESS_SCREEN", &[])?;
    let edits = m.rename_screen(i, &to)?;
    Some(Fix::r#unsafe(
        format!("Rename screen '{id}' to '{to}' wherever the flow names it"),
        edits,
    ))
}
