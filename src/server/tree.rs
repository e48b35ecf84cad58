//! A JSON tree that survives the text an author is in the middle of typing.
//!
//! Why not the library's span parser: it is strict (Meta's `JSON.parse` is), so it
//! stops at the first fault, and while an author types, the document is usually broken
//! (`"type": "Te`, a missing comma, an unclosed object). Hover, completion and
//! navigation must still know where the cursor is. This parser never fails: it takes a
//! missing comma or colon as written, ends an unterminated string at its line's end and
//! closes what is open at the end of the text. On valid JSON it gives the same spans as
//! the library's parser (a test compares them on every flow of testdata/).
//!
//! Nodes live in one vector and refer to each other by index; no recursion anywhere
//! (nesting beyond [`MAX_DEPTH`] is kept as one opaque node).

pub(crate) type Id = u32;

/// Containers nested deeper than this are one opaque node (flows nest about 15 deep).
const MAX_DEPTH: usize = 256;

#[derive(Debug)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    pub root: Option<Id>,
}

#[derive(Debug)]
pub(crate) struct Node {
    pub start: u32,
    pub end: u32,
    pub parent: Option<Id>,
    pub kind: Kind,
    /// Whether the token (string quote, bracket) was closed.
    pub closed: bool,
}

#[derive(Debug)]
pub(crate) enum Kind {
    Object(Vec<Member>),
    Array(Vec<Id>),
    /// A string's decoded value.
    Str(String),
    /// A number, `true`, `false`, `null`, or a bare word.
    Word(String),
    /// Nesting too deep to look into.
    Opaque,
}

#[derive(Debug)]
pub(crate) struct Member {
    pub key: Key,
    /// Where its colon is, when it has one.
    pub colon: Option<u32>,
    pub value: Option<Id>,
}

#[derive(Debug)]
pub(crate) struct Key {
    pub start: u32,
    pub end: u32,
    pub name: String,
    /// Written in quotes (a bare word typed as a key is not).
    pub quoted: bool,
    pub closed: bool,
}

/// Where an offset sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    /// On member `member`'s key of object `obj`.
    Key { obj: Id, member: usize },
    /// On a scalar or string value.
    Value(Id),
    /// After member `member`'s colon, where its value is missing or not yet reached.
    AfterColon { obj: Id, member: usize },
    /// Inside an object, between members.
    InObject(Id),
    /// Inside an array, between items.
    InArray(Id),
}

impl Tree {
    pub fn node(&self, id: Id) -> &Node {
        &self.nodes[id as usize]
    }

    pub fn members(&self, id: Id) -> &[Member] {
        match &self.node(id).kind {
            Kind::Object(m) => m,
            _ => &[],
        }
    }

    pub fn items(&self, id: Id) -> &[Id] {
        match &self.node(id).kind {
            Kind::Array(i) => i,
            _ => &[],
        }
    }

    /// The value of member `name` (the last one, as `JSON.parse` keeps it).
    pub fn get(&self, id: Id, name: &str) -> Option<Id> {
        self.members(id)
            .iter()
            .rev()
            .find(|m| m.key.name == name)
            .and_then(|m| m.value)
    }

    pub fn str(&self, id: Id) -> Option<&str> {
        match &self.node(id).kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The string value of member `name`.
    pub fn get_str(&self, id: Id, name: &str) -> Option<&str> {
        self.get(id, name).and_then(|v| self.str(v))
    }

    pub fn is_object(&self, id: Id) -> bool {
        matches!(self.node(id).kind, Kind::Object(_))
    }

    /// The key under which `id` sits in its parent object, if it does.
    pub fn key_of(&self, id: Id) -> Option<&Key> {
        let parent = self.node(id).parent?;
        self.members(parent)
            .iter()
            .find(|m| m.value == Some(id))
            .map(|m| &m.key)
    }

    pub fn span(&self, id: Id) -> (usize, usize) {
        let n = self.node(id);
        (n.start as usize, n.end as usize)
    }

    /// Where `offset` sits, descending from the root.
    pub fn at(&self, offset: usize) -> Option<At> {
        let offset = offset as u32;
        let mut id = self.root?;
        if !self.inside(id, offset) {
            return None;
        }
        loop {
            let node = self.node(id);
            match &node.kind {
                Kind::Object(members) => {
                    let mut next = None;
                    for (i, m) in members.iter().enumerate() {
                        if m.key.start <= offset && offset <= m.key.end && m.key.end > m.key.start {
                            return Some(At::Key { obj: id, member: i });
                        }
                        if let Some(v) = m.value {
                            if self.inside(v, offset) {
                                next = Some(v);
                                break;
                            }
                            let vs = self.node(v).start;
                            if m.key.end < offset && offset < vs {
                                return Some(At::AfterColon { obj: id, member: i });
                            }
                        } else if m.colon.is_some_and(|c| c < offset)
                            && members.get(i + 1).is_none_or(|n| offset < n.key.start)
                        {
                            return Some(At::AfterColon { obj: id, member: i });
                        }
                    }
                    match next {
                        Some(v) => id = v,
                        None => return Some(At::InObject(id)),
                    }
                }
                Kind::Array(items) => match items.iter().find(|&&i| self.inside(i, offset)) {
                    Some(&i) => id = i,
                    None => return Some(At::InArray(id)),
                },
                _ => return Some(At::Value(id)),
            }
        }
    }

    /// Whether `offset` is in node `id`: strictly between a container's brackets (or
    /// anywhere after an unclosed one's opening), anywhere on a leaf token or just after
    /// it (where a cursor is after typing it).
    fn inside(&self, id: Id, offset: u32) -> bool {
        let n = self.node(id);
        match n.kind {
            Kind::Object(_) | Kind::Array(_) => {
                n.start < offset && (offset < n.end || (!n.closed && offset <= n.end))
            }
            _ => n.start <= offset && offset <= n.end,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Open(u8),
    Close(u8),
    Colon,
    Comma,
    Str,
    Word,
    End,
}

struct Lexer<'t> {
    text: &'t str,
    pos: usize,
    /// The decoded value of the last string or word token.
    value: String,
    closed: bool,
}

impl Lexer<'_> {
    fn next(&mut self) -> (Tok, usize, usize) {
        let b = self.text.as_bytes();
        while self.pos < b.len() && matches!(b[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
        let start = self.pos;
        let Some(&c) = b.get(self.pos) else {
            return (Tok::End, start, start);
        };
        self.pos += 1;
        let tok = match c {
            b'{' | b'[' => Tok::Open(c),
            b'}' | b']' => Tok::Close(c),
            b':' => Tok::Colon,
            b',' => Tok::Comma,
            b'"' => {
                self.string();
                Tok::Str
            }
            _ => {
                while self.pos < b.len()
                    && !matches!(
                        b[self.pos],
                        b' ' | b'\t'
                            | b'\n'
                            | b'\r'
                            | b'{'
                            | b'}'
                            | b'['
                            | b']'
                            | b':'
                            | b','
                            | b'"'
                    )
                {
                    self.pos += 1;
                }
                self.value.clear();
                self.value.push_str(&self.text[start..self.pos]);
                Tok::Word
            }
        };
        (tok, start, self.pos)
    }

    /// A string body after its opening quote: decoded into `value`; ends at the closing
    /// quote, or (unterminated) before the line break.
    fn string(&mut self) {
        self.value.clear();
        self.closed = false;
        let b = self.text.as_bytes();
        let mut run = self.pos;
        while self.pos < b.len() {
            match b[self.pos] {
                b'"' => {
                    self.value.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    self.closed = true;
                    return;
                }
                b'\n' | b'\r' => break,
                b'\\' => {
                    self.value.push_str(&self.text[run..self.pos]);
                    self.escape();
                    run = self.pos;
                }
                _ => self.pos += 1,
            }
        }
        self.value.push_str(&self.text[run..self.pos]);
    }

    /// One escape at `pos` (a backslash), decoded; a bad escape is kept as written.
    fn escape(&mut self) {
        let b = self.text.as_bytes();
        let Some(&e) = b.get(self.pos + 1) else {
            self.pos += 1;
            return;
        };
        let simple = match e {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            self.value.push(c);
            self.pos += 2;
            return;
        }
        if e == b'u' {
            if let Some(unit) = self.hex4(self.pos + 2) {
                self.pos += 6;
                if (0xD800..0xDC00).contains(&unit) && b.get(self.pos) == Some(&b'\\') {
                    if let Some(low) = self
                        .hex4(self.pos + 2)
                        .filter(|l| (0xDC00..0xE000).contains(l))
                    {
                        self.pos += 6;
                        let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        self.value.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                        return;
                    }
                }
                self.value.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
                return;
            }
        }
        // Not an escape JSON knows: kept as written (the validator reports it).
        self.value.push('\\');
        self.pos += 1;
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let s = self.text.get(at..at + 4)?;
        if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    }

    /// Skips to just after the bracket closing the one opened before `pos`.
    fn skip_nested(&mut self) -> usize {
        let mut depth = 1usize;
        loop {
            match self.next() {
                (Tok::Open(_), _, _) => depth += 1,
                (Tok::Close(_), _, end) => {
                    depth -= 1;
                    if depth == 0 {
                        return end;
                    }
                }
                (Tok::End, _, end) => return end,
                _ => {}
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    ObjKey,
    ObjColon,
    ObjValue,
    ObjComma,
    ArrValue,
    ArrComma,
}

/// Parses `text`, whatever it holds.
pub(crate) fn parse(text: &str) -> Tree {
    let mut lx = Lexer {
        text,
        pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
        value: String::new(),
        closed: false,
    };
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<(Id, State)> = Vec::new();
    let mut root: Option<Id> = None;
    let mut last_end = 0usize;
    let mut pending: Option<(Tok, usize, usize)> = None;
    loop {
        let (tok, start, end) = match pending.take() {
            Some(t) => t,
            None => lx.next(),
        };
        if tok == Tok::End {
            break;
        }
        let Some(&(top, state)) = stack.last() else {
            if root.is_some() {
                // Content after the root value: not part of the tree.
                break;
            }
            if matches!(tok, Tok::Open(_) | Tok::Str | Tok::Word) {
                let id = new_value(&mut nodes, &mut lx, &mut stack, None, tok, start, end);
                root = Some(id);
                last_end = nodes[id as usize].end as usize;
            }
            continue;
        };
        let set = |stack: &mut Vec<(Id, State)>, s: State| {
            if let Some(last) = stack.last_mut() {
                last.1 = s;
            }
        };
        let is_value = matches!(tok, Tok::Open(_) | Tok::Str | Tok::Word);
        match (state, tok) {
            // Closing brackets, matching or not: close the innermost container. A
            // mismatched one closes it where the last token ended and is seen again
            // by the container around it.
            (_, Tok::Close(c)) => {
                let open = stack.pop().map(|(id, _)| id).unwrap_or(top);
                let want = if matches!(state, State::ArrValue | State::ArrComma) {
                    b']'
                } else {
                    b'}'
                };
                let node = &mut nodes[open as usize];
                if c == want {
                    node.end = end as u32;
                    node.closed = true;
                    last_end = end;
                } else {
                    node.end = last_end.max(node.start as usize + 1) as u32;
                    pending = Some((tok, start, end));
                }
                continue;
            }
            (State::ObjKey, Tok::Str | Tok::Word) => {
                let key = Key {
                    start: start as u32,
                    end: end as u32,
                    name: std::mem::take(&mut lx.value),
                    quoted: tok == Tok::Str,
                    closed: tok == Tok::Word || lx.closed,
                };
                if let Kind::Object(m) = &mut nodes[top as usize].kind {
                    m.push(Member {
                        key,
                        colon: None,
                        value: None,
                    });
                }
                set(&mut stack, State::ObjColon);
            }
            (State::ObjKey, Tok::Open(_)) => {
                // A value where a key belongs: kept under an empty key.
                if let Kind::Object(m) = &mut nodes[top as usize].kind {
                    m.push(Member {
                        key: Key {
                            start: start as u32,
                            end: start as u32,
                            name: String::new(),
                            quoted: false,
                            closed: true,
                        },
                        colon: None,
                        value: None,
                    });
                }
                set(&mut stack, State::ObjValue);
                pending = Some((tok, start, end));
                continue;
            }
            (State::ObjColon, Tok::Colon) => {
                if let Kind::Object(m) = &mut nodes[top as usize].kind {
                    if let Some(last) = m.last_mut() {
                        last.colon = Some(start as u32);
                    }
                }
                set(&mut stack, State::ObjValue)
            }
            (State::ObjColon, _) if is_value => {
                // A key without its colon. On a later line, it was a key typed alone and
                // this token starts the next member; on the same line, the value.
                if text[last_end..start].contains(['\n', '\r']) {
                    set(&mut stack, State::ObjKey);
                } else {
                    set(&mut stack, State::ObjValue);
                }
                pending = Some((tok, start, end));
                continue;
            }
            (State::ObjValue, _) if is_value => {
                set(&mut stack, State::ObjComma);
                let id = new_value(&mut nodes, &mut lx, &mut stack, Some(top), tok, start, end);
                if let Kind::Object(m) = &mut nodes[top as usize].kind {
                    if let Some(last) = m.last_mut() {
                        last.value = Some(id);
                    }
                }
                last_end = nodes[id as usize].end as usize;
                continue;
            }
            (State::ObjColon | State::ObjValue | State::ObjComma, Tok::Comma) => {
                set(&mut stack, State::ObjKey)
            }
            (State::ObjComma, _) if is_value => {
                // A missing comma.
                set(&mut stack, State::ObjKey);
                pending = Some((tok, start, end));
                continue;
            }
            (State::ArrValue | State::ArrComma, _) if is_value => {
                set(&mut stack, State::ArrComma);
                let id = new_value(&mut nodes, &mut lx, &mut stack, Some(top), tok, start, end);
                if let Kind::Array(items) = &mut nodes[top as usize].kind {
                    items.push(id);
                }
                last_end = nodes[id as usize].end as usize;
                continue;
            }
            (State::ArrComma, Tok::Comma) => set(&mut stack, State::ArrValue),
            // A stray colon or comma: skipped.
            _ => {}
        }
        last_end = end;
    }
    // Whatever is still open ends with the text.
    for (id, _) in stack {
        nodes[id as usize].end = text.len() as u32;
    }
    Tree { nodes, root }
}

/// A node for the value token `tok`; an opening bracket pushes its container.
fn new_value(
    nodes: &mut Vec<Node>,
    lx: &mut Lexer<'_>,
    stack: &mut Vec<(Id, State)>,
    parent: Option<Id>,
    tok: Tok,
    start: usize,
    end: usize,
) -> Id {
    let id = nodes.len() as Id;
    let (kind, end, closed, push) = match tok {
        Tok::Open(_) if stack.len() >= MAX_DEPTH => {
            let end = lx.skip_nested();
            (Kind::Opaque, end, true, None)
        }
        Tok::Open(b'{') => (Kind::Object(Vec::new()), end, false, Some(State::ObjKey)),
        Tok::Open(_) => (Kind::Array(Vec::new()), end, false, Some(State::ArrValue)),
        Tok::Str => (
            Kind::Str(std::mem::take(&mut lx.value)),
            end,
            lx.closed,
            None,
        ),
        _ => (Kind::Word(std::mem::take(&mut lx.value)), end, true, None),
    };
    nodes.push(Node {
        start: start as u32,
        end: end as u32,
        parent,
        kind,
        closed,
    });
    if let Some(state) = push {
        stack.push((id, state));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_json_has_exact_spans() {
        let text = r#"{"a": [1, {"b": "x\ty"}], "c": null}"#;
        let t = parse(text);
        let root = t.root.unwrap();
        assert_eq!(t.span(root), (0, text.len()));
        let a = t.get(root, "a").unwrap();
        assert_eq!(&text[t.span(a).0..t.span(a).1], r#"[1, {"b": "x\ty"}]"#);
        let b = t.get(t.items(a)[1], "b").unwrap();
        assert_eq!(t.str(b), Some("x\ty"));
        assert_eq!(&text[t.span(b).0..t.span(b).1], r#""x\ty""#);
    }

    #[test]
    fn broken_text_still_has_a_tree() {
        // Unterminated string, missing comma, unclosed containers.
        let text = "{\"screens\": [{\"id\": \"A\" \"layout\": {\"children\": [{\"type\": \"Te\n";
        let t = parse(text);
        let root = t.root.unwrap();
        let screen = t.items(t.get(root, "screens").unwrap())[0];
        assert_eq!(t.get_str(screen, "id"), Some("A"));
        let layout = t.get(screen, "layout").unwrap();
        let child = t.items(t.get(layout, "children").unwrap())[0];
        let ty = t.get(child, "type").unwrap();
        assert_eq!(t.str(ty), Some("Te"));
        assert!(!t.node(ty).closed);
        // The cursor after `Te` is on the value.
        assert_eq!(t.at(text.len() - 1), Some(At::Value(ty)));
    }

    #[test]
    fn cursor_places() {
        let text = r#"{"a": , "b": [ ], "c": 1}"#;
        let t = parse(text);
        let root = t.root.unwrap();
        assert_eq!(
            t.at(6),
            Some(At::AfterColon {
                obj: root,
                member: 0
            })
        );
        assert_eq!(
            t.at(2),
            Some(At::Key {
                obj: root,
                member: 0
            })
        );
        let b = t.get(root, "b").unwrap();
        assert_eq!(t.at(15), Some(At::InArray(b)));
        assert_eq!(t.at(17), Some(At::InObject(root)));
    }

    /// On valid JSON, the same spans as the library's strict parser: every flow of
    /// testdata/ that parses, node by node, keys included.
    #[test]
    fn same_spans_as_the_strict_parser_on_testdata() {
        use crate::server::library::syntax::{parse as strict, Arena, Node, ParseOptions, Value};
        fn same(t: &Tree, id: Id, n: &Node<'_>, text: &str, file: &str) {
            assert_eq!(
                t.span(id),
                (n.span.start as usize, n.span.end as usize),
                "{file}: {:?}",
                &text[n.span.range()]
            );
            match (&t.node(id).kind, &n.value) {
                (Kind::Object(ms), Value::Object(ns)) => {
                    assert_eq!(ms.len(), ns.len(), "{file}");
                    for (m, nm) in ms.iter().zip(ns.iter()) {
                        assert_eq!(
                            (m.key.start, m.key.end),
                            (nm.key.span.start, nm.key.span.end)
                        );
                        assert_eq!(m.key.name, nm.key.name);
                        same(t, m.value.unwrap(), &nm.value, text, file);
                    }
                }
                (Kind::Array(is), Value::Array(ns)) => {
                    assert_eq!(is.len(), ns.len(), "{file}");
                    for (&i, ni) in is.iter().zip(ns.iter()) {
                        same(t, i, ni, text, file);
                    }
                }
                (Kind::Str(a), Value::String(b)) => assert_eq!(a, b, "{file}"),
                (Kind::Word(_), Value::Number(_) | Value::Bool(_) | Value::Null) => {}
                (a, b) => panic!("{file}: {a:?} against {b:?}"),
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
        let mut dirs = vec![root];
        let mut compared = 0;
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                if p.extension().is_none_or(|x| x != "json") {
                    continue;
                }
                let arena = Arena::new();
                let Ok(parsed) = strict(&text, &arena, &ParseOptions::default()) else {
                    continue;
                };
                let t = parse(&text);
                same(
                    &t,
                    t.root.unwrap(),
                    &parsed.root,
                    &text,
                    &p.display().to_string(),
                );
                compared += 1;
            }
        }
        assert!(compared > 100, "only {compared} flows compared");
    }

    #[test]
    fn deep_nesting_is_opaque_not_a_stack_overflow() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let t = parse(&text);
        assert!(t.nodes.len() <= MAX_DEPTH + 1);
        let _ = t.at(50_000);
    }
}
