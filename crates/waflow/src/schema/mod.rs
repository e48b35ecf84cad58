//! The schema stage: the flow against the JSON Schema of its own version, generated from
//! the catalog, checked on the span tree itself; every error becomes a finding with the
//! Meta code of spec 9.4, the right span and a message that names the component and the
//! property and says what is allowed.

pub mod codes;
pub mod generate;
mod limits;
mod resolve;
mod tree_json;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, Validator};
use serde_json::Value as Serde;

use crate::catalog::model::{Event, Prop, Ty};
use crate::catalog::versions::VERSIONS;
use crate::catalog::{component, Component, Container, FlowVersion, COMPONENTS};
use crate::finding::Finding;
use crate::locate::Locator;
use crate::rules::RuleMeta;
use crate::suggest::closest;
use crate::syntax::{Node, Path, Value};
use resolve::{article, resolve, Shape, Step};
use tree_json::SpanTree;

pub use generate::{file_name, schema_for, schema_text};

/// One compiled validator per version, built on first use and shared by every thread.
fn validator(v: FlowVersion) -> Option<&'static Validator<SpanTree>> {
    static CACHE: [OnceLock<Option<Validator<SpanTree>>>; 32] = [const { OnceLock::new() }; 32];
    let index = VERSIONS.iter().position(|i| i.version == v)?;
    CACHE
        .get(index)?
        .get_or_init(|| compile(v, generate::ALL_COMPONENTS))
        .as_ref()
}

fn compile(v: FlowVersion, used: u32) -> Option<Validator<SpanTree>> {
    jsonschema::options_for::<SpanTree>()
        .with_draft(Draft::Draft7)
        .should_validate_formats(true)
        .build(&generate::schema_for_components(v, used))
        .ok()
}

/// Documents up to this size get a validator of just their own component types.
const SMALL_DOCUMENT: usize = 64 * 1024;
/// At most this many such validators are kept; past it, the full one serves.
const MAX_SUBSET_VALIDATORS: usize = 64;

/// The validator for a document of `len` bytes with component types `used`: for small
/// documents, one compiled for exactly those types (a single small file then costs about
/// a millisecond to compile for, not the full schema's several), cached per process and
/// shared; otherwise the full one.
fn validator_for(v: FlowVersion, len: usize, used: u32) -> Option<&'static Validator<SpanTree>> {
    type Key = (FlowVersion, u32);
    static SUBSETS: OnceLock<Mutex<HashMap<Key, &'static Validator<SpanTree>>>> = OnceLock::new();
    if len > SMALL_DOCUMENT {
        return validator(v);
    }
    let cache = SUBSETS.get_or_init(Default::default);
    let Ok(mut map) = cache.lock() else {
        return validator(v);
    };
    if let Some(found) = map.get(&(v, used)) {
        return Some(found);
    }
    if map.len() >= MAX_SUBSET_VALIDATORS {
        drop(map);
        return validator(v);
    }
    // Leaked on purpose: at most MAX_SUBSET_VALIDATORS, kept for the process's life like
    // the full validators.
    let Some(compiled) = compile(v, used) else {
        // Cannot happen (a unit test compiles every subset shape); never let it silently
        // pass a flow.
        drop(map);
        return validator(v);
    };
    let compiled: &'static Validator<SpanTree> = Box::leak(Box::new(compiled));
    map.insert((v, used), compiled);
    Some(compiled)
}

/// The component types a document mentions, as a bit set over `COMPONENTS`.
fn component_types(root: &Node<'_>) -> u32 {
    let mut used = 0u32;
    crate::syntax::walk(root, |key, node| {
        if key == Some("type") {
            if let Some(i) = node
                .as_str()
                .and_then(|t| COMPONENTS.iter().position(|c| c.name == t))
            {
                used |= 1 << i;
            }
        }
        true
    });
    used
}

/// Checks `root` against the schema of `v`; returns whether there were errors (Meta then
/// skips the semantic pass). Display-limit warnings are added when the schema passes.
/// The schema stage alone, on a tree parsed from `text` (for benchmarks and tools that
/// hold a tree already): the findings, display-limit warnings included.
pub fn check_tree(text: &str, root: &Node<'_>, v: FlowVersion) -> Vec<Finding> {
    let loc = Locator::new(text);
    let mut out = Vec::new();
    check(root, v, &loc, &mut out);
    out
}

pub(crate) fn check(
    root: &Node<'_>,
    v: FlowVersion,
    loc: &Locator<'_>,
    out: &mut Vec<Finding>,
) -> bool {
    let len = root.span.len();
    let used = if len > SMALL_DOCUMENT {
        generate::ALL_COMPONENTS
    } else {
        component_types(root)
    };
    let Some(validator) = validator_for(v, len, used) else {
        return false;
    };
    let before = out.len();
    // `is_valid` short-circuits: a valid flow (the common case) never builds an error.
    if !validator.is_valid(root) {
        for error in validator.iter_errors(root) {
            let (steps, path) = resolve(root, error.instance_path().segments(), v);
            let Some((here, before_here)) = steps.split_last() else {
                continue;
            };
            let ctx = ErrorCtx {
                v,
                loc,
                here,
                parent: before_here.last(),
                path,
                schema_path: error.schema_path().as_str(),
            };
            ctx.explain(error.kind(), out);
        }
    }
    let failed = out.len() > before;
    if !failed {
        limits::check(root, v, loc, out);
    }
    failed
}

struct ErrorCtx<'a, 't> {
    v: FlowVersion,
    loc: &'a Locator<'a>,
    here: &'a Step<'t>,
    parent: Option<&'a Step<'t>>,
    path: Path,
    schema_path: &'a str,
}

impl ErrorCtx<'_, '_> {
    fn here(&self) -> &Step<'_> {
        self.here
    }

    fn parent(&self) -> Option<&Step<'_>> {
        self.parent
    }

    /// The last key of the path: the property whose value is judged.
    fn prop_name(&self) -> String {
        self.here()
            .key
            .map(|k| k.name.to_string())
            .unwrap_or_default()
    }

    /// "'label' of a TextInput", or "item 2 of ..." for array elements.
    fn subject(&self) -> String {
        match (self.here().key, self.parent()) {
            (Some(k), Some(parent)) => format!("Property '{}' of {}", k.name, parent.shape.label()),
            _ => "The value".to_owned(),
        }
    }

    fn emit(&self, rule: &'static RuleMeta, message: String, at_key: bool, out: &mut Vec<Finding>) {
        let step = self.here();
        let span = match (at_key, step.key) {
            (true, Some(k)) => k.span,
            _ => step.node.span,
        };
        let mut f = rule.finding(message);
        f.pointers.push(self.loc.pointer(span, &self.path));
        out.push(f);
    }

    fn explain(&self, kind: &ValidationErrorKind, out: &mut Vec<Finding>) {
        use ValidationErrorKind as K;
        match kind {
            K::AdditionalProperties { unexpected } => {
                for key in unexpected {
                    self.unknown_key(key, out);
                }
            }
            K::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                self.missing(name, out);
            }
            K::Type { kind } => self.wrong_type(kind, out),
            K::Enum { options } => self.not_in_enum(options, out),
            K::Constant { expected_value } => {
                let message = format!(
                    "Invalid value found for property '{}': expected {expected_value}.",
                    self.prop_name()
                );
                self.emit(&codes::INVALID_COMPONENT_TYPE, message, false, out);
            }
            K::MinItems { limit } => {
                let n = self.here().node.as_array().map_or(0, <[_]>::len);
                let message = format!(
                    "{} needs at least {limit} {}; it has {n}.",
                    self.subject(),
                    plural(*limit, "item")
                );
                self.emit(&codes::TOO_FEW_ITEMS, message, false, out);
            }
            K::MaxItems { limit } => {
                let n = self.here().node.as_array().map_or(0, <[_]>::len);
                let message = format!(
                    "{} takes at most {limit} {}; it has {n}.",
                    self.subject(),
                    plural(*limit, "item")
                );
                self.emit(&codes::TOO_MANY_ITEMS, message, false, out);
            }
            K::MinLength { limit } => {
                let message = format!(
                    "{} needs at least {limit} {}.",
                    self.subject(),
                    plural(*limit, "character")
                );
                self.emit(&codes::TOO_SHORT, message, false, out);
            }
            K::Pattern { .. } => self.pattern(out),
            K::Minimum { limit } => {
                let message = format!(
                    "{} must be at least {limit}; it is {}.",
                    self.subject(),
                    number_text(self.here().node)
                );
                self.emit(&codes::TOO_SMALL, message, false, out);
            }
            K::Maximum { limit } => {
                let message = format!(
                    "{} must be at most {limit}; it is {}.",
                    self.subject(),
                    number_text(self.here().node)
                );
                self.emit(&codes::TOO_LARGE, message, false, out);
            }
            K::Format { format } => {
                let message = if format == "uri" {
                    format!(
                        "{} must be an absolute URL, such as https://example.com/terms.",
                        self.subject()
                    )
                } else {
                    format!("{} does not have the {format} format.", self.subject())
                };
                self.emit(&codes::FORMAT, message, false, out);
            }
            K::Not { .. } => self.forbidden(out),
            other => {
                let message = format!(
                    "{} fails the schema keyword '{}'.",
                    self.here().shape.label(),
                    other.keyword()
                );
                self.emit(&codes::OTHER, message, false, out);
            }
        }
    }

    fn unknown_key(&self, key: &str, out: &mut Vec<Finding>) {
        let step = self.here();
        let Some(member) = step
            .node
            .as_object()
            .and_then(|ms| ms.iter().rev().find(|m| *m.key.name == *key))
        else {
            return;
        };
        let shape = &step.shape;
        let owner = shape.label();
        let mut message = format!(
            "Property '{key}' is not allowed in {owner} (Flow JSON {}).",
            self.v
        );
        match shape.prop(key, self.v) {
            Some(p) if !p.exists_in(self.v) => message.push_str(&version_note(p, self.v)),
            Some(p) if p.outside_form_only => {
                let map = if key == "init-value" {
                    "init-values"
                } else {
                    "error-messages"
                };
                message.push_str(&format!(
                    " Inside a Form a component takes no '{key}': set it in the Form's '{map}' under the component's name."
                ));
            }
            _ => {
                if let Some(s) = closest(key, shape.allowed_keys(self.v)) {
                    message.push_str(&format!(" Did you mean '{s}'?"));
                }
            }
        }
        let mut f = codes::UNKNOWN_PROPERTY.finding(message);
        f.pointers
            .push(self.loc.pointer(member.key.span, &self.path.key(key)));
        out.push(f);
    }

    fn missing(&self, name: &str, out: &mut Vec<Finding>) {
        let owner = self.here().shape.label();
        if self.schema_path.contains("/dependencies") {
            let has = self
                .here()
                .shape
                .prop(name, self.v)
                .map(|_| name)
                .unwrap_or(name);
            let partner = dependent_of(self.here().node, has);
            let message = format!(
                "Property '{partner}' of {owner} requires '{name}': add '{name}' or remove '{partner}'."
            );
            self.emit(&codes::MISSING_DEPENDENCY, message, false, out);
            return;
        }
        let mut message = format!("Required property '{name}' is missing in {owner}.");
        if let Shape::Component { comp, .. } = &self.here().shape {
            if let Some(p) = comp.prop(name) {
                message.push_str(&format!(" It takes {}.", expected(&p.ty, self.v)));
            }
        }
        self.emit(&codes::MISSING_PROPERTY, message, false, out);
    }

    fn wrong_type(&self, kind: &TypeKind, out: &mut Vec<Finding>) {
        let found = self.here().node.type_name();
        let wanted = match self.here().prop {
            Some(p) if self.here().key.is_some() => expected(&p.ty, self.v),
            _ => match kind {
                TypeKind::Single(t) => format!("{}", t),
                TypeKind::Multiple(ts) => format!("{ts:?}"),
            },
        };
        let message = format!(
            "{} should be {wanted}, not {}.",
            self.subject(),
            with_article(found)
        );
        self.emit(&codes::WRONG_TYPE, message, false, out);
    }

    fn not_in_enum(&self, options: &Serde, out: &mut Vec<Finding>) {
        let values: Vec<&str> = options
            .as_array()
            .map(|a| a.iter().filter_map(Serde::as_str).collect())
            .unwrap_or_default();
        let got = self.here().node.as_str();
        let name = self.prop_name();
        let parent = self.parent().map(|p| &p.shape);
        // A component's `type`: Meta's own message, with the reason.
        if name == "type" {
            if let Some(
                Shape::Component { container, .. } | Shape::UnknownComponent { container, .. },
            ) = parent
            {
                self.component_type(got, *container, &values, out);
                return;
            }
        }
        let shown = got.map_or_else(
            || self.here().node.type_name().to_owned(),
            |g| format!("'{g}'"),
        );
        let owner = parent.map_or_else(|| "the flow".to_owned(), Shape::label);
        let mut message = format!(
            "Value {shown} of property '{name}' in {owner} is not one of: {}.",
            values.join(", ")
        );
        if let (Some(Shape::Action { allowed, .. }), Some(g), true) = (parent, got, name == "name")
        {
            match allowed.iter().find(|a| a.name == g) {
                Some(a) if a.since > self.v => message.push_str(&format!(
                    " '{g}' needs Flow JSON {} or later here; this flow declares {}.",
                    a.since, self.v
                )),
                Some(_) => {}
                None if ACTIONS.contains(&g) => {
                    message.push_str(&format!(" '{g}' is not accepted there (spec 5.2)."));
                }
                None => {}
            }
        } else if let Some(s) = got.and_then(|g| closest(g, values.iter().copied())) {
            message.push_str(&format!(" Did you mean '{s}'?"));
        }
        self.emit(&codes::INVALID_ENUM, message, false, out);
    }

    fn component_type(
        &self,
        got: Option<&str>,
        container: Container,
        allowed: &[&str],
        out: &mut Vec<Finding>,
    ) {
        let v = self.v;
        let base = "Invalid value found for property 'type'.";
        let Some(got) = got else {
            let message = format!("{base} A component's type is a string such as \"TextInput\".");
            self.emit(&codes::INVALID_COMPONENT_TYPE, message, false, out);
            return;
        };
        let (rule, message) = match component(got) {
            Some(c) if c.since > v => (
                &codes::INVALID_COMPONENT_TYPE,
                format!("{base} {got} needs Flow JSON {} or later; this flow declares {v}.", c.since),
            ),
            Some(c) if container == Container::Layout && c.allowed_in(Container::Form, v) && c.placement.layout.is_some() => (
                &codes::NEEDS_FORM,
                format!(
                    "{got} must be inside a Form in Flow JSON {v}: before 4.0, input components and OptIn are defined inside a parent Form."
                ),
            ),
            Some(c) => (&codes::INVALID_COMPONENT_TYPE, placement_message(base, c, container, v)),
            None => {
                let mut m = format!("{base} '{got}' is not a component.");
                let known = COMPONENTS.iter().map(|c| c.name);
                if let Some(s) = closest(got, known) {
                    m.push_str(&format!(" Did you mean '{s}'?"));
                } else {
                    m.push_str(&format!(" Allowed here: {}.", allowed.join(", ")));
                }
                (&codes::INVALID_COMPONENT_TYPE, m)
            }
        };
        self.emit(rule, message, false, out);
    }

    fn pattern(&self, out: &mut Vec<Finding>) {
        let subject = self.subject();
        let message = match self.here().prop {
            Some(Prop {
                pattern: Some((_, meaning)),
                ..
            }) => {
                let shown = self.here().node.as_str().unwrap_or_default();
                format!("{subject} {meaning}; '{shown}' does not.")
            }
            Some(p) => format!(
                "{subject} is a string, so it must be a dynamic reference (${{data.field}}, ${{form.field}}{}); write {} for a fixed value.",
                if self.v >= crate::catalog::model::V6_0 { " or a `backtick expression`" } else { "" },
                literal_hint(&p.ty)
            ),
            None => format!("{subject} does not have the required form."),
        };
        self.emit(&codes::PATTERN, message, false, out);
    }

    fn forbidden(&self, out: &mut Vec<Finding>) {
        let step = self.here();
        // A static string written as a reference: Meta's "must not be dynamic".
        if step.node.as_str().is_some() {
            let message = format!(
                "{} must not be dynamic: write it as a literal string.",
                self.subject()
            );
            self.emit(&codes::PATTERN, message, false, out);
            return;
        }
        let has = |k: &str| step.node.get(k).is_some();
        let owner = step.shape.label();
        let (key, message) = match &step.shape {
            Shape::Action { .. } => {
                let name = step.node.get("name").and_then(Node::as_str).unwrap_or_default();
                if has("next") && name != "navigate" {
                    ("next", format!("Property 'next' can't be given for {owner} with name '{name}': only navigate takes 'next'."))
                } else if has("url") && name != "open_url" {
                    ("url", format!("Property 'url' can't be given for {owner} with name '{name}': only open_url takes 'url'."))
                } else {
                    ("payload", format!("Property 'payload' can't be given for {owner} with name 'open_url'."))
                }
            }
            Shape::Component { comp, .. } => {
                let pair = comp.constraints.iter().find_map(|c| match *c {
                    crate::catalog::Constraint::Excludes { prop, with } => {
                        with.iter().find(|w| has(prop) && has(w)).map(|w| (prop, *w))
                    }
                    _ => None,
                });
                match pair {
                    Some((a, b)) => (a, format!("Properties '{a}' and '{b}' of {owner} must be used exclusively: remove one.")),
                    None => ("", format!("{owner} combines properties Meta does not allow together.")),
                }
            }
            _ if has("success") => (
                "success",
                format!("Property 'success' may only be set on a terminal screen: {owner} is not terminal (set \"terminal\": true or remove 'success')."),
            ),
            _ => ("", format!("{owner} combines properties Meta does not allow together.")),
        };
        let mut f = codes::FORBIDDEN_COMBINATION.finding(message);
        match step.node.member(key) {
            Some(m) => f
                .pointers
                .push(self.loc.pointer(m.key.span, &self.path.key(key))),
            None => f
                .pointers
                .push(self.loc.pointer(step.node.span, &self.path)),
        }
        out.push(f);
    }
}

/// Every action name of spec 5.1.
const ACTIONS: &[&str] = &[
    "navigate",
    "complete",
    "data_exchange",
    "update_data",
    "open_url",
];

fn placement_message(base: &str, c: &Component, container: Container, v: FlowVersion) -> String {
    match c.placement.since(container) {
        Some(since) if since > v => format!(
            "{base} {} may sit in {} only from Flow JSON {since}; this flow declares {v}.",
            c.name,
            container.describe()
        ),
        _ => {
            let places: Vec<&str> = Container::ALL
                .iter()
                .filter(|k| c.allowed_in(**k, v))
                .map(|k| k.describe())
                .collect();
            format!(
                "{base} {} can't be placed in {} (Flow JSON {v}); it may sit in {}.",
                c.name,
                container.describe(),
                if places.is_empty() {
                    "no container".to_owned()
                } else {
                    places.join(", ")
                }
            )
        }
    }
}

fn version_note(p: &Prop, v: FlowVersion) -> String {
    if p.since > v {
        format!(
            " '{}' needs Flow JSON {} or later; this flow declares {v}.",
            p.name, p.since
        )
    } else if let Some(u) = p.until {
        format!(
            " '{}' exists only up to Flow JSON {u}; this flow declares {v}.",
            p.name
        )
    } else {
        String::new()
    }
}

/// The partner of a `dependencies` failure: the key present whose partner is missing.
fn dependent_of(node: &Node<'_>, missing: &str) -> String {
    let present = COMPONENTS
        .iter()
        .flat_map(|c| c.constraints)
        .find_map(|c| match *c {
            crate::catalog::Constraint::Requires { prop, needs }
                if needs == missing && node.get(prop).is_some() =>
            {
                Some(prop)
            }
            _ => None,
        });
    present.unwrap_or("?").to_owned()
}

/// What a property of type `ty` takes, in words.
fn expected(ty: &Ty, v: FlowVersion) -> String {
    let dynamic = "a ${...} reference";
    match ty {
        Ty::Str | Ty::StaticStr | Ty::Url => "a string".into(),
        Ty::Bool => format!("a boolean or {dynamic}"),
        Ty::StaticBool => "a boolean".into(),
        Ty::Num => format!("a number or {dynamic}"),
        Ty::Int => format!("an integer or {dynamic}"),
        Ty::StaticInt => "an integer".into(),
        Ty::Enum { values, .. } => format!("one of {}", values.join(", ")),
        Ty::EnumList(_) | Ty::StrList => format!("an array of strings or {dynamic}"),
        Ty::Strings => "an array of strings".into(),
        Ty::Text if v >= crate::catalog::model::V5_1 => "a string or an array of strings".into(),
        Ty::Text => "a string".into(),
        Ty::RichText => "a string or an array of strings".into(),
        Ty::RangeOr(inner) => format!(
            "{}, or an object with start-date and end-date",
            expected(inner, v)
        ),
        Ty::Action(Event::Click, _) => "an action object ({\"name\": ...})".into(),
        Ty::Action(..) => "an action object ({\"name\": ..., \"payload\": {...}})".into(),
        Ty::Items(_) => format!("an array of items or {dynamic}"),
        Ty::Obj(_) | Ty::AnyObject | Ty::Routing => "an object".into(),
        Ty::Any => "any value".into(),
        Ty::Array(_) => "an array of objects".into(),
        Ty::Children(_) => "an array of components".into(),
        Ty::Cases => "an object of case name -> array of components".into(),
        Ty::Condition if v >= crate::catalog::model::V6_0 => {
            "a boolean or a condition string".into()
        }
        Ty::Condition => "a condition string".into(),
        Ty::NameMap => format!("an object or {dynamic}"),
    }
}

fn literal_hint(ty: &Ty) -> &'static str {
    match ty {
        Ty::Bool | Ty::RangeOr(_) => "true or false",
        Ty::Num | Ty::Int => "a JSON number",
        Ty::Items(_) | Ty::StrList | Ty::EnumList(_) => "a JSON array",
        Ty::NameMap => "a JSON object",
        _ => "the literal value",
    }
}

fn with_article(type_name: &str) -> String {
    article(type_name)
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

fn number_text(node: &Node<'_>) -> String {
    match node.value {
        Value::Number(t) => t.to_owned(),
        _ => node.type_name().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_schema_version_compiles_whole_and_per_component() {
        for v in crate::catalog::schema_versions() {
            assert!(super::validator(v).is_some(), "schema {v} does not compile");
            assert!(super::compile(v, 0).is_some(), "{v} without components");
            for i in 0..crate::catalog::COMPONENTS.len() {
                assert!(
                    super::compile(v, 1 << i).is_some(),
                    "{v} with component {i}"
                );
            }
        }
    }
}
