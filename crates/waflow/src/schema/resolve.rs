//! From an instance path back to the span tree and to the catalog: which node, which
//! key, and what kind of object (a TextInput inside a Form, screen 'WELCOME', the
//! on-click-action of a Footer...) the path runs through.

use jsonschema::paths::LocationSegment;

use crate::catalog::document::ROOT;
use crate::catalog::model::{Allowed, Event, Prop, Ty};
use crate::catalog::{component, Component, Container, FlowVersion};
use crate::syntax::{Key, Node, Path, Value};

/// What the catalog says an object is.
#[derive(Clone, Debug)]
pub(crate) enum Shape {
    /// An object with these properties (root, screen, layout, item, nested object).
    Props {
        props: &'static [Prop],
        label: String,
    },
    Component {
        comp: &'static Component,
        in_form: bool,
        container: Container,
    },
    /// An object in a component array whose `type` names no known component.
    UnknownComponent { container: Container },
    Action {
        event: Event,
        allowed: &'static [Allowed],
        label: String,
    },
    /// An array whose elements have this shape.
    ArrayOf(Box<Shape>),
    /// An array of components in a container.
    ChildrenOf { container: Container, in_form: bool },
    /// Switch `cases`: every value is a component array.
    Cases { in_form: bool },
    /// Anything the catalog does not describe further (payloads, data models, scalars).
    Leaf,
}

impl Shape {
    /// "a TextInput", "screen 'WELCOME'", "the on-click-action of a Footer".
    pub fn label(&self) -> String {
        match self {
            Shape::Props { label, .. } | Shape::Action { label, .. } => label.clone(),
            Shape::Component { comp, .. } => article(comp.name),
            Shape::UnknownComponent { .. } => "a component".to_owned(),
            _ => "the value".to_owned(),
        }
    }

    /// The property names this object accepts in `v` (for suggestions).
    pub fn allowed_keys(&self, v: FlowVersion) -> Vec<&'static str> {
        match self {
            Shape::Props { props, .. } => props
                .iter()
                .filter(|p| p.exists_in(v))
                .map(|p| p.name)
                .collect(),
            Shape::Component { comp, in_form, .. } => std::iter::once("type")
                .chain(comp.props_in(v, *in_form).map(|p| p.name))
                .collect(),
            Shape::Action { event, allowed, .. } => {
                let mut keys = vec!["name", "payload"];
                if *event == Event::Click {
                    if allowed.iter().any(|a| a.name == "navigate" && v >= a.since) {
                        keys.push("next");
                    }
                    if allowed.iter().any(|a| a.name == "open_url" && v >= a.since) {
                        keys.push("url");
                    }
                }
                keys
            }
            _ => Vec::new(),
        }
    }

    /// The catalog entry for property `name` of this object, in any version.
    pub fn prop(&self, name: &str, v: FlowVersion) -> Option<&'static Prop> {
        let props: &'static [Prop] = match self {
            Shape::Props { props, .. } => props,
            Shape::Component { comp, .. } => comp.props,
            _ => return None,
        };
        props
            .iter()
            .find(|p| p.name == name && p.exists_in(v))
            .or_else(|| props.iter().find(|p| p.name == name))
    }
}

pub(crate) fn article(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUaeiou".contains(c));
    format!("{} {name}", if vowel { "an" } else { "a" })
}

/// One node on the path, with how it was reached.
pub(crate) struct Step<'t> {
    pub node: &'t Node<'t>,
    /// The key that led here (for object members).
    pub key: Option<&'t Key<'t>>,
    pub shape: Shape,
    /// The catalog property that led here.
    pub prop: Option<&'static Prop>,
}

/// Follows `segments` from the root. Stops early if the tree and the path disagree
/// (they cannot for paths jsonschema reports, but nothing here may panic).
pub(crate) fn resolve<'t>(
    root: &'t Node<'t>,
    segments: impl Iterator<Item = LocationSegment<'t>>,
    v: FlowVersion,
) -> (Vec<Step<'t>>, Path) {
    let mut steps = vec![Step {
        node: root,
        key: None,
        shape: Shape::Props {
            props: ROOT,
            label: "the flow".to_owned(),
        },
        prop: None,
    }];
    let mut path = Path::root();
    for segment in segments {
        let Some(here) = steps.last() else { break };
        let next = match (&here.node.value, segment) {
            (Value::Object(members), seg) => {
                let name = match &seg {
                    LocationSegment::Property(p) => p.to_string(),
                    LocationSegment::Index(i) => i.to_string(),
                };
                let Some(m) = members.iter().rev().find(|m| *m.key.name == *name) else {
                    break;
                };
                path.push_key(&name);
                let prop = here.shape.prop(&name, v);
                let shape = member_shape(&here.shape, &name, prop);
                Step {
                    node: &m.value,
                    key: Some(&m.key),
                    shape,
                    prop,
                }
            }
            (Value::Array(items), LocationSegment::Index(i)) => {
                let Some(item) = items.get(i) else { break };
                path.push_index(i);
                Step {
                    node: item,
                    key: None,
                    shape: element_shape(&here.shape, item),
                    prop: here.prop,
                }
            }
            _ => break,
        };
        steps.push(next);
    }
    (steps, path)
}

fn member_shape(parent: &Shape, name: &str, prop: Option<&'static Prop>) -> Shape {
    if let Shape::Cases { in_form } = parent {
        return Shape::ChildrenOf {
            container: Container::Switch,
            in_form: *in_form,
        };
    }
    let Some(prop) = prop else {
        return Shape::Leaf;
    };
    let in_form = match parent {
        Shape::Component { comp, in_form, .. } => *in_form || comp.name == "Form",
        _ => false,
    };
    let owner = parent.label();
    match prop.ty {
        Ty::Obj(props) => Shape::Props {
            props,
            label: format!("the {name} of {owner}"),
        },
        Ty::Array(props) | Ty::Items(props) => {
            let label = if name == "screens" {
                "a screen".to_owned()
            } else {
                format!("an item of the {name} of {owner}")
            };
            Shape::ArrayOf(Box::new(Shape::Props { props, label }))
        }
        Ty::Children(container) => Shape::ChildrenOf {
            container,
            in_form: in_form || container == Container::Form,
        },
        Ty::Cases => Shape::Cases { in_form },
        Ty::Action(event, allowed) => Shape::Action {
            event,
            allowed,
            label: format!("the {name} of {owner}"),
        },
        _ => Shape::Leaf,
    }
}

fn element_shape(parent: &Shape, item: &Node<'_>) -> Shape {
    match parent {
        Shape::ArrayOf(inner) => {
            if let Shape::Props { props, label } = inner.as_ref() {
                if label == "a screen" {
                    let label = match item.get("id").and_then(Node::as_str) {
                        Some(id) => format!("screen '{id}'"),
                        None => "a screen".to_owned(),
                    };
                    return Shape::Props { props, label };
                }
            }
            inner.as_ref().clone()
        }
        Shape::ChildrenOf { container, in_form } => {
            match item.get("type").and_then(Node::as_str).and_then(component) {
                Some(comp) => Shape::Component {
                    comp,
                    in_form: *in_form,
                    container: *container,
                },
                None => Shape::UnknownComponent {
                    container: *container,
                },
            }
        }
        _ => Shape::Leaf,
    }
}
