/// Converts byte offsets into Meta's positions and back.
///
/// Meta's convention (spec 9.3): lines and columns are 1-based; only LF starts a line, so
/// CRLF is one line break and a lone CR or a TAB is one column; columns count UTF-16 code
/// units, as JavaScript string indices do. A leading UTF-8 BOM is not part of line 1.
///
/// Non-ASCII characters are rare in flows but a minified 5 MB flow is one line, so the
/// index keeps the offsets of non-ASCII characters with prefix sums of their extra width:
/// every conversion is two binary searches, never a scan of the line.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts (line 1 after the BOM, if any).
    line_starts: Vec<u32>,
    /// Offsets of non-ASCII characters, in order.
    wide_offsets: Vec<u32>,
    /// For each non-ASCII char: cumulative (utf8_len - utf16_len) up to and including it.
    extra_utf16: Vec<u32>,
    /// For each non-ASCII char: cumulative (utf8_len - 1) up to and including it.
    extra_chars: Vec<u32>,
    len: u32,
}

/// A 1-based line and 1-based column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut line_starts = vec![first];
        let mut wide_offsets = Vec::new();
        let mut extra_utf16 = Vec::new();
        let mut extra_chars = Vec::new();
        let (mut acc16, mut acc_chars) = (0u32, 0u32);
        let mut i = first as usize;
        while i < bytes.len() {
            // Runs of ASCII without a newline (nearly all of a flow) are skipped a word at
            // a time.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let Ok(word) = <[u8; 8]>::try_from(chunk).map(u64::from_le_bytes) else {
                    break;
                };
                let lf = word ^ 0x0a0a_0a0a_0a0a_0a0a;
                let has_lf = lf.wrapping_sub(0x0101_0101_0101_0101) & !lf & 0x8080_8080_8080_8080;
                if has_lf != 0 || word & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
                i += 1;
            } else if b < 0x80 {
                i += 1;
            } else {
                let width = utf8_width(b);
                acc16 += width as u32 - if width == 4 { 2 } else { 1 };
                acc_chars += width as u32 - 1;
                wide_offsets.push(i as u32);
                extra_utf16.push(acc16);
                extra_chars.push(acc_chars);
                i += width;
            }
        }
        LineIndex {
            line_starts,
            wide_offsets,
            extra_utf16,
            extra_chars,
            len: bytes.len() as u32,
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        let offset = (offset as u32).min(self.len);
        self.line_starts.partition_point(|&s| s <= offset).max(1) as u32
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.line_starts
            .get((line as usize).checked_sub(1)?)
            .map(|&s| s as usize)
    }

    fn extra_before(table: &[u32], offsets: &[u32], offset: u32) -> u32 {
        let n = offsets.partition_point(|&o| o < offset);
        if n == 0 {
            0
        } else {
            table[n - 1]
        }
    }

    fn column_with(&self, offset: usize, table: &[u32]) -> LineCol {
        let offset = (offset as u32).min(self.len);
        let line = self.line(offset as usize);
        let start = self.line_starts[line as usize - 1].min(offset);
        let bytes = offset - start;
        let extra = Self::extra_before(table, &self.wide_offsets, offset)
            - Self::extra_before(table, &self.wide_offsets, start);
        LineCol {
            line,
            column: bytes - extra + 1,
        }
    }

    /// Meta's position: 1-based line, 1-based column in UTF-16 code units.
    pub fn utf16(&self, offset: usize) -> LineCol {
        self.column_with(offset, &self.extra_utf16)
    }

    /// 1-based line, 1-based column in Unicode scalar values (characters).
    pub fn chars(&self, offset: usize) -> LineCol {
        self.column_with(offset, &self.extra_chars)
    }

    /// 1-based line, 1-based column in UTF-8 bytes (what codespan, rustc and SARIF
    /// tools with `columnKind: utf8` expect... SARIF's default is UTF-16, like Meta).
    pub fn utf8(&self, offset: usize) -> LineCol {
        let offset = (offset as u32).min(self.len);
        let line = self.line(offset as usize);
        let start = self.line_starts[line as usize - 1].min(offset);
        LineCol {
            line,
            column: offset - start + 1,
        }
    }

    /// Meta's inclusive range for a token `start..end`: the start position and the
    /// position of the token's last UTF-16 code unit.
    pub fn utf16_range(&self, start: usize, end: usize) -> (LineCol, LineCol) {
        let first = self.utf16(start);
        if end <= start {
            return (first, first);
        }
        let after = self.utf16(end);
        // `end` can sit just after a newline only for spans that end in one; tokens never
        // do, but keep the inclusive end on the last character's line regardless.
        let last_line = self.line(end - 1);
        if after.line == last_line {
            (
                first,
                LineCol {
                    line: last_line,
                    column: after.column - 1,
                },
            )
        } else {
            let last = self.utf16(end - 1);
            (first, last)
        }
    }

    /// Byte offset of a 1-based (line, UTF-16 column), the inverse of [`Self::utf16`].
    pub fn offset_of_utf16(&self, text: &str, pos: LineCol) -> Option<usize> {
        let start = self.line_start(pos.line)?;
        let end = self.line_start(pos.line + 1).unwrap_or(text.len());
        let mut units = 1u32;
        for (i, c) in text.get(start..end)?.char_indices() {
            if units >= pos.column {
                return Some(start + i);
            }
            units += c.len_utf16() as u32;
        }
        (units == pos.column).then_some(end)
    }
}

fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_positions() {
        let text = "{\n  \"a\": 1\n}";
        let idx = LineIndex::new(text);
        assert_eq!(idx.utf16(0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.utf16(4), LineCol { line: 2, column: 3 });
        let (s, e) = idx.utf16_range(4, 7);
        assert_eq!((s.line, s.column, e.line, e.column), (2, 3, 2, 5));
    }

    #[test]
    fn crlf_is_one_break_and_cr_alone_is_a_column() {
        let text = "{\r\n\"a\"\r:1}";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 2);
        assert_eq!(idx.utf16(3), LineCol { line: 2, column: 1 });
        assert_eq!(idx.utf16(7), LineCol { line: 2, column: 5 });
    }

    #[test]
    fn columns_in_utf16_chars_and_bytes() {
        // 'é' is 2 bytes / 1 unit; '😀' is 4 bytes / 2 units / 1 char.
        let text = "\"é😀\"x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.utf16(x).column, 6);
        assert_eq!(idx.chars(x).column, 5);
        assert_eq!(idx.utf8(x).column, 9);
        let (_, end) = idx.utf16_range(0, x);
        assert_eq!(end.column, 5);
        assert_eq!(idx.offset_of_utf16(text, idx.utf16(x)), Some(x));
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}{}";
        let idx = LineIndex::new(text);
        assert_eq!(idx.utf16(3), LineCol { line: 1, column: 1 });
    }
}
