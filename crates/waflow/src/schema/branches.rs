//! What Meta's builder reports about a faulty component from the *other* components its
//! container accepts.
//!
//! The builder's schema writes every children array as `items: {oneOf: [...]}` with one
//! branch per component the container takes, in a fixed order
//! (`catalog::branch_order`). Its validator is ajv 6 with `allErrors`: when no branch
//! passes (the component has any fault at all, however deep), ajv keeps the errors of
//! every branch, and the builder's error formatter then filters them. What it keeps, and
//! what this module reproduces:
//!
//! - Errors of the component object itself (an unknown key, a missing key, a `not`
//!   combination) from a branch whose `type` constant differs from the component's own
//!   `type` are dropped. A component without `type` has nothing to differ from: each
//!   key the first branch lacks is reported ("Property 'label' is not allowed in
//!   'EmbeddedLink' component"), and only its `type` is reported missing (the builder
//!   drops every later `required` error at a place once `type` is missing there).
//! - Errors inside the component's properties are kept whatever the branch: another
//!   component's type, enum or pattern for a property of the same name (DatePicker's
//!   string `label` said of a CalendarPicker's range object, EmbeddedLink's action names
//!   said of an unknown component's on-click-action).
//! - Each place and code is reported once: the first branch (or the component's own
//!   walk) wins.
//! - Exceptions the formatter makes: a component without `type` but with `children`
//!   gets only its missing `type`; a ChipsSelector gets nothing from other branches; a
//!   Footer's on-click-action `name` and, from 6.0, an `open_url` name are judged only by
//!   their own branch (NavigationList's for open_url); from 6.0 a `media-size` value only
//!   by NavigationList's.
//!
//! Only components whose own walk found a fault get here, so a flow the builder passes
//! never gets a branch error, and a valid flow pays nothing.

use foldhash::HashSet;

use crate::catalog::model::V6_0;
use crate::catalog::{Component, FlowVersion};
use crate::syntax::{Node, Span};

use super::shape::Step;
use super::walk::Fault;

/// A component node being walked as another branch of its container's `oneOf`.
#[derive(Clone, Copy)]
pub(crate) struct Branch {
    /// The index of the component's step.
    pub depth: usize,
    /// The component whose schema is applied.
    pub comp: &'static Component,
    /// The component's own type, when it names one allowed there.
    pub own: Option<&'static Component>,
    /// Whether the node has a `type` member at all.
    pub typed: bool,
}

/// Whether a component node gets branch errors at all, and from which branches.
pub(crate) fn wanted(node: &Node<'_>, own: Option<&'static Component>) -> bool {
    if node.as_object().is_none() {
        return false;
    }
    let typed = node.get("type").is_some();
    // The formatter drops every error of another branch inside a ChipsSelector.
    if own.is_some_and(|c| c.name == "ChipsSelector") {
        return false;
    }
    // An object without `type` that has `children` (a Form missing its type): only the
    // missing `type` is reported.
    typed || node.get("children").is_none()
}

impl Branch {
    /// Whether the builder's formatter keeps `fault`, found at `steps` by this branch.
    pub fn keeps(&self, steps: &[Step<'_>], fault: &Fault<'_>, v: FlowVersion) -> bool {
        let at_component = steps.len() == self.depth + 1;
        if at_component {
            return !self.typed && !matches!(fault, Fault::Missing(_));
        }
        if let Fault::Enum(_) = fault {
            let key = |i: usize| steps.get(i).and_then(|s| s.key).map(|k| k.name);
            let last = steps.len() - 1;
            let value = steps.last().and_then(|s| s.node.as_str());
            if key(last) == Some("name") && key(self.depth + 1) == Some("on-click-action") {
                if self.own.is_some_and(|c| c.name == "Footer") {
                    return false;
                }
                if v >= V6_0 && value == Some("open_url") {
                    return self.comp.name == "NavigationList";
                }
            }
            if v >= V6_0 && last == self.depth + 1 && key(last) == Some("media-size") {
                return self.comp.name == "NavigationList";
            }
        }
        true
    }
}

/// The places and codes reported inside components so far: the builder reports each
/// once, whichever branch says it first.
///
/// A place is the span of its token (the key of an unknown property, the node otherwise):
/// two byte offsets are a cheaper key than the path text, and name the same place.
#[derive(Default)]
pub(crate) struct Seen(HashSet<(u32, u32, &'static str)>);

impl Seen {
    /// Notes `fault` at `steps`; false when its place and code were reported already.
    pub fn first(&mut self, steps: &[Step<'_>], fault: &Fault<'_>) -> bool {
        let node = steps.last().map_or(Span::new(0, 0), |s| s.node.span);
        let (span, class) = match fault {
            Fault::Unknown(k) => (k.span, "additionalProperties"),
            Fault::Missing(name) => (node, *name),
            // A static string written as a reference: PATTERN_MISMATCH, as a pattern.
            Fault::Forbidden if steps.last().is_some_and(|s| s.node.as_str().is_some()) => {
                (node, "pattern")
            }
            other => (node, other.keyword()),
        };
        self.0.insert((span.start, span.end, class))
    }
}
