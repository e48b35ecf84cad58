//! Traversal of the span tree without recursion (the tree may be as deep as the caller's
//! depth limit allows), and the path of a node found by its span.
//!
//! Traversal does not build paths: most visits find nothing, and a path per node would
//! cost an allocation per key. A rule that finds something asks [`path_to`] for its path.

use super::path::Path;
use super::tree::{Node, Span, Value};

/// Calls `visit(key, node)` for every node under and including `root`, in document
/// order; `key` is the member name when the node is an object member's value. Returning
/// `false` skips the node's children.
pub fn walk<'a, 's>(
    root: &'a Node<'s>,
    mut visit: impl FnMut(Option<&'a str>, &'a Node<'s>) -> bool,
) {
    let mut stack: Vec<(Option<&'a str>, &'a Node<'s>)> = vec![(None, root)];
    while let Some((key, node)) = stack.pop() {
        if !visit(key, node) {
            continue;
        }
        match &node.value {
            Value::Array(items) => stack.extend(items.iter().rev().map(|n| (None, n))),
            Value::Object(members) => {
                stack.extend(members.iter().rev().map(|m| (Some(m.key.name), &m.value)))
            }
            _ => {}
        }
    }
}

/// The Meta path from `root` to the node whose span is `target` (or to the deepest node
/// containing it). Children are found by binary search on their spans, so this costs
/// O(depth x log(width)).
pub fn path_to(root: &Node<'_>, target: Span) -> Path {
    let mut path = Path::root();
    let mut node = root;
    loop {
        if node.span == target {
            return path;
        }
        let contains = |s: Span| s.start <= target.start && target.end <= s.end;
        let next = match &node.value {
            Value::Array(items) => {
                let i = items.partition_point(|n| n.span.end <= target.start);
                match items.get(i) {
                    Some(n) if contains(n.span) => {
                        path.push_index(i);
                        Some(n)
                    }
                    _ => None,
                }
            }
            Value::Object(members) => {
                let i = members.partition_point(|m| m.value.span.end <= target.start);
                match members.get(i) {
                    Some(m) if contains(m.value.span) => {
                        path.push_key(m.key.name);
                        Some(&m.value)
                    }
                    // A key's own span: the path ends with that key.
                    Some(m) if contains(m.key.span) => {
                        path.push_key(m.key.name);
                        return path;
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => return path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse, Arena, ParseOptions};

    #[test]
    fn visits_in_document_order() {
        let arena = Arena::new();
        let parsed = parse(
            r#"{"a":[1,{"b":2}],"c":3}"#,
            &arena,
            &ParseOptions::default(),
        )
        .unwrap();
        let mut seen = Vec::new();
        walk(&parsed.root, |key, node| {
            seen.push(format!("{}={}", key.unwrap_or("-"), node.type_name()));
            true
        });
        assert_eq!(
            seen,
            ["-=object", "a=array", "-=number", "-=object", "b=number", "c=number"]
        );
    }

    #[test]
    fn finds_paths_by_span() {
        let text = r#"{"a":[1,{"b":2}],"c":3}"#;
        let arena = Arena::new();
        let parsed = parse(text, &arena, &ParseOptions::default()).unwrap();
        let two = parsed.root.get("a").unwrap().as_array().unwrap()[1]
            .get("b")
            .unwrap();
        assert_eq!(path_to(&parsed.root, two.span).to_string(), "a[1].b");
        let key_c = parsed.root.member("c").unwrap().key.span;
        assert_eq!(path_to(&parsed.root, key_c).to_string(), "c");
        assert_eq!(path_to(&parsed.root, parsed.root.span).to_string(), "");
    }
}
