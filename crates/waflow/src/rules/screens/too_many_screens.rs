//! `too-many-screens`.

use crate::catalog::limits::MAX_SCREENS;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
        code: "too-many-screens",
        error: "MAX_SCREENS_NUMBER",
        summary: "The flow has more than 100 screens.",
        doc: "Meta's builder caps a flow at 100 screens and answers MAX_SCREENS_NUMBER [B] (spec 8, 10). \
         Fix: merge screens (an If or Switch can show different content on one screen) or split \
         the journey into two flows.",
    }
}

pub(super) fn too_many_screens(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let screens = &m.flow.screens;
    if screens.len() > MAX_SCREENS {
        // Meta points at each screen past the limit (conformance: too-many-screens_invalid).
        let extra: Vec<Span> = screens[MAX_SCREENS..].iter().map(|s| s.node.span).collect();
        out.at(
            format!(
                "The flow has {} screens; at most {MAX_SCREENS} are allowed",
                screens.len()
            ),
            None,
            &extra,
        );
    }
}
