//! `invalid-update-data-payload`.

use crate::catalog::model::V6_0;
use crate::rule::declare_rule;
use crate::rules::model::literal_type;
use crate::rules::model::Model;
use crate::rules::references::vtype;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "invalid-update-data-payload",
        error: "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        since: V6_0,
        summary: "An update_data payload does not fit the screen's data model.",
        doc: "update_data (6.0+) overwrites fields of the current screen's `data`, so the screen needs a \
         data model, each key must be one of its fields, a literal value must have the field's type \
         and a literal object must supply every declared property: \
         INVALID_UPDATE_DATA_ACTION_PAYLOAD [B] (spec 5.3). Fix: declare the field in the screen's \
         `data`, or correct the key.",
    }
}

pub(super) fn invalid_update_data_payload(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for a in m.actions.iter().filter(|a| a.name == "update_data") {
        let screen = &m.flow.screens[a.screen];
        let id = screen.id_str().unwrap_or("?");
        let Some(payload) = a.node.get("payload") else {
            continue;
        };
        let members = payload.as_object().unwrap_or_default();
        if screen.data.is_none() && !members.is_empty() {
            out.at(
                format!("update_data changes the data of screen {id}, which declares none"),
                Some("Declare the fields it updates in the screen's \"data\"".into()),
                &[payload.span],
            );
            continue;
        }
        for member in members {
            let key = member.key.name;
            let Some(decl) = screen.field(key) else {
                out.at(
                    format!("update_data sets '{key}', which is not a data field of screen {id}"),
                    None,
                    &[member.key.span],
                );
                continue;
            };
            // A self-assignment is update-data-self-assignment's, not a value to judge.
            if !super::update_data_self_assignment::assigns_itself(key, &member.value) {
                literal_fits(key, decl, &member.value, out);
            }
        }
    }
}

/// A literal update_data value against its declaration: type, and every declared property
/// of a literal object.
fn literal_fits(key: &str, decl: &Node<'_>, v: &Node<'_>, out: &mut Reporter<'_, '_>) {
    let Some(want) = decl.get("type").and_then(Node::as_str) else {
        return;
    };
    let Some(got) = literal_type(v) else { return };
    if vtype(want).is_some_and(|w| w != got) {
        out.at(
            format!(
                "update_data gives '{key}' a {}, but it is declared as {want}",
                got.as_str()
            ),
            None,
            &[v.span],
        );
        return;
    }
    if let (Some(props), Some(members)) = (
        decl.get("properties").and_then(Node::as_object),
        v.as_object(),
    ) {
        let missing: Vec<&str> = props
            .iter()
            .map(|p| p.key.name)
            .filter(|p| !members.iter().any(|m| m.key.name == *p))
            .collect();
        if !missing.is_empty() {
            out.at(
                format!(
                    "update_data's object for '{key}' lacks declared propert(ies): {}",
                    missing.join(", ")
                ),
                None,
                &[v.span],
            );
        }
        for m in members {
            if let Some(sub) = props.iter().find(|p| p.key.name == m.key.name) {
                literal_fits(&format!("{key}.{}", m.key.name), &sub.value, &m.value, out);
            }
        }
    }
}
