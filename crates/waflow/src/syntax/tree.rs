/// A byte range of the source, `start..end` (end exclusive).
///
/// `u32` keeps nodes small; inputs are capped far below 4 GiB before parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// The first byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// As a range, to index the text with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Its length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether it covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// Where a span tree's containers and unescaped strings live: one bump arena per
/// document, so a tree of a million nodes is a handful of allocations, freed at once.
///
/// Why: with one `Vec` per container, malloc, free and the moves into exactly-sized
/// vectors were a third of the parse of a 10 MB flow, and dropping the tree had to be
/// iterative (nesting 100,000 deep would overflow a recursive drop). Nodes in an arena
/// are `Copy` and need no drop at all.
#[derive(Default)]
pub struct Arena(bumpalo::Bump);

impl Arena {
    pub fn new() -> Self {
        Arena(bumpalo::Bump::new())
    }

    /// An arena sized for the span tree of `text`, so that the tree lands in one block.
    ///
    /// Why: grown by doubling, the arena of a 10 MB flow was eight blocks and 33 MB; the
    /// tree of a testdata or corpus flow takes 0.7 to 3.5 times its text (generated flows
    /// 1.8x), and twice the text holds 399 of those 401 flows in one block (the other two,
    /// and the 10,000-findings bench flow, grow one more). What is
    /// reserved and never written costs address space, not memory: the pages are mapped on
    /// first touch. If the system refuses the reservation (a caller's very large
    /// `max_bytes`), the arena starts small and grows as before.
    pub fn for_text(text: &str) -> Self {
        let bump = bumpalo::Bump::try_with_capacity(text.len().saturating_mul(2));
        Arena(bump.unwrap_or_default())
    }

    pub(crate) fn slice<T: Copy>(&self, items: &[T]) -> &[T] {
        if items.is_empty() {
            return &[];
        }
        self.0.alloc_slice_copy(items)
    }

    pub(crate) fn str(&self, s: &str) -> &str {
        self.0.alloc_str(s)
    }
}

impl std::fmt::Debug for Arena {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Arena")
            .field("allocated", &self.0.allocated_bytes())
            .finish()
    }
}

/// A JSON value with the span of its own token (quotes and brackets included).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node<'s> {
    pub span: Span,
    pub value: Value<'s>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'s> {
    Null,
    Bool(bool),
    /// The number's source text, verbatim (already checked against the JSON grammar).
    Number(&'s str),
    /// The decoded text: a slice of the source unless the string held escapes (then a
    /// copy in the arena).
    String(&'s str),
    Array(&'s [Node<'s>]),
    /// Members in source order; duplicates are kept (and reported by the parser).
    Object(&'s [Member<'s>]),
}

/// An object key with the span of its quoted token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Key<'s> {
    pub span: Span,
    pub name: &'s str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member<'s> {
    pub key: Key<'s>,
    pub value: Node<'s>,
}

impl<'s> Node<'s> {
    /// The member called `name`. With duplicate keys the last one wins, as in Meta's
    /// JavaScript `JSON.parse`, so we judge the value Meta would see.
    pub fn get(&self, name: &str) -> Option<&'s Node<'s>> {
        self.member(name).map(|m| &m.value)
    }

    pub fn member(&self, name: &str) -> Option<&'s Member<'s>> {
        match self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key.name == name),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&'s str> {
        match self.value {
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

    pub fn as_array(&self) -> Option<&'s [Node<'s>]> {
        match self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&'s [Member<'s>]> {
        match self.value {
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

    /// Whether a string's value is its source text between the quotes: no escapes.
    /// (Every escape is longer than what it stands for.)
    pub fn is_verbatim_string(&self) -> bool {
        matches!(self.value, Value::String(s) if s.len() + 2 == self.span.len())
    }

    /// The JSON type name used in messages ("string", "number", ...).
    pub fn type_name(&self) -> &'static str {
        self.value.type_name()
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
