//! Positions as LSP counts them, and the edits of incremental sync.
//!
//! Why not the library's `LineIndex`: it counts as Meta does (only LF starts a line, a
//! lone CR is a column), while LSP ends a line at LF, CRLF or a lone CR, and counts
//! columns in the encoding negotiated at initialize (UTF-16 by default, UTF-8 when the
//! client offers it). The server keeps byte offsets everywhere (the library's findings
//! carry byte spans) and converts only at the protocol's edge, here.

use lsp_types::{Position, Range};

/// How `Position.character` is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16,
}

/// Line starts of a text, in bytes, which lines are pure ASCII (where a column is a
/// byte offset), and where the other characters are: a UTF-16 column is then two binary
/// searches, never a scan of the line (a minified flow is one line of megabytes, and
/// each of thousands of diagnostics needs a column).
#[derive(Clone, Debug, Default)]
pub(crate) struct LineIndex {
    starts: Vec<u32>,
    ascii: Vec<bool>,
    /// Offsets of the non-ASCII characters, in order.
    wide: Vec<u32>,
    /// For each of them: the UTF-8 bytes minus UTF-16 units of all up to and including it.
    extra16: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut ascii = Vec::new();
        let mut wide = Vec::new();
        let mut extra16 = Vec::new();
        let mut acc = 0u32;
        let mut line_ascii = true;
        let mut i = 0;
        while i < bytes.len() {
            // Runs of ASCII without a line break (nearly all of a flow) are skipped eight
            // bytes at a time: a 1 MB flow is indexed again on every edit.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let Ok(word) = <[u8; 8]>::try_from(chunk).map(u64::from_le_bytes) else {
                    break;
                };
                let has = |b: u8| {
                    let x = word ^ (u64::from(b) * 0x0101_0101_0101_0101);
                    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
                };
                if word & 0x8080_8080_8080_8080 != 0 || has(b'\n') != 0 || has(b'\r') != 0 {
                    break;
                }
                i += 8;
            }
            let Some(&byte) = bytes.get(i) else {
                break;
            };
            match byte {
                b'\n' => {
                    ascii.push(line_ascii);
                    line_ascii = true;
                    starts.push(i as u32 + 1);
                }
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    ascii.push(line_ascii);
                    line_ascii = true;
                    starts.push(i as u32 + 1);
                }
                b if b >= 0xC0 => {
                    // A character's lead byte: 2, 3 or 4 bytes are 1, 1 or 2 units.
                    line_ascii = false;
                    acc += match b {
                        0xF0.. => 2,
                        0xE0.. => 2,
                        _ => 1,
                    };
                    wide.push(i as u32);
                    extra16.push(acc);
                }
                b if b >= 0x80 => line_ascii = false,
                _ => {}
            }
            i += 1;
        }
        ascii.push(line_ascii);
        LineIndex {
            starts,
            ascii,
            wide,
            extra16,
            len: bytes.len() as u32,
        }
    }

    /// The LSP position of byte `offset` (clamped to the text; an offset inside a
    /// character counts from that character's start).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let offset = offset.min(self.len as usize);
        let line = self.starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.starts[line] as usize;
        let character = if self.ascii[line] || enc == Encoding::Utf8 {
            // A UTF-8 column inside a character is moved back to its start.
            let mut o = offset;
            while o > start && !text.is_char_boundary(o) {
                o -= 1;
            }
            o - start
        } else {
            let mut o = offset;
            while o > start && !text.is_char_boundary(o) {
                o -= 1;
            }
            let extra = |at: usize| {
                let n = self.wide.partition_point(|&w| (w as usize) < at);
                if n == 0 {
                    0
                } else {
                    self.extra16[n - 1] as usize
                }
            };
            (o - start) - (extra(o) - extra(start))
        };
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, text: &str, start: usize, end: usize, enc: Encoding) -> Range {
        Range::new(
            self.position(text, start, enc),
            self.position(text, end, enc),
        )
    }

    /// The byte offset of an LSP position. As the protocol asks, a character past the
    /// line's end means the line's end, and a line past the last means the text's end.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let start = start as usize;
        let end = self.line_end(text, line);
        let want = pos.character as usize;
        if self.ascii[line] {
            return (start + want).min(end);
        }
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            if units >= want {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        end
    }

    /// Where line `line`'s content ends (before its line break).
    fn line_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line + 1) else {
            return text.len();
        };
        // The line break is what sits just before the next line's start: LF, CRLF or CR.
        let b = text.as_bytes();
        let mut end = next as usize;
        if end > 0 && b[end - 1] == b'\n' {
            end -= 1;
            if end > self.starts[line] as usize && b[end - 1] == b'\r' {
                end -= 1;
            }
        } else if end > 0 && b[end - 1] == b'\r' {
            end -= 1;
        }
        end
    }
}

/// Applies one `didChange` content change: a range replaced, or the whole text.
/// Returns false when the range does not fit the text (the edit is then ignored, and
/// the caller asks for nothing more: the next full change repairs it).
pub(crate) fn apply_change(
    text: &mut String,
    index: &mut LineIndex,
    range: Option<Range>,
    new_text: &str,
    enc: Encoding,
) -> bool {
    match range {
        None => {
            text.clear();
            text.push_str(new_text);
            // Keep the buffer from holding on to a large old capacity forever.
            text.shrink_to(text.len() * 2);
        }
        Some(r) => {
            let start = index.offset(text, r.start, enc);
            let end = index.offset(text, r.end, enc);
            if start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                return false;
            }
            text.replace_range(start..end, new_text);
        }
    }
    *index = LineIndex::new(text);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_cr() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        for (offset, line, ch) in [(0, 0, 0), (2, 1, 0), (5, 2, 0), (7, 3, 0), (8, 3, 1)] {
            assert_eq!(
                idx.position(text, offset, Encoding::Utf16),
                Position::new(line, ch),
                "{offset}"
            );
            assert_eq!(
                idx.offset(text, Position::new(line, ch), Encoding::Utf16),
                offset
            );
        }
        // Past the end of a line: the line's end, before its break.
        assert_eq!(idx.offset(text, Position::new(1, 9), Encoding::Utf16), 3);
        assert_eq!(idx.offset(text, Position::new(2, 9), Encoding::Utf16), 6);
        assert_eq!(idx.offset(text, Position::new(9, 0), Encoding::Utf16), 8);
    }

    #[test]
    fn columns_in_utf16_and_utf8() {
        let text = "\"é😀\"x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x, Encoding::Utf16), Position::new(0, 5));
        assert_eq!(idx.position(text, x, Encoding::Utf8), Position::new(0, 8));
        assert_eq!(idx.offset(text, Position::new(0, 5), Encoding::Utf16), x);
        assert_eq!(idx.offset(text, Position::new(0, 8), Encoding::Utf8), x);
    }

    #[test]
    fn utf16_columns_match_a_scan_of_the_line() {
        let text = "{\"a\": \"é😀x\",\r\n \"日本\": [\"\u{10348}\", \"ü\"]}\n\"z\"";
        let idx = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            // The LF of a CRLF belongs to the line it ends.
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue;
            }
            let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let want: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
            let got = idx.position(text, offset, Encoding::Utf16);
            assert_eq!(got.character as usize, want, "at {offset}");
            assert_eq!(idx.offset(text, got, Encoding::Utf16), offset);
        }
    }

    #[test]
    fn incremental_edits() {
        let mut text = String::from("{\n  \"a\": 1\n}");
        let mut idx = LineIndex::new(&text);
        let r = Range::new(Position::new(1, 7), Position::new(1, 8));
        assert!(apply_change(
            &mut text,
            &mut idx,
            Some(r),
            "\"é\"",
            Encoding::Utf16
        ));
        assert_eq!(text, "{\n  \"a\": \"é\"\n}");
        let r = Range::new(Position::new(1, 9), Position::new(1, 10));
        assert!(apply_change(
            &mut text,
            &mut idx,
            Some(r),
            "",
            Encoding::Utf16
        ));
        assert_eq!(text, "{\n  \"a\": \"é\n}");
    }
}
