//! `success-screen-id`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

// A warning: Meta accepts the id (see the doc).
declare_rule! {
    pub(super) RULE {
        code: "success-screen-id",
        error: "SCREEN_ID_IS_RESERVED_KEYWORD",
        severity: Warning,
        summary: "A screen is called `SUCCESS`, the screen an endpoint names to end the flow.",
        doc: "An endpoint ends a flow by answering with screen `SUCCESS` (Data API), so a screen of \
         that name can never be reached from the endpoint as itself. Meta's builder accepts the id \
         (conformance record reserved-screen-id_invalid passes; it refuses only lower-case \
         `success`), so waflow warns. Fix: rename the screen, e.g. \"SUCCESS\" -> \"CONFIRMATION\".",
    }
}

pub(super) fn success_screen_id(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for s in &m.flow.screens {
        if let (Some(id @ "SUCCESS"), Some(node)) = (s.id_str(), s.id) {
            super::reserved_id(id, node.span, out);
        }
    }
}
