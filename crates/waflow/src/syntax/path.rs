use std::fmt;

/// One step of a Meta path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A location in Meta's path syntax: `screens[0].layout.children[2].on-click-action.name`.
///
/// Keys are written bare, hyphens included, as Meta writes them. A key that would make the
/// path ambiguous (empty, or holding `.`, `[`, `]`, `"` or whitespace) is written `["..."]`
/// with JSON escaping; Meta's examples never show such keys, and this keeps paths parseable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(Vec<Segment>);

impl Path {
    pub fn root() -> Self {
        Path(Vec::new())
    }

    pub fn key(&self, key: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Segment::Key(key.to_owned()));
        p
    }

    pub fn index(&self, index: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Segment::Index(index));
        p
    }

    pub fn push_key(&mut self, key: &str) {
        self.0.push(Segment::Key(key.to_owned()));
    }

    pub fn push_index(&mut self, index: usize) {
        self.0.push(Segment::Index(index));
    }

    pub fn push(&mut self, segment: Segment) {
        self.0.push(segment);
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

/// Appends key `key` to the path text `out` (for callers that build the text directly).
/// Every key is written after a dot as it is, spaces and dots included: that is how Meta
/// writes a path (conformance record invalid-switch-case-key_invalid: `cases.gold plan`),
/// and consumers of Meta's shape compare paths as Meta writes them.
pub(crate) fn write_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

/// Appends index `index` to the path text `out`.
pub(crate) fn write_index(out: &mut String, index: usize) {
    use std::fmt::Write;
    let _ = write!(out, "[{index}]");
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        for seg in &self.0 {
            match seg {
                Segment::Index(n) => write_index(&mut text, *n),
                Segment::Key(k) => write_key(&mut text, k),
            }
        }
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_style_paths() {
        let p = Path::root()
            .key("screens")
            .index(0)
            .key("layout")
            .key("children")
            .index(2)
            .key("on-click-action")
            .key("next")
            .key("name");
        assert_eq!(
            p.to_string(),
            "screens[0].layout.children[2].on-click-action.next.name"
        );
        assert_eq!(Path::root().to_string(), "");
        assert_eq!(Path::root().index(3).to_string(), "[3]");
        assert_eq!(
            Path::root().key("cases").key("gold plan").to_string(),
            "cases.gold plan"
        );
    }
}
