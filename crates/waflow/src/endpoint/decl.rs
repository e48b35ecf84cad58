//! A screen's data declaration (spec 2.1) as an owned tree: what an endpoint response may
//! carry for the screen, read once from the flow. The response check, the JSON Schema and
//! the example requests all read this.

use serde_json::{json, Map, Value as Json};

use crate::syntax::{Node, Value};

/// The declared shape of one data field.
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    /// `"type": "string"`.
    String,
    /// `"type": "number"`.
    Number,
    /// `"type": "integer"`.
    Integer,
    /// `"type": "boolean"`.
    Boolean,
    /// `"type": "array"`, with the declaration of its items when given.
    Array(Option<Box<Decl>>),
    /// `"type": "object"`, with its declared properties in order.
    Object(Vec<Field>),
    /// A type waflow does not judge (none given, or one outside the list above).
    Any,
}

/// A named field of a screen's data, or a property of an object field.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its declared shape.
    pub decl: Decl,
    /// Its `__example__`, when the declaration has one.
    pub example: Option<Json>,
}

impl Decl {
    /// The declaration of a data field (`{"type": ..., "items": ..., "properties": ...}`).
    pub(crate) fn of(node: &Node<'_>) -> Decl {
        match node.get("type").and_then(Node::as_str) {
            Some("string") => Decl::String,
            Some("number") => Decl::Number,
            Some("integer") => Decl::Integer,
            Some("boolean") => Decl::Boolean,
            Some("array") => Decl::Array(node.get("items").map(|i| Box::new(Decl::of(i)))),
            Some("object") => Decl::Object(fields(node.get("properties"))),
            _ => Decl::Any,
        }
    }

    /// The JSON type name a value must have, as messages say it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Decl::String => "string",
            Decl::Number => "number",
            Decl::Integer => "integer",
            Decl::Boolean => "boolean",
            Decl::Array(_) => "array",
            Decl::Object(_) => "object",
            Decl::Any => "any",
        }
    }

    /// Whether `value`'s own JSON type is the declared one (not looking inside it).
    pub(crate) fn admits(&self, value: &Value<'_>) -> bool {
        match (self, value) {
            (Decl::Any, _)
            | (Decl::String, Value::String(_))
            | (Decl::Boolean, Value::Bool(_))
            | (Decl::Array(_), Value::Array(_))
            | (Decl::Object(_), Value::Object(_))
            | (Decl::Number, Value::Number(_)) => true,
            (Decl::Integer, Value::Number(n)) => n.parse::<f64>().is_ok_and(|x| x.fract() == 0.0),
            _ => false,
        }
    }

    /// The JSON Schema of the declaration.
    pub(crate) fn schema(&self) -> Json {
        match self {
            Decl::Any => json!({}),
            Decl::Array(items) => match items {
                Some(i) => json!({"type": "array", "items": i.schema()}),
                None => json!({"type": "array"}),
            },
            Decl::Object(props) => {
                let properties: Map<String, Json> =
                    props.iter().map(|f| (f.name.clone(), f.schema())).collect();
                json!({"type": "object", "properties": properties})
            }
            d => json!({"type": d.type_name()}),
        }
    }

    /// A value of this shape: the example when there is one, else a placeholder.
    pub(crate) fn sample(&self) -> Json {
        match self {
            Decl::String | Decl::Any => json!("example"),
            Decl::Number | Decl::Integer => json!(0),
            Decl::Boolean => json!(false),
            Decl::Array(items) => Json::Array(items.iter().map(|i| i.sample()).collect()),
            Decl::Object(props) => {
                Json::Object(props.iter().map(|f| (f.name.clone(), f.sample())).collect())
            }
        }
    }
}

impl Field {
    /// The JSON Schema of the field, with its example as `examples`.
    pub(crate) fn schema(&self) -> Json {
        let mut s = self.decl.schema();
        if let (Some(e), Some(o)) = (&self.example, s.as_object_mut()) {
            o.insert("examples".into(), json!([e]));
        }
        s
    }

    /// The example, or a placeholder of the declared shape.
    pub(crate) fn sample(&self) -> Json {
        self.example.clone().unwrap_or_else(|| self.decl.sample())
    }
}

/// The fields of a declaration object (a screen's `data`, an object's `properties`), in
/// order, the top-level `required` list left out.
pub(crate) fn fields(node: Option<&Node<'_>>) -> Vec<Field> {
    node.and_then(Node::as_object)
        .unwrap_or_default()
        .iter()
        .filter(|m| m.value.as_object().is_some())
        .map(|m| Field {
            name: m.key.name.to_owned(),
            decl: Decl::of(&m.value),
            example: m.value.get("__example__").map(to_json),
        })
        .collect()
}

/// A span-tree value as JSON.
pub(crate) fn to_json(node: &Node<'_>) -> Json {
    match node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(b),
        Value::Number(n) => serde_json::from_str(n).unwrap_or(Json::Null),
        Value::String(s) => Json::String(s.to_owned()),
        Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|m| (m.key.name.to_owned(), to_json(&m.value)))
                .collect(),
        ),
    }
}
