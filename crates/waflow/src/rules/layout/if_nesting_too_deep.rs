//! `if-nesting-too-deep`.

use crate::catalog::limits::MAX_IF_LEVELS;
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "if-nesting-too-deep",
        error: "MAXIMUM_IF_NESTING",
        since: V4_0,
        summary: "If components are nested more than 3 deep.",
        doc: "An If may sit inside at most two enclosing Ifs (3 levels): MAXIMUM_IF_NESTING [B] (spec 3.1, \
         4.7, 8). Fix: combine conditions with && instead of nesting, or use a Switch.",
    }
}

pub(super) fn if_nesting_too_deep(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for s in &m.flow.screens {
        // `if_depth` counts the enclosing Ifs: the If at level MAX_IF_LEVELS + 1 has that many.
        for c in s
            .comps
            .iter()
            .filter(|c| c.ty == "If" && c.if_depth >= MAX_IF_LEVELS)
        {
            // Meta points at the outermost If of the chain; the deep one is shown.
            let outer = s
                .comps
                .iter()
                .find(|o| {
                    o.ty == "If"
                        && o.if_depth == 0
                        && o.node.span.start <= c.node.span.start
                        && c.node.span.end <= o.node.span.end
                })
                .map_or(c.node.span, |o| o.node.span);
            out.at_focus(
                format!(
                    "This If is nested {} levels deep; at most {MAX_IF_LEVELS} levels of If are allowed",
                    c.if_depth + 1,
                ),
                Some("Combine the conditions with && instead of nesting".into()),
                outer,
                c.node.span,
            );
        }
    }
}
