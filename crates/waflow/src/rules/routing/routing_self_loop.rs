//! `routing-self-loop`.

use crate::edits;
use crate::fix::Fix;
use crate::rule::declare_rule;
use crate::rules::model::graph::Entry;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-self-loop",
        error: "INVALID_ROUTING_MODEL",
        fix: Safe("Remove the screen from its own list"),
        summary: "A screen lists itself in `routing_model`.",
        doc: "A route from a screen to itself is reported as a loop: INVALID_ROUTING_MODEL [B][D] (spec \
         7.1). Fix: remove the screen from its own list; refresh it with data_exchange instead. \
         waflow's fix removes it (with its comma); safe, because Meta refuses the route, so no \
         flow that uploads can take it.",
    }
}

pub(super) fn routing_self_loop(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(r) = &m.graph().routing else { return };
    for e in &r.entries {
        let Some(from) = e.from else { continue };
        let fix = remove_self(m, e, from);
        for t in e.targets.iter().filter(|t| t.screen == Some(from)) {
            // Meta points at the screen's key. The loop also counts as an inbound route
            // (the graph's `entered`): a lone screen routing to itself has no entry.
            out.at_with(
                format!("Screen {} routes to itself (a loop)", t.id),
                Some("Remove it from its own list".into()),
                &[e.member.key.span],
                fix.clone(),
            );
        }
    }
}

/// Safe: every element of entry `e` (of screen `from`) that names `from` removed. One fix
/// for each of the entry's loops: the first applied removes them all.
fn remove_self(m: &Model<'_, '_>, e: &Entry<'_, '_>, from: usize) -> Option<Fix> {
    let list = &e.member.value;
    let own: Vec<usize> = list
        .as_array()?
        .iter()
        .enumerate()
        .filter(|(_, t)| t.as_str().and_then(|id| m.flow.ids.get(id)) == Some(&from))
        .map(|(i, _)| i)
        .collect();
    let edits = edits::remove(list, &own);
    (!edits.is_empty()).then(|| {
        Fix::safe(
            format!("Remove {} from its own routes", e.member.key.name),
            edits,
        )
    })
}
