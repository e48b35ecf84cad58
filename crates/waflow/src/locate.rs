//! Spans and paths -> Meta pointers.

use crate::finding::Pointer;
use crate::syntax::{LineIndex, Path, Span};

/// Turns byte spans into Meta's positions for one document.
pub(crate) struct Locator<'a> {
    pub index: &'a LineIndex,
}

impl Locator<'_> {
    /// A pointer at `span` (the token's own bytes) with Meta's inclusive end column.
    pub fn pointer(&self, span: Span, path: &Path) -> Pointer {
        let (start, end) = self
            .index
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
