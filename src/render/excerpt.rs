//! The source a code frame shows: only the lines its labels are on, and a long line cut
//! to windows around its labels.
//!
//! Why: a minified flow is one line. Handed the whole text, codespan reprinted that line
//! for every finding (a 1 MB line a thousand times is a gigabyte of output) and its caret
//! layout grows with labels times line length (400 findings merged on one 3.8 MB line
//! took 4.6 s, 2,000 took nine minutes). A frame now costs what it shows. Line numbers
//! and the header's column stay those of the real text (codespan's character columns),
//! through codespan's `Files` trait.
//!
//! The shown text is escaped for the terminal (`terminal::escape_lines`): a flow may hold
//! a raw CR, a C1 control or a bidi override (all legal in JSON strings or whitespace),
//! and a code frame must not let them rewrite what the user sees. Label ranges are moved
//! into the escaped text, so carets stay under what they point at.

use std::collections::HashMap;
use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::terminal::escape_lines;

/// Lines longer than this (bytes) are cut to windows.
const LONG_LINE: usize = 240;
/// Bytes shown on each side of a label on a cut line.
const CONTEXT: usize = 40;
/// A label longer than this (bytes) is shown by its start on a cut line.
const LONG_LABEL: usize = 80;
const ELLIPSIS: &str = "…";

/// Where each line of the real text starts, built once per file.
pub(crate) struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Lines { text, starts }
    }

    fn index_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The line's bytes without its line break.
    fn range(&self, index: usize) -> Range<usize> {
        let start = self.starts[index];
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    fn is_long(&self, index: usize) -> bool {
        self.range(index).len() > LONG_LINE
    }

    /// The character column (1-based) of each offset, one pass per long line however
    /// many offsets it holds. Offsets on short lines are counted when a frame is built.
    pub fn long_line_columns(&self, offsets: impl Iterator<Item = usize>) -> Columns {
        let mut on_long: Vec<usize> = offsets
            .filter(|&o| o <= self.text.len() && self.is_long(self.index_of(o)))
            .collect();
        on_long.sort_unstable();
        on_long.dedup();
        let mut columns = HashMap::with_capacity(on_long.len());
        let (mut line, mut at, mut chars) = (usize::MAX, 0, 0);
        for offset in on_long {
            let index = self.index_of(offset);
            if index != line {
                (line, at, chars) = (index, self.starts[index], 0);
            }
            chars += self.text[at..offset].chars().count();
            at = offset;
            columns.insert(offset, chars + 1);
        }
        Columns(columns)
    }
}

/// Character columns of label starts on long lines (`Lines::long_line_columns`).
pub(crate) struct Columns(HashMap<usize, usize>);

/// One shown line: its real index, where it sits in the excerpt, and the pieces of the
/// real line it shows (real range, excerpt offset).
struct Shown {
    index: usize,
    range: Range<usize>,
    pieces: Vec<(Range<usize>, usize)>,
}

/// The lines one frame shows; implements `Files` with the real line numbers.
pub(crate) struct Excerpt<'a> {
    name: &'a str,
    text: String,
    lines: Vec<Shown>,
    /// Label starts (excerpt offsets) and their real character columns.
    columns: Vec<(usize, usize)>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt showing `labels` (real byte ranges on one line each, on char
    /// boundaries), and the labels moved into it.
    pub fn new(
        name: &'a str,
        lines: &Lines<'_>,
        long_columns: &Columns,
        labels: &[Range<usize>],
    ) -> (Self, Vec<Range<usize>>) {
        let text = lines.text;
        let mut wanted: Vec<usize> = labels.iter().map(|l| lines.index_of(l.start)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        // codespan prints the line between two label lines one apart instead of a break.
        let between: Vec<usize> = wanted
            .windows(2)
            .filter(|w| w[1] == w[0] + 2)
            .map(|w| w[0] + 1)
            .collect();
        wanted.extend(between);
        wanted.sort_unstable();

        let mut ex = Excerpt {
            name,
            text: String::new(),
            lines: Vec::with_capacity(wanted.len()),
            columns: Vec::with_capacity(labels.len()),
        };
        for index in wanted {
            let line = lines.range(index);
            let windows = if line.len() <= LONG_LINE {
                vec![line.clone()]
            } else {
                windows(text, &line, labels)
            };
            let start = ex.text.len();
            let mut pieces = Vec::with_capacity(windows.len());
            for (i, w) in windows.iter().enumerate() {
                if i == 0 && w.start > line.start {
                    ex.text.push_str(ELLIPSIS);
                } else if i > 0 {
                    ex.text.push(' ');
                    ex.text.push_str(ELLIPSIS);
                    ex.text.push(' ');
                }
                pieces.push((w.clone(), ex.text.len()));
                ex.text.push_str(&escape_lines(&text[w.clone()]));
            }
            if windows.last().is_some_and(|w| w.end < line.end) {
                ex.text.push_str(ELLIPSIS);
            }
            ex.lines.push(Shown {
                index,
                range: start..ex.text.len(),
                pieces,
            });
            ex.text.push('\n');
        }

        let moved = labels
            .iter()
            .map(|l| {
                let shown = &ex.lines[ex.shown(lines.index_of(l.start)).unwrap_or(0)];
                let long = shown.pieces.len() > 1 || lines.is_long(shown.index);
                let end = if long {
                    l.end.min(l.start + LONG_LABEL)
                } else {
                    l.end
                };
                let (piece, at) = shown
                    .pieces
                    .iter()
                    .find(|(p, _)| p.start <= l.start && l.start <= p.end)
                    .cloned()
                    .unwrap_or((l.start..l.start, shown.range.start));
                // Offsets in the piece, counted in its escaped (shown) text.
                let shown_len = |upto: usize| escape_lines(&text[piece.start..upto]).len();
                let start = at + shown_len(l.start);
                let end = at + shown_len(floor_boundary(text, end.min(piece.end)).max(l.start));
                let column = if long {
                    long_columns.0.get(&l.start).copied().unwrap_or(1)
                } else {
                    text[lines.range(shown.index).start..l.start]
                        .chars()
                        .count()
                        + 1
                };
                (start..end, column)
            })
            .collect::<Vec<_>>();
        ex.columns = moved.iter().map(|(r, c)| (r.start, *c)).collect();
        (ex, moved.into_iter().map(|(r, _)| r).collect())
    }

    fn shown(&self, index: usize) -> Option<usize> {
        self.lines.binary_search_by_key(&index, |s| s.index).ok()
    }
}

/// The windows of a long line around the labels on it, merged where they touch.
fn windows(text: &str, line: &Range<usize>, labels: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = labels
        .iter()
        .filter(|l| line.start <= l.start && l.start <= line.end)
        .map(|l| {
            let end = l.end.min(l.start + LONG_LABEL).min(line.end);
            floor_boundary(text, l.start.saturating_sub(CONTEXT).max(line.start))
                ..ceil_boundary(text, (end + CONTEXT).min(line.end))
        })
        .collect();
    if out.is_empty() {
        // A line shown only because it sits between two label lines.
        let head = line.start..floor_boundary(text, (line.start + 2 * CONTEXT).min(line.end));
        return vec![head];
    }
    out.sort_unstable_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for w in out {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
}

/// `i` moved back to a character boundary of `text` (and into it).
pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `i` moved forward to a character boundary of `text` (and into it).
pub(super) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        let at = self
            .lines
            .partition_point(|s| s.range.start <= byte_index)
            .saturating_sub(1);
        self.lines
            .get(at)
            .map(|s| s.index)
            .ok_or(Error::FileMissing)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(line_index + 1)
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        if let Some(&(_, column)) = self.columns.iter().find(|(at, _)| *at == byte_index) {
            return Ok(column);
        }
        let range = self.line_range((), line_index)?;
        let upto = byte_index.clamp(range.start, range.end);
        Ok(self
            .text
            .get(range.start..upto)
            .map_or(0, |s| s.chars().count())
            + 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        self.shown(line_index)
            .map(|i| self.lines[i].range.clone())
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.lines.last().map_or(0, |s| s.index),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt<'a>(text: &'a str, labels: &[Range<usize>]) -> (Excerpt<'a>, Vec<Range<usize>>) {
        let lines = Lines::new(text);
        let columns = lines.long_line_columns(labels.iter().map(|l| l.start));
        Excerpt::new("f.json", &lines, &columns, labels)
    }

    fn at(text: &str, needle: &str) -> Range<usize> {
        let start = text.find(needle).expect("needle in text");
        start..start + needle.len()
    }

    #[test]
    fn short_lines_are_shown_whole_with_their_real_numbers() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
        let label = at(text, "\"b\"");
        let (ex, moved) = excerpt(text, std::slice::from_ref(&label));
        assert_eq!(&ex.text[moved[0].clone()], "\"b\"");
        assert_eq!(ex.text, "  \"b\": 2\n");
        let loc = ex.location((), moved[0].start).unwrap();
        assert_eq!((loc.line_number, loc.column_number), (3, 3));
    }

    #[test]
    fn a_long_line_is_cut_around_each_label_and_keeps_real_columns() {
        // Multi-byte characters before the label: the column counts characters.
        let text = format!(
            "{}\"k\":1,{}\"z\":2{}",
            "é".repeat(300),
            "x".repeat(500),
            "y".repeat(300)
        );
        let (k, z) = (at(&text, "\"k\""), at(&text, "\"z\""));
        let (ex, moved) = excerpt(&text, &[k.clone(), z.clone()]);
        assert_eq!(&ex.text[moved[0].clone()], "\"k\"");
        assert_eq!(&ex.text[moved[1].clone()], "\"z\"");
        assert!(ex.text.len() < 400, "{} bytes shown", ex.text.len());
        assert!(ex.text.starts_with(ELLIPSIS) && ex.text.trim_end().ends_with(ELLIPSIS));
        assert!(ex.text.contains(" … "), "two windows: {}", ex.text);
        let loc = |r: &Range<usize>| ex.location((), r.start).unwrap().column_number;
        assert_eq!(loc(&moved[0]), 301);
        assert_eq!(loc(&moved[1]), text[..z.start].chars().count() + 1);
    }

    #[test]
    fn a_long_label_on_a_long_line_is_shown_by_its_start() {
        let text = format!("[\"{}\"]", "x".repeat(10_000));
        let string = 1..text.len() - 1;
        let (ex, moved) = excerpt(&text, std::slice::from_ref(&string));
        assert_eq!(moved[0].len(), LONG_LABEL);
        assert!(ex.text.len() < LONG_LABEL + 2 * CONTEXT + 10);
    }

    #[test]
    fn the_line_between_two_label_lines_one_apart_is_available() {
        let text = "a\nb\nc\n";
        let (ex, moved) = excerpt(text, &[0..1, 4..5]);
        assert_eq!(ex.text, "a\nb\nc\n");
        assert_eq!(ex.line_range((), 1).ok().map(|r| &ex.text[r]), Some("b"));
        assert_eq!(ex.location((), moved[1].start).unwrap().line_number, 3);
        assert!(ex.line_range((), 3).is_err());
    }

    #[test]
    fn control_and_bidi_characters_are_shown_escaped_and_labels_follow() {
        // A lone CR is JSON whitespace; U+202E and U+009B are legal inside strings.
        let text = "{\"a\":\r 1, \"\u{202e}b\u{9b}\": 2}\n";
        let label = at(text, "\"\u{202e}b\u{9b}\"");
        let (ex, moved) = excerpt(text, std::slice::from_ref(&label));
        assert_eq!(ex.text, "{\"a\":\\r 1, \"\\u{202e}b\\u{9b}\": 2}\n");
        assert_eq!(&ex.text[moved[0].clone()], "\"\\u{202e}b\\u{9b}\"");
        // The header's column is the real one, counted in the file's characters.
        let loc = ex.location((), moved[0].start).unwrap();
        assert_eq!(loc.column_number, text[..label.start].chars().count() + 1);
    }

    #[test]
    fn crlf_line_breaks_are_not_shown() {
        let text = "{\r\n  \"a\": 1\r\n}";
        let (ex, _) = excerpt(text, &[at(text, "\"a\"")]);
        assert_eq!(ex.text, "  \"a\": 1\n");
    }
}
