//! The flow, indexed once for every semantic rule: screens by id, each screen's
//! components with their container, inputs by name, and every dynamic string already
//! parsed. Rules read this; none of them walks the tree again or scans screens in a loop
//! over screens.
//!
//! The schema stage has passed when this runs, so shapes are as the catalog says; the
//! code still never assumes it (a `None` just means "nothing to check").
//!
//! Maps here and in the rules hash with foldhash, not SipHash: hashing ids and names was
//! 5% of validating a 12 KB real flow (perf), and foldhash's per-process random seed
//! still keeps crafted names from colliding on purpose.

use foldhash::{HashMap, HashMapExt};
use std::cell::OnceCell;
use std::ops::Range;

pub(crate) mod graph;

use super::expr::{self, Expr, ExprError, Mode, Ref, VType};
use crate::catalog::components::component;
use crate::catalog::model::{Component, Container, Prop, Ty, V6_0};
use crate::catalog::FlowVersion;
use crate::locate::Locator;
use crate::syntax::{Member, Node, Span, Value};

mod resolve;
pub(crate) use resolve::{vtype, Reason, Reference, Typed};
pub(crate) mod screens;

pub(crate) struct Flow<'a, 's> {
    pub text: &'a str,
    pub version: FlowVersion,
    pub screens: Vec<Screen<'a, 's>>,
    /// Screen id -> index of the first screen with it.
    pub ids: HashMap<&'a str, usize>,
    /// Ids used by more than one screen: the first and the last screen with the id.
    pub repeats: HashMap<&'a str, (usize, usize)>,
    pub routing: Option<&'a Member<'s>>,
    pub data_api: bool,
    pub strings: Vec<DynStr<'a>>,
}

pub(crate) struct Screen<'a, 's> {
    pub node: &'a Node<'s>,
    pub id: Option<&'a Node<'s>>,
    pub terminal: bool,
    pub success: Option<bool>,
    pub data: Option<&'a Node<'s>>,
    /// Every component, in document order, nested ones included.
    pub comps: Vec<Comp<'a, 's>>,
    /// Input name -> index in `comps` of the first input with it.
    pub inputs: HashMap<&'a str, usize>,
    /// Its components as Meta counts them for the per-screen caps (several layout rules
    /// read them; counted once here).
    pub counts: Counts<'a>,
}

impl<'a, 's> Screen<'a, 's> {
    pub fn id_str(&self) -> Option<&'a str> {
        self.id.and_then(Node::as_str)
    }

    /// The declaration of data field `name`.
    pub fn field(&self, name: &str) -> Option<&'a Node<'s>> {
        self.data?.get(name).filter(|_| name != "required")
    }

    /// The names of the fields its `data` declares.
    pub fn fields(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.data
            .and_then(Node::as_object)
            .unwrap_or_default()
            .iter()
            .map(|m| m.key.name)
            .filter(|k| *k != "required")
    }

    pub fn input(&self, name: &str) -> Option<&Comp<'a, 's>> {
        self.inputs.get(name).map(|&i| &self.comps[i])
    }
}

/// How Meta counts a screen's components for its caps (spec 4.7, 4.8): the Form wrapper
/// not counted, an If by its larger branch, a Switch by its largest case.
#[derive(Default)]
pub(crate) struct Counts<'a> {
    /// Every component but Forms, the largest branches only.
    pub total: usize,
    /// Per type, the most any path through the branches shows (a cap holds in every
    /// branch). `Form` is counted here for its own cap.
    by_type: HashMap<&'a str, usize>,
}

impl<'a> Counts<'a> {
    /// The counts of the components in `children` (a layout's, a Form's, a branch's).
    fn of(children: &'a [Node<'_>]) -> Counts<'a> {
        let mut c = Counts::default();
        for node in children {
            let Some(ty) = node.get("type").and_then(Node::as_str) else {
                continue;
            };
            let list = |key: &str| node.get(key).and_then(Node::as_array).unwrap_or_default();
            match ty {
                "Form" => {
                    *c.by_type.entry("Form").or_default() += 1;
                    c.add(Counts::of(list("children")));
                }
                "If" => c.add(Counts::largest(
                    [Counts::of(list("then")), Counts::of(list("else"))].into_iter(),
                )),
                "Switch" => {
                    let cases = node
                        .get("cases")
                        .and_then(Node::as_object)
                        .unwrap_or_default();
                    c.add(Counts::largest(
                        cases
                            .iter()
                            .map(|m| Counts::of(m.value.as_array().unwrap_or_default())),
                    ));
                }
                _ => {
                    c.total += 1;
                    *c.by_type.entry(ty).or_default() += 1;
                }
            }
        }
        c
    }

    fn add(&mut self, other: Counts<'a>) {
        self.total += other.total;
        for (k, v) in other.by_type {
            *self.by_type.entry(k).or_default() += v;
        }
    }

    fn largest(branches: impl Iterator<Item = Counts<'a>>) -> Counts<'a> {
        let mut out = Counts::default();
        for b in branches {
            out.total = out.total.max(b.total);
            for (k, v) in b.by_type {
                let e = out.by_type.entry(k).or_default();
                *e = (*e).max(v);
            }
        }
        out
    }

    /// How many components of type `ty` the screen shows at most.
    pub fn get(&self, ty: &str) -> usize {
        self.by_type.get(ty).copied().unwrap_or(0)
    }
}

pub(crate) struct Comp<'a, 's> {
    pub node: &'a Node<'s>,
    pub ty: &'a str,
    pub def: Option<&'static Component>,
    /// The container it sits in directly.
    pub container: Container,
    /// The enclosing Form.
    pub form: Option<usize>,
    /// How many If components enclose it.
    pub if_depth: u8,
}

impl<'a, 's> Comp<'a, 's> {
    pub fn get(&self, key: &str) -> Option<&'a Node<'s>> {
        self.node.get(key)
    }

    pub fn name(&self) -> Option<&'a str> {
        self.get("name").and_then(Node::as_str)
    }

    /// Whether `${form.<name>}` may read it (spec 6.2).
    pub fn is_input(&self) -> bool {
        value_type(self).is_some()
    }
}

/// The type of an input's value (spec 6.2), as the catalog says; `None` for what
/// `${form...}` can't read. A dynamic value of the property that picks the kind (TextInput
/// `input-type`, CalendarPicker `mode`) leaves the default kind.
pub(crate) fn value_type(c: &Comp<'_, '_>) -> Option<VType> {
    let value = c.def?.value?;
    Some(value.kind(|prop| c.get(prop).and_then(Node::as_str)))
}

/// What a dynamic value must evaluate to, from the property's catalog type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expect {
    Type(VType),
    /// TextBody/TextCaption/RichText `text`: a string, or a list of strings.
    Text,
    Any,
}

impl Expect {
    pub fn of(ty: &Ty) -> Expect {
        match ty {
            Ty::Str | Ty::StaticStr | Ty::Url | Ty::Enum { .. } => Expect::Type(VType::String),
            Ty::Text | Ty::RichText => Expect::Text,
            Ty::Bool | Ty::StaticBool | Ty::Condition => Expect::Type(VType::Boolean),
            Ty::Num | Ty::Int | Ty::StaticInt => Expect::Type(VType::Number),
            Ty::EnumList(_) | Ty::StrList | Ty::Items(_) | Ty::Strings | Ty::Array(_) => {
                Expect::Type(VType::Array)
            }
            Ty::NameMap | Ty::Obj(_) => Expect::Type(VType::Object),
            _ => Expect::Any,
        }
    }

    pub fn accepts(self, t: VType) -> bool {
        match self {
            Expect::Any => true,
            Expect::Text => matches!(t, VType::String | VType::Array),
            Expect::Type(want) => want == t,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Expect::Type(t) => t.as_str(),
            Expect::Text => "string (or list of strings)",
            Expect::Any => "value",
        }
    }
}

/// Where a dynamic string sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// A component (or screen) property, or a value inside one.
    Prop,
    /// An If `condition`.
    Condition,
    /// Inside an action's `payload`; `top`: a direct value of the payload.
    Payload { action: usize, top: bool },
}

/// How a dynamic string parsed.
pub(crate) enum Parsed<'a> {
    /// Exactly one `${...}` (the whole value).
    Ref(Ref<'a>),
    /// A backtick expression or If condition.
    Expr(Expr<'a>, Mode),
    /// Text mixed with `${...}` outside backticks; the offset of the first `${`.
    Mixed(usize),
    /// A whole-value `${...}` that is malformed.
    BadRef(ExprError),
    /// A fault found by the lexer or parser.
    Error(ExprError, Mode),
}

pub(crate) struct DynStr<'a> {
    pub node: &'a Node<'a>,
    pub text: &'a str,
    pub screen: usize,
    pub comp: Option<usize>,
    /// The property it belongs to, e.g. `visible`, `init-values`.
    pub prop: &'static str,
    pub expect: Expect,
    pub place: Place,
    pub parsed: Parsed<'a>,
    /// The key of the component property the string sits in (`None` outside components).
    pub key: Option<Span>,
}

impl DynStr<'_> {
    /// Where Meta points for a fault in this string: the property's key for a backtick
    /// expression in a component property (its expression validator marks the key), the
    /// whole string value everywhere else (references, conditions, payloads).
    pub fn meta_span(&self) -> Span {
        let backtick = matches!(
            self.parsed,
            Parsed::Expr(_, Mode::Backtick) | Parsed::Error(_, Mode::Backtick)
        );
        match (self.place, backtick, self.key) {
            (Place::Prop, true, Some(key)) => key,
            _ => self.node.span,
        }
    }
}

/// An action object and where it sits.
pub(crate) struct Action<'a, 's> {
    pub node: &'a Node<'s>,
    pub name: &'a str,
    pub screen: usize,
    pub comp: usize,
    /// The event key: `on-click-action`, ...
    pub event: &'a str,
    /// On a data-source / list item rather than on the component itself.
    pub on_item: bool,
}

impl<'a, 's> Action<'a, 's> {
    pub fn next_screen(&self) -> Option<&'a Node<'s>> {
        let next = self.node.get("next")?;
        (next.get("type").and_then(Node::as_str).unwrap_or("screen") == "screen")
            .then(|| next.get("name"))
            .flatten()
    }
}

/// What the semantic rules read, built once per flow: the parsed root, the flow's
/// screens with their components (each with its container and Form), inputs, actions and
/// dynamic strings already parsed.
pub(crate) struct Model<'a, 's> {
    pub root: &'a Node<'s>,
    pub loc: &'a Locator<'a>,
    pub version: FlowVersion,
    pub flow: Flow<'a, 's>,
    pub actions: Vec<Action<'a, 's>>,
    /// Every `${...}` reference of every dynamic string, resolved, in document order
    /// (model/resolve.rs).
    pub refs: Vec<Reference<'a>>,
    /// The type check of every backtick expression and If condition that parsed, in
    /// document order.
    pub types: Vec<Typed>,
    /// The screen graph, built on first use ([`Model::graph`]).
    graph: OnceCell<graph::Graph<'a, 's>>,
}

impl<'a, 's> Model<'a, 's> {
    /// Every component of the flow, screen by screen, in document order.
    pub fn components(&self) -> impl Iterator<Item = &Comp<'a, 's>> + '_ {
        self.flow.screens.iter().flat_map(|s| s.comps.iter())
    }

    /// The components of type `ty`, in document order.
    pub fn components_of(&self, ty: &'static str) -> impl Iterator<Item = &Comp<'a, 's>> + '_ {
        self.components().filter(move |c| c.ty == ty)
    }

    /// The screen graph (spec 7): the routing model's routes and the navigates, built once
    /// from the screens and actions, when a rule first asks.
    pub fn graph(&self) -> &graph::Graph<'a, 's> {
        self.graph
            .get_or_init(|| graph::build(&self.flow, &self.actions))
    }
}

/// The `routing_model` as written: each key with the screen ids its list names (strings
/// only), in order, owned (the endpoint contract and the flow's picture keep it).
pub(crate) fn routing_lists(root: &Node<'_>) -> Vec<(String, Vec<String>)> {
    root.get("routing_model")
        .and_then(Node::as_object)
        .unwrap_or_default()
        .iter()
        .map(|m| {
            let to = m
                .value
                .as_array()
                .unwrap_or_default()
                .iter()
                .filter_map(Node::as_str)
                .map(str::to_owned)
                .collect();
            (m.key.name.to_owned(), to)
        })
        .collect()
}

pub(crate) fn build<'a, 's: 'a>(
    loc: &'a Locator<'a>,
    root: &'a Node<'s>,
    version: FlowVersion,
) -> Model<'a, 's> {
    let text = loc.text();
    let mut b = Builder {
        version,
        strings: Vec::new(),
        actions: Vec::new(),
        key: None,
    };
    let mut screens = Vec::new();
    let mut ids = HashMap::new();
    let mut repeats = HashMap::new();
    for (i, s) in root
        .get("screens")
        .and_then(Node::as_array)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let id = s.get("id");
        if let Some(id) = id.and_then(Node::as_str) {
            if let Some(&first) = ids.get(id) {
                repeats.insert(id, (first, i));
            } else {
                ids.insert(id, i);
            }
        }
        let mut screen = Screen {
            node: s,
            id,
            terminal: s.get("terminal").and_then(Node::as_bool) == Some(true),
            success: s.get("success").and_then(Node::as_bool),
            data: s.get("data").filter(|d| d.as_object().is_some()),
            comps: Vec::new(),
            inputs: HashMap::new(),
            counts: Counts::default(),
        };
        if let Some(title) = s.get("title") {
            b.dynamic(
                title,
                i,
                None,
                "title",
                Expect::Type(VType::String),
                Place::Prop,
            );
        }
        if let Some(children) = s
            .get("layout")
            .and_then(|l| l.get("children"))
            .and_then(Node::as_array)
        {
            b.children(&mut screen, i, children, Container::Layout, None, 0);
            screen.counts = Counts::of(children);
        }
        screens.push(screen);
    }
    let mut model = Model {
        root,
        loc,
        version,
        flow: Flow {
            text,
            version,
            screens,
            ids,
            repeats,
            routing: root.member("routing_model"),
            data_api: root.member("data_api_version").is_some(),
            strings: b.strings,
        },
        actions: b.actions,
        refs: Vec::new(),
        types: Vec::new(),
        graph: OnceCell::new(),
    };
    (model.refs, model.types) = resolve::resolve_all(&model.flow);
    model
}

struct Builder<'a, 's> {
    version: FlowVersion,
    strings: Vec<DynStr<'a>>,
    actions: Vec<Action<'a, 's>>,
    /// The key of the component property being walked: Meta points at it for faults
    /// inside that property's backtick expressions.
    key: Option<Span>,
}

impl<'a, 's: 'a> Builder<'a, 's> {
    #[allow(clippy::too_many_arguments)]
    fn children(
        &mut self,
        screen: &mut Screen<'a, 's>,
        si: usize,
        nodes: &'a [Node<'s>],
        container: Container,
        form: Option<usize>,
        if_depth: u8,
    ) {
        for node in nodes {
            let Some(ty) = node.get("type").and_then(Node::as_str) else {
                continue;
            };
            let ci = screen.comps.len();
            let comp = Comp {
                node,
                ty,
                def: component(ty),
                container,
                form,
                if_depth,
            };
            if comp.is_input() {
                if let Some(name) = comp.name() {
                    screen.inputs.entry(name).or_insert(ci);
                }
            }
            let def = comp.def;
            screen.comps.push(comp);
            let Some(def) = def else { continue };
            let inner_form = if ty == "Form" { Some(ci) } else { form };
            let inner_depth = if_depth + u8::from(ty == "If");
            for m in node.as_object().unwrap_or_default() {
                let key = m.key.name;
                let Some(prop) = def.prop(key) else { continue };
                self.key = Some(m.key.span);
                match prop.ty {
                    Ty::Children(c) => {
                        if let Some(items) = m.value.as_array() {
                            self.children(screen, si, items, c, inner_form, inner_depth);
                        }
                    }
                    Ty::Cases => {
                        for case in m.value.as_object().unwrap_or_default() {
                            if let Some(items) = case.value.as_array() {
                                self.children(
                                    screen,
                                    si,
                                    items,
                                    Container::Switch,
                                    inner_form,
                                    inner_depth,
                                );
                            }
                        }
                    }
                    Ty::Condition => {
                        if let Some(s) = m.value.as_str() {
                            self.push(
                                &m.value,
                                s,
                                si,
                                Some(ci),
                                prop.name,
                                Expect::Type(VType::Boolean),
                                Place::Condition,
                            );
                        }
                    }
                    _ => self.value(&m.value, prop, si, ci, false),
                }
            }
        }
    }

    /// A property value of component `ci` (or of one of its items).
    fn value(&mut self, v: &'a Node<'s>, prop: &'static Prop, si: usize, ci: usize, on_item: bool) {
        match (&prop.ty, &v.value) {
            (Ty::Action(..), Value::Object(_)) => {
                let name = v.get("name").and_then(Node::as_str).unwrap_or_default();
                let ai = self.actions.len();
                self.actions.push(Action {
                    node: v,
                    name,
                    screen: si,
                    comp: ci,
                    event: prop.name,
                    on_item,
                });
                if let Some(url) = v.get("url") {
                    self.dynamic(
                        url,
                        si,
                        Some(ci),
                        "url",
                        Expect::Type(VType::String),
                        Place::Prop,
                    );
                }
                if let Some(payload) = v.get("payload").and_then(Node::as_object) {
                    for m in payload {
                        self.payload(&m.value, si, ci, ai, true);
                    }
                }
            }
            (Ty::Items(props) | Ty::Array(props), Value::Array(items)) => {
                for item in items.iter() {
                    self.object(item, props, si, ci);
                }
            }
            (Ty::Obj(props), Value::Object(_)) => self.object(v, props, si, ci),
            (Ty::NameMap, Value::Object(members)) => {
                for m in members.iter() {
                    self.dynamic(&m.value, si, Some(ci), prop.name, Expect::Any, Place::Prop);
                }
            }
            (Ty::RichText | Ty::Text, Value::Array(_)) => {}
            (Ty::RangeOr(inner), Value::Object(members)) => {
                for m in members.iter() {
                    self.dynamic(
                        &m.value,
                        si,
                        Some(ci),
                        prop.name,
                        Expect::of(inner),
                        Place::Prop,
                    );
                }
            }
            (Ty::RangeOr(_), _) => {
                self.dynamic(v, si, Some(ci), prop.name, Expect::Any, Place::Prop)
            }
            _ => self.dynamic(
                v,
                si,
                Some(ci),
                prop.name,
                Expect::of(&prop.ty),
                Place::Prop,
            ),
        }
    }

    fn object(&mut self, item: &'a Node<'s>, props: &'static [Prop], si: usize, ci: usize) {
        for m in item.as_object().unwrap_or_default() {
            if let Some(p) = props.iter().find(|p| p.name == m.key.name) {
                self.value(&m.value, p, si, ci, true);
            }
        }
    }

    fn payload(&mut self, v: &'a Node<'s>, si: usize, ci: usize, ai: usize, top: bool) {
        match &v.value {
            Value::String(s) if is_dynamic(s) => self.push(
                v,
                s,
                si,
                Some(ci),
                "payload",
                Expect::Any,
                Place::Payload { action: ai, top },
            ),
            Value::Array(items) => items
                .iter()
                .for_each(|n| self.payload(n, si, ci, ai, false)),
            Value::Object(ms) => ms
                .iter()
                .for_each(|m| self.payload(&m.value, si, ci, ai, false)),
            _ => {}
        }
    }

    fn dynamic(
        &mut self,
        v: &'a Node<'s>,
        si: usize,
        ci: Option<usize>,
        prop: &'static str,
        expect: Expect,
        place: Place,
    ) {
        if let Some(s) = v.as_str() {
            if is_dynamic(s) {
                self.push(v, s, si, ci, prop, expect, place);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        node: &'a Node<'s>,
        text: &'a str,
        screen: usize,
        comp: Option<usize>,
        prop: &'static str,
        expect: Expect,
        place: Place,
    ) {
        let parsed = if place == Place::Condition {
            match expr::backtick_body(text) {
                Some((at, body)) => parse(body, at, Mode::Condition),
                None => parse(text, 0, Mode::Condition),
            }
        } else if let Some((at, body)) = expr::backtick_body(text).filter(|_| self.version >= V6_0)
        {
            parse(body, at, Mode::Backtick)
        } else {
            match expr::whole_ref(text) {
                Some(Ok(r)) => Parsed::Ref(r),
                Some(Err(e)) => Parsed::BadRef(e),
                None => match text.find("${") {
                    Some(at) => Parsed::Mixed(at),
                    None => return,
                },
            }
        };
        let node: &'a Node<'a> = shorten(node);
        self.strings.push(DynStr {
            node,
            text,
            screen,
            comp,
            prop,
            expect,
            place,
            parsed,
            key: self.key,
        });
    }
}

fn shorten<'a, 's: 'a>(n: &'a Node<'s>) -> &'a Node<'a> {
    n
}

fn parse(body: &str, at: usize, mode: Mode) -> Parsed<'_> {
    match expr::parse(body, at, mode) {
        Ok(e) => Parsed::Expr(e, mode),
        Err(e) => Parsed::Error(e, mode),
    }
}

/// The JSON type of a literal value; `None` for a dynamic string (the reference rules
/// judge those) and for null.
pub(crate) fn literal_type(v: &Node<'_>) -> Option<VType> {
    Some(match &v.value {
        Value::String(s) if s.contains("${") || s.starts_with('`') => return None,
        Value::String(_) => VType::String,
        Value::Number(_) => VType::Number,
        Value::Bool(_) => VType::Boolean,
        Value::Array(_) => VType::Array,
        Value::Object(_) => VType::Object,
        Value::Null => return None,
    })
}

/// Whether a string is (or tries to be) dynamic: it holds a `${`, or is in backticks.
fn is_dynamic(s: &str) -> bool {
    s.contains("${") || (s.len() >= 2 && s.starts_with('`') && s.ends_with('`'))
}

/// The source bytes of decoded offsets `range` of the string token `node`. Escapes make
/// decoded and source offsets differ, so an escaped string is re-read token by token.
pub(crate) fn inner_span(text: &str, node: &Node<'_>, range: Range<usize>) -> Span {
    let start = node.span.start as usize + 1;
    let raw = text
        .get(start..node.span.end as usize - 1)
        .unwrap_or_default();
    if node.is_verbatim_string() {
        return Span::new(
            start + range.start.min(raw.len()),
            start + range.end.min(raw.len()),
        );
    }
    let (mut decoded, mut i) = (0usize, 0usize);
    let (mut from, mut to) = (None, None);
    let bytes = raw.as_bytes();
    while i <= bytes.len() {
        if from.is_none() && decoded >= range.start {
            from = Some(i);
        }
        if decoded >= range.end {
            to = Some(i);
            break;
        }
        if i == bytes.len() {
            break;
        }
        let (raw_len, dec_len) = if bytes[i] == b'\\' {
            match bytes.get(i + 1) {
                Some(b'u') => {
                    let code =
                        u32::from_str_radix(raw.get(i + 2..i + 6).unwrap_or("0"), 16).unwrap_or(0);
                    if (0xD800..0xDC00).contains(&code) && raw.get(i + 6..i + 8) == Some("\\u") {
                        (12, 4)
                    } else {
                        (6, char::from_u32(code).map_or(3, char::len_utf8))
                    }
                }
                _ => (2, 1),
            }
        } else {
            let w = raw[i..].chars().next().map_or(1, char::len_utf8);
            (w, w)
        };
        i += raw_len;
        decoded += dec_len;
    }
    let from = from.unwrap_or(raw.len());
    Span::new(start + from, start + to.unwrap_or(raw.len()).max(from))
}

#[cfg(test)]
mod tests {
    use super::inner_span;
    use crate::syntax::{parse, Value};

    /// Decoded offsets map to the source bytes through every kind of escape.
    #[test]
    fn inner_spans_follow_escapes() {
        for (json, decoded_target) in [
            (r#""`${form.a} # 1`""#, "#"),
            (r#""`\t${form.a} # 1`""#, "#"),
            (r#""`\u00e9\"${form.a} # 1`""#, "#"),
            (r#""`\ud83d\ude00 ${form.a} # 1`""#, "#"),
            ("\"`\u{e9}\\n ${form.a} # 1`\"", "#"),
        ] {
            let arena = crate::syntax::Arena::new();
            let parsed = parse(json, &arena, &Default::default()).expect("valid JSON");
            let Value::String(s) = &parsed.root.value else {
                panic!("a string")
            };
            let at = s.find(decoded_target).expect("target");
            let span = inner_span(json, &parsed.root, at..at + 1);
            assert_eq!(&json[span.range()], "#", "{json}");
        }
    }
}
