//! `reserved-screen-id`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "reserved-screen-id",
        error: "SCREEN_ID_IS_RESERVED_KEYWORD",
        summary: "A screen is called `success`, a reserved id.",
        doc: "Meta's builder refuses the screen id `success`, compared exactly in lower case \
         (SCREEN_ID_IS_RESERVED_KEYWORD) [B] (spec 2, 7.1, 8; Unknowns 6). The docs spell the \
         endpoint's closing screen `SUCCESS`, but the builder accepts a screen with that id \
         (conformance record reserved-screen-id_invalid passes), so `SUCCESS` is only a warning \
         (success-screen-id). Fix: rename the screen, e.g. \"id\": \"success\" -> \"CONFIRMATION\".",
    }
}

pub(super) fn reserved_screen_id(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for s in &m.flow.screens {
        if let (Some(id @ "success"), Some(node)) = (s.id_str(), s.id) {
            super::reserved_id(id, node.span, out);
        }
    }
}
