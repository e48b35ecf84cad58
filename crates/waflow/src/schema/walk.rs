//! The structure check itself: one walk of the span tree along the catalog, applying
//! exactly what the generated JSON Schema of the version says (`generate.rs` writes the
//! same facts out as a schema; `tests/schemas.rs` runs both on every test flow and the
//! corpus, `tests/schema_props.rs` on random mutations of them, and they require the same
//! faults at the same paths).
//!
//! Why not run the generated schema itself: a general validator pays for generality
//! where waflow needs speed. Compiling the 7.3 schema cost ~10 ms per process, and on a
//! flow with 10,000 faults building jsonschema's errors alone took 15 ms, three times
//! what serde_json needs to read the document. This walk visits each node once, knows
//! the component it is in without an `if`/`then` per candidate type, allocates nothing
//! on a valid flow and hands each fault over with its context (no path re-walked from
//! the root).

use std::sync::OnceLock;

use crate::catalog::document::{ROOT, SCREEN_CONSTRAINTS};
use crate::catalog::model::{allowed_names, Allowed, Event, Prop, Ty, V5_1, V6_0};
use crate::catalog::{
    branch_order, component, Component, Constraint, Container, FlowVersion, COMPONENTS,
};
use crate::syntax::{Key, Member, Node, Value};

use super::branches::{self, Branch, Seen};
use super::shape::{component_shape, element_shape, member_shape, Label, Shape, Step};

/// What the schema would have said about the node of the last step.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Fault<'t> {
    /// `additionalProperties: false`: this member's key is not a property here.
    Unknown(&'t Key<'t>),
    /// `required`
    Missing(&'static str),
    /// `dependencies`: `prop` is present, `needs` is not.
    Dependency {
        prop: &'static str,
        needs: &'static str,
    },
    /// `type`; the JSON type(s) expected, for nodes no catalog property describes.
    Type(&'static str),
    /// `enum`, with the values allowed.
    Enum(Vec<&'static str>),
    /// `const` (one value) or a `oneOf` of consts (several): the name of an on-select or
    /// on-unselect action, which Meta's schema pins rather than lists.
    Const(Vec<&'static str>),
    MinItems(u32),
    MaxItems(u32),
    MinLength(u32),
    Pattern,
    /// The not-blank `pattern` of Meta's string schemas ([`Prop::refuses_blank`]).
    Blank {
        /// The property may be left out (then the fix removes it).
        optional: bool,
    },
    Minimum(i64),
    Maximum(i64),
    /// `format: uri`
    Format,
    /// `not`: a forbidden combination, or a static string written as a reference.
    Forbidden,
}

impl Fault<'_> {
    /// The JSON Schema keyword this fault stands for.
    pub(crate) fn keyword(&self) -> &'static str {
        match self {
            Fault::Unknown(_) => "additionalProperties",
            Fault::Missing(_) => "required",
            Fault::Dependency { .. } => "dependencies",
            Fault::Type(_) => "type",
            Fault::Enum(_) => "enum",
            Fault::Const(values) if values.len() == 1 => "const",
            Fault::Const(_) => "oneOf",
            Fault::MinItems(_) => "minItems",
            Fault::MaxItems(_) => "maxItems",
            Fault::MinLength(_) => "minLength",
            Fault::Pattern | Fault::Blank { .. } => "pattern",
            Fault::Minimum(_) => "minimum",
            Fault::Maximum(_) => "maximum",
            Fault::Format => "format",
            Fault::Forbidden => "not",
        }
    }
}

/// JSON types as a set, to test a node against a schema's `type` list.
#[derive(Clone, Copy)]
struct Types(u8);

impl Types {
    const OBJECT: Types = Types(1);
    const ARRAY: Types = Types(2);
    const STRING: Types = Types(4);
    const NUMBER: Types = Types(8);
    const INTEGER: Types = Types(16);
    const BOOLEAN: Types = Types(32);
    const ANY: Types = Types(u8::MAX);

    const fn or(self, other: Types) -> Types {
        Types(self.0 | other.0)
    }

    fn admits(self, node: &Node<'_>) -> bool {
        let has = |t: Types| self.0 & t.0 != 0;
        match &node.value {
            Value::Object(_) => has(Types::OBJECT),
            Value::Array(_) => has(Types::ARRAY),
            Value::String(_) => has(Types::STRING),
            Value::Bool(_) => has(Types::BOOLEAN),
            Value::Number(t) => has(Types::NUMBER) || (has(Types::INTEGER) && is_integer(t)),
            Value::Null => self.0 == u8::MAX,
        }
    }

    /// In words, for a node without a catalog property to describe it.
    fn describe(self) -> &'static str {
        const NAMES: [(Types, &str); 10] = [
            (Types::OBJECT, "object"),
            (Types::ARRAY, "array"),
            (Types::STRING, "string"),
            (Types::NUMBER, "number"),
            (Types::INTEGER, "integer"),
            (Types::BOOLEAN, "boolean"),
            (Types::BOOLEAN.or(Types::STRING), "boolean or string"),
            (
                Types::OBJECT.or(Types::BOOLEAN).or(Types::STRING),
                "object, boolean or string",
            ),
            (Types::OBJECT.or(Types::STRING), "object or string"),
            (Types::ARRAY.or(Types::STRING), "array or string"),
        ];
        NAMES
            .iter()
            .find(|(t, _)| t.0 == self.0)
            .map_or("another type", |(_, name)| name)
    }
}

/// `type: integer` as JSON Schema reads it: any number with no fractional part.
fn is_integer(text: &str) -> bool {
    text.parse::<i64>().is_ok()
        || text.parse::<u64>().is_ok()
        || text
            .parse::<f64>()
            .is_ok_and(|f| f.is_finite() && f.fract() == 0.0)
}

/// The JSON types a property of type `ty` may have in `v` (the `type` keyword of the
/// schema `generate.rs` writes for it).
fn types_of(ty: &Ty, v: FlowVersion) -> Types {
    use Types as T;
    match *ty {
        Ty::Str | Ty::StaticStr | Ty::Url => T::STRING,
        Ty::Bool => T::BOOLEAN.or(T::STRING),
        Ty::StaticBool => T::BOOLEAN,
        Ty::Num => T::NUMBER.or(T::STRING),
        Ty::Int => T::INTEGER.or(T::STRING),
        Ty::StaticInt => T::INTEGER,
        Ty::Enum { dynamic: false, .. } | Ty::Any => T::ANY,
        Ty::Enum { dynamic: true, .. } => T::STRING,
        Ty::EnumList(_) | Ty::StrList | Ty::Items(_) => T::ARRAY.or(T::STRING),
        Ty::Strings | Ty::Array(_) | Ty::Children(_) => T::ARRAY,
        Ty::Text if v >= V5_1 => T::STRING.or(T::ARRAY),
        Ty::Text => T::STRING,
        Ty::RichText => T::STRING.or(T::ARRAY),
        Ty::RangeOr(inner) => T::OBJECT.or(types_of(inner, v)),
        Ty::Action(..) | Ty::Obj(_) | Ty::Cases | Ty::AnyObject | Ty::Routing => T::OBJECT,
        Ty::Condition if v >= V6_0 => T::BOOLEAN.or(T::STRING),
        Ty::Condition => T::STRING,
        Ty::NameMap => T::OBJECT.or(T::STRING),
    }
}

/// Whether a string of type `ty` must be a dynamic reference (the `pattern` the schema
/// gives types that take "a literal, or a reference").
fn wants_dynamic(ty: &Ty) -> bool {
    match ty {
        Ty::Bool
        | Ty::Num
        | Ty::Int
        | Ty::EnumList(_)
        | Ty::StrList
        | Ty::Items(_)
        | Ty::NameMap => true,
        Ty::RangeOr(inner) => wants_dynamic(inner),
        _ => false,
    }
}

/// A `${...}` reference or (from 6.0) a backtick expression: what
/// `generate::dynamic_pattern` says, written out because every literal string of a
/// "literal or reference" property is asked (a unit test holds the two together). As in
/// the ECMA pattern, `.` inside `${...}` matches no line terminator.
pub(crate) fn is_dynamic(s: &str, v: FlowVersion) -> bool {
    let reference = s.len() >= 3
        && s.starts_with("${")
        && s.ends_with('}')
        && !s[2..s.len() - 1].contains(['\n', '\r', '\u{2028}', '\u{2029}']);
    let backtick = v >= V6_0 && s.len() >= 2 && s.starts_with('`') && s.ends_with('`');
    reference || backtick
}

/// The catalog's patterns (in ECMA reading, as JSON Schema patterns are meant), looked up
/// by their text, each compiled the first time a flow needs it and then kept for the
/// process. Why not all at once: compiling every pattern was more than half of checking a
/// small flow in a cold process (perf: 17% of all samples against 31% for `main`), and
/// most flows use a few of them.
fn regex(pattern: &str) -> Option<&'static regex::Regex> {
    type Lazy = (&'static str, OnceLock<Option<regex::Regex>>);
    static ALL: OnceLock<Vec<Lazy>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        crate::catalog::patterns()
            .map(|p| (p, OnceLock::new()))
            .collect()
    });
    let (p, re) = all.iter().find(|(p, _)| *p == pattern)?;
    re.get_or_init(|| regex::Regex::new(&ecma(p)).ok()).as_ref()
}

/// Rewrites the ECMA-262 classes whose meaning differs in the `regex` crate: `.` stops
/// at every line terminator, `\s`/`\S` are ECMA's white space, `\d` is ASCII.
pub(crate) fn ecma(pattern: &str) -> String {
    const SPACE: &str = "\\t\\n\\x0B\\x0C\\r \\u{a0}\\u{1680}\\u{2000}-\\u{200a}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}\\u{feff}";
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('s') => out.push_str(&format!("[{SPACE}]")),
                Some('S') => out.push_str(&format!("[^{SPACE}]")),
                Some('d') => out.push_str("[0-9]"),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '.' if !in_class => out.push_str("[^\\n\\r\\u{2028}\\u{2029}]"),
            _ => out.push(c),
        }
    }
    out
}

fn matches(pattern: &'static str, s: &str) -> bool {
    // A pattern that does not compile cannot happen (unit test); never fail a flow on it.
    regex(pattern).is_none_or(|re| re.is_match(s))
}

/// Reports one fault: the steps from the root to the faulty node, the fault, and the
/// other component whose schema found it when it is one of the builder's `oneOf` branch
/// errors (`branches.rs`), not a fault of the component's own schema.
pub(crate) type OnFault<'t, 'f> =
    &'f mut dyn FnMut(&[Step<'t>], Fault<'t>, Option<&'static Component>);

/// Walks `root` as a Flow JSON of version `v`, calling `on_fault` for each fault.
pub(crate) fn walk<'t>(root: &'t Node<'t>, v: FlowVersion, on_fault: OnFault<'t, '_>) {
    let mut w = Walker {
        v,
        steps: Vec::with_capacity(32),
        on_fault,
        faults: 0,
        branch: None,
        seen: None,
    };
    w.steps.push(Step {
        node: root,
        key: None,
        index: 0,
        shape: Shape::Props {
            props: ROOT,
            label: Label::Flow,
        },
        prop: None,
    });
    w.object(ROOT, false, &[], None);
}

struct Walker<'t, 'f> {
    v: FlowVersion,
    /// From the root to the node being checked; never empty while walking.
    steps: Vec<Step<'t>>,
    on_fault: OnFault<'t, 'f>,
    /// How many faults were reported: a component whose own walk adds one gets the
    /// builder's branch errors.
    faults: usize,
    /// Set while a component is walked as another branch of its container.
    branch: Option<Branch>,
    /// The places reported so far, made on the first fault (a valid flow never builds
    /// it): a branch error is reported once per place and code, as the builder does.
    seen: Option<Seen>,
}

impl<'t> Walker<'t, '_> {
    fn node(&self) -> &'t Node<'t> {
        match self.steps.last() {
            Some(step) => step.node,
            None => empty_object(),
        }
    }

    fn fault(&mut self, fault: Fault<'t>) {
        if let Some(b) = self.branch {
            if !b.keeps(&self.steps, &fault, self.v) {
                return;
            }
        }
        // Every place is noted, the component's own faults included, so that a branch
        // never repeats what was said there; built on the first fault only.
        let first = self
            .seen
            .get_or_insert_with(Seen::default)
            .first(&self.steps, &fault);
        if !first && self.branch.is_some() {
            return;
        }
        self.faults += 1;
        (self.on_fault)(&self.steps, fault, self.branch.map(|b| b.comp));
    }

    /// Checks `node` reached by `key`/`index` with `check`, as the last step.
    fn within(&mut self, step: Step<'t>, check: impl FnOnce(&mut Self)) {
        self.steps.push(step);
        check(self);
        self.steps.pop();
    }

    fn member_step(&self, m: &'t Member<'t>, prop: Option<&'static Prop>) -> Step<'t> {
        Step {
            node: &m.value,
            key: Some(&m.key),
            index: 0,
            shape: member_shape(m.key.name, prop),
            prop,
        }
    }

    fn element_step(&self, index: usize, item: &'t Node<'t>, shape: Shape<'t>) -> Step<'t> {
        Step {
            node: item,
            key: None,
            index,
            shape,
            prop: self.steps.last().and_then(|s| s.prop),
        }
    }

    /// A closed object of `props` (those of this version) with its constraints;
    /// `comp`: the component it is (its `type` was matched already).
    fn object(
        &mut self,
        props: &'static [Prop],
        in_form: bool,
        constraints: &'static [Constraint],
        comp: Option<&'static Component>,
    ) {
        let node = self.node();
        let Value::Object(members) = &node.value else {
            self.fault(Fault::Type("object"));
            return;
        };
        let v = self.v;
        let takes =
            |p: &&Prop| p.exists_in(v) && !(comp.is_some() && in_form && p.outside_form_only);
        for m in members.iter() {
            if comp.is_some() && m.key.name == "type" {
                continue;
            }
            match props.iter().filter(takes).find(|p| p.name == m.key.name) {
                Some(p) => {
                    let step = self.member_step(m, Some(p));
                    self.within(step, |w| w.value(p, in_form, comp.is_some()));
                }
                None => self.fault(Fault::Unknown(&m.key)),
            }
        }
        for p in props.iter().filter(takes).filter(|p| p.required) {
            if node.get(p.name).is_none() {
                self.fault(Fault::Missing(p.name));
            }
        }
        self.constraints(node, constraints);
    }

    fn constraints(&mut self, node: &'t Node<'t>, constraints: &'static [Constraint]) {
        let has = |k: &str| node.get(k).is_some();
        for c in constraints {
            match *c {
                Constraint::Requires { prop, needs } => {
                    if has(prop) && !has(needs) {
                        self.fault(Fault::Dependency { prop, needs });
                    }
                }
                Constraint::Excludes { prop, with } => {
                    for other in with {
                        if has(prop) && has(other) {
                            self.fault(Fault::Forbidden);
                        }
                    }
                }
                Constraint::OnlyWhenTrue { prop, flag } => {
                    let on = node.get(flag).and_then(Node::as_bool) == Some(true);
                    if !on && has(prop) {
                        self.fault(Fault::Forbidden);
                    }
                }
            }
        }
    }

    /// The value of property `p`: its type, then the keywords the property adds.
    fn value(&mut self, p: &'static Prop, in_form: bool, on_component: bool) {
        let node = self.node();
        self.ty(&p.ty, in_form, p.pattern.is_none(), p.name);
        match &node.value {
            Value::String(s) => {
                if let Some(n) = p.min_len {
                    if s.chars().count() < n as usize {
                        self.fault(Fault::MinLength(n));
                    }
                }
                if s.trim().is_empty() && p.refuses_blank(self.v, on_component) {
                    self.fault(Fault::Blank {
                        optional: !p.required,
                    });
                    // A CalendarPicker's label is a oneOf of that string and a range
                    // object, so a blank string fails the object branch too: the builder
                    // adds its type error when it walks the label as that branch (the
                    // generated schema keeps one `type` list, so only branch walks, which
                    // the parity test leaves out, report it).
                    if matches!(p.ty, Ty::RangeOr(_)) && self.branch.is_some() {
                        self.fault(Fault::Type("object"));
                    }
                }
                if let Some((re, _)) = p.pattern {
                    if !matches(re, s) {
                        self.fault(Fault::Pattern);
                    }
                } else if p.ty == Ty::StaticStr && is_dynamic(s, self.v) {
                    self.fault(Fault::Forbidden);
                }
            }
            Value::Number(t) => {
                let x: f64 = t.parse().unwrap_or(0.0);
                if let Some(min) = p.min.filter(|m| x < *m) {
                    self.fault(Fault::Minimum(min as i64));
                }
                if let Some(max) = p.max.filter(|m| x > *m) {
                    self.fault(Fault::Maximum(max as i64));
                }
            }
            Value::Array(items) => {
                if let Some(n) = p.min_items.filter(|n| items.len() < *n as usize) {
                    self.fault(Fault::MinItems(n));
                }
                if let Some(n) = p.max_items.filter(|n| items.len() > *n as usize) {
                    self.fault(Fault::MaxItems(n));
                }
            }
            _ => {}
        }
    }

    /// The node against type `ty`; `dynamic_pattern`: whether the type's "or a
    /// reference" pattern applies (a property's own pattern replaces it).
    fn ty(&mut self, ty: &Ty, in_form: bool, dynamic_pattern: bool, name: &'t str) {
        let node = self.node();
        let v = self.v;
        let types = types_of(ty, v);
        if !types.admits(node) {
            self.fault(Fault::Type(types.describe()));
            return;
        }
        if let Value::String(s) = &node.value {
            if dynamic_pattern && wants_dynamic(ty) && !is_dynamic(s, v) {
                self.fault(Fault::Pattern);
            }
        }
        match *ty {
            Ty::Enum { values, dynamic } => {
                let ok = match node.as_str() {
                    Some(s) => values.contains(&s) || (dynamic && is_dynamic(s, v)),
                    None => false,
                };
                if !ok {
                    self.fault(Fault::Enum(values.to_vec()));
                }
            }
            Ty::EnumList(values) => self.each_item(|w, item| {
                if !item.as_str().is_some_and(|s| values.contains(&s)) {
                    w.fault(Fault::Enum(values.to_vec()));
                }
            }),
            Ty::StrList | Ty::Strings | Ty::RichText => self.strings(),
            Ty::Text if v >= V5_1 => self.strings(),
            Ty::RangeOr(inner) => {
                if let Value::Object(members) = &node.value {
                    for m in members.iter() {
                        if m.key.name == "start-date" || m.key.name == "end-date" {
                            let step = self.member_step(m, None);
                            self.within(step, |w| w.ty(inner, in_form, true, name));
                        } else {
                            self.fault(Fault::Unknown(&m.key));
                        }
                    }
                }
            }
            Ty::Action(event, allowed) => self.action(event, allowed),
            Ty::Items(props) => {
                self.each_item_shaped(
                    |item| element_shape(name, props, item),
                    |w, _| w.object(props, in_form, &[], None),
                );
            }
            Ty::Obj(props) => self.object(props, in_form, &[], None),
            Ty::Array(props) => {
                // Only screens come as a plain array of objects with `terminal`.
                let constraints: &[Constraint] = if props.iter().any(|p| p.name == "terminal") {
                    SCREEN_CONSTRAINTS
                } else {
                    &[]
                };
                self.each_item_shaped(
                    |item| element_shape(name, props, item),
                    |w, _| w.object(props, in_form, constraints, None),
                );
            }
            Ty::Children(container) => {
                let in_form = in_form || container == Container::Form;
                self.components(container, in_form);
            }
            Ty::Cases => self.array_values(|w| w.components(Container::Switch, in_form)),
            Ty::Url if node.as_str().is_some_and(|s| !is_uri(s)) => self.fault(Fault::Format),
            Ty::Routing => self.array_values(Self::strings),
            _ => {}
        }
    }

    /// An object whose every value is an array, each checked by `check` (Switch cases,
    /// the routing model).
    fn array_values(&mut self, mut check: impl FnMut(&mut Self)) {
        let Value::Object(members) = &self.node().value else {
            return;
        };
        for m in members.iter() {
            let step = self.member_step(m, None);
            self.within(step, |w| {
                if w.node().as_array().is_some() {
                    check(w);
                } else {
                    w.fault(Fault::Type("array"));
                }
            });
        }
    }

    /// Every element of an array node must be a string.
    fn strings(&mut self) {
        self.each_item(|w, item| {
            if item.as_str().is_none() {
                w.fault(Fault::Type("string"));
            }
        });
    }

    fn each_item(&mut self, check: impl FnMut(&mut Self, &'t Node<'t>)) {
        self.each_item_shaped(|_| Shape::Leaf, check);
    }

    /// Runs `check` on every element of an array node, as its own step.
    fn each_item_shaped(
        &mut self,
        shape: impl Fn(&'t Node<'t>) -> Shape<'t>,
        mut check: impl FnMut(&mut Self, &'t Node<'t>),
    ) {
        let Value::Array(items) = &self.node().value else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let step = self.element_step(i, item, shape(item));
            self.within(step, |w| check(w, item));
        }
    }

    /// An array of components in `container`.
    fn components(&mut self, container: Container, in_form: bool) {
        // Within another branch's walk the builder would judge nested components too;
        // those errors are filtered as the outer ones and never seen on records, so a
        // branch does not descend (it also bounds the work on a broken flow).
        if self.branch.is_some() {
            return;
        }
        self.each_item_shaped(
            |item| component_shape(item, container, in_form),
            |w, _| w.component(container, in_form),
        );
    }

    /// A component in `container`: an object whose `type` is allowed there, checked by
    /// that type's own properties.
    fn component(&mut self, container: Container, in_form: bool) {
        let before = self.faults;
        let own = self.own_component(container, in_form);
        if self.faults > before && branches::wanted(self.node(), own) {
            self.branches(container, in_form, own);
        }
    }

    /// Walks the component against every other component `container` accepts, in the
    /// builder's order, keeping what its error formatter keeps (`branches.rs`).
    #[cold]
    fn branches(&mut self, container: Container, in_form: bool, own: Option<&'static Component>) {
        let typed = self.node().get("type").is_some();
        let depth = self.steps.len() - 1;
        let names = crate::catalog::components::prop_names();
        let ids: Vec<Option<u32>> = self
            .node()
            .as_object()
            .unwrap_or_default()
            .iter()
            .map(|m| names.id(m.key.name))
            .collect();
        let Some(saved) = self.steps.last().map(|s| s.shape) else {
            return;
        };
        for comp in branch_order(container, self.v) {
            if own.is_some_and(|o| std::ptr::eq(o, comp)) {
                continue;
            }
            let own_form = in_form && comp.differs_in_form();
            if let Some(step) = self.steps.last_mut() {
                step.shape = Shape::Component {
                    comp,
                    in_form: own_form,
                    container,
                };
            }
            self.branch = Some(Branch {
                depth,
                comp,
                own,
                typed,
            });
            if typed {
                // The formatter drops a typed node's component-level errors of another
                // branch (unknown, missing, combinations), so only the values of the
                // properties this branch shares with the node can add any: walk just those
                // (with the skips of `shared_members`, the 10,000-fault bench: 34 -> 20 ms).
                self.shared_members(comp, own, own_form, &ids);
            } else {
                self.object(comp.props, own_form, comp.constraints, Some(comp));
            }
        }
        self.branch = None;
        if let Some(step) = self.steps.last_mut() {
            step.shape = saved;
        }
    }

    /// The members of the component node that `comp` also has, each against `comp`'s
    /// property (a branch walk of a typed node; see `branches`). `ids`: each member's
    /// property-name number, looked up once for all branches.
    fn shared_members(
        &mut self,
        comp: &'static Component,
        own: Option<&'static Component>,
        in_form: bool,
        ids: &[Option<u32>],
    ) {
        let Value::Object(members) = &self.node().value else {
            return;
        };
        let v = self.v;
        let mask = crate::catalog::components::prop_names().mask(comp);
        for (m, id) in members.iter().zip(ids) {
            if !id.is_some_and(|i| i >= 128 || mask & (1u128 << i) != 0) {
                continue;
            }
            let prop = comp.props.iter().find(|p| {
                p.name == m.key.name && p.exists_in(v) && !(in_form && p.outside_form_only)
            });
            let Some(p) = prop else { continue };
            // The same schema as the node's own property judges the value alike, and the
            // own walk's faults are said already (a branch never repeats a place and code):
            // nothing to add. Most shared properties (`visible`, `name`, a string `label`)
            // are such, so this skips most of a branch walk.
            if own
                .and_then(|o| o.prop(m.key.name))
                .is_some_and(|o| o.same_schema(p))
            {
                continue;
            }
            let step = self.member_step(m, Some(p));
            self.within(step, |w| w.value(p, in_form, true));
        }
    }

    /// The component's own walk; returns its type when it names one allowed there.
    fn own_component(&mut self, container: Container, in_form: bool) -> Option<&'static Component> {
        let node = self.node();
        let v = self.v;
        let Value::Object(members) = &node.value else {
            self.fault(Fault::Type("object"));
            return None;
        };
        let Some(m) = members.iter().rev().find(|m| m.key.name == "type") else {
            self.fault(Fault::Missing("type"));
            return None;
        };
        let found = m
            .value
            .as_str()
            .and_then(component)
            .filter(|c| c.allowed_in(container, v));
        let Some(comp) = found else {
            let allowed = COMPONENTS
                .iter()
                .filter(|c| c.allowed_in(container, v))
                .map(|c| c.name)
                .collect();
            let step = self.member_step(m, None);
            self.within(step, |w| w.fault(Fault::Enum(allowed)));
            return None;
        };
        let own_form = in_form && comp.differs_in_form();
        self.object(comp.props, own_form, comp.constraints, Some(comp));
        Some(comp)
    }

    /// An action object for `event` accepting the names of `allowed` in this version
    /// (spec 5.1, 5.2): `generate::Gen::action`.
    fn action(&mut self, event: Event, allowed: &'static [Allowed]) {
        let node = self.node();
        let v = self.v;
        let Value::Object(members) = &node.value else {
            self.fault(Fault::Type("object"));
            return;
        };
        let has_name = |n: &str| allowed_names(allowed, v).any(|a| a == n);
        let click = event == Event::Click;
        // Meta's on-click-action schema is one for every component: it has `next` (and
        // from 6.0 `url`) whatever names the component allows, and its if/then rules
        // for navigate and open_url apply to the name written, allowed there or not.
        let navigate = click;
        let open_url = click && v >= V6_0;
        for m in members.iter() {
            let step = self.member_step(m, None);
            match m.key.name {
                "name" => self.within(step, |w| {
                    if !m.value.as_str().is_some_and(has_name) {
                        let names = allowed_names(allowed, v).collect();
                        w.fault(if click {
                            Fault::Enum(names)
                        } else {
                            Fault::Const(names)
                        });
                    }
                }),
                "payload" => self.within(step, |w| {
                    if m.value.as_object().is_none() {
                        w.fault(Fault::Type("object"));
                    }
                }),
                "next" if navigate => self.within(step, |w| w.next()),
                "url" if open_url => self.within(step, |w| match m.value.as_str() {
                    Some(s) if !is_uri(s) => w.fault(Fault::Format),
                    Some(_) => {}
                    None => w.fault(Fault::Type("string")),
                }),
                _ => self.fault(Fault::Unknown(&m.key)),
            }
        }
        let has = |k: &str| node.get(k).is_some();
        if !has("name") {
            self.fault(Fault::Missing("name"));
        }
        if !click && !has("payload") {
            self.fault(Fault::Missing("payload"));
        }
        let name = node.get("name").and_then(Node::as_str);
        if navigate {
            match (name == Some("navigate"), has("next")) {
                (true, false) => self.fault(Fault::Missing("next")),
                (false, true) => self.fault(Fault::Forbidden),
                _ => {}
            }
        }
        if open_url {
            if name == Some("open_url") {
                if !has("url") {
                    self.fault(Fault::Missing("url"));
                }
                if has("payload") {
                    self.fault(Fault::Forbidden);
                }
            } else if has("url") {
                self.fault(Fault::Forbidden);
            }
        }
        if click && has_name("update_data") && name == Some("update_data") && !has("payload") {
            self.fault(Fault::Missing("payload"));
        }
    }

    /// navigate's `next`: `{type: string, name: string}`, nothing else.
    fn next(&mut self) {
        let node = self.node();
        let Value::Object(members) = &node.value else {
            self.fault(Fault::Type("object"));
            return;
        };
        for m in members.iter() {
            if m.key.name == "type" || m.key.name == "name" {
                if m.value.as_str().is_none() {
                    let step = self.member_step(m, None);
                    self.within(step, |w| w.fault(Fault::Type("string")));
                }
            } else {
                self.fault(Fault::Unknown(&m.key));
            }
        }
        for key in ["type", "name"] {
            if node.get(key).is_none() {
                self.fault(Fault::Missing(key));
            }
        }
    }
}

/// An absolute URI (RFC 3986), as JSON Schema's `uri` format reads it.
fn is_uri(s: &str) -> bool {
    fluent_uri::Uri::parse(s).is_ok()
}

#[cold]
fn empty_object<'t>() -> &'t Node<'t> {
    // The root step is pushed before the walk and popped by nobody; should the stack be
    // empty all the same, judge an empty object rather than panic.
    static EMPTY: Node<'static> = Node {
        span: crate::syntax::Span { start: 0, end: 0 },
        value: Value::Object(&[]),
    };
    &EMPTY
}
