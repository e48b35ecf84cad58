//! Pre-order traversal of the span tree, without recursion (the tree may be as deep as
//! the caller's depth limit allows) and with the Meta path of each node kept up to date.

use super::path::{Path, Segment};
use super::tree::{Node, Value};

enum Step<'a, 's> {
    Enter(&'a Node<'s>, Option<Segment>),
    Exit,
}

/// Calls `visit(path, node)` for every node under and including `root`. Returning
/// `false` skips the node's children.
pub fn walk<'a, 's>(root: &'a Node<'s>, mut visit: impl FnMut(&Path, &'a Node<'s>) -> bool) {
    let mut path = Path::root();
    let mut stack = vec![Step::Enter(root, None)];
    while let Some(step) = stack.pop() {
        let (node, segment) = match step {
            Step::Exit => {
                path.pop();
                continue;
            }
            Step::Enter(node, segment) => (node, segment),
        };
        let pushed = segment.is_some();
        if let Some(seg) = segment {
            path.push(seg);
        }
        let descend = visit(&path, node);
        if pushed {
            stack.push(Step::Exit);
        }
        if !descend {
            continue;
        }
        match &node.value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push(Step::Enter(item, Some(Segment::Index(i))));
                }
            }
            Value::Object(members) => {
                for m in members.iter().rev() {
                    stack.push(Step::Enter(
                        &m.value,
                        Some(Segment::Key(m.key.name.to_string())),
                    ));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse, ParseOptions};

    #[test]
    fn visits_in_document_order_with_paths() {
        let parsed = parse(r#"{"a":[1,{"b":2}],"c":3}"#, &ParseOptions::default()).unwrap();
        let mut seen = Vec::new();
        walk(&parsed.root, |path, node| {
            seen.push(format!("{path}={}", node.type_name()));
            true
        });
        assert_eq!(
            seen,
            [
                "=object",
                "a=array",
                "a[0]=number",
                "a[1]=object",
                "a[1].b=number",
                "c=number"
            ]
        );
    }
}
