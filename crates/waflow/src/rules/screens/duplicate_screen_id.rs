//! `duplicate-screen-id`.

use foldhash::{HashMap, HashMapExt};

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "duplicate-screen-id",
        error: "DUPLICATE_SCREEN_IDS",
        summary: "Two or more screens have the same `id`.",
        doc: "Navigation, routing and `${screen.ID...}` references name screens by id, so an id must be \
         unique; Meta reports DUPLICATE_SCREEN_IDS with one pointer per screen id [B] (spec 2, 8). \
         Fix: rename all but one. Example: two screens with \"id\": \"WELCOME\"; rename the second \
         \"WELCOME_BACK\".",
    }
}

pub(super) fn duplicate_screen_id(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let mut by_id: HashMap<&str, Vec<&Node<'_>>> = HashMap::new();
    for s in &m.flow.screens {
        if let (Some(id), Some(node)) = (s.id_str(), s.id) {
            by_id.entry(id).or_default().push(node);
        }
    }
    let mut dups: Vec<(&str, Vec<&Node<'_>>)> =
        by_id.into_iter().filter(|(_, v)| v.len() > 1).collect();
    dups.sort_by_key(|(_, v)| v[0].span.start);
    for (id, nodes) in dups {
        // Meta points at each repeat, not at the first screen with the id
        // (conformance: duplicate-screen-id_invalid and the *__duplicate_screen_id__* flows).
        let spans: Vec<_> = nodes[1..].iter().map(|n| n.span).collect();
        out.at(
            format!(
                "Screen id '{id}' is used by {} screens; screen ids must be unique",
                nodes.len()
            ),
            Some("Rename all but the first of them".into()),
            &spans,
        );
    }
}
