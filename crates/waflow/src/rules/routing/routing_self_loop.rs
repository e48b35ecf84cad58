//! `routing-self-loop`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-self-loop",
        error: "INVALID_ROUTING_MODEL",
        summary: "A screen lists itself in `routing_model`.",
        doc: "A route from a screen to itself is reported as a loop: INVALID_ROUTING_MODEL [B][D] (spec \
         7.1). Fix: remove the screen from its own list; refresh it with data_exchange instead.",
    }
}

pub(super) fn routing_self_loop(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(r) = &m.graph().routing else { return };
    for e in &r.entries {
        let Some(from) = e.from else { continue };
        for t in e.targets.iter().filter(|t| t.screen == Some(from)) {
            // Meta points at the screen's key. The loop also counts as an inbound route
            // (the graph's `entered`): a lone screen routing to itself has no entry.
            out.at(
                format!("Screen {} routes to itself (a loop)", t.id),
                Some("Remove it from its own list".into()),
                &[e.member.key.span],
            );
        }
    }
}
