//! Tokens of spec 6.4. Offsets are bytes of the decoded string, relative to its start.

use std::ops::Range;

use super::{BinOp, ExprError, Ref, Source};

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok<'e> {
    Ref(Ref<'e>),
    Str,
    Num,
    Bool,
    Op(BinOp),
    Not,
    Open,
    Close,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Token<'e> {
    pub tok: Tok<'e>,
    pub range: Range<usize>,
}

/// Splits `src` (the text between the backticks, or a whole condition) into tokens.
/// `base` is the offset of `src` in the string value, so ranges are string offsets.
pub(super) fn tokens(src: &str, base: usize) -> Result<Vec<Token<'_>>, ExprError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |range: Range<usize>, message: String| ExprError {
        range: base + range.start..base + range.end,
        message,
    };
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let single = |tok| (tok, 1);
        let (tok, len) = match b {
            // Meta deletes every `}` of an expression before parsing it.
            b' ' | b'\t' | b'\n' | b'\r' | b'}' => {
                i += 1;
                continue;
            }
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                let (r, len) = reference(&src[i..], base + i)?;
                (Tok::Ref(r), len)
            }
            b'\'' => {
                let mut j = i + 1;
                loop {
                    match bytes.get(j) {
                        None => {
                            return Err(err(
                                start..bytes.len(),
                                "missing closing quote: a text literal opened here never ends"
                                    .into(),
                            ))
                        }
                        Some(b'\\') => j += 2,
                        Some(b'\'') => break,
                        Some(_) => j += 1,
                    }
                }
                (Tok::Str, j + 1 - i)
            }
            b'0'..=b'9' => {
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'.') {
                    j += 1;
                    let frac = j;
                    while j < bytes.len() && bytes[j].is_ascii_digit() {
                        j += 1;
                    }
                    if j == frac {
                        return Err(err(
                            start..j,
                            "invalid literal: a number can't end with '.'".into(),
                        ));
                    }
                }
                let int = &src[i..j];
                if int.len() > 1 && int.starts_with('0') && !int.starts_with("0.") {
                    return Err(err(
                        start..j,
                        format!("invalid literal: number '{int}' has a leading zero"),
                    ));
                }
                if bytes
                    .get(j)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
                {
                    return Err(err(
                        start..j + 1,
                        "invalid literal: a letter follows a number".into(),
                    ));
                }
                (Tok::Num, j - i)
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let mut j = i;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                    j += 1;
                }
                match &src[i..j] {
                    "true" | "false" => (Tok::Bool, j - i),
                    word => {
                        return Err(err(
                            start..j,
                            format!(
                                "invalid operand '{word}': write text in single quotes ('{word}') or a reference as ${{data.{word}}}"
                            ),
                        ))
                    }
                }
            }
            b'(' => single(Tok::Open),
            b')' => single(Tok::Close),
            b'!' if bytes.get(i + 1) == Some(&b'=') => (Tok::Op(BinOp::Ne), 2),
            b'!' => single(Tok::Not),
            b'=' if bytes.get(i + 1) == Some(&b'=') => (Tok::Op(BinOp::Eq), 2),
            b'<' if bytes.get(i + 1) == Some(&b'=') => (Tok::Op(BinOp::Le), 2),
            b'>' if bytes.get(i + 1) == Some(&b'=') => (Tok::Op(BinOp::Ge), 2),
            b'&' if bytes.get(i + 1) == Some(&b'&') => (Tok::Op(BinOp::And), 2),
            b'|' if bytes.get(i + 1) == Some(&b'|') => (Tok::Op(BinOp::Or), 2),
            b'<' => single(Tok::Op(BinOp::Lt)),
            b'>' => single(Tok::Op(BinOp::Gt)),
            b'+' => single(Tok::Op(BinOp::Add)),
            b'-' => single(Tok::Op(BinOp::Sub)),
            b'*' => single(Tok::Op(BinOp::Mul)),
            b'/' => single(Tok::Op(BinOp::Div)),
            b'%' => single(Tok::Op(BinOp::Rem)),
            b'=' | b'&' | b'|' => {
                let op = &src[i..i + 1];
                return Err(err(
                    start..start + 1,
                    format!("invalid operator '{op}': did you mean '{op}{op}'?"),
                ));
            }
            _ => {
                let c = src[i..].chars().next().unwrap_or('?');
                return Err(err(
                    start..start + c.len_utf8(),
                    format!("unexpected character '{c}'"),
                ));
            }
        };
        out.push(Token {
            tok,
            range: base + start..base + start + len,
        });
        i += len;
    }
    Ok(out)
}

/// Parses the `${...}` at the start of `s` (spec 6.1; [B]'s binding pattern
/// `^\$\{(screen\.([a-zA-Z,_]*)\.)?(data|form)(\.[\w-]+)+\}$`). Returns it and its length.
pub(crate) fn reference(s: &str, base: usize) -> Result<(Ref<'_>, usize), ExprError> {
    // Meta's builder turns `${data` into a member path and deletes every `}` before
    // parsing, so a reference whose `}` is missing still reads as the path it names
    // (conformance: the mutated *__broken_expression__* flows pass). Such a reference ends
    // where its name characters end; it is marked unclosed for a warning.
    let name_end = s[2..]
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ',')))
        .map_or(s.len(), |i| i + 2);
    let closed = s[name_end..].starts_with('}');
    // The end of the whole reference: past its `}` when there is one.
    let end = name_end + usize::from(closed);
    let body = &s[2..name_end];
    let err = |range: Range<usize>, message: String| ExprError {
        range: base + range.start..base + range.end,
        message,
    };
    // Segments with their offsets in `s`.
    let mut segs: Vec<(&str, Range<usize>)> = Vec::new();
    let mut at = 2;
    for part in body.split('.') {
        segs.push((part, at..at + part.len()));
        at += part.len() + 1;
    }
    let mut rest = &segs[..];
    let mut screen = None;
    if rest.first().is_some_and(|(p, _)| *p == "screen") {
        let Some((id, r)) = rest.get(1) else {
            return Err(err(
                0..end,
                "a ${screen...} reference needs a screen id: ${screen.SCREEN_ID.data.field}".into(),
            ));
        };
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b',')
        {
            return Err(err(
                r.clone(),
                format!("'{id}' is not a screen id (letters and underscores)"),
            ));
        }
        screen = Some((*id, base + r.start..base + r.end));
        rest = &rest[2..];
    }
    let source = match rest.first() {
        Some(("data", _)) => Source::Data,
        Some(("form", _)) => Source::Form,
        Some((other, r)) => {
            return Err(err(
                if other.is_empty() { 0..end } else { r.clone() },
                format!("a reference reads 'data' or 'form', not '{other}': ${{data.field}}, ${{form.input}} or ${{screen.ID.data.field}}"),
            ))
        }
        None => return Err(err(0..end, "a reference reads 'data' or 'form'".into())),
    };
    let path = &rest[1..];
    if path.is_empty() {
        return Err(err(
            0..end,
            format!("${{{}}} names no field: write ${{{}.name}}", body, body),
        ));
    }
    let mut fields = Vec::with_capacity(path.len());
    for (name, r) in path {
        let ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !ok {
            return Err(err(
                if name.is_empty() {
                    r.start.saturating_sub(1)..r.start
                } else {
                    r.clone()
                },
                format!("'{name}' is not a field name: use letters, digits, '_' or '-'"),
            ));
        }
        fields.push((*name, base + r.start..base + r.end));
    }
    Ok((
        Ref {
            screen,
            source,
            path: fields,
            range: base..base + end,
            closed,
        },
        end,
    ))
}
