//! Documented display limits (characters, option counts) as warnings: Meta does not
//! reject them at upload, WhatsApp truncates or fails to render (spec 4, Unknowns 2).

use crate::catalog::model::{Prop, Ty};
use crate::catalog::{component, FlowVersion};
use crate::finding::Finding;
use crate::locate::Locator;
use crate::syntax::{Node, Path};

use super::codes::{ITEMS_OVER_LIMIT, TEXT_OVER_LIMIT};
use super::resolve::article;

/// One object to look at: its properties, its label for messages, where it is.
struct Pending<'t> {
    node: &'t Node<'t>,
    props: &'static [Prop],
    owner: String,
    path: Path,
}

pub(super) fn check(root: &Node<'_>, v: FlowVersion, loc: &Locator<'_>, out: &mut Vec<Finding>) {
    let mut stack: Vec<Pending<'_>> = Vec::new();
    let Some(screens) = root.get("screens").and_then(Node::as_array) else {
        return;
    };
    for (i, screen) in screens.iter().enumerate() {
        let path = Path::root()
            .key("screens")
            .index(i)
            .key("layout")
            .key("children");
        if let Some(children) = screen
            .get("layout")
            .and_then(|l| l.get("children"))
            .and_then(Node::as_array)
        {
            push_components(children, &path, &mut stack);
        }
    }
    while let Some(Pending {
        node,
        props,
        owner,
        path,
    }) = stack.pop()
    {
        let Some(members) = node.as_object() else {
            continue;
        };
        for m in members {
            let Some(prop) = props
                .iter()
                .find(|p| p.name == m.key.name && p.exists_in(v))
            else {
                continue;
            };
            let here = path.key(&m.key.name);
            if let (Some(limit), Some(text)) = (prop.display_chars, m.value.as_str()) {
                let n = text.chars().count();
                if n > limit as usize && !is_dynamic(text) {
                    let mut f = TEXT_OVER_LIMIT.finding(format!(
                        "Property '{}' of {owner} has {n} characters; WhatsApp shows at most {limit}.",
                        prop.name
                    ));
                    f.pointers.push(loc.pointer(m.value.span, &here));
                    out.push(f);
                }
            }
            if let (Some(limit), Some(items)) = (prop.display_items, m.value.as_array()) {
                if items.len() > limit as usize {
                    let mut f = ITEMS_OVER_LIMIT.finding(format!(
                        "Property '{}' of {owner} has {} items; WhatsApp shows at most {limit}.",
                        prop.name,
                        items.len()
                    ));
                    f.pointers.push(loc.pointer(m.value.span, &here));
                    out.push(f);
                }
            }
            match prop.ty {
                Ty::Items(inner) | Ty::Array(inner) => {
                    for (i, item) in m.value.as_array().unwrap_or_default().iter().enumerate() {
                        stack.push(Pending {
                            node: item,
                            props: inner,
                            owner: format!("item {i} of the {} of {owner}", prop.name),
                            path: here.index(i),
                        });
                    }
                }
                Ty::Obj(inner) => stack.push(Pending {
                    node: &m.value,
                    props: inner,
                    owner: format!("the {} of {owner}", prop.name),
                    path: here.clone(),
                }),
                Ty::Children(_) => {
                    if let Some(children) = m.value.as_array() {
                        push_components(children, &here, &mut stack);
                    }
                }
                Ty::Cases => {
                    for case in m.value.as_object().unwrap_or_default() {
                        if let Some(children) = case.value.as_array() {
                            push_components(children, &here.key(&case.key.name), &mut stack);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn push_components<'t>(children: &'t [Node<'t>], path: &Path, stack: &mut Vec<Pending<'t>>) {
    for (i, child) in children.iter().enumerate() {
        if let Some(c) = child.get("type").and_then(Node::as_str).and_then(component) {
            stack.push(Pending {
                node: child,
                props: c.props,
                owner: article(c.name),
                path: path.index(i),
            });
        }
    }
}

/// Dynamic values have no length until runtime.
fn is_dynamic(text: &str) -> bool {
    (text.starts_with("${") && text.ends_with('}'))
        || (text.len() >= 2 && text.starts_with('`') && text.ends_with('`'))
}
