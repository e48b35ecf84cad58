//! Placement and counts on a screen (spec 3.1, 4.8, 8): input names, the Form, per-type
//! caps, lone components, Footers in If/Switch branches, nesting.

use crate::rule::{declare_rule, RuleMeta};
use foldhash::{HashMap, HashMapExt};

use super::model::{Comp, Model, Screen};
use super::Ctx;
use crate::catalog::model::{V4_0, V5_1, V6_2, V6_3, V7_0};
use crate::catalog::FlowVersion;
use crate::finding::Finding;
use crate::syntax::{Node, Span};

declare_rule! {
    pub(crate) DUPLICATE_INPUT_NAME {
        code: "duplicate-input-name",
        error: "DUPLICATE_FORM_COMPONENT_NAMES",
        summary: "Two input components on one screen have the same `name`.",
        doc: "An input's value is read and sent by its `name`, so names are unique per screen, counting \
         every If/Switch branch (the Form's own name aside): DUPLICATE_FORM_COMPONENT_NAMES with a \
         pointer per name [B] (spec 4, 8). Fix: rename one, e.g. `email` and `email_confirm`.",
    }
}
declare_rule! {
    pub(crate) COMPONENTS_OUTSIDE_FORM {
        code: "components-outside-form",
        error: "COMPONENTS_OUTSIDE_FORM",
        since: V4_0,
        summary: "A screen has a Form, but some inputs sit outside it.",
        doc: "From 4.0 the Form is optional, but when a screen has one, every CheckboxGroup, \
         RadioButtonsGroup, TextArea, TextInput, OptIn, Dropdown, DatePicker, PhotoPicker and \
         DocumentPicker must be inside it: COMPONENTS_OUTSIDE_FORM, one pointer per component [B] \
         (spec 3.1, 8). Fix: move them into the Form's `children`, or drop the Form.",
    }
}
declare_rule! {
    pub(crate) TOO_MANY_COMPONENTS {
        code: "too-many-components",
        error: "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
        summary: "A screen has more than 100 components.",
        doc: "Meta's builder allows 100 components per screen (the docs say 50; the builder constant, \
         which decides upload validation, is 100 — Unknowns 3). The Form wrapper is not counted, \
         nested components are, an If counts its larger branch and a Switch its largest case: \
         MAX_ALLOWED_COMPONENTS_PER_SCREEN [B] (spec 4.8). Fix: spread the content over more screens.",
    }
}
declare_rule! {
    pub(crate) TOO_MANY_OF_TYPE {
        code: "too-many-of-type",
        error: "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
        summary: "A screen (or the flow) has more components of one type than Meta allows.",
        doc: "Per screen: 1 Footer, 2 EmbeddedLink, 5 OptIn, 3 Image, 1 PhotoPicker, 1 DocumentPicker \
         (and not both pickers), 2 ImageCarousel, 1 Form (7.0+); per flow: 3 ImageCarousel. Branches \
         count as in too-many-components, so a Footer in an If plus one outside is two: \
         COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN [B][D] (spec 4.4-4.8, 8). Fix: remove the extra ones \
         or move them to another screen.",
    }
}
declare_rule! {
    pub(crate) INVALID_RICHTEXT_PLACEMENT {
        code: "invalid-richtext-placement",
        error: "INVALID_COMPONENT_PLACEMENT",
        since: V5_1,
        summary: "RichText shares its screen with other components.",
        doc: "RichText renders a whole document, so it must be the only component of the screen (up to \
         6.2) or alone with one Footer (6.3+), directly in the layout [B] (spec 3.1, 4.1). The spec \
         sheet lists INVALID_RICHTEXT_PLACEMENT; Meta's builder answers INVALID_COMPONENT_PLACEMENT \
         at the RichText's `type` (conformance record invalid-richtext-placement_invalid), and the \
         record wins. Fix: move the other components to their own screen.",
    }
}
declare_rule! {
    pub(crate) INVALID_NAVIGATION_LIST_PLACEMENT {
        code: "invalid-navigation-list-placement",
        error: "INVALID_COMPONENT_PLACEMENT",
        since: V6_2,
        summary: "A NavigationList shares its screen with other components, exceeds two, or is on a terminal screen.",
        doc: "A NavigationList screen holds only NavigationLists (at most 2; a Form wrapper is ignored) \
         and is never terminal: INVALID_COMPONENT_PLACEMENT [B][D] (spec 4.4, 8). Fix: move other \
         components to another screen; end the flow on a screen after the list.",
    }
}
declare_rule! {
    pub(crate) MISSING_FOOTER_IN_IF_BRANCH {
        code: "missing-footer-in-if-branch",
        error: "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
        since: V4_0,
        summary: "An If has a Footer in one branch but not in the other.",
        doc: "A screen shows exactly one Footer, so a Footer placed in an If must be in both `then` and \
         `else`: MISSING_FOOTER_IN_IF_ELSE_BRANCHES [B] (spec 4.4, 8). Meta's error-codes page \
         says the `else` branch 'should exist and contain one Footer'; the builder accepts an \
         `else` without one (conformance record missing-footer-in-if-branch_invalid), and waflow \
         keeps the documented rule, since the screen would show no Footer on that branch. Fix: add \
         a Footer to the other branch (adding `else` if needed).",
    }
}
declare_rule! {
    pub(crate) MISSING_FOOTER_IN_SWITCH_CASE {
        code: "missing-footer-in-switch-case",
        error: "MISSING_FOOTER_IN_SWITCH_BRANCHES",
        since: V4_0,
        summary: "A Switch has a Footer in some cases but not all.",
        doc: "As with If, a Footer in one Switch case must be in every case: \
         MISSING_FOOTER_IN_SWITCH_BRANCHES [B] (spec 4.4, 8). The error-codes page documents the \
         code; the builder accepts a case without one (conformance record \
         missing-footer-in-switch-case_invalid), and waflow keeps the documented rule as for If. \
         Fix: add a Footer to each case.",
    }
}
declare_rule! {
    pub(crate) EMPTY_SWITCH_CASES {
        code: "empty-switch-cases",
        error: "INVALID_PROPERTY_VALUE",
        since: V4_0,
        summary: "A Switch has no cases.",
        doc: "A Switch picks one of its `cases` by value; with none it shows nothing [B] (spec 4.7, 8). \
         The spec sheet lists EMPTY_SWITCH_CASES; Meta's builder answers INVALID_PROPERTY_VALUE \
         'The cases property of a Switch component cannot be empty' (conformance record \
         empty-switch-cases_invalid), and the record wins. Fix: add \"cases\": {\"a\": [...], \"b\": [...]}, or remove the Switch.",
    }
}
declare_rule! {
    pub(crate) INVALID_SWITCH_CASE_KEY {
        code: "invalid-switch-case-key",
        error: "PATTERN_MISMATCH",
        since: V4_0,
        summary: "A Switch case key does not start with a letter followed by letters, digits, '-' or '_'.",
        doc: "Case keys match `^[a-zA-Z][a-zA-Z0-9-_]*$`: PATTERN_MISMATCH at the key [B] (spec 4.7, 8). \
         Fix: \"1\" -> \"one\", \"gold plan\" -> \"gold_plan\".",
    }
}
declare_rule! {
    pub(crate) IF_NESTING_TOO_DEEP {
        code: "if-nesting-too-deep",
        error: "MAXIMUM_IF_NESTING",
        since: V4_0,
        summary: "If components are nested more than 3 deep.",
        doc: "An If may sit inside at most two enclosing Ifs (3 levels): MAXIMUM_IF_NESTING [B] (spec 3.1, \
         4.7, 8). Fix: combine conditions with && instead of nesting, or use a Switch.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &DUPLICATE_INPUT_NAME,
    &COMPONENTS_OUTSIDE_FORM,
    &TOO_MANY_COMPONENTS,
    &TOO_MANY_OF_TYPE,
    &INVALID_RICHTEXT_PLACEMENT,
    &INVALID_NAVIGATION_LIST_PLACEMENT,
    &MISSING_FOOTER_IN_IF_BRANCH,
    &MISSING_FOOTER_IN_SWITCH_CASE,
    &EMPTY_SWITCH_CASES,
    &INVALID_SWITCH_CASE_KEY,
    &IF_NESTING_TOO_DEEP,
];

const IN_FORM_ONLY: &[&str] = &[
    "CheckboxGroup",
    "RadioButtonsGroup",
    "TextArea",
    "TextInput",
    "OptIn",
    "Dropdown",
    "DatePicker",
    "PhotoPicker",
    "DocumentPicker",
];
const MAX_COMPONENTS: usize = 100;
const MAX_IF_DEPTH: u8 = 2;
const CAROUSELS_PER_FLOW: usize = 3;

/// Per-screen caps (spec 4.8); `since` for caps that start later.
const CAPS: &[(&str, usize, Option<FlowVersion>)] = &[
    ("Footer", 1, None),
    ("EmbeddedLink", 2, None),
    ("OptIn", 5, None),
    ("Image", 3, None),
    ("PhotoPicker", 1, None),
    ("DocumentPicker", 1, None),
    ("ImageCarousel", 2, None),
    ("Form", 1, Some(V7_0)),
];

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    let flow = &ix.flow;
    let mut carousels: Vec<Span> = Vec::new();
    for s in &flow.screens {
        let id = s.id_str().unwrap_or("?");
        names(ctx, s, out);
        if ctx.version >= V4_0 && s.comps.iter().any(|c| c.ty == "Form") {
            let outside: Vec<Span> = s
                .comps
                .iter()
                .filter(|c| c.form.is_none() && IN_FORM_ONLY.contains(&c.ty))
                .map(|c| c.node.span)
                .collect();
            if !outside.is_empty() {
                out.push(ctx.at(
                    &COMPONENTS_OUTSIDE_FORM,
                    format!(
                        "Screen {id} has a Form, so its inputs must be inside it; {} input(s) sit outside it",
                        outside.len()
                    ),
                    Some("Move them into the Form's children".into()),
                    &outside,
                ));
            }
        }
        let children = s
            .node
            .get("layout")
            .and_then(|l| l.get("children"))
            .and_then(Node::as_array)
            .unwrap_or_default();
        let counts = count(children);
        // Meta's builder counts every component but Forms, in document order, and points
        // at the `type` of each one past the limit (WAFlowJSONTotalComponentsPerScreen).
        let counted = || s.comps.iter().filter(|c| c.ty != "Form");
        let total = counted().count();
        if total > MAX_COMPONENTS {
            let extra: Vec<Span> = counted().skip(MAX_COMPONENTS).map(type_span).collect();
            out.push(ctx.at(
                &TOO_MANY_COMPONENTS,
                format!("Screen {id} has {total} components; at most {MAX_COMPONENTS} are allowed"),
                None,
                &extra,
            ));
        }
        // Per type: on a screen without If or Switch, every instance counts and the ones
        // past the cap are pointed at; with conditional rendering, the largest branch
        // counts and every instance is pointed at (the builder's two validators; the
        // message counts every instance). Conformance: too-many-of-type_invalid*. `counts`
        // is exactly that: every instance, or the largest branch.
        let conditional = s.comps.iter().any(|c| c.ty == "If" || c.ty == "Switch");
        for &(ty, cap, since) in CAPS {
            if counts.get(ty) > cap && since.is_none_or(|v| ctx.version >= v) {
                let of_type = || s.comps.iter().filter(|c| c.ty == ty);
                let skip = if conditional { 0 } else { cap };
                let at: Vec<Span> = of_type().skip(skip).map(type_span).collect();
                out.push(ctx.at(
                    &TOO_MANY_OF_TYPE,
                    format!(
                        "Screen {id} has {} {ty} components; at most {cap} per screen",
                        of_type().count()
                    ),
                    None,
                    &at,
                ));
            }
        }
        if counts.get("PhotoPicker") > 0 && counts.get("DocumentPicker") > 0 {
            let spans: Vec<Span> = s
                .comps
                .iter()
                .filter(|c| c.ty == "DocumentPicker")
                .map(|c| c.node.span)
                .collect();
            out.push(ctx.at(
                &TOO_MANY_OF_TYPE,
                format!("Screen {id} has both a PhotoPicker and a DocumentPicker; a screen may have only one of them"),
                Some("Move one picker to another screen".into()),
                &spans,
            ));
        }
        carousels.extend(
            s.comps
                .iter()
                .filter(|c| c.ty == "ImageCarousel")
                .map(|c| c.node.span),
        );
        placement(ctx, s, &counts, out);
        branches(ctx, s, out);
    }
    if carousels.len() > CAROUSELS_PER_FLOW {
        out.push(ctx.at(
            &TOO_MANY_OF_TYPE,
            format!(
                "The flow has {} ImageCarousel components; at most {CAROUSELS_PER_FLOW} per Flow",
                carousels.len()
            ),
            None,
            &carousels[CAROUSELS_PER_FLOW..],
        ));
    }
}

/// Where Meta points for a component it counts: its `type` value.
fn type_span(c: &Comp<'_, '_>) -> Span {
    c.get("type").map_or(c.node.span, |t| t.span)
}

fn names(ctx: &Ctx<'_, '_>, s: &Screen<'_, '_>, out: &mut Vec<Finding>) {
    let mut by_name: HashMap<&str, Vec<Span>> = HashMap::new();
    for c in s.comps.iter().filter(|c| c.is_input()) {
        if let (Some(name), Some(node)) = (c.name(), c.get("name")) {
            by_name.entry(name).or_default().push(node.span);
        }
    }
    let mut dups: Vec<_> = by_name.into_iter().filter(|(_, v)| v.len() > 1).collect();
    dups.sort_by_key(|(_, v)| v[0].start);
    for (name, spans) in dups {
        out.push(ctx.at(
            &DUPLICATE_INPUT_NAME,
            format!(
                "{} inputs on screen {} are named '{name}'; input names must be unique per screen",
                spans.len(),
                s.id_str().unwrap_or("?")
            ),
            Some("Rename all but one".into()),
            &spans,
        ));
    }
}

/// How Meta counts a screen's components: the Form wrapper not counted, an If by its
/// larger branch, a Switch by its largest case.
#[derive(Default)]
struct Counts<'a> {
    total: usize,
    /// Per type, the most any path through the branches shows (a cap holds in every
    /// branch). `Form` is counted here for its own cap.
    by_type: HashMap<&'a str, usize>,
}

impl<'a> Counts<'a> {
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

    fn get(&self, ty: &str) -> usize {
        self.by_type.get(ty).copied().unwrap_or(0)
    }
}

fn count<'a>(children: &'a [Node<'_>]) -> Counts<'a> {
    let mut c = Counts::default();
    for node in children {
        let Some(ty) = node.get("type").and_then(Node::as_str) else {
            continue;
        };
        let list = |key: &str| node.get(key).and_then(Node::as_array).unwrap_or_default();
        match ty {
            "Form" => {
                *c.by_type.entry("Form").or_default() += 1;
                c.add(count(list("children")));
            }
            "If" => c.add(Counts::largest(
                [count(list("then")), count(list("else"))].into_iter(),
            )),
            "Switch" => {
                let cases = node
                    .get("cases")
                    .and_then(Node::as_object)
                    .unwrap_or_default();
                c.add(Counts::largest(
                    cases
                        .iter()
                        .map(|m| count(m.value.as_array().unwrap_or_default())),
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

fn placement(ctx: &Ctx<'_, '_>, s: &Screen<'_, '_>, counts: &Counts<'_>, out: &mut Vec<Finding>) {
    let id = s.id_str().unwrap_or("?");
    let content = counts.total;
    if ctx.version >= V5_1 {
        for rt in s.comps.iter().filter(|c| c.ty == "RichText") {
            let footers = counts.get("Footer");
            let companions = content.saturating_sub(1);
            let ok = rt.container == crate::catalog::model::Container::Layout
                && (companions == 0 || (ctx.version >= V6_3 && companions == 1 && footers == 1));
            if !ok {
                let allowed = if ctx.version >= V6_3 {
                    "alone or with one Footer"
                } else {
                    "the only component"
                };
                out.push(ctx.at(
                    &INVALID_RICHTEXT_PLACEMENT,
                    format!("RichText must be {allowed} on its screen, directly in the layout; screen {id} has {companions} other component(s)"),
                    Some("Move the other components to their own screen".into()),
                    &[type_span(rt)],
                ));
            }
        }
    }
    if ctx.version >= V6_2 {
        let lists: Vec<&Comp<'_, '_>> = s
            .comps
            .iter()
            .filter(|c| c.ty == "NavigationList")
            .collect();
        if !lists.is_empty() {
            let others = content - lists.len().min(content);
            let problem = if s.terminal {
                Some(format!("A NavigationList can't be on terminal screen {id}"))
            } else if lists.len() > 2 {
                Some(format!(
                    "Only up to 2 NavigationLists may be used per screen; screen {id} has {}",
                    lists.len()
                ))
            } else if others > 0 {
                Some(format!("A NavigationList must be alone on its screen; screen {id} has {others} other component(s)"))
            } else {
                None
            };
            if let Some(message) = problem {
                out.push(ctx.at(
                    &INVALID_NAVIGATION_LIST_PLACEMENT,
                    message,
                    None,
                    &lists.iter().map(|c| type_span(c)).collect::<Vec<_>>(),
                ));
            }
        }
    }
}

fn has_footer(list: &[Node<'_>]) -> bool {
    list.iter()
        .any(|c| match c.get("type").and_then(Node::as_str) {
            Some("Footer") => true,
            Some("Form") => c
                .get("children")
                .and_then(Node::as_array)
                .is_some_and(has_footer),
            Some("If") => ["then", "else"]
                .iter()
                .any(|k| c.get(k).and_then(Node::as_array).is_some_and(has_footer)),
            Some("Switch") => c.get("cases").and_then(Node::as_object).is_some_and(|cs| {
                cs.iter()
                    .any(|m| m.value.as_array().is_some_and(has_footer))
            }),
            _ => false,
        })
}

fn branches(ctx: &Ctx<'_, '_>, s: &Screen<'_, '_>, out: &mut Vec<Finding>) {
    for c in &s.comps {
        match c.ty {
            "If" => {
                if c.if_depth > MAX_IF_DEPTH {
                    // Meta points at the outermost If of the chain; the deep one is shown.
                    let outer = s
                        .comps
                        .iter()
                        .find(|o| {
                            o.ty == "If"
                                && o.if_depth == 0
                                && o.node.span.start <= c.node.span.start
                                && c.node.span.end <= o.node.span.end
                        })
                        .map_or(c.node.span, |o| o.node.span);
                    out.push(ctx.at_focus(
                        &IF_NESTING_TOO_DEEP,
                        format!(
                            "This If is nested {} levels deep; at most {} levels of If are allowed",
                            c.if_depth + 1,
                            MAX_IF_DEPTH + 1
                        ),
                        Some("Combine the conditions with && instead of nesting".into()),
                        outer,
                        c.node.span,
                    ));
                }
                let then = c
                    .get("then")
                    .and_then(Node::as_array)
                    .is_some_and(has_footer);
                let els = c
                    .get("else")
                    .and_then(Node::as_array)
                    .is_some_and(has_footer);
                if then != els {
                    let (has, lacks) = if then {
                        ("then", "else")
                    } else {
                        ("else", "then")
                    };
                    out.push(ctx.at(
                        &MISSING_FOOTER_IN_IF_BRANCH,
                        format!("This If has a Footer in '{has}' but not in '{lacks}'; a Footer in an If must be in both branches"),
                        Some(format!("Add a Footer to '{lacks}'")),
                        &[c.node.span],
                    ));
                }
            }
            "Switch" => {
                let Some(cases) = c.get("cases").and_then(Node::as_object) else {
                    continue;
                };
                if cases.is_empty() {
                    out.push(ctx.at(
                        &EMPTY_SWITCH_CASES,
                        "This Switch has no cases".into(),
                        Some("Add at least one case: \"cases\": {\"a\": [...]}".into()),
                        &[c.get("cases").map_or(c.node.span, |n| n.span)],
                    ));
                    continue;
                }
                for m in cases {
                    let k = m.key.name;
                    let ok = k.chars().next().is_some_and(|f| f.is_ascii_alphabetic())
                        && k.chars()
                            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
                    if !ok {
                        out.push(ctx.at(
                            &INVALID_SWITCH_CASE_KEY,
                            format!("Switch case key '{k}' must start with a letter and use only letters, digits, '-' and '_'"),
                            None,
                            &[m.key.span],
                        ));
                    }
                }
                let with: Vec<bool> = cases
                    .iter()
                    .map(|m| m.value.as_array().is_some_and(has_footer))
                    .collect();
                if with.iter().any(|b| *b) && !with.iter().all(|b| *b) {
                    let lacking: Vec<&str> = cases
                        .iter()
                        .zip(&with)
                        .filter(|(_, b)| !**b)
                        .map(|(m, _)| m.key.name)
                        .collect();
                    out.push(ctx.at(
                        &MISSING_FOOTER_IN_SWITCH_CASE,
                        format!(
                            "This Switch has a Footer in some cases but not in: {}",
                            lacking.join(", ")
                        ),
                        Some("Add a Footer to every case".into()),
                        &[c.node.span],
                    ));
                }
            }
            _ => {}
        }
    }
}
