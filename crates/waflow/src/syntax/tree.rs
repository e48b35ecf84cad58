use std::borrow::Cow;

/// A byte range of the source, `start..end` (end exclusive).
///
/// `u32` keeps nodes small; inputs are capped far below 4 GiB before parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A JSON value with the span of its own token (quotes and brackets included).
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'s> {
    pub span: Span,
    pub value: Value<'s>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value<'s> {
    Null,
    Bool(bool),
    /// The number's source text, verbatim (already checked against the JSON grammar).
    Number(&'s str),
    /// Borrowed from the source unless the string held escapes.
    String(Cow<'s, str>),
    Array(Vec<Node<'s>>),
    /// Members in source order; duplicates are kept (and reported by the parser).
    Object(Vec<Member<'s>>),
}

/// An object key with the span of its quoted token.
#[derive(Clone, Debug, PartialEq)]
pub struct Key<'s> {
    pub span: Span,
    pub name: Cow<'s, str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member<'s> {
    pub key: Key<'s>,
    pub value: Node<'s>,
}

impl<'s> Node<'s> {
    /// The member called `name`. With duplicate keys the last one wins, as in Meta's
    /// JavaScript `JSON.parse`, so we judge the value Meta would see.
    pub fn get(&self, name: &str) -> Option<&Node<'s>> {
        self.member(name).map(|m| &m.value)
    }

    pub fn member(&self, name: &str) -> Option<&Member<'s>> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key.name == name),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'s>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member<'s>]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The number as f64 (`inf` for literals beyond the f64 range, as in JavaScript).
    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    fn has_children(&self) -> bool {
        match &self.value {
            Value::Array(items) => !items.is_empty(),
            Value::Object(members) => !members.is_empty(),
            _ => false,
        }
    }

    /// The JSON type name used in messages ("string", "number", ...).
    pub fn type_name(&self) -> &'static str {
        self.value.type_name()
    }
}

/// Dropping is iterative: the default recursive drop would overflow the stack on a tree
/// nested as deep as a caller's depth limit allows (100,000 levels is tested).
impl Drop for Value<'_> {
    fn drop(&mut self) {
        let mut pending: Vec<Node<'_>> = Vec::new();
        take_children(self, &mut pending);
        while let Some(mut node) = pending.pop() {
            take_children(&mut node.value, &mut pending);
            // `node` drops here with no children left, so no recursion.
        }
    }
}

fn take_children<'s>(value: &mut Value<'s>, into: &mut Vec<Node<'s>>) {
    match value {
        Value::Array(items) => into.extend(items.drain(..).filter(Node::has_children)),
        Value::Object(members) => into.extend(
            members
                .drain(..)
                .map(|m| m.value)
                .filter(Node::has_children),
        ),
        _ => {}
    }
}

impl Value<'_> {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}
