//! `duplicate-input-name`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use foldhash::{HashMap, HashMapExt};

use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
        code: "duplicate-input-name",
        error: "DUPLICATE_FORM_COMPONENT_NAMES",
        summary: "Two input components on one screen have the same `name`.",
        doc: "An input's value is read and sent by its `name`, so names are unique per screen, counting \
         every If/Switch branch (the Form's own name aside): DUPLICATE_FORM_COMPONENT_NAMES with a \
         pointer per name [B] (spec 4, 8). Fix: rename one, e.g. `email` and `email_confirm`.",
    }
}

pub(super) fn duplicate_input_name(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for s in &m.flow.screens {
        let mut by_name: HashMap<&str, Vec<Span>> = HashMap::new();
        for c in s.comps.iter().filter(|c| c.is_input()) {
            if let (Some(name), Some(node)) = (c.name(), c.get("name")) {
                by_name.entry(name).or_default().push(node.span);
            }
        }
        let mut dups: Vec<_> = by_name.into_iter().filter(|(_, v)| v.len() > 1).collect();
        dups.sort_by_key(|(_, v)| v[0].start);
        for (name, spans) in dups {
            out.at(
                format!(
                    "{} inputs on screen {} are named '{name}'; input names must be unique per screen",
                    spans.len(),
                    s.id_str().unwrap_or("?")
                ),
                Some("Rename all but one".into()),
                &spans,
            );
        }
    }
}
