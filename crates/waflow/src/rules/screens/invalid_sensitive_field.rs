//! `invalid-sensitive-field`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::suggest::closest;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "invalid-sensitive-field",
        error: "INVALID_SENSITIVE_FIELD",
        since: crate::catalog::model::V5_1,
        summary: "An entry of a screen's `sensitive` list is not the name of a component on that screen.",
        doc: "`sensitive` (5.1+) lists the components whose values WhatsApp masks in the response \
         summary; an entry that names nothing on the screen would mask nothing, and Meta answers \
         INVALID_SENSITIVE_FIELD at the entry [B][D] (spec 2, 8). Fix: use the `name` of an input \
         on the same screen, e.g. \"sensitive\": [\"password\"] with a TextInput named password.",
    }
}

pub(super) fn invalid_sensitive_field(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    if m.root.get("screens").is_none() {
        return;
    }
    for s in &m.flow.screens {
        let Some(list) = s.node.get("sensitive").and_then(Node::as_array) else {
            continue;
        };
        let names: Vec<&str> = s
            .comps
            .iter()
            .filter(|c| c.ty != "Form")
            .filter_map(|c| c.name())
            .collect();
        for entry in list {
            let Some(name) = entry.as_str() else { continue };
            if !names.contains(&name) {
                let help = closest(name, names.iter().copied())
                    .map(|c| format!("Did you mean '{c}'?"))
                    .or_else(|| Some("List the `name` of a component on this screen".into()));
                out.at(
                    format!(
                        "'{name}' in 'sensitive' is not the name of a component on screen {}",
                        s.id_str().unwrap_or("?")
                    ),
                    help,
                    &[entry.span],
                );
            }
        }
    }
}
