//! What the catalog says each node on the way down is (a TextInput inside a Form,
//! screen 'WELCOME', the on-click-action of a Footer...): the context a structure fault
//! is explained in. Labels are words only when a message asks for them, so a valid flow
//! builds no strings.

use std::fmt;

use crate::catalog::model::{allowed_names, Allowed, Event, Prop, Ty};
use crate::catalog::{component, Component, Container, FlowVersion};
use crate::syntax::{write_index, write_key, Key, Node};

/// How an object is named in messages; the owner is the step above (or two above, for
/// an item of an array property).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Label<'t> {
    Flow,
    /// "screen 'WELCOME'", or "a screen" without a usable id.
    Screen(Option<&'t str>),
    /// "the {name} of {owner}"
    Member(&'t str),
    /// "an item of the {name} of {owner}"
    Item(&'t str),
}

/// What the catalog says an object is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Shape<'t> {
    /// An object with these properties (root, screen, layout, item, nested object).
    Props {
        props: &'static [Prop],
        label: Label<'t>,
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
        label: Label<'t>,
    },
    /// Anything the catalog does not describe further (arrays, payloads, scalars).
    Leaf,
}

impl Shape<'_> {
    /// The property names this object accepts in `v` (for suggestions). An iterator:
    /// asked once per unknown key, it should not allocate.
    pub fn allowed_keys(&self, v: FlowVersion) -> impl Iterator<Item = &'static str> {
        let (props, comp, action) = match *self {
            Shape::Props { props, .. } => (Some(props), None, None),
            Shape::Component { comp, in_form, .. } => (None, Some((comp, in_form)), None),
            Shape::Action { event, allowed, .. } => {
                let has = |n: &str| allowed_names(allowed, v).any(|a| a == n);
                let click = event == Event::Click;
                let next = (click && has("navigate")).then_some("next");
                let url = (click && has("open_url")).then_some("url");
                (None, None, Some([Some("name"), Some("payload"), next, url]))
            }
            _ => (None, None, None),
        };
        let plain = props
            .into_iter()
            .flatten()
            .filter(move |p| p.exists_in(v))
            .map(|p| p.name);
        let component = comp.into_iter().flat_map(move |(c, in_form)| {
            std::iter::once("type").chain(c.props_in(v, in_form).map(|p| p.name))
        });
        plain
            .chain(component)
            .chain(action.into_iter().flatten().flatten())
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

/// "a TextInput", "an If": the name with its indefinite article, written where it is
/// formatted (no string of its own).
#[derive(Clone, Copy)]
pub(crate) struct Article<'n>(pub &'n str);

impl fmt::Display for Article<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vowel = self
            .0
            .chars()
            .next()
            .is_some_and(|c| "AEIOUaeiou".contains(c));
        f.write_str(if vowel { "an " } else { "a " })?;
        f.write_str(self.0)
    }
}

/// One node on the way down from the root, with how it was reached.
#[derive(Clone, Copy)]
pub(crate) struct Step<'t> {
    pub node: &'t Node<'t>,
    /// The key that led here (object members), or `None` for array elements.
    pub key: Option<&'t Key<'t>>,
    /// The position in the parent array (array elements).
    pub index: usize,
    pub shape: Shape<'t>,
    /// The catalog property that led here (for elements: the array's).
    pub prop: Option<&'static Prop>,
}

/// "a TextInput", "screen 'WELCOME'", "the on-click-action of a Footer" for `steps[i]`:
/// written straight into the message that formats it, owners included.
#[derive(Clone, Copy)]
pub(crate) struct LabelOf<'a, 't> {
    steps: &'a [Step<'t>],
    i: usize,
}

pub(crate) fn label<'a, 't>(steps: &'a [Step<'t>], i: usize) -> LabelOf<'a, 't> {
    LabelOf { steps, i }
}

impl fmt::Display for LabelOf<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(step) = self.steps.get(self.i) else {
            return f.write_str("the value");
        };
        let owner = |up: usize| label(self.steps, self.i.saturating_sub(up));
        match step.shape {
            Shape::Props { label, .. } | Shape::Action { label, .. } => match label {
                Label::Flow => f.write_str("the flow"),
                Label::Screen(Some(id)) => write!(f, "screen '{id}'"),
                Label::Screen(None) => f.write_str("a screen"),
                Label::Member(name) => write!(f, "the {name} of {}", owner(1)),
                Label::Item(name) => write!(f, "an item of the {name} of {}", owner(2)),
            },
            Shape::Component { comp, .. } => Article(comp.name).fmt(f),
            Shape::UnknownComponent { .. } => f.write_str("a component"),
            Shape::Leaf => f.write_str("the value"),
        }
    }
}

/// The Meta path of the last step, as text (`screens[0].layout.children[2]`), then
/// `then` appended as one more key.
pub(crate) fn path_of(steps: &[Step<'_>], then: Option<&str>) -> String {
    let mut path = String::with_capacity(64);
    for step in steps.iter().skip(1) {
        match step.key {
            Some(k) => write_key(&mut path, k.name),
            None => write_index(&mut path, step.index),
        }
    }
    if let Some(key) = then {
        write_key(&mut path, key);
    }
    path
}

/// The shape of member `name`, reached through catalog property `prop`.
pub(crate) fn member_shape<'t>(name: &'t str, prop: Option<&'static Prop>) -> Shape<'t> {
    let Some(prop) = prop else {
        return Shape::Leaf;
    };
    match prop.ty {
        Ty::Obj(props) => Shape::Props {
            props,
            label: Label::Member(name),
        },
        Ty::Action(event, allowed) => Shape::Action {
            event,
            allowed,
            label: Label::Member(name),
        },
        _ => Shape::Leaf,
    }
}

/// The shape of an element of array property `prop` (named `name`).
pub(crate) fn element_shape<'t>(
    name: &'t str,
    props: &'static [Prop],
    item: &'t Node<'t>,
) -> Shape<'t> {
    let label = if name == "screens" {
        Label::Screen(item.get("id").and_then(Node::as_str))
    } else {
        Label::Item(name)
    };
    Shape::Props { props, label }
}

/// The shape of a component in `container`.
pub(crate) fn component_shape<'t>(
    item: &'t Node<'t>,
    container: Container,
    in_form: bool,
) -> Shape<'t> {
    match item.get("type").and_then(Node::as_str).and_then(component) {
        Some(comp) => Shape::Component {
            comp,
            in_form,
            container,
        },
        None => Shape::UnknownComponent { container },
    }
}
