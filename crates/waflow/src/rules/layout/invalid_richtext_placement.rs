//! `invalid-richtext-placement`.

use crate::catalog::model::{Container, V5_1, V6_3};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "invalid-richtext-placement",
        error: "INVALID_COMPONENT_PLACEMENT",
        since: V5_1,
        summary: "RichText shares its screen with other components.",
        doc: "RichText renders a whole document, so it must be the only component of the screen (up to \
         6.2) or alone with one Footer (6.3+), directly in the layout [B] (spec 3.1, 4.1). The spec \
         sheet lists INVALID_RICHTEXT_PLACEMENT; Meta's builder answers INVALID_COMPONENT_PLACEMENT \
         at the RichText's `type` (conformance record invalid-richtext-placement_invalid), and the \
         record wins. Fix: move the other components to their own screen.",
    }
}

pub(super) fn invalid_richtext_placement(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    // From 6.3 (inside this rule's range) a RichText may have one Footer beside it.
    let footer_allowed = m.version >= V6_3;
    let allowed = if footer_allowed {
        "alone or with one Footer"
    } else {
        "the only component"
    };
    for s in &m.flow.screens {
        let companions = s.counts.total.saturating_sub(1);
        let footers = s.counts.get("Footer");
        for rt in s.comps.iter().filter(|c| c.ty == "RichText") {
            let ok = rt.container == Container::Layout
                && (companions == 0 || (footer_allowed && companions == 1 && footers == 1));
            if !ok {
                out.at(
                    format!(
                        "RichText must be {allowed} on its screen, directly in the layout; screen {} has {companions} other component(s)",
                        s.id_str().unwrap_or("?")
                    ),
                    Some("Move the other components to their own screen".into()),
                    &[super::type_span(rt)],
                );
            }
        }
    }
}
