//! The schema stage: the flow against the structure of its own version, as the catalog
//! states it and `generate.rs` writes it out as JSON Schema. `walk.rs` applies those
//! keywords to the span tree in one pass (the parity tests run jsonschema on the written
//! schemas and require the same faults at the same paths); here every fault becomes a
//! finding with the Meta code of spec 9.4, the right span and a message that names the
//! component and the property and says what is allowed.

use std::fmt::Write as _;
use std::sync::atomic::AtomicBool;

mod branches;
pub mod codes;
pub mod generate;
mod limits;
mod shape;
mod walk;

use crate::catalog::model::{Event, Prop, Ty};
use crate::catalog::{component, Component, Container, FlowVersion, COMPONENTS};
use crate::finding::Finding;
use crate::fix::{Edit, Fix};
use crate::locate::Locator;
use crate::rule::RuleMeta;
use crate::sink::Sink;
use crate::suggest::{closest, sure};
use crate::syntax::{Key, Node, Value};
use shape::{label, path_of, Article, LabelOf, Shape, Step};
use walk::Fault;

pub use generate::{file_name, schema_for, schema_text};

/// The schema stage alone, on a tree parsed from `text` (for benchmarks and tools that
/// hold a tree already): the findings, display-limit warnings included.
pub fn check_tree(text: &str, root: &Node<'_>, v: FlowVersion) -> Vec<Finding> {
    let loc = Locator::new(text);
    let failed = AtomicBool::new(false);
    let mut sink = Sink::new(usize::MAX, &failed);
    check(root, v, false, &loc, &mut sink);
    sink.finish().0
}

/// For the parity tests only: every structure fault of `text` as (Meta path, JSON
/// Schema keyword), unknown keys with the key appended; `None` when `text` does not parse
/// or names no version.
#[doc(hidden)]
pub fn structure_faults(text: &str) -> Option<Vec<(String, &'static str)>> {
    let arena = crate::syntax::Arena::new();
    let tree = crate::syntax::parse(text, &arena, &Default::default()).ok()?;
    let v = tree
        .root
        .get("version")
        .and_then(Node::as_str)
        .and_then(FlowVersion::parse)?;
    let mut out = Vec::new();
    walk::walk(&tree.root, v, &mut |steps, fault, branch| {
        // The builder's oneOf branch errors (`branches.rs`) are not in the generated
        // schemas, which pick a component's schema by its `type` (if/then): the parity
        // tests compare the component's own faults only.
        if branch.is_some() {
            return;
        }
        let key = match &fault {
            Fault::Unknown(k) => Some(k.name),
            _ => None,
        };
        out.push((path_of(steps, key), fault.keyword()));
    });
    Some(out)
}

/// Checks `root` against the structure of version `v`; returns whether there were
/// errors (Meta then skips the semantic pass), having raised the sink's failure signal at
/// the first. Display-limit warnings are added when the structure passes.
/// `version_given`: the caller named `v` (`Options::version`), so the root's own
/// `version` member is not judged (it may be absent or of any type).
pub(crate) fn check(
    root: &Node<'_>,
    v: FlowVersion,
    version_given: bool,
    loc: &Locator<'_>,
    out: &mut Sink<'_>,
) -> bool {
    let before = out.len();
    // Faults past the cap are counted, not explained: the run has failed either way.
    let mut unexplained = false;
    let mut explained = Vec::new();
    walk::walk(root, v, &mut |steps, fault, branch| {
        if version_given && of_version_member(steps, &fault) {
            return;
        }
        if let Some(here) = steps.last() {
            out.fail();
            if !out.take() {
                unexplained = true;
                return;
            }
            ErrorCtx {
                v,
                loc,
                steps,
                here,
            }
            .explain(fault, &mut explained);
            for (i, mut f) in explained.drain(..).enumerate() {
                if let Some(comp) = branch {
                    if i == 0 {
                        f.message.push_str(&branch_note(comp));
                    }
                    // Found by another component's schema: what would satisfy that one
                    // is no fix for this component.
                    f.fixes.clear();
                }
                out.push_taken(f);
            }
        }
    });
    let failed = unexplained || out.len() > before;
    // Every fault is a finding (or one the cap left out), so the failure signal, which
    // stops the semantic pass beside this stage at the first fault, stops it only for a
    // run that fails. Debug builds (the tests, `cargo fuzz run -a`) hold this.
    debug_assert_eq!(failed, out.failed());
    if !failed {
        limits::check(root, v, loc, out);
    }
    failed
}

/// Whether a fault is about the root's `version` member: missing, or its value.
fn of_version_member(steps: &[Step<'_>], fault: &Fault<'_>) -> bool {
    match steps {
        [_root] => matches!(fault, Fault::Missing("version")),
        [_root, member, ..] => member.key.is_some_and(|k| k.name == "version"),
        _ => false,
    }
}

/// Why a fault found by another component's schema is reported (`branches.rs`).
fn branch_note(comp: &Component) -> String {
    format!(
        " Meta checks a component that has a fault against every component its container accepts and reports what each says; this is {}'s schema.",
        comp.name
    )
}

/// One fault with the steps from the root to it: everything its message is made from.
struct ErrorCtx<'a, 't> {
    v: FlowVersion,
    loc: &'a Locator<'a>,
    /// From the root to the node at fault.
    steps: &'a [Step<'t>],
    /// The last step.
    here: &'a Step<'t>,
}

impl<'t> ErrorCtx<'_, 't> {
    fn here(&self) -> &Step<'t> {
        self.here
    }

    fn parent(&self) -> Option<&Step<'t>> {
        self.steps
            .len()
            .checked_sub(2)
            .and_then(|i| self.steps.get(i))
    }

    fn label_here(&self) -> LabelOf<'_, 't> {
        label(self.steps, self.steps.len().saturating_sub(1))
    }

    fn label_parent(&self) -> LabelOf<'_, 't> {
        label(self.steps, self.steps.len().saturating_sub(2))
    }

    /// The path of the node at fault, then `key` if given.
    fn path(&self, key: Option<&str>) -> String {
        path_of(self.steps, key)
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
            (Some(k), Some(_)) => format!("Property '{}' of {}", k.name, self.label_parent()),
            _ => "The value".to_owned(),
        }
    }

    fn emit(&self, rule: &'static RuleMeta, message: String, at_key: bool, out: &mut Vec<Finding>) {
        let step = self.here();
        let span = match (at_key, step.key) {
            (true, Some(k)) => k.span,
            _ => step.node.span,
        };
        out.push(rule.finding_at(message, self.loc.pointer_at(span, self.path(None))));
    }

    /// The safe fix that removes the member here from its object.
    fn remove_here(&self) -> Option<Fix> {
        let (key, parent) = (self.here().key?, self.parent()?);
        let index = parent
            .node
            .as_object()?
            .iter()
            .position(|m| m.key.span == key.span)?;
        Some(Fix::safe(
            format!("Remove the blank '{}'", key.name),
            crate::edits::remove(parent.node, &[index]),
        ))
    }

    /// The fix that replaces the string token here (a value) with `to`: safe when `to` is
    /// the sure match among `candidates` (`suggest::sure`), else unsafe.
    fn replace_value<'c>(
        &self,
        got: &str,
        to: &str,
        candidates: impl IntoIterator<Item = &'c str>,
    ) -> Fix {
        let edit = Edit::replace(self.here().node.span, json_string(to));
        let title = format!("Replace '{got}' with '{to}'");
        if sure(got, candidates) == Some(to) {
            Fix::safe(title, vec![edit])
        } else {
            Fix::r#unsafe(title, vec![edit])
        }
    }

    fn explain(&self, fault: Fault<'t>, out: &mut Vec<Finding>) {
        match fault {
            Fault::Unknown(key) => self.unknown_key(key, out),
            Fault::Missing(name) => self.missing(name, out),
            Fault::Dependency { prop, needs } => {
                let message = format!(
                    "Property '{prop}' of {} requires '{needs}': add '{needs}' or remove '{prop}'.",
                    self.label_here()
                );
                self.emit(&codes::MISSING_DEPENDENCY, message, false, out);
            }
            Fault::Type(json_type) => self.wrong_type(json_type, out),
            Fault::Enum(values) => self.not_in_enum(&values, out),
            Fault::Const(values) => {
                let expected = values
                    .iter()
                    .map(|v| format!("'{v}'"))
                    .collect::<Vec<_>>()
                    .join(" or ");
                let shown = self.here().node.as_str().map_or_else(
                    || self.here().node.type_name().to_owned(),
                    |g| format!("'{g}'"),
                );
                let message = format!(
                    "Invalid value found for property '{}'. Expected {expected}: {} takes no {shown} in Flow JSON {}.",
                    self.prop_name(),
                    self.label_parent(),
                    self.v
                );
                self.emit(&codes::INVALID_ACTION_NAME, message, false, out);
                // A misspelt name is a sure fix; any other name swapped for the one the
                // event takes changes what the action does (unsafe).
                let fix = match (self.here().node.as_str(), values.as_slice()) {
                    (Some(got), _) if closest(got, values.iter().copied()).is_some() => {
                        closest(got, values.iter().copied())
                            .map(|to| self.replace_value(got, to, values.iter().copied()))
                    }
                    (Some(got), [only]) => Some(self.replace_value(got, only, [])),
                    _ => None,
                };
                if let (Some(fix), Some(f)) = (fix, out.last_mut()) {
                    f.fixes.push(fix);
                }
            }
            Fault::MinItems(limit) => {
                let n = self.here().node.as_array().map_or(0, <[_]>::len);
                let message = format!(
                    "{} needs at least {limit} {}; it has {n}.",
                    self.subject(),
                    plural(limit.into(), "item")
                );
                self.emit(&codes::TOO_FEW_ITEMS, message, false, out);
            }
            Fault::MaxItems(limit) => {
                let n = self.here().node.as_array().map_or(0, <[_]>::len);
                let message = format!(
                    "{} takes at most {limit} {}; it has {n}.",
                    self.subject(),
                    plural(limit.into(), "item")
                );
                self.emit(&codes::TOO_MANY_ITEMS, message, false, out);
            }
            Fault::MinLength(limit) => {
                let message = format!(
                    "{} needs at least {limit} {}.",
                    self.subject(),
                    plural(limit.into(), "character")
                );
                self.emit(&codes::TOO_SHORT, message, false, out);
            }
            Fault::Pattern => self.pattern(out),
            Fault::Blank { optional } => {
                let message = format!("{} must not be blank or an empty string.", self.subject());
                self.emit(&codes::PATTERN_MISMATCH, message, false, out);
                // A blank optional text shows nothing, as its absence does; from 6.0
                // Meta refuses it, so it goes (a required one needs the author's words).
                if let (true, Some(fix), Some(f)) = (optional, self.remove_here(), out.last_mut()) {
                    f.fixes.push(fix);
                }
            }
            Fault::Minimum(limit) => {
                let message = format!(
                    "{} must be at least {limit}; it is {}.",
                    self.subject(),
                    number_text(self.here().node)
                );
                self.emit(&codes::VALUE_TOO_SMALL, message, false, out);
            }
            Fault::Maximum(limit) => {
                let message = format!(
                    "{} must be at most {limit}; it is {}.",
                    self.subject(),
                    number_text(self.here().node)
                );
                self.emit(&codes::VALUE_TOO_LARGE, message, false, out);
            }
            Fault::Format => {
                let message = format!(
                    "{} must be an absolute URL, such as https://example.com/terms.",
                    self.subject()
                );
                self.emit(&codes::INVALID_FORMAT, message, false, out);
            }
            Fault::Forbidden => self.forbidden(out),
        }
    }

    fn unknown_key(&self, member: &Key<'_>, out: &mut Vec<Finding>) {
        let key = member.name;
        let shape = &self.here().shape;
        let owner = self.label_here();
        let mut message = format!(
            "Property '{key}' is not allowed in {owner} (Flow JSON {}).",
            self.v
        );
        let mut fix = None;
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
                    let _ = write!(message, " Did you mean '{s}'?");
                    // Renaming onto a key the object has would make a duplicate key; the
                    // keys of a component whose type is unknown are no typos to mend.
                    let unknown_type = matches!(shape, Shape::UnknownComponent { .. });
                    if self.here().node.get(s).is_none() && !unknown_type {
                        let edit = Edit::replace(member.span, json_string(s));
                        let title = format!("Rename '{key}' to '{s}'");
                        fix = Some(if sure(key, shape.allowed_keys(self.v)) == Some(s) {
                            Fix::safe(title, vec![edit])
                        } else {
                            Fix::r#unsafe(title, vec![edit])
                        });
                    }
                }
            }
        }
        let at = self.loc.pointer_at(member.span, self.path(Some(key)));
        let mut finding = codes::UNKNOWN_PROPERTY.finding_at(message, at);
        finding.fixes.extend(fix);
        out.push(finding);
    }

    fn missing(&self, name: &str, out: &mut Vec<Finding>) {
        let owner = self.label_here();
        let mut message = format!("Required property '{name}' is missing in {owner}.");
        if let Shape::Component { comp, .. } = &self.here().shape {
            if let Some(p) = comp.prop(name) {
                message.push_str(&format!(" It takes {}.", expected(&p.ty, self.v)));
            }
        }
        self.emit(&codes::MISSING_PROPERTY, message, false, out);
    }

    fn wrong_type(&self, json_type: &str, out: &mut Vec<Finding>) {
        let found = self.here().node.type_name();
        let wanted = match self.here().prop {
            Some(p) if self.here().key.is_some() => expected(&p.ty, self.v),
            _ => json_type.to_owned(),
        };
        let message = format!(
            "{} should be {wanted}, not {}.",
            self.subject(),
            Article(found)
        );
        self.emit(&codes::WRONG_TYPE, message, false, out);
        if let (Some(fix), Some(f)) = (self.convert(), out.last_mut()) {
            f.fixes.push(fix);
        }
    }

    /// The safe fix of a value written with the wrong JSON type when converting it is
    /// exact: `"true"`/`"false"` where a static boolean is wanted, an integer written as a
    /// string where a static integer is (within its bounds), and a number or boolean where
    /// a plain string is (a string property without a pattern), written as its own text.
    /// None for anything else: a number in exponent form, a string that is no canonical
    /// number, a value inside an array, a URL, an enum.
    fn convert(&self) -> Option<Fix> {
        let step = self.here();
        let p = step.prop.filter(|_| step.key.is_some())?;
        let to = match (&p.ty, &step.node.value) {
            (Ty::StaticBool, Value::String(s @ ("true" | "false"))) => (*s).to_owned(),
            (Ty::StaticInt, Value::String(s)) if canonical_number(s, false) => {
                let n: f64 = s.parse().ok()?;
                if p.min.is_some_and(|m| n < m) || p.max.is_some_and(|m| n > m) {
                    return None;
                }
                (*s).to_owned()
            }
            (Ty::Str | Ty::StaticStr | Ty::Text | Ty::RichText, value) if p.pattern.is_none() => {
                match value {
                    Value::Number(t) if canonical_number(t, true) => json_string(t),
                    Value::Bool(b) => json_string(&b.to_string()),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let from = &self.loc.text()[step.node.span.range()];
        Some(Fix::safe(
            format!("Write {from} as {to}"),
            vec![Edit::replace(step.node.span, to)],
        ))
    }

    fn not_in_enum(&self, values: &[&str], out: &mut Vec<Finding>) {
        let got = self.here().node.as_str();
        let name = self.prop_name();
        let parent = self.parent().map(|p| &p.shape);
        // A component's `type`: Meta's own message, with the reason.
        if name == "type" {
            if let Some(
                Shape::Component { container, .. } | Shape::UnknownComponent { container, .. },
            ) = parent
            {
                self.component_type(got, *container, values, out);
                return;
            }
        }
        let shown = got.map_or_else(
            || self.here().node.type_name().to_owned(),
            |g| format!("'{g}'"),
        );
        let owner = if parent.is_some() {
            self.label_parent().to_string()
        } else {
            "the flow".to_owned()
        };
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
                None if crate::catalog::components::ACTIONS.contains(&g) => {
                    message.push_str(&format!(" '{g}' is not accepted there (spec 5.2)."));
                }
                None => {}
            }
        } else if let Some((g, s)) =
            got.and_then(|g| Some((g, closest(g, values.iter().copied())?)))
        {
            message.push_str(&format!(" Did you mean '{s}'?"));
            let fix = self.replace_value(g, s, values.iter().copied());
            self.emit(&codes::INVALID_ENUM_VALUE, message, false, out);
            if let Some(f) = out.last_mut() {
                f.fixes.push(fix);
            }
            return;
        }
        self.emit(&codes::INVALID_ENUM_VALUE, message, false, out);
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
                &codes::COMPONENT_OUTSIDE_FORM,
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
                    // Safe only for the sure match that may also sit here.
                    let allowed_here = allowed.contains(&s);
                    let mut fix = self.replace_value(got, s, COMPONENTS.iter().map(|c| c.name));
                    if !allowed_here {
                        fix.applicability = crate::fix::Applicability::Unsafe;
                    }
                    self.emit(&codes::INVALID_COMPONENT_TYPE, m, false, out);
                    if let Some(f) = out.last_mut() {
                        f.fixes.push(fix);
                    }
                    return;
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
        self.emit(&codes::PATTERN_MISMATCH, message, false, out);
    }

    fn forbidden(&self, out: &mut Vec<Finding>) {
        let step = self.here();
        // A static string written as a reference: Meta's "must not be dynamic".
        if step.node.as_str().is_some() {
            let message = format!(
                "{} must not be dynamic: write it as a literal string.",
                self.subject()
            );
            self.emit(&codes::PATTERN_MISMATCH, message, false, out);
            return;
        }
        let has = |k: &str| step.node.get(k).is_some();
        let owner = self.label_here();
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
        // Meta's places: on an action, the path of the action and the offending key's
        // token; on a component, the whole component; elsewhere (`success`), the value.
        let mut f = codes::FORBIDDEN_COMBINATION.finding(message);
        let pointer = match (&step.shape, step.node.member(key)) {
            (Shape::Action { .. }, Some(m)) => self.loc.pointer_at(m.key.span, self.path(None)),
            (Shape::Component { .. }, _) | (_, None) => {
                self.loc.pointer_at(step.node.span, self.path(None))
            }
            (_, Some(m)) => self.loc.pointer_at(m.value.span, self.path(Some(key))),
        };
        f.pointers.push(pointer);
        f.fixes.extend(self.drop_forbidden(key));
        out.push(f);
    }

    /// The fix of a forbidden combination where dropping one key is clearly right (every
    /// occurrence of the key goes):
    /// - `payload` on open_url: safe, an open_url sends nothing;
    /// - `next` on an action of a name the event takes, other than navigate: safe on a
    ///   complete of a terminal screen (complete is what the screen needs; `next` is never
    ///   read), unsafe on a data_exchange or open_url (it may have been meant as a
    ///   navigate), none on a complete elsewhere (complete is wrong there too: probably a
    ///   navigate);
    /// - `success` on a screen that is not terminal: safe when it says `"terminal": false`
    ///   (the author said so; `success` is read on terminal screens only), unsafe when
    ///   `terminal` is absent (the screen may have been meant to be terminal).
    ///
    /// None for the other combinations, where which key is wrong is a guess (a Footer's
    /// captions, `url` on an action that is not open_url), for an action whose name is
    /// not one the event takes, nor when `terminal` is not a boolean (wrong-type's).
    fn drop_forbidden(&self, key: &str) -> Option<Fix> {
        let step = self.here();
        let members = step.node.as_object()?;
        let safe = match (&step.shape, key) {
            (Shape::Action { allowed, .. }, "next" | "payload") => {
                let name = step.node.get("name").and_then(Node::as_str)?;
                if !crate::catalog::model::allowed_names(allowed, self.v).any(|a| a == name) {
                    return None;
                }
                match (key, name) {
                    ("payload", "open_url") => true,
                    ("next", "navigate") | ("payload", _) => return None,
                    // Off a terminal screen a complete is an error of its own: the
                    // action was probably meant as a navigate.
                    ("next", "complete") if self.screen_is_terminal() => true,
                    ("next", "complete") => return None,
                    _ => false,
                }
            }
            (Shape::Props { .. }, "success") => match step.node.get("terminal").map(|t| &t.value) {
                None => false,
                Some(Value::Bool(false)) => true,
                Some(_) => return None,
            },
            _ => return None,
        };
        let at: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.key.name == key)
            .map(|(i, _)| i)
            .collect();
        if at.is_empty() {
            return None;
        }
        let title = format!("Remove '{key}'");
        let edits = crate::edits::remove(step.node, &at);
        Some(if safe {
            Fix::safe(title, edits)
        } else {
            Fix::r#unsafe(title, edits)
        })
    }

    /// Whether the screen the node at fault sits on says `"terminal": true` (the screen is
    /// the element of the root's `screens` on the path).
    fn screen_is_terminal(&self) -> bool {
        match self.steps {
            [_, screens, screen, ..] if screens.key.is_some_and(|k| k.name == "screens") => {
                screen.node.get("terminal").and_then(Node::as_bool) == Some(true)
            }
            _ => false,
        }
    }
}

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

/// Whether `s` is a number as JavaScript writes it back, so converting it between a
/// string and a number loses nothing: an integer without leading zeros or sign noise
/// (`-0` is not), with `fraction` a decimal part that ends in a non-zero digit too; at
/// most 15 digits, all exact in a double.
fn canonical_number(s: &str, fraction: bool) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) if fraction => (i, Some(f)),
        Some(_) => return false,
        None => (digits, None),
    };
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    all_digits(int)
        && (int == "0" || !int.starts_with('0'))
        && frac.is_none_or(|f| all_digits(f) && !f.ends_with('0'))
        && int.len() + frac.map_or(0, str::len) <= 15
        && s != "-0"
}

/// `s` as a JSON string token (quotes and escapes), as a fix writes it.
fn json_string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::walk::{ecma, is_dynamic};
    use crate::catalog::model::{V5_1, V6_0};

    #[test]
    fn only_numbers_written_as_javascript_writes_them_convert() {
        use super::canonical_number as c;
        for ok in ["0", "5", "-5", "30", "123456789012345"] {
            assert!(c(ok, false), "{ok}");
        }
        for no in [
            "",
            "-",
            "-0",
            "05",
            "+5",
            "5.0",
            "1e3",
            " 5",
            "5 ",
            "1234567890123456",
        ] {
            assert!(!c(no, false), "{no}");
        }
        assert!(c("2.5", true) && c("-0.25", true));
        assert!(!c("2.50", true) && !c("2.", true) && !c(".5", true) && !c("1E3", true));
    }

    #[test]
    fn every_catalog_pattern_compiles_in_ecma_reading() {
        let all: Vec<_> = crate::catalog::patterns().collect();
        assert!(all.len() >= 4, "{all:?}");
        for re in all {
            assert!(regex::Regex::new(&ecma(re)).is_ok(), "{re}");
        }
    }

    #[test]
    fn ecma_classes_mean_what_json_schema_means() {
        let re = |p: &str| regex::Regex::new(&ecma(p)).unwrap();
        assert!(!re("^a.b$").is_match("a\rb"));
        assert!(!re("^a.b$").is_match("a\u{2028}b"));
        assert!(re("^a.b$").is_match("aéb"));
        assert!(!re("\\S").is_match("\u{feff}\u{a0} \t"));
        assert!(re("^[\\s\\S]*$").is_match("any\nthing"));
        assert!(!re("^\\d$").is_match("٣"));
    }

    #[test]
    fn the_written_out_dynamic_check_is_the_dynamic_pattern() {
        let samples = [
            "${data.x}",
            "${}",
            "${",
            "}",
            "$ {x}",
            "${a\nb}",
            "${a\rb}",
            "${a}b",
            "x${a}",
            "`a`",
            "``",
            "`",
            "`a\nb`",
            "` ${x} `",
            "text",
            "",
            "${a}\n",
        ];
        for v in [V5_1, V6_0] {
            let re = regex::Regex::new(&ecma(super::generate::dynamic_pattern(v))).unwrap();
            for s in samples {
                assert_eq!(is_dynamic(s, v), re.is_match(s), "{s:?} in {v}");
            }
        }
    }
}
