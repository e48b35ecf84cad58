//! The document stage: bytes -> text -> span tree, and the findings of each step
//! (size, encoding, syntax, duplicate keys). Meta's order (spec 0): parse, then size; we
//! check the size first so a 2 GB file is never parsed, and say so in the docs.

use crate::catalog::limits::MAX_FLOW_JSON_BYTES;
use crate::finding::Pointer;
use crate::fix::{Edit, Fix};
use crate::locate::Locator;
use crate::rule::{declare_rule, RuleMeta};
use crate::sink::Sink;
use crate::syntax::{self, Arena, LineIndex, Node, ParseOptions, Parsed, Span, Value};

declare_rule! {
    pub(crate) INVALID_UTF8 {
        code: "invalid-utf8",
        error: "INVALID_FLOW_JSON",
        summary: "The file is not valid UTF-8.",
        doc: "Meta reads Flow JSON as UTF-8 (its size limit counts UTF-8 bytes, spec 10) and \
              refuses a document it cannot decode as INVALID_FLOW_JSON. The finding gives the byte \
              offset of the first bad byte and the line and column where the valid text ends. \
              Meta's builder never sees bytes (it validates a JavaScript string), so its records of \
              such files (invalid-utf8_*) judge a decoded copy and pass; the docs define the \
              document and its 10 MB limit in UTF-8, and waflow keeps the rule. Fix: re-save the file as UTF-8 (files saved as UTF-16 are recognised by their byte \
              order mark and named as such).",
    }
}

declare_rule! {
    pub(crate) FLOW_JSON_TOO_LARGE {
        code: "flow-json-too-large",
        error: "INVALID_FLOW_JSON",
        summary: "The Flow JSON is larger than Meta's 10 MB limit.",
        doc: "Meta refuses Flow JSON over 10 MB, where 1 MB is 1,048,576 bytes: 10,485,760 UTF-8 \
              bytes [D][B][A] (spec 10). Its message states by how many bytes the limit is \
              exceeded; so does ours. The document is not parsed further. Fix: move large data \
              (images, long lists) to your endpoint's responses.",
    }
}

declare_rule! {
    pub(crate) TOO_MANY_FINDINGS {
        code: "too-many-findings",
        error: "WAFLOW_TOO_MANY_FINDINGS",
        severity: Warning,
        summary: "The report was cut at the caller's cap on findings.",
        doc: "Not a Meta rule: a caller may cap how many findings one run collects \
              (`Options::max_findings` or `waflow check --max-findings`, default 100,000), so \
              a pathological document can't make a run or a report of unbounded size. Findings are counted as they are made, \
              before those with one message are merged into one with several places (else a \
              million identical faults would be one finding of a million places, under any \
              cap); once the cap is reached the rest are only counted. This warning says how \
              many were left out. Fix: correct the first findings and validate again.",
    }
}

declare_rule! {
    pub(crate) INVALID_JSON {
        code: "invalid-json",
        error: "INVALID_FLOW_JSON",
        fix: Safe("Remove a trailing comma or a comment"),
        summary: "The Flow JSON is not valid JSON.",
        doc: "Meta parses Flow JSON with a strict JSON parser and answers INVALID_FLOW_JSON at \
              0,0,0,0 when it fails (spec 0, step 1). waflow reports the position of the actual \
              fault and names it: raw control characters inside strings (a real line break in a \
              text), trailing commas, comments, single quotes, NaN/Infinity, unquoted keys, bad \
              escapes, unpaired surrogates, leading zeros, content after the document, nesting \
              deeper than 127 levels (waflow's guard, not a limit Meta documents: serde_json's \
              default; a caller may move it with `Options::max_depth` or `waflow check \
              --max-depth`). Fix: what the message says, at the position given.",
    }
}

declare_rule! {
    /// Meta has no code for this: JSON.parse accepts duplicate keys and keeps the last
    /// value. The finding is a waflow warning and never goes into validationErrors.
    pub(crate) DUPLICATE_KEY {
        code: "duplicate-key",
        error: "WAFLOW_DUPLICATE_KEY",
        severity: Warning,
        fix: Unsafe("Remove the earlier occurrences, keeping the last as Meta does"),
        summary: "A key appears twice in one object; Meta silently keeps only the last value.",
        doc: "JSON parsers, Meta's included, accept an object with a repeated key and keep the \
              last value, so the first one is silently ignored: almost always an editing mistake \
              (a property pasted twice, two `children` lists). Not a Meta error, so a warning \
              with the Meta-style code WAFLOW_DUPLICATE_KEY; both positions are given. Fix: \
              delete one of the two, or merge them. The fix (on the finding at the last \
              occurrence) deletes the earlier ones, keeping the value Meta reads; unsafe, \
              since the author may have meant an earlier one.",
    }
}

declare_rule! {
    /// Meta has no code for this: the builder (JavaScript) accepts the escape.
    pub(crate) LONE_SURROGATE {
        code: "lone-surrogate",
        error: "WAFLOW_LONE_SURROGATE",
        severity: Warning,
        summary: "A `\\u` escape is half of a UTF-16 surrogate pair.",
        doc: "JSON's grammar allows a `\\uD800`-`\\uDFFF` escape on its own and JavaScript keeps it, so \
              Meta's builder accepts the flow (conformance record invalid-json_invalid-lone-surrogate); \
              but half a pair is no character: the phone shows a replacement mark or nothing. waflow \
              reads it as U+FFFD and warns (code WAFLOW_LONE_SURROGATE: not a Meta error). Fix: write \
              the character itself, or both halves of the pair (an emoji is `\\uD83D\\uDE00`).",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(crate) static RULES: &[&RuleMeta] = &[
    &INVALID_UTF8,
    &FLOW_JSON_TOO_LARGE,
    &TOO_MANY_FINDINGS,
    &INVALID_JSON,
    &DUPLICATE_KEY,
    &LONE_SURROGATE,
];

/// What the document stage hands on: the text (when it decoded) and the span tree (when
/// it parsed).
pub(crate) struct Document<'s> {
    pub loc: Locator<'s>,
    pub parsed: Option<Parsed<'s>>,
}

/// How much of the input was seen: readers stop at a cap, so the length can be a floor.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Size {
    pub bytes: u64,
    pub complete: bool,
}

pub(crate) fn check_size(size: Size, limit: usize, out: &mut Sink<'_>) -> bool {
    if size.bytes <= limit as u64 {
        return true;
    }
    let over = size.bytes - limit as u64;
    let unit = if over == 1 { "byte" } else { "bytes" };
    let limit_text = if limit == MAX_FLOW_JSON_BYTES {
        format!("Meta's limit of {} bytes (10 MB)", thousands(limit as u64))
    } else {
        format!("the limit of {} bytes", thousands(limit as u64))
    };
    let message = if size.complete {
        format!(
            "The Flow JSON is {} bytes: {} {unit} over {limit_text}",
            thousands(size.bytes),
            thousands(over)
        )
    } else {
        format!(
            "The Flow JSON is more than {} bytes: at least {} {unit} over {limit_text} (reading stopped there)",
            thousands(size.bytes),
            thousands(over)
        )
    };
    let mut f = FLOW_JSON_TOO_LARGE.finding(message);
    f.help =
        Some("Move large data (images, long option lists) into your endpoint's responses".into());
    out.push(f);
    false
}

/// Bytes -> text. On invalid UTF-8, a finding at the first bad byte.
pub(crate) fn decode<'b>(bytes: &'b [u8], out: &mut Sink<'_>) -> Option<&'b str> {
    let err = match std::str::from_utf8(bytes) {
        Ok(text) => return Some(text),
        Err(err) => err,
    };
    let at = err.valid_up_to();
    let bad = err.error_len().unwrap_or(bytes.len() - at);
    let message = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        "The file is encoded as UTF-16 (it starts with a UTF-16 byte order mark): Flow JSON must be UTF-8; re-save the file as UTF-8".to_owned()
    } else {
        let shown: Vec<String> = bytes[at..at + bad]
            .iter()
            .map(|b| format!("0x{b:02X}"))
            .collect();
        let what = if err.error_len().is_none() {
            "an incomplete UTF-8 sequence at the end of the file"
        } else {
            "a byte sequence that is not UTF-8"
        };
        format!(
            "Invalid UTF-8 at byte offset {at}: {what} ({}); Flow JSON must be UTF-8, re-save the file as UTF-8",
            shown.join(" ")
        )
    };
    // The valid prefix is text: its line index gives the line and column of the fault.
    let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let index = LineIndex::new(prefix);
    let pos = index.utf16(at);
    let mut f = INVALID_UTF8.finding(message);
    f.pointers.push(Pointer {
        line_start: pos.line,
        line_end: pos.line,
        column_start: pos.column,
        column_end: pos.column,
        path: String::new(),
        span: Some(Span::new(at, at + bad)),
        focus: None,
    });
    out.push(f);
    None
}

/// Text -> span tree, with syntax faults and duplicate keys as findings.
pub(crate) fn parse<'s>(
    text: &'s str,
    arena: &'s Arena,
    max_depth: usize,
    out: &mut Sink<'_>,
) -> Document<'s> {
    let loc = Locator::new(text);
    let options = ParseOptions {
        max_depth,
        max_duplicate_keys: out.left(),
    };
    let parsed = match syntax::parse(text, arena, &options) {
        Ok(parsed) => {
            out.drop_uncollected(parsed.more_duplicate_keys);
            let mut repeats = Repeats::default();
            for dup in &parsed.duplicate_keys {
                if !out.take() {
                    continue;
                }
                let first = loc.index().utf16(dup.first.start as usize);
                let mut f = DUPLICATE_KEY.finding(format!(
                    "Duplicate key '{}': it already appears at line {}, column {} of the same object; Meta keeps only this last value and ignores the first",
                    dup.name, first.line, first.column
                ));
                f.help = Some("Delete one of the two, or merge them into one".into());
                let path = dup.object.key(&dup.name);
                f.pointers.push(loc.pointer(dup.duplicate, &path));
                f.pointers.push(loc.pointer(dup.first, &path));
                f.fixes.extend(repeats.keep_last(&parsed.root, dup));
                out.push_taken(f);
            }
            for &at in &parsed.lone_surrogates {
                let mut f = LONE_SURROGATE.finding(format!(
                    "'{}' is half of a UTF-16 surrogate pair; it is no character and reads as U+FFFD",
                    &loc.text()[at.start as usize..at.end as usize]
                ));
                f.help = Some("Write the character itself, or both halves of its pair".into());
                f.pointers
                    .push(loc.pointer(at, &syntax::path_to(&parsed.root, at)));
                out.push(f);
            }
            Some(parsed)
        }
        Err(err) => {
            let mut f = INVALID_JSON.finding(err.kind.to_string());
            if matches!(err.kind, syntax::ParseErrorKind::TooDeep { .. }) {
                // The depth limit is waflow's guard, not Meta's rule: say who sets it.
                f.help = Some(
                    "Flatten the document (real flows nest about 15 levels); the limit is the \
                     caller's (`Options::max_depth`, `waflow check --max-depth`)"
                        .into(),
                );
            }
            f.pointers.push(loc.pointer(err.span, &err.path));
            f.fixes.extend(syntax_fix(text, &err));
            out.push(f);
            None
        }
    };
    Document { loc, parsed }
}

/// The safe fix of a syntax fault a JSON5-minded editor leaves behind: a trailing comma
/// (deleted) or a comment (deleted, with its line when it stands alone). The parser stops
/// at the first fault, so the next one is fixed in the next round.
fn syntax_fix(text: &str, err: &syntax::ParseError) -> Option<Fix> {
    let at = err.span.start as usize;
    match err.kind {
        syntax::ParseErrorKind::TrailingComma { .. } => Some(Fix::safe(
            "Remove the trailing comma",
            vec![Edit::delete(err.span)],
        )),
        syntax::ParseErrorKind::Comment => {
            let rest = &text[at..];
            let len = if rest.starts_with("/*") {
                rest.find("*/")? + 2
            } else {
                rest.find(['\n', '\r']).unwrap_or(rest.len())
            };
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..at];
            let after = &text[at + len..];
            let (start, end) = if before.trim().is_empty() && after.starts_with(['\n', '\r']) {
                // A comment on a line of its own: the whole line goes.
                let newline = if after.starts_with("\r\n") { 2 } else { 1 };
                (line_start, at + len + newline)
            } else {
                // After code: the comment and the blanks before it.
                (at - (before.len() - before.trim_end().len()), at + len)
            };
            Some(Fix::safe(
                "Remove the comment",
                vec![Edit::delete(Span::new(start, end))],
            ))
        }
        _ => None,
    }
}

/// The objects with repeated keys, each indexed once (name -> member indices), so a
/// file of many duplicates costs one pass per object.
#[derive(Default)]
struct Repeats<'s> {
    objects: foldhash::HashMap<u32, (Node<'s>, foldhash::HashMap<&'s str, Vec<usize>>)>,
}

impl<'s> Repeats<'s> {
    /// Unsafe (the author may have meant an earlier value): on the finding at the last
    /// occurrence of a repeated key, the earlier occurrences removed, keeping the value
    /// Meta's JSON.parse keeps. The findings at other occurrences propose nothing (one fix
    /// per key, not one per pair).
    fn keep_last(&mut self, root: &Node<'s>, dup: &syntax::DuplicateKey) -> Option<Fix> {
        let object = holder(root, dup.duplicate)?;
        let (object, names) = self.objects.entry(object.span.start).or_insert_with(|| {
            let mut names: foldhash::HashMap<&'s str, Vec<usize>> = Default::default();
            for (i, m) in object.as_object().unwrap_or_default().iter().enumerate() {
                names.entry(m.key.name).or_default().push(i);
            }
            names.retain(|_, at| at.len() > 1);
            (object, names)
        });
        let members = object.as_object()?;
        let (last, earlier) = names.get(dup.name.as_str())?.split_last()?;
        if members[*last].key.span != dup.duplicate {
            return None;
        }
        Some(Fix::r#unsafe(
            format!("Remove the earlier '{}', keeping this last value", dup.name),
            crate::edits::remove(object, earlier),
        ))
    }
}

/// The object one of whose keys is the token at `key`, found by descending through the
/// containers that enclose it (members and elements are in source order: binary search).
fn holder<'s>(root: &Node<'s>, key: Span) -> Option<Node<'s>> {
    let mut node = *root;
    loop {
        match node.value {
            Value::Object(members) => {
                let i = members.partition_point(|m| m.key.span.start < key.start);
                if members.get(i).is_some_and(|m| m.key.span == key) {
                    return Some(node);
                }
                node = members.get(i.checked_sub(1)?)?.value;
            }
            Value::Array(items) => {
                let i = items.partition_point(|n| n.span.start <= key.start);
                node = *items.get(i.checked_sub(1)?)?;
            }
            _ => return None,
        }
        if !(node.span.start <= key.start && key.end <= node.span.end) {
            return None;
        }
    }
}

/// `n` with thousands separators (`1,048,576`), as waflow's messages write sizes; the CLI
/// writes its own limits the same way.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(10_485_760), "10,485,760");
    }
}
