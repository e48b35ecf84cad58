//! The span tree seen through `jsonschema`'s `json` traits, so the schema is checked on
//! the tree itself: no second parse, no copy into `serde_json::Value`, and every error's
//! instance path leads straight back to a span.

use std::borrow::Cow;

use jsonschema::json::{Array, Json, JsonNumber, Node as JsonNode, NodeIdentity, Object};
use jsonschema::JsonType;
use serde_json::Value as Serde;

use crate::syntax::{Member, Node, Span, Value};

pub(crate) struct SpanTree;

impl Json for SpanTree {
    type Node<'a> = &'a Node<'a>;
    type PreparedKey = Box<str>;
    type StringBuffer = Option<Node<'static>>;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut Option<Node<'static>>,
        string: &str,
        f: impl FnOnce(<SpanTree as Json>::Node<'_>) -> T,
    ) -> T {
        let node = buffer.insert(Node {
            span: Span::default(),
            value: Value::String(Cow::Owned(string.to_owned())),
        });
        f(node)
    }
}

/// A number as its source text; read as a primitive only when a keyword asks.
#[derive(Clone, Copy)]
pub(crate) struct Lit<'a>(&'a str);

impl JsonNumber for Lit<'_> {
    fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }
    fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.parse().ok()
    }
    fn as_str(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.0)
    }
    fn to_number(&self) -> Cow<'_, serde_json::Number> {
        Cow::Owned(number(self.0))
    }
    fn is_integer(&self) -> bool {
        self.as_u64().is_some()
            || self.as_i64().is_some()
            || self
                .as_f64()
                .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
    }
}

/// The grammar was checked by the parser; out-of-range values fall back to a float.
fn number(text: &str) -> serde_json::Number {
    text.parse::<serde_json::Number>()
        .ok()
        .or_else(|| {
            text.parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
        })
        .unwrap_or_else(|| serde_json::Number::from(0))
}

impl<'a> JsonNode<'a, SpanTree> for &'a Node<'a> {
    type Object = &'a [Member<'a>];
    type Array = &'a [Node<'a>];
    type Number = Lit<'a>;

    fn as_object(&self) -> Option<&'a [Member<'a>]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&'a [Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
    fn as_string(&self) -> Option<Cow<'a, str>> {
        match &self.value {
            Value::String(s) => Some(Cow::Borrowed(s.as_ref())),
            _ => None,
        }
    }
    fn as_number(&self) -> Option<Lit<'a>> {
        match self.value {
            Value::Number(text) => Some(Lit(text)),
            _ => None,
        }
    }
    fn as_boolean(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }
    fn json_type(&self) -> JsonType {
        match self.value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }
    fn equals_value(&self, expected: &Serde) -> bool {
        // `const` and `enum` in our schemas hold strings and booleans: compare without
        // building a value.
        match (&self.value, expected) {
            (Value::String(a), Serde::String(b)) => a == b,
            (Value::Bool(a), Serde::Bool(b)) => a == b,
            (Value::String(_) | Value::Bool(_), _) => false,
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }
    fn to_value(&self) -> Cow<'a, Serde> {
        Cow::Owned(to_serde(self))
    }
    fn lazy_value(&self) -> jsonschema_value::LazyInstance<'a> {
        // waflow never reads an error's instance: it has the span. Copying a container
        // would copy the whole subtree per error (a missing key at the root would copy
        // the document), so containers report null; scalars are cheap and kept.
        let value = match self.value {
            Value::Array(_) | Value::Object(_) => Serde::Null,
            _ => to_serde(self),
        };
        jsonschema_value::LazyInstance::Ready(Cow::Owned(value))
    }
    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(
            std::ptr::from_ref::<Node<'a>>(*self) as usize
        ))
    }
}

fn to_serde(node: &Node<'_>) -> Serde {
    match &node.value {
        Value::Null => Serde::Null,
        Value::Bool(b) => Serde::Bool(*b),
        Value::Number(text) => Serde::Number(number(text)),
        Value::String(s) => Serde::String(s.to_string()),
        Value::Array(items) => Serde::Array(items.iter().map(to_serde).collect()),
        Value::Object(members) => Serde::Object(
            members
                .iter()
                .map(|m| (m.key.name.to_string(), to_serde(&m.value)))
                .collect(),
        ),
    }
}

impl<'a> Object<'a, SpanTree> for &'a [Member<'a>] {
    type Node = &'a Node<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        <[Member<'a>]>::len(self)
    }
    fn get(&self, key: &Box<str>) -> Option<&'a Node<'a>> {
        // Last one wins, as in `Node::get` and in Meta's JSON.parse.
        self.iter()
            .rev()
            .find(|m| *m.key.name == **key)
            .map(|m| &m.value)
    }
    fn members(&self) -> Members<'a> {
        Members(self.iter())
    }
}

pub(crate) struct Members<'a>(std::slice::Iter<'a, Member<'a>>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, &'a Node<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|m| (m.key.name.as_ref(), &m.value))
    }
}

impl<'a> Array<'a, SpanTree> for &'a [Node<'a>] {
    type Node = &'a Node<'a>;
    type ElementsIter = std::slice::Iter<'a, Node<'a>>;

    fn len(&self) -> usize {
        <[Node<'a>]>::len(self)
    }
    fn elements(&self) -> std::slice::Iter<'a, Node<'a>> {
        self.iter()
    }
}
