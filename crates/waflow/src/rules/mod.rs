//! The semantic stage: rules over the meaning of a flow that passed the schema stage.
//!
//! Each rule is one unit: its metadata (`declare_rule!`) and its check, one function named
//! after its code, in `rules/<family>/<code>.rs`. A family lists its rules with
//! [`family!`], which makes their modules and the family's `RULES`; the registry
//! (`crate::registry`) joins every stage's list, so a rule that is declared is registered.
//! The rules read one [`model::Model`] of the flow, built once, and report through a
//! [`Reporter`] bound to their own rule. Version gating is the runner's: a rule whose
//! `since`/`until` excludes the flow's version does not run.

/// Lists a family's rules: `family!(duplicate_screen_id, reserved_screen_id)` declares the
/// modules (one file per rule, named after its code) and the family's `RULES`, in order.
/// Each module has `RULE` (its `declare_rule!`) and a function named like the module.
macro_rules! family {
    ($($rule:ident),* $(,)?) => {
        $(mod $rule;)*

        /// This family's rules, in documentation order.
        pub(super) static RULES: &[$crate::rules::SemanticRule] = &[
            $($crate::rules::SemanticRule { meta: &$rule::RULE, check: $rule::$rule },)*
        ];
    };
}

mod actions;
mod components;
mod data_model;
pub(crate) mod expr;
mod expressions;
mod layout;
pub(crate) mod model;
mod references;
mod root;
mod routing;
mod screens;

use std::sync::atomic::AtomicBool;

use crate::catalog::FlowVersion;
use crate::finding::Finding;
use crate::fix::Fix;
use crate::locate::Locator;
use crate::rule::RuleMeta;
use crate::sink::Sink;
use crate::syntax::{path_to, Node, Span};
use model::Model;

/// A semantic rule: its metadata and its check.
pub(crate) struct SemanticRule {
    pub meta: &'static RuleMeta,
    pub check: fn(&Model<'_, '_>, &mut Reporter<'_, '_>),
}

/// Where a semantic rule reports: findings of that rule, at places given as spans.
pub(crate) struct Reporter<'r, 'k> {
    rule: &'static RuleMeta,
    root: &'r Node<'r>,
    loc: &'r Locator<'r>,
    sink: &'r mut Sink<'k>,
}

impl Reporter<'_, '_> {
    /// A finding with one pointer per span, each with its own path.
    pub(crate) fn at(&mut self, message: String, help: Option<String>, spans: &[Span]) {
        self.at_with(message, help, spans, None);
    }

    /// [`Reporter::at`] with the fix the rule proposes, when it has one.
    pub(crate) fn at_with(
        &mut self,
        message: String,
        help: Option<String>,
        spans: &[Span],
        fix: Option<Fix>,
    ) {
        let mut f = self.rule.finding(message);
        f.help = help;
        f.pointers = spans
            .iter()
            .map(|&s| self.loc.pointer(s, &path_to(self.root, s)))
            .collect();
        f.fixes.extend(fix);
        self.sink.push(f);
    }

    /// A finding at Meta's place `meta` (a whole key or value token), showing people the
    /// finer place `focus` inside it.
    pub(crate) fn at_focus(
        &mut self,
        message: String,
        help: Option<String>,
        meta: Span,
        focus: Span,
    ) {
        self.at_focus_with(message, help, meta, focus, None);
    }

    /// [`Reporter::at_focus`] with the fix the rule proposes, when it has one.
    pub(crate) fn at_focus_with(
        &mut self,
        message: String,
        help: Option<String>,
        meta: Span,
        focus: Span,
        fix: Option<Fix>,
    ) {
        let mut f = self.rule.finding(message);
        f.help = help;
        f.pointers = vec![self
            .loc
            .pointer_focused(meta, &path_to(self.root, meta), focus)];
        f.fixes.extend(fix);
        self.sink.push(f);
    }
}

/// The semantic families in the order they run (which is the order of findings at one
/// position) and are documented.
const FAMILIES: &[&[SemanticRule]] = &[
    root::RULES,
    screens::RULES,
    data_model::RULES,
    references::RULES,
    expressions::RULES,
    actions::RULES,
    routing::RULES,
    layout::RULES,
    components::RULES,
];

/// The semantic rules for the registry: the flow-level family (documented before the
/// schema stage's rules), then the others.
pub(crate) fn registered() -> (Vec<&'static RuleMeta>, Vec<&'static RuleMeta>) {
    let metas = |families: &[&[SemanticRule]]| {
        families
            .iter()
            .flat_map(|rules| rules.iter().map(|r| r.meta))
            .collect()
    };
    let (flow_level, rest) = FAMILIES.split_at(1);
    (metas(flow_level), metas(rest))
}

/// Runs every semantic rule that applies to the flow's version, in order, until a stage
/// beside this one says the run failed (`Sink::failed`).
pub(crate) fn check(root: &Node<'_>, version: FlowVersion, loc: &Locator<'_>, sink: &mut Sink<'_>) {
    let model = model::build(loc, root, version);
    let rules = FAMILIES.iter().flat_map(|family| family.iter());
    for rule in rules.filter(|r| r.meta.applies_to(version)) {
        if sink.failed() {
            return;
        }
        let mut out = Reporter {
            rule: rule.meta,
            root,
            loc,
            sink,
        };
        (rule.check)(&model, &mut out);
    }
}

/// Adds the fixes of the schema stage's findings that only the model can make, after the
/// schema stage failed (so no semantic rule ran): a `pattern-mismatch` on a screen's `id`
/// gets the rename of that screen, wherever the flow names it, to the id with `_` for
/// each character an id may not have (unsafe, as every rename: an endpoint may use the
/// old name). The schema stage does not import this stage and builds no model: the
/// pipeline calls this after it. The model is built only when such a finding is there; it
/// reads a tree the schema refused without assuming its shapes.
pub(crate) fn fix_schema_findings(
    root: &Node<'_>,
    version: FlowVersion,
    loc: &Locator<'_>,
    findings: &mut [Finding],
) {
    let screens = root
        .get("screens")
        .and_then(Node::as_array)
        .unwrap_or_default();
    // Each rename reads the whole flow: bounded by the screens a flow may have (a flow
    // with more fails on that alone), so a document of many bad ids costs no more.
    if screens.len() > crate::catalog::limits::MAX_SCREENS {
        return;
    }
    // The screen whose `id` value a finding points at.
    let screen_of = |f: &Finding| {
        let at = f.pointers.first()?.span?;
        screens
            .iter()
            .position(|s| s.get("id").is_some_and(|id| id.span == at))
    };
    let mut model = None;
    let mut given: Vec<String> = Vec::new();
    for f in findings.iter_mut() {
        // The schema stage's code for a string of the wrong form (schema/codes.rs).
        if f.rule != Some("pattern-mismatch") {
            continue;
        }
        let Some(i) = screen_of(f) else { continue };
        let m = model.get_or_insert_with(|| model::build(loc, root, version));
        let Some(id) = m.flow.screens[i].id_str() else {
            continue;
        };
        let Some(base) = model::screens::valid_form(id, version).filter(|b| b != id) else {
            continue;
        };
        let Some(to) = m.fresh_screen_id(&base, &given) else {
            continue;
        };
        let Some(edits) = m.rename_screen(i, &to) else {
            continue;
        };
        f.fixes.push(Fix::r#unsafe(
            format!("Rename screen '{id}' to '{to}' wherever the flow names it"),
            edits,
        ));
        given.push(to);
    }
}

/// The semantic stage alone, on a tree parsed from `text` that passed the schema stage
/// (for benchmarks and tools that hold a tree already).
pub fn check_tree(text: &str, root: &Node<'_>, version: FlowVersion) -> Vec<Finding> {
    let loc = Locator::new(text);
    let failed = AtomicBool::new(false);
    let mut sink = Sink::new(usize::MAX, &failed);
    check(root, version, &loc, &mut sink);
    sink.finish().0
}

/// Fuzzing entry to the expression language: parses `src` as an If condition and as a
/// backtick body, type-checks and runs the condition rules; returns every fault's byte
/// range. Not part of the API.
#[doc(hidden)]
pub fn fuzz_expression(src: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    for mode in [expr::Mode::Condition, expr::Mode::Backtick] {
        match expr::parse(src, 0, mode) {
            Ok(e) => {
                let mut errs = Vec::new();
                let _ = e.type_of(&|_| Some(expr::VType::String), &mut errs);
                e.condition_faults(&mut errs);
                ranges.push(e.range());
                ranges.extend(errs.into_iter().map(|e| e.range));
            }
            Err(e) => ranges.push(e.range),
        }
    }
    if let Some(Err(e)) = expr::whole_ref(src) {
        ranges.push(e.range);
    }
    ranges
}
