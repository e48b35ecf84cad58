//! `routing-back-edge`.

use foldhash::{HashSet, HashSetExt};

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "routing-back-edge",
        error: "INVALID_ROUTING_MODEL",
        summary: "Two screens route to each other.",
        doc: "Routes go forward: if A may move to B, B listing A is a back edge, which Meta rejects \
         because the client handles Back itself: INVALID_ROUTING_MODEL [B][D] (spec 7.1). The \
         finding points at both entries. Fix: remove the backward entry.",
    }
}

pub(super) fn routing_back_edge(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let Some(r) = &m.graph().routing else { return };
    // The routes listed so far: of two routes between the same screens, the later one is
    // the backward route (Meta points there).
    let mut listed = HashSet::with_capacity(r.edges.len());
    for e in &r.entries {
        let Some(from) = e.from else { continue };
        let key = e.member.key.name;
        for t in &e.targets {
            let Some(to) = t.screen.filter(|&to| to != from) else {
                continue;
            };
            if listed.contains(&(to, from)) {
                out.at(
                    format!(
                        "Screens {key} and {} route to each other; the route {key} -> {} goes backward (Back is handled by WhatsApp)",
                        t.id, t.id
                    ),
                    Some("Remove the backward entry".into()),
                    &[t.span],
                );
            }
            listed.insert((from, to));
        }
    }
}
