//! Spans and paths -> Meta pointers.

use std::cell::OnceCell;

use crate::finding::Pointer;
use crate::syntax::{LineIndex, Path, Span};

/// Turns byte spans into Meta's positions for one document. The line index is built on
/// the first request: a valid flow never needs one, and building it costs a pass over
/// the text.
pub(crate) struct Locator<'t> {
    text: &'t str,
    index: OnceCell<LineIndex>,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        Locator {
            text,
            index: OnceCell::new(),
        }
    }

    pub fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(self.text))
    }

    /// A pointer at `span` (the token's own bytes) with Meta's inclusive end column.
    pub fn pointer(&self, span: Span, path: &Path) -> Pointer {
        let (start, end) = self
            .index()
            .utf16_range(span.start as usize, span.end as usize);
        Pointer {
            line_start: start.line,
            line_end: end.line,
            column_start: start.column,
            column_end: end.column,
            path: path.to_string(),
            span: Some(span),
        }
    }
}
