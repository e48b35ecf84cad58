//! The screen `data` model (spec 2.1): each field declared with a type and an example
//! that fits it.
//!
//! A declaration is a field of a screen's `data` (except its `required` list) or, nested,
//! an array's `items` and an object's `properties`. The walk over them is here, shared by
//! the rules; data models are small, so each rule walks them itself.

use crate::rules::model::Model;
use crate::syntax::{Member, Node, Value};

family!(
    data_field_not_object,
    data_field_missing_type,
    data_field_invalid_type,
    data_field_type_not_string,
    data_field_missing_example,
    nested_data_example,
    data_example_type_mismatch,
    data_array_without_items,
    data_object_without_properties,
    data_required_not_array,
    invalid_data_field_name,
    unread_data_field,
);

/// The key of `data` that lists required fields (JSON Schema style), not a field.
const REQUIRED: &str = "required";

/// The fields of every screen's `data`, screen by screen, in document order (the
/// `required` list left out).
fn fields<'m, 's>(m: &'m Model<'_, 's>) -> impl Iterator<Item = &'s Member<'s>> + 'm {
    m.flow
        .screens
        .iter()
        .filter_map(|s| s.data.and_then(Node::as_object))
        .flatten()
        .filter(|m| m.key.name != REQUIRED)
}

/// One declaration and where it sits.
struct Decl<'s, 'p> {
    node: &'s Node<'s>,
    /// The top-level field's name, then `items` or a property name per level down.
    path: &'p [&'s str],
    /// A field of `data` itself, not one inside `items` or `properties`.
    top: bool,
}

impl Decl<'_, '_> {
    /// The declaration as messages name it: `name`, `name.items`, `name.city`.
    fn name(&self) -> String {
        self.path.join(".")
    }

    /// Its `type`, when a string.
    fn ty(&self) -> Option<&str> {
        self.node.get("type").and_then(Node::as_str)
    }
}

/// Calls `f` on every declaration, each before those inside it, in document order: the
/// object-valued fields of every screen's `data`, an array's object `items`, an object's
/// object-valued `properties`.
fn each_declaration<'s>(m: &Model<'_, 's>, mut f: impl FnMut(&Decl<'s, '_>)) {
    let mut path = Vec::new();
    for field in fields(m).filter(|m| m.value.as_object().is_some()) {
        path.push(field.key.name);
        walk(&field.value, &mut path, true, &mut f);
        path.pop();
    }
}

fn walk<'s>(
    node: &'s Node<'s>,
    path: &mut Vec<&'s str>,
    top: bool,
    f: &mut impl FnMut(&Decl<'s, '_>),
) {
    f(&Decl { node, path, top });
    match node.get("type").and_then(Node::as_str) {
        Some("array") => {
            if let Some(items) = node.get("items").filter(|i| i.as_object().is_some()) {
                path.push("items");
                walk(items, path, false, f);
                path.pop();
            }
        }
        Some("object") => {
            let props = node.get("properties").and_then(Node::as_object);
            for p in props.unwrap_or_default() {
                if p.value.as_object().is_some() {
                    path.push(p.key.name);
                    walk(&p.value, path, false, f);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

/// A `type` value as messages show it: a string quoted, anything else by its JSON type.
fn short(n: &Node<'_>) -> String {
    match &n.value {
        Value::String(s) => format!("'{s}'"),
        other => format!("a {}", other.type_name()),
    }
}
