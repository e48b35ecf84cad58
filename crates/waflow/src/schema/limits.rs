//! Documented display limits (characters, option counts) as warnings: Meta does not
//! reject them at upload, WhatsApp truncates or fails to render (spec 4, Unknowns 2).

use crate::catalog::model::{Prop, Ty};
use crate::catalog::{component, FlowVersion};
use crate::locate::Locator;
use crate::sink::Sink;
use crate::syntax::{path_to, Node};

use super::codes::{TEXT_OVER_DISPLAY_LIMIT, TOO_MANY_OPTIONS};
use super::shape::Article;
use super::walk::is_dynamic;

/// One object to look at. Labels and paths are built only for a finding: a valid flow
/// (the common case) allocates nothing per object.
struct Pending<'t> {
    node: &'t Node<'t>,
    props: &'static [Prop],
    /// The component the object belongs to.
    component: &'static str,
    /// Set when the object is an item (or nested object) of that component's property.
    within: Option<&'static str>,
}

impl Pending<'_> {
    fn owner(&self) -> String {
        match self.within {
            Some(prop) => format!("an item of the {prop} of {}", Article(self.component)),
            None => Article(self.component).to_string(),
        }
    }
}

pub(super) fn check(root: &Node<'_>, v: FlowVersion, loc: &Locator<'_>, out: &mut Sink<'_>) {
    let mut stack: Vec<Pending<'_>> = Vec::new();
    let Some(screens) = root.get("screens").and_then(Node::as_array) else {
        return;
    };
    for screen in screens {
        if let Some(children) = screen
            .get("layout")
            .and_then(|l| l.get("children"))
            .and_then(Node::as_array)
        {
            push_components(children, &mut stack);
        }
    }
    let finding = |rule: &'static crate::rule::RuleMeta, message: String, at: &Node<'_>| {
        let mut f = rule.finding(message);
        f.pointers
            .push(loc.pointer(at.span, &path_to(root, at.span)));
        f
    };
    while let Some(here) = stack.pop() {
        let Some(members) = here.node.as_object() else {
            continue;
        };
        for m in members {
            let Some(prop) = here
                .props
                .iter()
                .find(|p| p.name == m.key.name && p.exists_in(v))
            else {
                continue;
            };
            if let (Some(limit), Some(text)) = (prop.display_chars, m.value.as_str()) {
                // Cheap bound first: a string of at most `limit` bytes has at most
                // `limit` characters.
                if text.len() > limit as usize {
                    let n = text.chars().count();
                    // Dynamic values have no length until runtime; what counts as dynamic is the
                    // structure check's reading (backticks only from 6.0: before, they are text).
                    if n > limit as usize && !is_dynamic(text, v) {
                        out.push(finding(
                            &TEXT_OVER_DISPLAY_LIMIT,
                            format!(
                                "Property '{}' of {} has {n} characters; WhatsApp shows at most {limit}.",
                                prop.name,
                                here.owner()
                            ),
                            &m.value,
                        ));
                    }
                }
            }
            if let (Some(limit), Some(items)) = (prop.display_items, m.value.as_array()) {
                if items.len() > limit as usize {
                    out.push(finding(
                        &TOO_MANY_OPTIONS,
                        format!(
                            "Property '{}' of {} has {} items; WhatsApp shows at most {limit}.",
                            prop.name,
                            here.owner(),
                            items.len()
                        ),
                        &m.value,
                    ));
                }
            }
            match prop.ty {
                Ty::Items(inner) | Ty::Array(inner) => {
                    for item in m.value.as_array().unwrap_or_default() {
                        stack.push(Pending {
                            node: item,
                            props: inner,
                            component: here.component,
                            within: Some(prop.name),
                        });
                    }
                }
                Ty::Obj(inner) => stack.push(Pending {
                    node: &m.value,
                    props: inner,
                    component: here.component,
                    within: Some(prop.name),
                }),
                Ty::Children(_) => {
                    if let Some(children) = m.value.as_array() {
                        push_components(children, &mut stack);
                    }
                }
                Ty::Cases => {
                    for case in m.value.as_object().unwrap_or_default() {
                        if let Some(children) = case.value.as_array() {
                            push_components(children, &mut stack);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn push_components<'t>(children: &'t [Node<'t>], stack: &mut Vec<Pending<'t>>) {
    for child in children {
        if let Some(c) = child.get("type").and_then(Node::as_str).and_then(component) {
            stack.push(Pending {
                node: child,
                props: c.props,
                component: c.name,
                within: None,
            });
        }
    }
}
