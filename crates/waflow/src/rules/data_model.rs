//! The screen `data` model (spec 2.1): each field declared with a type and an example
//! that fits it.

use super::index::Index;
use super::Ctx;
use crate::catalog::FlowVersion;
use crate::finding::Finding;
use crate::syntax::{Node, Value};

const V7_3: Option<FlowVersion> = Some(FlowVersion::new(7, 3));

rule!(
    FIELD_NOT_OBJECT, "data-field-not-object", "INVALID_SCREEN_DATA", None, None,
    "A field of a screen's `data` is not a declaration object.",
    "Each key of `data` (except a top-level `required` list) declares one field with an object \
     such as {\"type\": \"string\", \"__example__\": \"Ada\"}; anything else is INVALID_SCREEN_DATA \
     [B] (spec 2.1). Fix: \"name\": \"Ada\" -> \"name\": {\"type\": \"string\", \"__example__\": \"Ada\"}."
);
rule!(
    FIELD_MISSING_TYPE,
    "data-field-missing-type",
    "MISSING_REQUIRED_PROPERTY",
    None,
    None,
    "A data field declaration has no `type`.",
    "Meta type-checks every `${data...}` against its declaration, so each declaration (and each \
     nested `items`/`properties` entry) needs a `type`; without it Meta answers \
     MISSING_REQUIRED_PROPERTY at the declaration [B] (spec 2.1). Fix: add \"type\": \"string\" \
     (or number, boolean, object, array)."
);
rule!(
    FIELD_INVALID_TYPE,
    "data-field-invalid-type",
    "INVALID_TYPE_PROPERTY_VALUE",
    None,
    None,
    "A data field's `type` is not one of string, number, integer, boolean, object, array.",
    "The declaration's `type` is one JSON Schema type name; a list of types or another word is \
     INVALID_TYPE_PROPERTY_VALUE [B] (spec 2.1). `integer` is accepted because Meta's AJV pass \
     accepts it (Unknowns 16). Fix: \"type\": [\"string\", \"null\"] -> \"type\": \"string\"."
);
rule!(
    FIELD_MISSING_EXAMPLE,
    "data-field-missing-example",
    "MISSING_REQUIRED_PROPERTY",
    None,
    None,
    "A top-level data field has no `__example__`.",
    "Meta's builder previews a screen with `__example__` and checks bindings against it, so \
     every top-level declaration needs one: MISSING_REQUIRED_PROPERTY [B] (spec 2.1). Fix: add \
     \"__example__\" with a value of the declared type, e.g. \"__example__\": \"Ada\"."
);
rule!(
    NESTED_EXAMPLE,
    "nested-data-example",
    "INVALID_PROPERTY_KEY",
    None,
    None,
    "`__example__` appears inside `items` or `properties`.",
    "Only a top-level declaration carries `__example__`; the example of a whole array or object \
     covers its parts, and a nested one is INVALID_PROPERTY_KEY at the key [B] (spec 2.1). Fix: \
     delete the nested key and put the sample data in the top-level example."
);
rule!(
    EXAMPLE_MISMATCH, "data-example-type-mismatch", "INVALID_SCREEN_DATA", None, None,
    "A field's `__example__` does not match its declaration.",
    "Meta validates `__example__` against the declaration as a JSON Schema; a value of another \
     type is INVALID_SCREEN_DATA [B] (spec 2.1, 6.3). waflow checks the types, recursing into \
     array items and declared object properties. Fix: {\"type\": \"number\", \"__example__\": \"3\"} \
     -> \"__example__\": 3."
);
rule!(
    ARRAY_WITHOUT_ITEMS,
    "data-array-without-items",
    "MISSING_REQUIRED_PROPERTY",
    V7_3,
    None,
    "A data field of type array does not declare `items` (Flow JSON 7.3+).",
    "From 7.3 Meta's builder rejects an array declaration without `items`, which says what each \
     element is (MISSING_REQUIRED_PROPERTY at the declaration) [B] (spec 2.1, secondary source). \
     Fix: add \"items\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}, \
     \"title\": {\"type\": \"string\"}}}."
);
rule!(
    OBJECT_WITHOUT_PROPERTIES,
    "data-object-without-properties",
    "MISSING_REQUIRED_PROPERTY",
    V7_3,
    None,
    "A data field of type object does not declare `properties` (Flow JSON 7.3+).",
    "From 7.3 Meta's builder rejects an object declaration without `properties` \
     (MISSING_REQUIRED_PROPERTY at the declaration) [B] (spec 2.1, secondary source). Fix: \
     declare each sub-field, e.g. \"properties\": {\"city\": {\"type\": \"string\"}}."
);
rule!(
    REQUIRED_NOT_ARRAY, "data-required-not-array", "INVALID_PROPERTY_TYPE", None, None,
    "The `required` key of a screen's `data` is not an array.",
    "At the top of `data`, `required` lists field names (JSON Schema style); any other value is \
     INVALID_PROPERTY_TYPE [B] (spec 2.1). Fix: \"required\": \"name\" -> \"required\": [\"name\"]."
);
rule!(
    INVALID_FIELD_NAME,
    "invalid-data-field-name",
    "INVALID_SCREEN_DATA",
    None,
    None,
    "A data field name holds a hyphen, space, backtick or single quote.",
    "A field is read as `${data.name}`, and inside backtick expressions a hyphen, space, \
     backtick or quote would end or break the reference, so Meta refuses such names \
     (INVALID_SCREEN_DATA at the key) [B] (spec 6.1, 8). Fix: \"first-name\" -> \"first_name\"."
);

const TYPES: &[&str] = &["string", "number", "integer", "boolean", "object", "array"];

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Index<'_, '_>, out: &mut Vec<Finding>) {
    for s in &ix.flow.screens {
        let Some(members) = s.data.and_then(Node::as_object) else {
            continue;
        };
        for m in members {
            let name = m.key.name;
            if name == "required" {
                if m.value.as_array().is_none() {
                    out.push(ctx.at(
                        &REQUIRED_NOT_ARRAY,
                        format!("'required' in a screen's data must be an array of field names, not a {}", m.value.type_name()),
                        None,
                        &[m.value.span],
                    ));
                }
                continue;
            }
            if let Some(bad) = name.chars().find(|c| matches!(c, '-' | ' ' | '`' | '\'')) {
                out.push(ctx.at(
                    &INVALID_FIELD_NAME,
                    format!(
                        "Data field name '{name}' holds {}; it can't be read as ${{data.{name}}}",
                        describe(bad)
                    ),
                    Some(format!(
                        "Use letters, digits and underscores, e.g. '{}'",
                        name.replace(['-', ' ', '`', '\''], "_")
                    )),
                    &[m.key.span],
                ));
            }
            if m.value.as_object().is_none() {
                out.push(ctx.at(
                    &FIELD_NOT_OBJECT,
                    format!("Data field '{name}' must be declared with an object such as {{\"type\": \"string\", \"__example__\": ...}}, not a {}", m.value.type_name()),
                    None,
                    &[m.value.span],
                ));
                continue;
            }
            declaration(ctx, name, &m.value, true, out);
            if let (Some(ex), Some(_)) = (m.value.get("__example__"), m.value.get("type")) {
                example(ctx, name, &m.value, ex, out);
            }
        }
    }
}

fn describe(c: char) -> &'static str {
    match c {
        '-' => "a hyphen",
        ' ' => "a space",
        '`' => "a backtick",
        _ => "a single quote",
    }
}

fn declaration(ctx: &Ctx<'_, '_>, name: &str, decl: &Node<'_>, top: bool, out: &mut Vec<Finding>) {
    let ty = decl.get("type");
    match ty {
        None => out.push(ctx.at(
            &FIELD_MISSING_TYPE,
            format!("Data field '{name}' has no 'type'"),
            Some("Add \"type\": \"string\" (or number, boolean, object, array)".into()),
            &[decl.span],
        )),
        Some(t) if !t.as_str().is_some_and(|t| TYPES.contains(&t)) => out.push(ctx.at(
            &FIELD_INVALID_TYPE,
            format!(
                "Data field '{name}' has type {}; use one of {}",
                short(t),
                TYPES.join(", ")
            ),
            None,
            &[t.span],
        )),
        Some(_) => {}
    }
    if let Some(m) = decl.member("__example__") {
        if !top {
            out.push(ctx.at(
                &NESTED_EXAMPLE,
                format!(
                    "'__example__' is only allowed on a top-level data field, not inside '{name}'"
                ),
                Some("Move the sample data into the top-level field's __example__".into()),
                &[m.key.span],
            ));
        }
    } else if top {
        out.push(ctx.at(
            &FIELD_MISSING_EXAMPLE,
            format!("Data field '{name}' has no '__example__'"),
            Some("Add \"__example__\" with a sample value of the declared type".into()),
            &[decl.span],
        ));
    }
    match ty.and_then(Node::as_str) {
        Some("array") => match decl.get("items") {
            Some(items) if items.as_object().is_some() => {
                declaration(ctx, &format!("{name}.items"), items, false, out)
            }
            Some(_) => {}
            None => out.push(ctx.at(
                &ARRAY_WITHOUT_ITEMS,
                format!("Data field '{name}' is an array but declares no 'items'"),
                Some("Add \"items\": {\"type\": ...} describing each element".into()),
                &[decl.span],
            )),
        },
        Some("object") => match decl.get("properties").and_then(Node::as_object) {
            Some(props) => {
                for p in props {
                    if p.value.as_object().is_some() {
                        declaration(ctx, &format!("{name}.{}", p.key.name), &p.value, false, out);
                    }
                }
            }
            None => out.push(ctx.at(
                &OBJECT_WITHOUT_PROPERTIES,
                format!("Data field '{name}' is an object but declares no 'properties'"),
                Some("Declare each sub-field under \"properties\"".into()),
                &[decl.span],
            )),
        },
        _ => {}
    }
}

fn short(n: &Node<'_>) -> String {
    match &n.value {
        Value::String(s) => format!("'{s}'"),
        other => format!("a {}", other.type_name()),
    }
}

/// Whether `v` fits declaration `decl`; reports the first misfit.
fn example(ctx: &Ctx<'_, '_>, name: &str, decl: &Node<'_>, v: &Node<'_>, out: &mut Vec<Finding>) {
    let Some(ty) = decl.get("type").and_then(Node::as_str) else {
        return;
    };
    let fits = match (ty, &v.value) {
        ("string", Value::String(_))
        | ("boolean", Value::Bool(_))
        | ("number", Value::Number(_)) => true,
        ("integer", Value::Number(n)) => {
            !n.contains(['.', 'e', 'E']) || v.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        ("array", Value::Array(items)) => {
            if let Some(item_decl) = decl.get("items").filter(|d| d.as_object().is_some()) {
                for (i, item) in items.iter().enumerate() {
                    example(ctx, &format!("{name}[{i}]"), item_decl, item, out);
                }
            }
            true
        }
        ("object", Value::Object(members)) => {
            if let Some(props) = decl.get("properties") {
                for m in members.iter() {
                    if let Some(sub) = props.get(m.key.name).filter(|d| d.as_object().is_some()) {
                        example(ctx, &format!("{name}.{}", m.key.name), sub, &m.value, out);
                    }
                }
            }
            true
        }
        _ => !TYPES.contains(&ty),
    };
    if !fits {
        out.push(ctx.at(
            &EXAMPLE_MISMATCH,
            format!(
                "The example of '{name}' is a {}, but the field is declared as {ty}",
                v.type_name()
            ),
            Some(format!(
                "Give '{name}' an example of type {ty}, or change its declared type"
            )),
            &[v.span],
        ));
    }
}
