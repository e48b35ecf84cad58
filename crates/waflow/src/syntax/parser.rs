//! A strict, iterative JSON parser that keeps the span of every key and value.
//!
//! Why our own: no maintained crate gives key and value spans at the speed we need (see the
//! README's numbers), and the few that do recurse, so 100,000 nested brackets overflow the
//! stack. This one keeps an explicit stack of open containers: nesting costs heap, never
//! stack, and the depth limit is a plain counter.
//!
//! Why strict: Meta parses Flow JSON with `JSON.parse`, which refuses comments, trailing
//! commas, single quotes, NaN and raw control characters. Each of these gets its own
//! message here, because "Unexpected token" is what authors already get from Meta.

use foldhash::HashMapExt;
use std::fmt;

use super::path::Path;
use super::tree::{Arena, Key, Member, Node, Span, Value};

/// serde_json's recursion limit: 127 nested containers parse, the 128th is refused.
/// Keeping the same bound keeps the two parsers' verdicts identical; real flows nest
/// about 15 levels deep.
pub const DEFAULT_MAX_DEPTH: usize = 127;

#[derive(Clone, Copy, Debug)]
pub struct ParseOptions {
    /// Containers nested deeper than this are refused with [`ParseErrorKind::TooDeep`].
    pub max_depth: usize,
    /// At most this many duplicate keys are recorded; the rest are only counted
    /// ([`Parsed::more_duplicate_keys`]). Each record holds a path: a file of a million
    /// repeated keys would otherwise hold a million paths.
    pub max_duplicate_keys: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_depth: DEFAULT_MAX_DEPTH,
            max_duplicate_keys: usize::MAX,
        }
    }
}

/// The span tree of a document, and what the parser noticed on the way.
#[derive(Debug)]
pub struct Parsed<'s> {
    pub root: Node<'s>,
    pub duplicate_keys: Vec<DuplicateKey>,
    /// Duplicate keys beyond [`ParseOptions::max_duplicate_keys`], counted only.
    pub more_duplicate_keys: usize,
    /// The deepest nesting of arrays and objects (the root container is 1).
    pub depth: usize,
    /// `\u` escapes of a UTF-16 surrogate without its pair (read as U+FFFD). JSON's grammar
    /// allows them and JavaScript keeps them, so Meta's builder accepts them; the text
    /// can't be shown as written, so they are reported as warnings. At most
    /// [`ParseOptions::max_duplicate_keys`] are recorded.
    pub lone_surrogates: Vec<Span>,
}

/// A key that appears twice in one object. Meta keeps the last value and silently drops
/// the first, which is almost never what the author meant.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateKey {
    pub name: String,
    pub first: Span,
    pub duplicate: Span,
    /// Path of the object holding both keys.
    pub object: Path,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// The offending character or token (empty at the end of input).
    pub span: Span,
    /// The innermost key or index being parsed when the fault was found.
    pub path: Path,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ParseErrorKind {
    Empty,
    UnexpectedEnd {
        expected: &'static str,
    },
    Unexpected {
        expected: &'static str,
        found: String,
    },
    TrailingComma {
        closing: char,
    },
    Comment,
    SingleQuotes,
    NonFinite(String),
    BareWord(String),
    UnquotedKey(String),
    ControlCharacter(char),
    UnterminatedString,
    InvalidEscape(char),
    InvalidUnicodeEscape,
    LeadingZero,
    InvalidNumber(&'static str),
    TrailingContent {
        found: String,
    },
    TooDeep {
        limit: usize,
    },
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ParseErrorKind::*;
        match self {
            Empty => f.write_str("The document is empty: expected a JSON object"),
            UnexpectedEnd { expected } => {
                write!(f, "Unexpected end of input: expected {expected}")
            }
            Unexpected { expected, found } => write!(f, "Expected {expected}, found {found}"),
            TrailingComma { closing } => write!(
                f,
                "Trailing comma before '{closing}': JSON allows no comma after the last element; remove it"
            ),
            Comment => f.write_str("Comments are not allowed in JSON; remove the comment"),
            SingleQuotes => f.write_str(
                "Strings must use double quotes (\"), not single quotes (')",
            ),
            NonFinite(word) => write!(
                f,
                "'{word}' is not valid JSON: JSON has no NaN or Infinity; use a number or null"
            ),
            BareWord(word) => {
                let hint = match word.as_str() {
                    "True" | "TRUE" => " (did you mean 'true'?)",
                    "False" | "FALSE" => " (did you mean 'false'?)",
                    "None" | "Null" | "NULL" | "nil" | "undefined" => " (did you mean 'null'?)",
                    _ => "",
                };
                write!(
                    f,
                    "Unexpected word '{word}': JSON values are objects, arrays, double-quoted strings, numbers, true, false or null{hint}"
                )
            }
            UnquotedKey(word) => write!(
                f,
                "Object keys must be double-quoted strings: write \"{word}\" instead of {word}"
            ),
            ControlCharacter(c) => {
                write!(
                    f,
                    "Raw control character {} inside a string: JSON strings cannot contain it literally; write it escaped as {}",
                    describe_char(*c),
                    escape_hint(*c)
                )?;
                if *c == '\n' {
                    f.write_str(", or close the string if its closing quote is missing")?;
                }
                Ok(())
            }
            UnterminatedString => {
                f.write_str("Unterminated string: no closing '\"' before the end of input")
            }
            InvalidEscape(c) => write!(
                f,
                "Invalid escape '\\{}' in a string: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                c.escape_debug()
            ),
            InvalidUnicodeEscape => {
                f.write_str("Invalid \\u escape: expected exactly four hexadecimal digits")
            }
            LeadingZero => f.write_str("Numbers cannot have leading zeros"),
            InvalidNumber(what) => write!(f, "Invalid number: {what}"),
            TrailingContent { found } => write!(
                f,
                "Unexpected {found} after the end of the JSON document: a flow is exactly one JSON object"
            ),
            TooDeep { limit } => write!(
                f,
                "Nesting is too deep: more than {limit} nested arrays or objects"
            ),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for ParseError {}

fn describe_char(c: char) -> String {
    let name = match c {
        '\n' => " (line feed)",
        '\r' => " (carriage return)",
        '\t' => " (tab)",
        '\0' => " (NUL)",
        '\u{8}' => " (backspace)",
        '\u{c}' => " (form feed)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

fn escape_hint(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        '\u{8}' => "\\b".into(),
        '\u{c}' => "\\f".into(),
        _ => format!("\\u{:04x}", c as u32),
    }
}

fn describe_found(text: &str, at: usize) -> String {
    match text[at..].chars().next() {
        None => "the end of input".into(),
        Some(c) if c.is_control() => describe_char(c),
        Some(c) => format!("'{c}'"),
    }
}

/// Bytes that end the fast scan of a string body: quote, backslash, control characters.
static STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// The first index from `i` of a byte that ends a run of plain string characters (a
/// quote, a backslash, a control character), or `bytes.len()`. Eight bytes at a time:
/// strings are most of a flow's bytes, and a byte-by-byte scan was an eighth of the
/// parse.
#[inline]
fn string_stop(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Flags (at least) every byte of `w` that is zero; the lowest flag is exact.
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let stops = zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
            // Bytes below 0x20: the subtraction borrows into their high bit.
            | (w.wrapping_sub(ONES * 0x20) & !w & HIGH);
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !STRING_STOP[bytes[i] as usize] {
        i += 1;
    }
    i
}

/// An open container. Its finished children wait on the parser's shared scratch stacks
/// (`items`, `members`) from index `first`; on close they are copied into the arena in
/// one piece, so a container costs one bump of a pointer.
enum Frame<'s> {
    Array {
        start: usize,
        first: usize,
    },
    Object {
        start: usize,
        first: usize,
        key: Option<Key<'s>>,
    },
}

/// A parse error on its way up: boxed, so every `Result` the hot path returns stays the
/// size of its value (a large error inline made each return a wide copy through the
/// stack, a fifth of the parse).
type Fault = Box<ParseError>;

struct Parser<'s> {
    text: &'s str,
    arena: &'s Arena,
    /// Reused for decoding strings with escapes.
    scratch: String,
    bytes: &'s [u8],
    pos: usize,
    stack: Vec<Frame<'s>>,
    deepest: usize,
    items: Vec<Node<'s>>,
    members: Vec<Member<'s>>,
    duplicate_keys: Vec<DuplicateKey>,
    more_duplicate_keys: usize,
    lone_surrogates: Vec<Span>,
    options: ParseOptions,
}

/// Parses one JSON document into a span tree held in `arena`. A leading UTF-8 BOM is
/// skipped.
pub fn parse<'s>(
    text: &'s str,
    arena: &'s Arena,
    options: &ParseOptions,
) -> Result<Parsed<'s>, ParseError> {
    let mut p = Parser {
        text,
        arena,
        scratch: String::new(),
        bytes: text.as_bytes(),
        pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
        stack: Vec::new(),
        deepest: 0,
        items: Vec::new(),
        members: Vec::new(),
        duplicate_keys: Vec::new(),
        more_duplicate_keys: 0,
        lone_surrogates: Vec::new(),
        options: *options,
    };
    let root = p.document().map_err(|fault| *fault)?;
    Ok(Parsed {
        root,
        duplicate_keys: p.duplicate_keys,
        more_duplicate_keys: p.more_duplicate_keys,
        lone_surrogates: p.lone_surrogates,
        depth: p.deepest,
    })
}

impl<'s> Parser<'s> {
    fn document(&mut self) -> Result<Node<'s>, Fault> {
        self.skip_ws();
        if self.pos >= self.bytes.len() {
            return Err(self.error(ParseErrorKind::Empty, self.pos, self.pos));
        }
        let root = self.value()?;
        self.skip_ws();
        if self.pos < self.bytes.len() {
            let kind = match self.special_fault() {
                Some(kind) => kind,
                None => ParseErrorKind::TrailingContent {
                    found: describe_found(self.text, self.pos),
                },
            };
            let end = self.fault_end();
            return Err(self.error(kind, self.pos, end));
        }
        Ok(root)
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn path(&self) -> Path {
        let mut path = Path::root();
        for (k, frame) in self.stack.iter().enumerate() {
            match frame {
                Frame::Array { first, .. } => {
                    // This array's items end where the next open array's begin.
                    let end = self.stack[k + 1..]
                        .iter()
                        .find_map(|f| match f {
                            Frame::Array { first, .. } => Some(*first),
                            Frame::Object { .. } => None,
                        })
                        .unwrap_or(self.items.len());
                    path.push_index(end - first);
                }
                Frame::Object { key: Some(k), .. } => path.push_key(k.name),
                Frame::Object { key: None, .. } => {}
            }
        }
        path
    }

    fn error(&self, kind: ParseErrorKind, start: usize, end: usize) -> Fault {
        Box::new(ParseError {
            kind,
            span: Span::new(start, end),
            path: self.path(),
        })
    }

    /// End of the offending token at `pos`: a word, a comment, or one character.
    fn fault_end(&self) -> usize {
        let rest = &self.text[self.pos..];
        if rest.starts_with("//") {
            return self.pos + rest.find('\n').unwrap_or(rest.len());
        }
        if rest.starts_with("/*") {
            return self.pos + rest.find("*/").map_or(rest.len(), |i| i + 2);
        }
        let word = word_len(rest);
        if word > 0 {
            return self.pos + word;
        }
        self.pos + rest.chars().next().map_or(0, char::len_utf8)
    }

    /// Faults that deserve a specific message wherever they appear.
    fn special_fault(&self) -> Option<ParseErrorKind> {
        let rest = &self.text[self.pos..];
        let b = *rest.as_bytes().first()?;
        match b {
            b'/' if rest.starts_with("//") || rest.starts_with("/*") => {
                Some(ParseErrorKind::Comment)
            }
            b'\'' => Some(ParseErrorKind::SingleQuotes),
            _ => {
                let word = &rest[..word_len(rest)];
                match word {
                    "" => None,
                    "NaN" | "Infinity" | "-Infinity" | "+Infinity" => {
                        Some(ParseErrorKind::NonFinite(word.to_owned()))
                    }
                    _ if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                        Some(ParseErrorKind::BareWord(word.to_owned()))
                    }
                    _ => None,
                }
            }
        }
    }

    fn unexpected(&self, expected: &'static str) -> Fault {
        if self.pos >= self.bytes.len() {
            return self.error(
                ParseErrorKind::UnexpectedEnd { expected },
                self.pos,
                self.pos,
            );
        }
        let kind = self
            .special_fault()
            .unwrap_or_else(|| ParseErrorKind::Unexpected {
                expected,
                found: describe_found(self.text, self.pos),
            });
        self.error(kind, self.pos, self.fault_end())
    }

    /// Parses one value; containers are handled without recursion.
    fn value(&mut self) -> Result<Node<'s>, Fault> {
        'value: loop {
            self.skip_ws();
            let mut node = match self.peek() {
                Some(b'{') => {
                    self.open()?;
                    let start = self.pos;
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Node {
                            span: Span::new(start, self.pos),
                            value: Value::Object(&[]),
                        }
                    } else {
                        let key = self.key(false)?;
                        self.stack.push(Frame::Object {
                            start,
                            first: self.members.len(),
                            key: Some(key),
                        });
                        self.colon()?;
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.open()?;
                    let start = self.pos;
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        Node {
                            span: Span::new(start, self.pos),
                            value: Value::Array(&[]),
                        }
                    } else {
                        self.stack.push(Frame::Array {
                            start,
                            first: self.items.len(),
                        });
                        continue 'value;
                    }
                }
                _ => self.scalar()?,
            };
            // Attach the finished node to its parent, closing as many containers as end here.
            loop {
                let Some(frame) = self.stack.last_mut() else {
                    return Ok(node);
                };
                match frame {
                    Frame::Array { .. } => {
                        self.items.push(node);
                        self.skip_ws();
                        match self.peek() {
                            Some(b',') => {
                                let comma = self.pos;
                                self.pos += 1;
                                self.skip_ws();
                                if self.peek() == Some(b']') {
                                    return Err(self.error(
                                        ParseErrorKind::TrailingComma { closing: ']' },
                                        comma,
                                        comma + 1,
                                    ));
                                }
                                continue 'value;
                            }
                            Some(b']') => {
                                self.pos += 1;
                                let Some(Frame::Array { start, first }) = self.stack.pop() else {
                                    unreachable!("top frame is an array")
                                };
                                let items = self.arena.slice(&self.items[first..]);
                                self.items.truncate(first);
                                node = Node {
                                    span: Span::new(start, self.pos),
                                    value: Value::Array(items),
                                };
                            }
                            _ => return Err(self.unexpected("',' or ']' after an array element")),
                        }
                    }
                    Frame::Object { key, .. } => {
                        let key = key.take().expect("object frame holds a pending key");
                        self.members.push(Member { key, value: node });
                        self.skip_ws();
                        match self.peek() {
                            Some(b',') => {
                                let comma = self.pos;
                                self.pos += 1;
                                self.skip_ws();
                                if self.peek() == Some(b'}') {
                                    return Err(self.error(
                                        ParseErrorKind::TrailingComma { closing: '}' },
                                        comma,
                                        comma + 1,
                                    ));
                                }
                                let next = self.key(true)?;
                                if let Some(Frame::Object { key, .. }) = self.stack.last_mut() {
                                    *key = Some(next);
                                }
                                self.colon()?;
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.pos += 1;
                                let Some(Frame::Object { start, first, .. }) = self.stack.pop()
                                else {
                                    unreachable!("top frame is an object")
                                };
                                self.check_duplicates(first);
                                let members = self.arena.slice(&self.members[first..]);
                                self.members.truncate(first);
                                node = Node {
                                    span: Span::new(start, self.pos),
                                    value: Value::Object(members),
                                };
                            }
                            _ => return Err(self.unexpected("',' or '}' after an object member")),
                        }
                    }
                }
            }
        }
    }

    fn open(&mut self) -> Result<(), Fault> {
        self.deepest = self.deepest.max(self.stack.len() + 1);
        if self.stack.len() >= self.options.max_depth {
            return Err(self.error(
                ParseErrorKind::TooDeep {
                    limit: self.options.max_depth,
                },
                self.pos,
                self.pos + 1,
            ));
        }
        Ok(())
    }

    fn colon(&mut self) -> Result<(), Fault> {
        self.skip_ws();
        if self.peek() == Some(b':') {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected("':' after an object key"))
        }
    }

    fn key(&mut self, after_comma: bool) -> Result<Key<'s>, Fault> {
        match self.peek() {
            Some(b'"') => {
                let (span, name) = self.string()?;
                Ok(Key { span, name })
            }
            Some(b) if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                let rest = &self.text[self.pos..];
                let word = &rest[..word_len(rest)];
                Err(self.error(
                    ParseErrorKind::UnquotedKey(word.to_owned()),
                    self.pos,
                    self.pos + word.len(),
                ))
            }
            _ => Err(self.unexpected(if after_comma {
                "a double-quoted key after ','"
            } else {
                "a double-quoted key or '}'"
            })),
        }
    }

    /// Records keys repeated among the members of the object being closed (those on the
    /// scratch stack from `first`).
    fn check_duplicates(&mut self, first: usize) {
        let members = &self.members[first..];
        if members.len() < 2 {
            return;
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if members.len() <= 16 {
            for (i, m) in members.iter().enumerate() {
                if let Some(f) = members[..i].iter().position(|f| f.key.name == m.key.name) {
                    pairs.push((f, i));
                }
            }
        } else {
            let mut seen = foldhash::HashMap::with_capacity(members.len());
            for (i, m) in members.iter().enumerate() {
                match seen.get(m.key.name) {
                    Some(&f) => pairs.push((f, i)),
                    None => {
                        seen.insert(m.key.name, i);
                    }
                }
            }
        }
        if pairs.is_empty() {
            return;
        }
        let room = self
            .options
            .max_duplicate_keys
            .saturating_sub(self.duplicate_keys.len());
        if pairs.len() > room {
            self.more_duplicate_keys += pairs.len() - room;
            pairs.truncate(room);
            if pairs.is_empty() {
                return;
            }
        }
        let object = self.path();
        for (f, d) in pairs {
            let (first_key, dup) = (&self.members[first + f].key, &self.members[first + d].key);
            self.duplicate_keys.push(DuplicateKey {
                name: dup.name.to_string(),
                first: first_key.span,
                duplicate: dup.span,
                object: object.clone(),
            });
        }
    }

    fn scalar(&mut self) -> Result<Node<'s>, Fault> {
        let start = self.pos;
        let value = match self.peek() {
            Some(b'"') => {
                let (span, s) = self.string()?;
                return Ok(Node {
                    span,
                    value: Value::String(s),
                });
            }
            Some(b'-' | b'0'..=b'9') => {
                if self.text[start..].starts_with("-Infinity") {
                    return Err(self.unexpected("a value"));
                }
                self.number()?;
                Value::Number(&self.text[start..self.pos])
            }
            Some(b't') if self.bytes[start..].starts_with(b"true") && self.word_ends(4) => {
                self.pos += 4;
                Value::Bool(true)
            }
            Some(b'f') if self.bytes[start..].starts_with(b"false") && self.word_ends(5) => {
                self.pos += 5;
                Value::Bool(false)
            }
            Some(b'n') if self.bytes[start..].starts_with(b"null") && self.word_ends(4) => {
                self.pos += 4;
                Value::Null
            }
            Some(b']') => {
                // `[` then `]` is handled by the caller; here a value was due.
                return Err(self.unexpected("a value"));
            }
            _ => return Err(self.unexpected("a value")),
        };
        Ok(Node {
            span: Span::new(start, self.pos),
            value,
        })
    }

    /// A literal like `true` must not run on into `truex`.
    fn word_ends(&self, len: usize) -> bool {
        self.bytes
            .get(self.pos + len)
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'$'))
    }

    fn number(&mut self) -> Result<(), Fault> {
        let b = self.bytes;
        if b[self.pos] == b'-' {
            self.pos += 1;
        }
        match b.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                    return Err(self.error(ParseErrorKind::LeadingZero, self.pos - 1, self.pos));
                }
            }
            Some(b'1'..=b'9') => {
                while matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                    self.pos += 1;
                }
            }
            _ => return Err(self.number_fault("expected a digit after '-'")),
        }
        if b.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.number_fault("expected a digit after the decimal point"));
            }
            while matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        if matches!(b.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(b.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.number_fault("expected a digit in the exponent"));
            }
            while matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        Ok(())
    }

    fn number_fault(&self, what: &'static str) -> Fault {
        let end = self.pos
            + self.text[self.pos..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        self.error(ParseErrorKind::InvalidNumber(what), self.pos, end)
    }

    /// Parses a string at `pos` (which holds `"`); returns its span and its value.
    fn string(&mut self) -> Result<(Span, &'s str), Fault> {
        let start = self.pos;
        let body = start + 1;
        let bytes = self.bytes;
        let i = string_stop(bytes, body);
        match bytes.get(i) {
            Some(b'"') => {
                self.pos = i + 1;
                Ok((Span::new(start, self.pos), &self.text[body..i]))
            }
            Some(b'\\') => {
                let mut out = std::mem::take(&mut self.scratch);
                out.clear();
                out.push_str(&self.text[body..i]);
                self.pos = i;
                let decoded = self.string_escaped(start, &mut out);
                let done = decoded.map(|span| (span, self.arena.str(&out)));
                self.scratch = out;
                done
            }
            Some(&c) => Err(self.error(ParseErrorKind::ControlCharacter(c as char), i, i + 1)),
            None => Err(self.error(ParseErrorKind::UnterminatedString, start, start + 1)),
        }
    }

    /// The slow path, from the first backslash on.
    fn string_escaped(&mut self, start: usize, out: &mut String) -> Result<Span, Fault> {
        let bytes = self.bytes;
        loop {
            let run = self.pos;
            self.pos = string_stop(bytes, run);
            out.push_str(&self.text[run..self.pos]);
            match bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Span::new(start, self.pos));
                }
                Some(b'\\') => {
                    let esc = self.pos;
                    self.pos += 1;
                    let Some(&e) = bytes.get(self.pos) else {
                        return Err(self.error(
                            ParseErrorKind::UnterminatedString,
                            start,
                            start + 1,
                        ));
                    };
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let c = self.unicode_escape(esc)?;
                            out.push(c);
                        }
                        _ => {
                            let c = self.text[esc + 1..].chars().next().unwrap_or('?');
                            return Err(self.error(
                                ParseErrorKind::InvalidEscape(c),
                                esc,
                                esc + 1 + c.len_utf8(),
                            ));
                        }
                    }
                }
                Some(&c) => {
                    return Err(self.error(
                        ParseErrorKind::ControlCharacter(c as char),
                        self.pos,
                        self.pos + 1,
                    ))
                }
                None => {
                    return Err(self.error(ParseErrorKind::UnterminatedString, start, start + 1))
                }
            }
        }
    }

    /// Reads the 4 hex digits after `\u` (and a low surrogate after a high one). A
    /// surrogate without its pair is read as U+FFFD and recorded (see
    /// [`Parsed::lone_surrogates`]); the escape after a lone high surrogate is read on its own.
    fn unicode_escape(&mut self, esc: usize) -> Result<char, Fault> {
        let high = self.hex4(esc)?;
        let code = match high {
            0xD800..=0xDBFF => {
                let second = self.pos;
                if self.bytes.get(second) != Some(&b'\\')
                    || self.bytes.get(second + 1) != Some(&b'u')
                {
                    return Ok(self.lone_surrogate(esc, second));
                }
                self.pos += 2;
                let low = self.hex4(second)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    self.pos = second;
                    return Ok(self.lone_surrogate(esc, second));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Ok(self.lone_surrogate(esc, self.pos)),
            c => c,
        };
        char::from_u32(code)
            .ok_or_else(|| self.error(ParseErrorKind::InvalidUnicodeEscape, esc, self.pos))
    }

    fn lone_surrogate(&mut self, start: usize, end: usize) -> char {
        if self.lone_surrogates.len() < self.options.max_duplicate_keys {
            self.lone_surrogates.push(Span::new(start, end));
        }
        '\u{fffd}'
    }

    fn hex4(&mut self, esc: usize) -> Result<u32, Fault> {
        let digits = self.bytes.get(self.pos..self.pos + 4);
        let value = digits.and_then(|d| {
            d.iter().try_fold(0u32, |acc, &b| {
                (b as char).to_digit(16).map(|v| acc * 16 + v)
            })
        });
        match value {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => {
                let end = (self.pos..(self.pos + 4).min(self.bytes.len()))
                    .take_while(|&i| self.bytes[i].is_ascii_hexdigit())
                    .last()
                    .map_or(self.pos, |i| i + 1);
                let end = end.max(esc + 2);
                Err(self.error(ParseErrorKind::InvalidUnicodeEscape, esc, end))
            }
        }
    }
}

/// Length of an identifier-like run (letters, digits, `_`, `$`, and a sign in front).
fn word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$') {
        i += 1;
    }
    if i == 1 && matches!(b.first(), Some(b'-' | b'+')) {
        0
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_at_a_time_string_scan_stops_where_the_byte_scan_does() {
        let bytewise = |b: &[u8], from: usize| {
            (from..b.len())
                .find(|&i| STRING_STOP[b[i] as usize])
                .unwrap_or(b.len())
        };
        // Pseudo-random bytes drawn mostly from the bytes that matter (and their
        // neighbours, which the bit tricks could confuse), at every alignment.
        let alphabet = [
            b'"', b'\\', 0x00, 0x1f, 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0x9f, 0xc3, 0xff, b'a',
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|k| {
                    let r = seed.rotate_left(k as u32 * 5);
                    if r % 11 == 0 {
                        alphabet[(r >> 8) as usize % alphabet.len()]
                    } else {
                        b'a' + (r >> 16) as u8 % 26
                    }
                })
                .collect();
            for from in 0..=len {
                assert_eq!(
                    string_stop(&bytes, from),
                    bytewise(&bytes, from),
                    "{bytes:?} {from}"
                );
            }
        }
    }
}
