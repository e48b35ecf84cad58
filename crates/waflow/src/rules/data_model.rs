//! The screen `data` model (spec 2.1): each field declared with a type and an example
//! that fits it.

use super::model::Model;
use super::Ctx;
use crate::finding::Finding;
use crate::rule::{declare_rule, RuleMeta};
use crate::syntax::{Node, Value};

use crate::catalog::model::{V5_1, V7_3};

declare_rule! {
    pub(crate) DATA_FIELD_NOT_OBJECT {
        code: "data-field-not-object",
        error: "INVALID_PROPERTY_TYPE",
        summary: "A field of a screen's `data` is not a declaration object.",
        doc: "Each key of `data` (except a top-level `required` list) declares one field with an object \
         such as {\"type\": \"string\", \"__example__\": \"Ada\"}. Meta's builder reports anything else \
         as INVALID_PROPERTY_TYPE (\"Expected property 'name' to be of type 'object'\") at the value \
         (conformance record testdata/data-field-not-object_invalid; the spec sheet's \
         INVALID_SCREEN_DATA is not backed by a Meta document for this case) (spec 2.1). Fix: \
         \"name\": \"Ada\" -> \"name\": {\"type\": \"string\", \"__example__\": \"Ada\"}.",
    }
}
declare_rule! {
    pub(crate) DATA_FIELD_MISSING_TYPE {
        code: "data-field-missing-type",
        error: "MISSING_REQUIRED_PROPERTY",
        summary: "A data field declaration has no `type`.",
        doc: "Meta type-checks every `${data...}` against its declaration, so each declaration (and each \
         nested `items`/`properties` entry) needs a `type`; without it Meta answers \
         MISSING_REQUIRED_PROPERTY at the declaration [B] (spec 2.1). Fix: add \"type\": \"string\" \
         (or number, boolean, object, array).",
    }
}
declare_rule! {
    pub(crate) DATA_FIELD_INVALID_TYPE {
        code: "data-field-invalid-type",
        error: "INVALID_ENUM_VALUE",
        summary: "A data field's `type` is a string that names no JSON Schema type.",
        doc: "The declaration's `type` is one JSON Schema type name: array, boolean, integer, null, \
         number, object or string. Meta's builder checks it as an enum and answers \
         INVALID_ENUM_VALUE at the value for any other word (conformance records: mutated/*__\
         declared_type__*, testdata/data-field-invalid-type_invalid); `integer` and `null` are in \
         its list (spec 2.1, Unknowns 16). Fix: \"type\": \"text\" -> \"type\": \"string\".",
    }
}
declare_rule! {
    pub(crate) DATA_FIELD_TYPE_NOT_STRING {
        code: "data-field-type-not-string",
        error: "INVALID_SCREEN_DATA",
        summary: "A data field's `type` is not a string (a list of types, a number...).",
        doc: "The declaration's `type` is one type name written as a string; a list of types or any \
         other JSON value is INVALID_SCREEN_DATA (\"Expected the property 'type' to be of type \
         string\") at the value, in Meta's error reference and in the builder's record \
         (testdata/data-field-invalid-type_invalid-type-list) (spec 2.1). Fix: \
         \"type\": [\"string\", \"null\"] -> \"type\": \"string\".",
    }
}
declare_rule! {
    pub(crate) DATA_FIELD_MISSING_EXAMPLE {
        code: "data-field-missing-example",
        error: "MISSING_REQUIRED_PROPERTY",
        summary: "A top-level data field has no `__example__`.",
        doc: "Meta's builder previews a screen with `__example__` and checks bindings against it, so \
         every top-level declaration needs one: MISSING_REQUIRED_PROPERTY [B] (spec 2.1). Fix: add \
         \"__example__\" with a value of the declared type, e.g. \"__example__\": \"Ada\".",
    }
}
declare_rule! {
    pub(crate) NESTED_DATA_EXAMPLE {
        code: "nested-data-example",
        error: "INVALID_SCREEN_DATA",
        summary: "`__example__` appears inside `items` or `properties`.",
        doc: "Only a top-level declaration carries `__example__`; the example of a whole array or object \
         covers its parts. Meta answers INVALID_SCREEN_DATA at the nested key (\"Property \
         '__example__' is allowed only as a top level property of data model\"), in its error \
         reference and in the builder's record (testdata/nested-data-example_invalid) (spec 2.1). \
         Fix: delete the nested key and put the sample data in the top-level example.",
    }
}
declare_rule! {
    pub(crate) DATA_EXAMPLE_TYPE_MISMATCH {
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
declare_rule! {
    pub(crate) DATA_ARRAY_WITHOUT_ITEMS {
        code: "data-array-without-items",
        error: "INVALID_SCREEN_DATA",
        since: V5_1,
        summary: "A data field of type array does not declare `items` (Flow JSON 5.1+).",
        doc: "Meta rejects an array declaration without `items`, which says what each element is: \
         INVALID_SCREEN_DATA (\"Missing the schema for property 'items' in array\") at the \
         declaration, in its error reference and in the builder's records from 5.1 on, not only \
         from 7.3 as a secondary source said (testdata/data-array-without-items_invalid-before-7-3) \
         (spec 2.1). Fix: add \"items\": {\"type\": \"object\", \"properties\": {\"id\": \
         {\"type\": \"string\"}, \"title\": {\"type\": \"string\"}}}.",
    }
}
// A warning: Meta's builder accepts an object declaration without `properties`.
declare_rule! {
    pub(crate) DATA_OBJECT_WITHOUT_PROPERTIES {
        code: "data-object-without-properties",
        error: "MISSING_REQUIRED_PROPERTY",
        severity: Warning,
        since: V7_3,
        summary: "A data field of type object does not declare `properties` (warning, Flow JSON 7.3+).",
        doc: "A secondary source says 7.3 rejects an object declaration without `properties`, but \
         Meta's builder accepts it (testdata/data-object-without-properties_invalid has no \
         error), so waflow warns: without `properties` no `${data.x.y}` reference into the \
         object can be type-checked (spec 2.1). Fix: declare each sub-field, e.g. \
         \"properties\": {\"city\": {\"type\": \"string\"}}.",
    }
}
declare_rule! {
    pub(crate) DATA_REQUIRED_NOT_ARRAY {
        code: "data-required-not-array",
        error: "INVALID_PROPERTY_TYPE",
        summary: "The `required` key of a screen's `data` is not an array.",
        doc: "At the top of `data`, `required` lists field names (JSON Schema style); any other value is \
         INVALID_PROPERTY_TYPE [B] (spec 2.1). Fix: \"required\": \"name\" -> \"required\": [\"name\"].",
    }
}
declare_rule! {
    pub(crate) INVALID_DATA_FIELD_NAME {
        code: "invalid-data-field-name",
        error: "INVALID_SCREEN_DATA",
        severity: Warning,
        summary: "A data field name holds a hyphen, space, backtick or single quote.",
        doc: "A field is read as `${data.name}`; inside a backtick expression a hyphen reads as a minus \
         and a space, backtick or quote ends the reference, so such a name can't be used there. \
         The spec sheet lists a builder check (INVALID_SCREEN_DATA at the key; spec 6.1, 8), but \
         Meta's builder accepts the flow (conformance record invalid-data-field-name_invalid) and \
         its binding pattern allows a hyphen in a plain `${data.first-name}`, so waflow warns. \
         Fix: \"first-name\" -> \"first_name\".",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &DATA_FIELD_NOT_OBJECT,
    &DATA_FIELD_MISSING_TYPE,
    &DATA_FIELD_INVALID_TYPE,
    &DATA_FIELD_TYPE_NOT_STRING,
    &DATA_FIELD_MISSING_EXAMPLE,
    &NESTED_DATA_EXAMPLE,
    &DATA_EXAMPLE_TYPE_MISMATCH,
    &DATA_ARRAY_WITHOUT_ITEMS,
    &DATA_OBJECT_WITHOUT_PROPERTIES,
    &DATA_REQUIRED_NOT_ARRAY,
    &INVALID_DATA_FIELD_NAME,
];

/// The `type` names a declaration may use: the builder's enum (JSON Schema's seven names).
const TYPES: &[&str] = &[
    "array", "boolean", "integer", "null", "number", "object", "string",
];

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    for s in &ix.flow.screens {
        let Some(members) = s.data.and_then(Node::as_object) else {
            continue;
        };
        for m in members {
            let name = m.key.name;
            if name == "required" {
                if m.value.as_array().is_none() {
                    out.push(ctx.at(
                        &DATA_REQUIRED_NOT_ARRAY,
                        format!("'required' in a screen's data must be an array of field names, not a {}", m.value.type_name()),
                        None,
                        &[m.value.span],
                    ));
                }
                continue;
            }
            if let Some(bad) = name.chars().find(|c| matches!(c, '-' | ' ' | '`' | '\'')) {
                out.push(ctx.at(
                    &INVALID_DATA_FIELD_NAME,
                    format!(
                        "Data field name '{name}' holds {}; it can't be read as ${{data.{name}}} in a backtick expression",
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
                    &DATA_FIELD_NOT_OBJECT,
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
            &DATA_FIELD_MISSING_TYPE,
            format!("Data field '{name}' has no 'type'"),
            Some("Add \"type\": \"string\" (or number, boolean, object, array)".into()),
            &[decl.span],
        )),
        Some(t) if t.as_str().is_none() => out.push(ctx.at(
            &DATA_FIELD_TYPE_NOT_STRING,
            format!(
                "Data field '{name}' has type {}; 'type' must be one type name written as a string",
                short(t),
            ),
            Some("Write one of string, number, integer, boolean, object, array".into()),
            &[t.span],
        )),
        Some(t) if !t.as_str().is_some_and(|t| TYPES.contains(&t)) => out.push(ctx.at(
            &DATA_FIELD_INVALID_TYPE,
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
                &NESTED_DATA_EXAMPLE,
                format!(
                    "'__example__' is only allowed on a top-level data field, not inside '{name}'"
                ),
                Some("Move the sample data into the top-level field's __example__".into()),
                &[m.key.span],
            ));
        }
    } else if top {
        out.push(ctx.at(
            &DATA_FIELD_MISSING_EXAMPLE,
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
                &DATA_ARRAY_WITHOUT_ITEMS,
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
                &DATA_OBJECT_WITHOUT_PROPERTIES,
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

/// Reports the first misfit of example `ex` against declaration `decl`, at the whole
/// top-level `__example__` value, where Meta points whatever the depth of the misfit.
fn example(ctx: &Ctx<'_, '_>, name: &str, decl: &Node<'_>, ex: &Node<'_>, out: &mut Vec<Finding>) {
    let mut path = name.to_owned();
    if let Some((found, ty)) = misfit(decl, ex, &mut path) {
        out.push(ctx.at(
            &DATA_EXAMPLE_TYPE_MISMATCH,
            format!("The example of '{path}' is a {found}, but the field is declared as {ty}"),
            Some(format!(
                "Give '{path}' an example of type {ty}, or change its declared type"
            )),
            &[ex.span],
        ));
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
        ("array", Value::Array(items)) => {
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
            true
        }
        ("object", Value::Object(members)) => {
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
            true
        }
        _ => !TYPES.contains(&ty),
    };
    (!fits).then(|| (v.type_name(), ty))
}
