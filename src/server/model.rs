//! What the editor features need to know about a flow: its version, its screens, the
//! components on each (with the container each sits in), the data each screen declares,
//! and every reference between them (`${data.x}`, `${form.x}`, `${screen.ID...}`,
//! `next.name`, `routing_model`), each with its byte span. Built from the tolerant
//! tree, so it is there while the document is broken.

use std::collections::HashMap;

use super::library::{component, Container, FlowVersion, LATEST};
use super::tree::{Id, Kind, Tree};

pub(crate) struct Flow<'t> {
    pub tree: &'t Tree,
    pub text: &'t str,
    /// The version written in the flow, or the latest when it has none that parses.
    pub version: FlowVersion,
    pub screens: Vec<Screen>,
    /// Every use of a screen id outside the screen's own `id`.
    pub screen_uses: Vec<ScreenUse>,
    /// Component object -> (screen, component index).
    comp_at: HashMap<Id, (usize, usize)>,
}

pub(crate) struct Screen {
    pub node: Id,
    /// The screen's id and the node of its value.
    pub id: Option<(String, Id)>,
    pub title: Option<String>,
    /// The `data` object, whose keys are the fields `${data.x}` reads.
    pub data: Option<Id>,
    pub comps: Vec<Comp>,
    pub refs: Vec<Ref>,
}

pub(crate) struct Comp {
    pub node: Id,
    /// The component's `type`, when it is a string.
    pub ty: Option<String>,
    pub container: Container,
    pub in_form: bool,
    /// The component holding this one (index into the screen's `comps`).
    pub parent: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Data,
    Form,
}

/// A `${data.x}` or `${form.x}` inside a string (also as `${screen.ID.data.x}`).
#[derive(Clone, Debug)]
pub(crate) struct Ref {
    pub kind: RefKind,
    /// `${screen.ID...}`: the screen named, and the span of its id.
    pub screen: Option<(String, (usize, usize))>,
    pub field: String,
    /// The field name's bytes.
    pub span: (usize, usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UseKind {
    /// `next.name` of a navigate action.
    Next,
    /// A key of `routing_model`.
    RoutingKey,
    /// A screen in a `routing_model` list.
    RoutingTarget,
    /// `${screen.ID...}`.
    Expression,
}

#[derive(Clone, Debug)]
pub(crate) struct ScreenUse {
    pub kind: UseKind,
    pub name: String,
    /// The bytes of the name (inside the quotes for JSON strings and keys).
    pub span: (usize, usize),
}

impl<'t> Flow<'t> {
    pub fn build(tree: &'t Tree, text: &'t str) -> Flow<'t> {
        let mut flow = Flow {
            tree,
            text,
            version: LATEST,
            screens: Vec::new(),
            screen_uses: Vec::new(),
            comp_at: HashMap::new(),
        };
        let Some(root) = tree.root.filter(|&r| tree.is_object(r)) else {
            return flow;
        };
        if let Some(v) = tree.get_str(root, "version").and_then(FlowVersion::parse) {
            flow.version = v;
        }
        if let Some(screens) = tree.get(root, "screens") {
            for &s in tree.items(screens) {
                if tree.is_object(s) {
                    let screen = flow.screen(s);
                    flow.screens.push(screen);
                }
            }
        }
        for (si, screen) in flow.screens.iter().enumerate() {
            for (ci, c) in screen.comps.iter().enumerate() {
                flow.comp_at.insert(c.node, (si, ci));
            }
        }
        flow.collect_uses(root);
        flow
    }

    fn screen(&self, node: Id) -> Screen {
        let t = self.tree;
        let id = t
            .get(node, "id")
            .and_then(|v| t.str(v).map(|s| (s.to_owned(), v)));
        let mut screen = Screen {
            node,
            id,
            title: t.get_str(node, "title").map(str::to_owned),
            data: t.get(node, "data").filter(|&d| t.is_object(d)),
            comps: Vec::new(),
            refs: Vec::new(),
        };
        let children = t.get(node, "layout").and_then(|l| t.get(l, "children"));
        // (array of components, its container, inside a Form)
        let mut todo: Vec<(Id, Container, bool)> = Vec::new();
        if let Some(c) = children {
            todo.push((c, Container::Layout, false));
        }
        while let Some((array, container, in_form)) = todo.pop() {
            for &item in t.items(array).iter().rev() {
                if !t.is_object(item) {
                    continue;
                }
                let ty = t.get_str(item, "type").map(str::to_owned);
                match ty.as_deref() {
                    Some("Form") => {
                        if let Some(c) = t.get(item, "children") {
                            todo.push((c, Container::Form, true));
                        }
                    }
                    Some("If") => {
                        for branch in ["then", "else"] {
                            if let Some(c) = t.get(item, branch) {
                                todo.push((c, Container::If, in_form));
                            }
                        }
                    }
                    Some("Switch") => {
                        if let Some(cases) = t.get(item, "cases") {
                            for m in t.members(cases) {
                                if let Some(c) = m.value {
                                    todo.push((c, Container::Switch, in_form));
                                }
                            }
                        }
                    }
                    _ => {}
                }
                screen.comps.push(Comp {
                    node: item,
                    ty,
                    container,
                    in_form,
                    parent: None,
                });
            }
        }
        // Document order (the stack visited arrays last-first).
        screen.comps.sort_by_key(|c| t.node(c.node).start);
        let order: HashMap<Id, usize> = screen
            .comps
            .iter()
            .enumerate()
            .map(|(i, c)| (c.node, i))
            .collect();
        // Parents are found once the order is final, through the tree.
        for i in 0..screen.comps.len() {
            let node = screen.comps[i].node;
            screen.comps[i].parent = self.enclosing_comp(node, &order);
        }
        screen.refs = self.refs_in(node);
        screen
    }

    /// The component object around `node`'s container, if any.
    fn enclosing_comp(&self, node: Id, order: &HashMap<Id, usize>) -> Option<usize> {
        let mut at = self.tree.node(node).parent;
        while let Some(p) = at {
            if let Some(&i) = order.get(&p) {
                return Some(i);
            }
            at = self.tree.node(p).parent;
        }
        None
    }

    /// Every `${data...}`, `${form...}` and `${screen...}` in the strings under `node`.
    fn refs_in(&self, node: Id) -> Vec<Ref> {
        let mut out = Vec::new();
        let mut stack = vec![node];
        while let Some(id) = stack.pop() {
            let n = self.tree.node(id);
            match &n.kind {
                Kind::Object(members) => stack.extend(members.iter().filter_map(|m| m.value)),
                Kind::Array(items) => stack.extend(items.iter().copied()),
                Kind::Str(_) => {
                    let (s, e) = self.tree.span(id);
                    let body_end = if n.closed { e - 1 } else { e };
                    scan_refs(self.text, s + 1, body_end.max(s + 1), &mut out);
                }
                _ => {}
            }
        }
        out.sort_by_key(|r| r.span.0);
        out
    }

    fn collect_uses(&mut self, root: Id) {
        let t = self.tree;
        let mut uses = Vec::new();
        // navigate's `next.name`, anywhere (actions sit at many depths).
        for (id, n) in t.nodes.iter().enumerate() {
            if let Kind::Object(_) = n.kind {
                let id = id as Id;
                if t.key_of(id).is_some_and(|k| k.name == "next")
                    && t.get_str(id, "type").is_none_or(|ty| ty == "screen")
                {
                    if let Some(v) = t.get(id, "name") {
                        if let Some(name) = t.str(v) {
                            let (s, e) = t.span(v);
                            uses.push(ScreenUse {
                                kind: UseKind::Next,
                                name: name.to_owned(),
                                span: inner(s, e, t.node(v).closed),
                            });
                        }
                    }
                }
            }
        }
        if let Some(routing) = t.get(root, "routing_model") {
            for m in t.members(routing) {
                uses.push(ScreenUse {
                    kind: UseKind::RoutingKey,
                    name: m.key.name.clone(),
                    span: inner(
                        m.key.start as usize,
                        m.key.end as usize,
                        m.key.closed && m.key.quoted,
                    ),
                });
                for &v in m.value.map(|v| t.items(v)).unwrap_or(&[]) {
                    if let Some(name) = t.str(v) {
                        let (s, e) = t.span(v);
                        uses.push(ScreenUse {
                            kind: UseKind::RoutingTarget,
                            name: name.to_owned(),
                            span: inner(s, e, t.node(v).closed),
                        });
                    }
                }
            }
        }
        for screen in &self.screens {
            for r in &screen.refs {
                if let Some((name, span)) = &r.screen {
                    uses.push(ScreenUse {
                        kind: UseKind::Expression,
                        name: name.clone(),
                        span: *span,
                    });
                }
            }
        }
        uses.sort_by_key(|u| u.span.0);
        self.screen_uses = uses;
    }

    /// The screen whose object holds `node`.
    pub fn screen_of(&self, node: Id) -> Option<usize> {
        let mut at = Some(node);
        while let Some(id) = at {
            if let Some(i) = self.screens.iter().position(|s| s.node == id) {
                return Some(i);
            }
            at = self.tree.node(id).parent;
        }
        None
    }

    /// The screen with this id.
    pub fn screen_named(&self, name: &str) -> Option<usize> {
        self.screens
            .iter()
            .position(|s| s.id.as_ref().is_some_and(|(id, _)| id == name))
    }

    /// The component whose object is `node`.
    pub fn comp(&self, node: Id) -> Option<(usize, &Comp)> {
        let &(s, c) = self.comp_at.get(&node)?;
        Some((s, &self.screens[s].comps[c]))
    }

    /// The data fields screen `screen` declares: (name, key span).
    pub fn fields(&self, screen: usize) -> Vec<(&str, (usize, usize))> {
        let Some(data) = self.screens.get(screen).and_then(|s| s.data) else {
            return Vec::new();
        };
        self.tree
            .members(data)
            .iter()
            .map(|m| {
                (
                    m.key.name.as_str(),
                    (m.key.start as usize, m.key.end as usize),
                )
            })
            .collect()
    }

    /// The inputs of screen `screen` that `${form.x}` can read: components with a
    /// `name` (a Form's own name is not a value): (name, its value node, component).
    pub fn inputs(&self, screen: usize) -> Vec<(&str, Id, &Comp)> {
        let t = self.tree;
        let Some(s) = self.screens.get(screen) else {
            return Vec::new();
        };
        s.comps
            .iter()
            .filter(|c| {
                c.ty.as_deref().is_some_and(|ty| {
                    ty != "Form" && component(ty).is_some_and(|d| d.prop("name").is_some())
                })
            })
            .filter_map(|c| {
                let v = t.get(c.node, "name")?;
                Some((t.str(v)?, v, c))
            })
            .collect()
    }
}

/// The bytes inside a string token's quotes.
pub(crate) fn inner(start: usize, end: usize, closed: bool) -> (usize, usize) {
    let s = (start + 1).min(end);
    let e = if closed {
        end.saturating_sub(1).max(s)
    } else {
        end
    };
    (s, e)
}

/// The references in `text[from..to]` (a string's body as written).
fn scan_refs(text: &str, from: usize, to: usize, out: &mut Vec<Ref>) {
    let Some(body) = text.get(from..to) else {
        return;
    };
    let mut rest = 0;
    while let Some(i) = body[rest..].find("${") {
        let open = rest + i + 2;
        let close = body[open..].find('}').map_or(body.len(), |j| open + j);
        let inner = &body[open..close];
        if let Some(r) = parse_ref(inner, from + open) {
            out.push(r);
        }
        rest = close.min(body.len());
        if rest >= body.len() {
            break;
        }
    }
}

/// `data.x`, `form.x`, `screen.ID.data.x`, `screen.ID.form.x` (with more after `x`).
fn parse_ref(inner: &str, at: usize) -> Option<Ref> {
    let mut segs = Vec::new();
    let mut pos = 0;
    for part in inner.split('.') {
        // `items[0]` is the field `items`.
        let name = part.split('[').next().unwrap_or(part);
        segs.push((name, (at + pos, at + pos + name.len())));
        pos += part.len() + 1;
    }
    let kind = |s: &str| match s {
        "data" => Some(RefKind::Data),
        "form" => Some(RefKind::Form),
        _ => None,
    };
    let valid = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    match segs.as_slice() {
        [(k, _), (field, span), ..] if kind(k).is_some() && valid(field) => Some(Ref {
            kind: kind(k)?,
            screen: None,
            field: (*field).to_owned(),
            span: *span,
        }),
        [("screen", _), (id, id_span), (k, _), (field, span), ..]
            if kind(k).is_some() && valid(id) && valid(field) =>
        {
            Some(Ref {
                kind: kind(k)?,
                screen: Some(((*id).to_owned(), *id_span)),
                field: (*field).to_owned(),
                span: *span,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOW: &str = r#"{"version": "7.1", "screens": [
      {"id": "A", "title": "First", "data": {"name": {"type": "string", "__example__": "x"}},
       "layout": {"type": "SingleColumnLayout", "children": [
         {"type": "Form", "name": "f", "children": [
           {"type": "TextInput", "name": "age", "label": "${data.name}"},
           {"type": "Footer", "label": "Go", "on-click-action": {"name": "navigate",
             "next": {"type": "screen", "name": "B"}, "payload": {"v": "${form.age}"}}}
         ]}
       ]}},
      {"id": "B", "title": "${screen.A.form.age}", "terminal": true,
       "layout": {"type": "SingleColumnLayout", "children": []}}
    ], "routing_model": {"A": ["B"], "B": []}}"#;

    #[test]
    fn screens_components_and_references() {
        let tree = super::super::tree::parse(FLOW);
        let flow = Flow::build(&tree, FLOW);
        assert_eq!(flow.version, FlowVersion::new(7, 1));
        assert_eq!(flow.screens.len(), 2);
        let a = &flow.screens[0];
        let types: Vec<_> = a.comps.iter().map(|c| c.ty.as_deref().unwrap()).collect();
        assert_eq!(types, ["Form", "TextInput", "Footer"]);
        assert!(a.comps[1].in_form && a.comps[1].container == Container::Form);
        assert_eq!(a.comps[1].parent, Some(0));
        let refs: Vec<_> = a
            .refs
            .iter()
            .map(|r| (r.kind, &FLOW[r.span.0..r.span.1]))
            .collect();
        assert_eq!(refs, [(RefKind::Data, "name"), (RefKind::Form, "age")]);
        assert_eq!(
            flow.inputs(0).iter().map(|i| i.0).collect::<Vec<_>>(),
            ["age"]
        );
        let uses: Vec<_> = flow
            .screen_uses
            .iter()
            .map(|u| (u.kind, &FLOW[u.span.0..u.span.1]))
            .collect();
        assert_eq!(
            uses,
            [
                (UseKind::Next, "B"),
                (UseKind::Expression, "A"),
                (UseKind::RoutingKey, "A"),
                (UseKind::RoutingTarget, "B"),
                (UseKind::RoutingKey, "B"),
            ]
        );
    }
}
