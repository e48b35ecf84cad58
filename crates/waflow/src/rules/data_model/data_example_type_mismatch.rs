//! `data-example-type-mismatch`.

use super::fields;
use crate::catalog::document::DATA_TYPES;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::{Member, Node, Value};

declare_rule! {
    pub(super) RULE {
        code: "data-example-type-mismatch",
        error: "INVALID_SCREEN_DATA",
        summary: "A field's `__example__` does not match its declaration.",
        doc: "Meta validates `__example__` against the declaration as a JSON Schema; a value of another \
         type is reported at the top-level `__example__` value, also when the misfit is deep inside \
         it (spec 2.1, 6.3). The code is INVALID_SCREEN_DATA, as Meta's error reference lists it \
         (\"Invalid data model schema. Expected property '__example__' to be of type ...\"); the \
         builder's records say INVALID_PROPERTY_TYPE with the same message (mutated/*__\
         example_mismatch__*): where Meta's document names the server's code, waflow keeps it \
         (docs/conformance.md). waflow checks the types, recursing into array items and declared \
         object properties. Fix: {\"type\": \"number\", \"__example__\": \"3\"} -> \"__example__\": 3.",
    }
}

/// The first misfit of each top-level field's example, reported at the whole
/// `__example__` value, where Meta points whatever the depth of the misfit.
pub(super) fn data_example_type_mismatch(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for field in fields(m) {
        let (decl, name) = (&field.value, field.key.name);
        let (Some(ex), Some(_)) = (decl.get("__example__"), decl.get("type")) else {
            continue;
        };
        let mut path = name.to_owned();
        if let Some((found, ty)) = misfit(decl, ex, &mut path) {
            out.at(
                format!("The example of '{path}' is a {found}, but the field is declared as {ty}"),
                Some(format!(
                    "Give '{path}' an example of type {ty}, or change its declared type"
                )),
                &[ex.span],
            );
        }
    }
}

/// The first place where `v` does not fit declaration `decl`: the JSON type found there
/// and the type declared; `path` is left naming that place.
fn misfit<'d>(decl: &Node<'d>, v: &Node<'_>, path: &mut String) -> Option<(&'static str, &'d str)> {
    let ty = decl.get("type").and_then(Node::as_str)?;
    let fits = match (ty, &v.value) {
        ("string", Value::String(_))
        | ("boolean", Value::Bool(_))
        | ("number", Value::Number(_))
        | ("null", Value::Null) => true,
        ("integer", Value::Number(n)) => {
            !n.contains(['.', 'e', 'E']) || v.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        ("array", Value::Array(items)) => match items_misfit(decl, items, path) {
            Some(inner) => return Some(inner),
            None => true,
        },
        ("object", Value::Object(members)) => match properties_misfit(decl, members, path) {
            Some(inner) => return Some(inner),
            None => true,
        },
        // A type name that is no type is data-field-invalid-type's finding.
        _ => !DATA_TYPES.contains(&ty),
    };
    (!fits).then(|| (v.type_name(), ty))
}

/// The first misfit among the items of an example array, against the declared `items`
/// (when declared).
fn items_misfit<'d>(
    decl: &Node<'d>,
    items: &[Node<'_>],
    path: &mut String,
) -> Option<(&'static str, &'d str)> {
    if let Some(item_decl) = decl.get("items").filter(|d| d.as_object().is_some()) {
        let len = path.len();
        for (i, item) in items.iter().enumerate() {
            path.truncate(len);
            path.push_str(&format!("[{i}]"));
            if let Some(found) = misfit(item_decl, item, path) {
                return Some(found);
            }
        }
        path.truncate(len);
    }
    None
}

/// The first misfit among the members of an example object, each against its declared
/// property (when declared).
fn properties_misfit<'d>(
    decl: &Node<'d>,
    members: &[Member<'_>],
    path: &mut String,
) -> Option<(&'static str, &'d str)> {
    if let Some(props) = decl.get("properties") {
        let len = path.len();
        for m in members.iter() {
            if let Some(sub) = props.get(m.key.name).filter(|d| d.as_object().is_some()) {
                path.truncate(len);
                path.push('.');
                path.push_str(m.key.name);
                if let Some(found) = misfit(sub, &m.value, path) {
                    return Some(found);
                }
            }
        }
        path.truncate(len);
    }
    None
}
