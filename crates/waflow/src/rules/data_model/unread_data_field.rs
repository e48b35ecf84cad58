//! `unread-data-field`.

use std::collections::HashSet;

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::{Node, Value};

// A warning: Meta accepts a declaration nothing reads; it is the endpoint's view that
// shows it up (docs/data-api.md 5).
declare_rule! {
    pub(super) RULE {
        code: "unread-data-field",
        error: "INVALID_SCREEN_DATA",
        severity: Warning,
        summary: "A screen declares a data field that nothing in the flow reads.",
        doc: "A screen's `data` is the contract for what reaches it: the payload of the navigate \
         that opens it, or the endpoint's response (docs/data-api.md 3.4, 5). A field that no \
         `${data.x}` on the screen and no `${screen.ID.data.x}` elsewhere reads is sent for \
         nothing: the endpoint (or the navigate) must still supply it, `waflow endpoint \
         schema` lists it, and a name misspelt in the component that meant to read it shows \
         up here. Meta accepts it, so this is a warning. Fix: read the field, or delete its \
         declaration (and the key from whatever sends it).",
    }
}

pub(super) fn unread_data_field(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    // What each screen's data has read of it, from the text of every string: references
    // in any property, payload, condition or text list, inside backticks too.
    let mut read: Vec<HashSet<&str>> = vec![HashSet::new(); m.flow.screens.len()];
    for (si, screen) in m.flow.screens.iter().enumerate() {
        strings(screen.node, &mut |s| {
            for name in after(s, "${data.") {
                read[si].insert(name);
            }
            for rest in s.split("${screen.").skip(1) {
                let Some((id, path)) = rest.split_once('.') else {
                    continue;
                };
                let Some(name) = path.strip_prefix("data.").map(ident) else {
                    continue;
                };
                if let Some(&target) = m.flow.ids.get(id) {
                    read[target].insert(name);
                }
            }
        });
    }
    for (si, screen) in m.flow.screens.iter().enumerate() {
        let Some(id) = screen.id_str() else { continue };
        let declared = screen
            .data
            .and_then(Node::as_object)
            .unwrap_or_default()
            .iter()
            .filter(|f| f.key.name != super::REQUIRED);
        for field in declared.filter(|f| !read[si].contains(f.key.name)) {
            out.at(
                format!(
                    "Screen {id} declares data field '{}', but nothing in the flow reads it",
                    field.key.name
                ),
                Some(format!(
                    "Read it (${{data.{}}}), or delete the declaration and stop sending it",
                    field.key.name
                )),
                &[field.key.span],
            );
        }
    }
}

/// Calls `f` on every string value under `node`.
fn strings<'s>(node: &Node<'s>, f: &mut impl FnMut(&'s str)) {
    match node.value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|n| strings(n, f)),
        Value::Object(members) => members.iter().for_each(|m| strings(&m.value, f)),
        _ => {}
    }
}

/// The field names right after each `prefix` in `s`.
fn after<'s>(s: &'s str, prefix: &'s str) -> impl Iterator<Item = &'s str> {
    s.split(prefix).skip(1).map(ident)
}

/// The identifier `s` starts with.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}
