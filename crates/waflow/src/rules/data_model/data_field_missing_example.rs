//! `data-field-missing-example`.

use super::each_declaration;
use crate::edits::{insert, At, Json};
use crate::fix::Fix;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::{Node, Value};

declare_rule! {
    pub(super) RULE {
        code: "data-field-missing-example",
        error: "MISSING_REQUIRED_PROPERTY",
        fix: Safe("Add an __example__ built from the declaration"),
        summary: "A top-level data field has no `__example__`.",
        doc: "Meta's builder previews a screen with `__example__` and checks bindings against it, so \
         every top-level declaration needs one: MISSING_REQUIRED_PROPERTY [B] (spec 2.1). Fix: add \
         \"__example__\" with a value of the declared type, e.g. \"__example__\": \"Ada\". The fix \
         adds one built from the declaration (a string \"example\" or the first of its `enum`, \
         0, false, an array of one example item, an object of its properties' examples), safe: \
         the example feeds only the builder's preview and its type checks, which it fits by \
         construction, while the flow's real data comes from the payload or the endpoint. No \
         fix for a declaration with keywords the example could fail (`pattern`, `minLength`, \
         `format`...).",
    }
}

pub(super) fn data_field_missing_example(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    each_declaration(m, |d| {
        if d.top && d.node.member("__example__").is_none() {
            // Safe: the example feeds only the preview and type checks, which it fits.
            let fix = example(d.node, 0)
                .and_then(|ex| insert(m.flow.text, d.node, At::Last, Some("__example__"), &ex))
                .map(|edit| Fix::safe("Add an __example__ built from the declaration", vec![edit]));
            out.at_with(
                format!("Data field '{}' has no '__example__'", d.name()),
                Some("Add \"__example__\" with a sample value of the declared type".into()),
                &[d.node.span],
                fix,
            );
        }
    });
}

/// The keywords of a declaration an example is built from, or that any example fits.
const UNDERSTOOD: &[&str] = &[
    "type",
    "items",
    "properties",
    "required",
    "enum",
    "description",
    "title",
    "__example__",
];

/// An example value that fits declaration `decl`: a string `"example"` (or the first of
/// its `enum`), 0, false, null, an array of one example item (empty when no `items` is
/// declared), an object with an example of each declared property. `None` when the
/// declaration has a keyword the example might not fit (`pattern`, `minimum`, `format`,
/// ...), no usable `type`, or nests absurdly deep.
fn example(decl: &Node<'_>, depth: usize) -> Option<Json> {
    let members = decl.as_object()?;
    if depth > 16 || members.iter().any(|m| !UNDERSTOOD.contains(&m.key.name)) {
        return None;
    }
    let ty = decl.get("type")?.as_str()?;
    if let Some(values) = decl.get("enum") {
        // The first listed value, when it is of the declared type (a string).
        let first = values.as_array()?.first()?;
        return match (ty, &first.value) {
            ("string", Value::String(s)) => Some(Json::str(*s)),
            _ => None,
        };
    }
    Some(match ty {
        "string" => Json::str("example"),
        "number" | "integer" => Json::Raw("0".into()),
        "boolean" => Json::Raw("false".into()),
        "null" => Json::Raw("null".into()),
        "array" => match decl.get("items") {
            Some(items) => Json::Array(vec![example(items, depth + 1)?]),
            None => Json::Array(Vec::new()),
        },
        "object" => {
            let props = match decl.get("properties") {
                Some(p) => p.as_object()?,
                None => &[],
            };
            let mut out = Vec::new();
            for p in props {
                if out.iter().any(|(k, _): &(String, Json)| k == p.key.name) {
                    return None;
                }
                out.push((p.key.name.to_owned(), example(&p.value, depth + 1)?));
            }
            // Every property is given, so a `required` list holds when it names them.
            if let Some(required) = decl.get("required") {
                let named = |r: &Node<'_>| r.as_str().is_some_and(|n| decl_has(props, n));
                if !required.as_array()?.iter().all(named) {
                    return None;
                }
            }
            Json::Object(out)
        }
        _ => return None,
    })
}

fn decl_has(props: &[crate::syntax::Member<'_>], name: &str) -> bool {
    props.iter().any(|p| p.key.name == name)
}
