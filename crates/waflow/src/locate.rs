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

    pub fn text(&self) -> &'t str {
        self.text
    }

    pub fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(self.text))
    }

    /// A pointer at `span` (the token's own bytes) with Meta's inclusive end column.
    pub fn pointer(&self, span: Span, path: &Path) -> Pointer {
        self.pointer_at(span, path.to_string())
    }

    /// A pointer whose path text is already written.
    pub fn pointer_at(&self, span: Span, path: String) -> Pointer {
        let (start, end) = self
            .index()
            .utf16_range(span.start as usize, span.end as usize);
        Pointer {
            line_start: start.line,
            line_end: end.line,
            column_start: start.column,
            column_end: end.column,
            path,
            span: Some(span),
            focus: None,
        }
    }

    /// A pointer at Meta's `span` that also shows people the finer place `focus`
    /// (dropped when it is the same bytes). The focus is usually inside Meta's token; for a
    /// fault Meta puts on a property's key it is in that property's value.
    pub fn pointer_focused(&self, span: Span, path: &Path, focus: Span) -> Pointer {
        let mut p = self.pointer(span, path);
        if focus != span && focus.end as usize <= self.text.len() {
            let (start, end) = self
                .index()
                .utf16_range(focus.start as usize, focus.end as usize);
            p.focus = Some(crate::finding::Focus {
                line_start: start.line,
                line_end: end.line,
                column_start: start.column,
                column_end: end.column,
                span: focus,
            });
        }
        p
    }
}

/// Gives findings that carry only Meta's positions (a server's `validationErrors`) the
/// byte spans they point at in `text`, the document that was uploaded, so they can be
/// rendered like local findings. Positions that fall outside the text keep no span.
pub fn attach_spans(text: &str, findings: &mut [crate::Finding]) {
    let index = LineIndex::new(text);
    for pointer in findings.iter_mut().flat_map(|f| f.pointers.iter_mut()) {
        if pointer.span.is_some() {
            continue;
        }
        let at =
            |line, column| index.offset_of_utf16(text, crate::syntax::LineCol { line, column });
        let (Some(start), Some(last)) = (
            at(pointer.line_start, pointer.column_start),
            at(pointer.line_end, pointer.column_end),
        ) else {
            continue;
        };
        // Meta's end column is inclusive: the span ends after that character.
        let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        if start <= end {
            pointer.span = Some(Span {
                start: start as u32,
                end: end as u32,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_positions_map_back_to_the_tokens() {
        let text = "{\n  \"v\": \"\u{e9}t\u{e9}\",\n  \"t\": 1\n}";
        let report = crate::validate(r#"{"version": 7.3}"#);
        let mut local = report.errors().to_vec();
        // Round trip: drop the spans of a local finding, attach them again.
        for p in local.iter_mut().flat_map(|f| f.pointers.iter_mut()) {
            let span = p.span.take();
            let mut one = vec![crate::Finding {
                pointers: vec![p.clone()],
                ..local_template()
            }];
            attach_spans(r#"{"version": 7.3}"#, &mut one);
            assert_eq!(one[0].pointers[0].span, span);
        }
        // `"été"` on line 2 is columns 8..=12 in UTF-16: 5 characters, 7 bytes.
        let mut server = vec![crate::Finding {
            pointers: vec![Pointer {
                line_start: 2,
                line_end: 2,
                column_start: 8,
                column_end: 12,
                ..Pointer::default()
            }],
            ..local_template()
        }];
        attach_spans(text, &mut server);
        let span = server[0].pointers[0].span.unwrap();
        assert_eq!(
            &text[span.start as usize..span.end as usize],
            "\"\u{e9}t\u{e9}\""
        );

        server[0].pointers[0].span = None;
        server[0].pointers[0].line_start = 99;
        attach_spans(text, &mut server);
        assert_eq!(server[0].pointers[0].span, None);
    }

    fn local_template() -> crate::Finding {
        crate::Finding {
            rule: None,
            error: "E".into(),
            error_type: crate::finding::FLOW_JSON_ERROR.into(),
            message: "m".into(),
            help: None,
            severity: crate::Severity::Error,
            fixes: Vec::new(),
            pointers: vec![],
        }
    }
}
