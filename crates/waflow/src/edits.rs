//! Edits of JSON text that keep the author's layout: removing members and elements with
//! their separating comma, inserting members and elements indented like their siblings,
//! and writing new values in the file's own style. Rules build their fixes from these, so
//! each fix touches only the bytes it must.

use crate::fix::Edit;
use crate::syntax::{Node, Span, Value};

/// A JSON value to write into a file: objects keep the order they are built in (a Footer
/// reads `type`, `label`, `on-click-action`, not alphabetically).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    /// Written as is: a number, `true`, or JSON text taken from the file.
    Raw(String),
    /// A string, quoted and escaped.
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub(crate) fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    pub(crate) fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The value written at indentation `indent` (the indentation of the line it starts
    /// on), nesting by `style.unit`; on one line when the style is compact.
    pub(crate) fn render(&self, style: &Style, indent: &str) -> String {
        let mut out = String::new();
        self.write(style, indent, &mut out);
        out
    }

    fn write(&self, style: &Style, indent: &str, out: &mut String) {
        let (open, close, empty) = match self {
            Json::Raw(raw) => return out.push_str(raw),
            Json::Str(s) => return out.push_str(&quote(s)),
            Json::Array(items) => ('[', ']', items.is_empty()),
            Json::Object(members) => ('{', '}', members.is_empty()),
        };
        out.push(open);
        if empty {
            out.push(close);
            return;
        }
        let inner = format!("{indent}{}", style.unit);
        let mut first = true;
        let mut sep = |out: &mut String| {
            if !first {
                out.push(',');
            }
            first = false;
            if style.compact {
                if out.ends_with(',') {
                    out.push(' ');
                }
            } else {
                out.push_str(&style.newline);
                out.push_str(&inner);
            }
        };
        match self {
            Json::Array(items) => {
                for item in items {
                    sep(out);
                    item.write(style, &inner, out);
                }
            }
            Json::Object(members) => {
                for (key, value) in members {
                    sep(out);
                    out.push_str(&quote(key));
                    out.push_str(": ");
                    value.write(style, &inner, out);
                }
            }
            _ => {}
        }
        if !style.compact {
            out.push_str(&style.newline);
            out.push_str(indent);
        }
        out.push(close);
    }
}

/// `s` as a JSON string token.
pub(crate) fn quote(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// How a file is laid out: its indentation unit, its line ending, and whether the
/// container being edited is written on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Style {
    pub unit: String,
    pub newline: String,
    pub compact: bool,
}

impl Style {
    /// The style of `text`: the first indented line's indentation as the unit (two spaces
    /// when no line is indented) and its first line ending (`\n` when it has none).
    pub(crate) fn of(text: &str) -> Style {
        let newline = match text.find('\n') {
            Some(i) if text[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        let unit = text
            .split('\n')
            .skip(1)
            .map(|line| &line[..line.len() - line.trim_start_matches([' ', '\t']).len()])
            .find(|ws| !ws.is_empty())
            .unwrap_or("  ");
        Style {
            unit: unit.to_owned(),
            newline: newline.to_owned(),
            compact: !text.contains('\n'),
        }
    }

    fn compact(&self, compact: bool) -> Style {
        Style {
            compact,
            ..self.clone()
        }
    }
}

/// The indentation of the line `at` is on.
pub(crate) fn indent_at(text: &str, at: u32) -> &str {
    let at = (at as usize).min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// The spans of a container's items: members from key to value, elements whole.
fn items(node: &Node<'_>) -> Option<Vec<Span>> {
    match node.value {
        Value::Object(members) => Some(
            members
                .iter()
                .map(|m| Span {
                    start: m.key.span.start,
                    end: m.value.span.end,
                })
                .collect(),
        ),
        Value::Array(items) => Some(items.iter().map(|n| n.span).collect()),
        _ => None,
    }
}

/// Edits that remove the items at `indices` (member indices of an object, element
/// indices of an array) with their commas, keeping the rest of the text as it was:
/// an item goes with the comma and blanks before it, a first item with the comma and
/// blanks after it, and removing every item leaves `{}` or `[]`.
pub(crate) fn remove(container: &Node<'_>, indices: &[usize]) -> Vec<Edit> {
    let Some(spans) = items(container) else {
        return Vec::new();
    };
    let gone: Vec<bool> = (0..spans.len()).map(|i| indices.contains(&i)).collect();
    if gone.iter().all(|&g| g) {
        let inner = Span {
            start: container.span.start + 1,
            end: container.span.end - 1,
        };
        return vec![Edit::delete(inner)];
    }
    let mut edits = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        if !gone[i] {
            i += 1;
            continue;
        }
        // A run of removed items i..j.
        let mut j = i;
        while j < spans.len() && gone[j] {
            j += 1;
        }
        let span = if i > 0 {
            Span {
                start: spans[i - 1].end,
                end: spans[j - 1].end,
            }
        } else {
            // j < len: not every item goes.
            Span {
                start: spans[0].start,
                end: spans[j].start,
            }
        };
        edits.push(Edit::delete(span));
        i = j;
    }
    edits
}

/// Where [`insert`] puts a new item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    First,
    Last,
}

/// An edit inserting `item` into `container` (an object's member `"key": value` when
/// `key` is given, else an array element) at `at`, on its own line indented like its
/// siblings (or like the container's line plus one unit when it is empty), or inline when
/// the container is written on one line.
pub(crate) fn insert(
    text: &str,
    container: &Node<'_>,
    at: At,
    key: Option<&str>,
    item: &Json,
) -> Option<Edit> {
    let spans = items(container)?;
    let file = Style::of(text);
    let write = |indent: &str, style: &Style| {
        let value = item.render(style, indent);
        match key {
            Some(k) => format!("{}: {value}", quote(k)),
            None => value,
        }
    };
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        // Empty: the item on its own line one unit in, the closing bracket back at the
        // container's indentation.
        let style = file;
        if style.compact {
            return Some(Edit::replace(inner_span(container), write("", &style)));
        }
        let base = indent_at(text, container.span.start);
        let indent = format!("{base}{}", style.unit);
        let nl = &style.newline;
        return Some(Edit::replace(
            inner_span(container),
            format!("{nl}{indent}{}{nl}{base}", write(&indent, &style)),
        ));
    };
    // The blanks between the opening bracket and the first item: how siblings are
    // separated (a newline and an indentation, or a space, or nothing).
    let lead = &text[container.span.start as usize + 1..first.start as usize];
    let compact = !lead.contains('\n');
    let style = file.compact(compact);
    let indent = if compact {
        indent_at(text, container.span.start).to_owned()
    } else {
        lead[lead.rfind('\n').map_or(0, |i| i + 1)..].to_owned()
    };
    let sep = if compact {
        " ".to_owned()
    } else {
        lead.to_owned()
    };
    let item = write(&indent, &style);
    Some(match at {
        At::First => Edit::insert(first.start, format!("{item},{sep}")),
        At::Last => Edit::insert(last.end, format!(",{sep}{item}")),
    })
}

fn inner_span(container: &Node<'_>) -> Span {
    Span {
        start: container.span.start + 1,
        end: container.span.end - 1,
    }
}

/// An edit inserting `item` into `container` right after its item `index` (an object's
/// member `"key": value` when `key` is given, else an array element), laid out as
/// [`insert`] lays out a last item: on its own line indented like its siblings, or inline
/// when the container is written on one line.
pub(crate) fn insert_after(
    text: &str,
    container: &Node<'_>,
    index: usize,
    key: Option<&str>,
    item: &Json,
) -> Option<Edit> {
    let after = items(container)?.get(index)?.end;
    // After the last item the separator and the item are what goes after any item.
    let last = insert(text, container, At::Last, key, item)?;
    Some(Edit::insert(after, last.replacement))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{apply, Fix};
    use crate::syntax::{parse, Arena, ParseOptions};

    fn edit(text: &str, f: impl FnOnce(&str, &Node<'_>) -> Vec<Edit>) -> String {
        let arena = Arena::for_text(text);
        let parsed = parse(text, &arena, &ParseOptions::default()).expect("valid JSON");
        let fix = Fix::safe("t", f(text, &parsed.root));
        let (out, _) = apply(text, [&fix]);
        serde_json::from_str::<serde_json::Value>(&out).expect("still JSON");
        out
    }

    fn first_child<'s>(n: &Node<'s>) -> Node<'s> {
        match n.value {
            Value::Object(m) => m[0].value,
            Value::Array(a) => a[0],
            _ => panic!("container"),
        }
    }

    #[test]
    fn removing_keeps_the_layout_of_the_rest() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
        assert_eq!(
            edit(text, |_, r| remove(r, &[1])),
            "{\n  \"a\": 1,\n  \"c\": 3\n}"
        );
        assert_eq!(
            edit(text, |_, r| remove(r, &[0])),
            "{\n  \"b\": 2,\n  \"c\": 3\n}"
        );
        assert_eq!(
            edit(text, |_, r| remove(r, &[2])),
            "{\n  \"a\": 1,\n  \"b\": 2\n}"
        );
        assert_eq!(edit(text, |_, r| remove(r, &[0, 1])), "{\n  \"c\": 3\n}");
        assert_eq!(edit(text, |_, r| remove(r, &[0, 2])), "{\n  \"b\": 2\n}");
        assert_eq!(edit(text, |_, r| remove(r, &[0, 1, 2])), "{}");
        assert_eq!(edit("[1, 2, 3]", |_, r| remove(r, &[1])), "[1, 3]");
    }

    #[test]
    fn inserting_indents_like_the_siblings() {
        let text = "{\r\n    \"a\": {\r\n        \"b\": 1\r\n    }\r\n}";
        let footer = Json::object([
            ("type", Json::str("Footer")),
            ("on", Json::object([("name", Json::str("complete"))])),
        ]);
        assert_eq!(
            edit(text, |t, r| insert(t, &first_child(r), At::Last, Some("f"), &footer)
                .into_iter()
                .collect()),
            "{\r\n    \"a\": {\r\n        \"b\": 1,\r\n        \"f\": {\r\n            \"type\": \"Footer\",\r\n            \"on\": {\r\n                \"name\": \"complete\"\r\n            }\r\n        }\r\n    }\r\n}"
        );
        assert_eq!(
            edit(text, |t, r| insert(
                t,
                r,
                At::First,
                Some("v"),
                &Json::str("7.3")
            )
            .into_iter()
            .collect()),
            "{\r\n    \"v\": \"7.3\",\r\n    \"a\": {\r\n        \"b\": 1\r\n    }\r\n}"
        );
    }

    #[test]
    fn inserting_into_empty_and_one_line_containers() {
        let text = "{\n  \"a\": [],\n  \"b\": [1, 2]\n}";
        let arena = Arena::for_text(text);
        let root = parse(text, &arena, &ParseOptions::default()).unwrap().root;
        let (a, b) = match root.value {
            Value::Object(m) => (m[0].value, m[1].value),
            _ => unreachable!(),
        };
        let fix = Fix::safe(
            "t",
            vec![
                insert(
                    text,
                    &a,
                    At::Last,
                    None,
                    &Json::object([("x", Json::Raw("1".into()))]),
                )
                .unwrap(),
                insert(text, &b, At::Last, None, &Json::Raw("3".into())).unwrap(),
            ],
        );
        assert_eq!(
            apply(text, [&fix]).0,
            "{\n  \"a\": [\n    {\n      \"x\": 1\n    }\n  ],\n  \"b\": [1, 2, 3]\n}"
        );
    }

    #[test]
    fn style_follows_the_file() {
        let s = Style::of("{\r\n\t\"a\": 1\r\n}");
        assert_eq!(
            (s.unit.as_str(), s.newline.as_str(), s.compact),
            ("\t", "\r\n", false)
        );
        assert!(Style::of("{\"a\": 1}").compact);
    }

    #[test]
    fn inserting_after_an_item_lays_it_out_like_a_last_one() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        let v = Json::object([("x", Json::Array(vec![Json::str("y")]))]);
        assert_eq!(
            edit(text, |t, r| insert_after(t, r, 0, Some("m"), &v)
                .into_iter()
                .collect()),
            "{\n  \"a\": 1,\n  \"m\": {\n    \"x\": [\n      \"y\"\n    ]\n  },\n  \"b\": 2\n}"
        );
        assert_eq!(
            edit(text, |t, r| insert_after(
                t,
                r,
                1,
                Some("m"),
                &Json::Raw("3".into())
            )
            .into_iter()
            .collect()),
            "{\n  \"a\": 1,\n  \"b\": 2,\n  \"m\": 3\n}"
        );
        assert_eq!(
            edit("[1, 2]", |t, r| insert_after(
                t,
                r,
                0,
                None,
                &Json::Raw("9".into())
            )
            .into_iter()
            .collect()),
            "[1, 9, 2]"
        );
        assert_eq!(
            edit("[]", |t, r| insert_after(
                t,
                r,
                0,
                None,
                &Json::Raw("9".into())
            )
            .into_iter()
            .collect()),
            "[]"
        );
    }
}
