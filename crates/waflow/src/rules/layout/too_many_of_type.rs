//! `too-many-of-type`.

use crate::catalog::limits::{TypeCap, ONE_OF_PER_SCREEN, PER_FLOW_CAPS, PER_SCREEN_CAPS};
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::model::Screen;
use crate::rules::Reporter;
use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
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

pub(super) fn too_many_of_type(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let applies = |cap: &&TypeCap| cap.since.is_none_or(|v| m.version >= v);
    for s in &m.flow.screens {
        for cap in PER_SCREEN_CAPS.iter().filter(applies) {
            over_screen_cap(s, cap, out);
        }
        one_of_per_screen(s, out);
    }
    for cap in PER_FLOW_CAPS.iter().filter(applies) {
        over_flow_cap(m, cap, out);
    }
}

/// A screen that shows more of `cap.component` than the cap. On a screen without If or
/// Switch, every instance counts and the ones past the cap are pointed at; with
/// conditional rendering, the largest branch counts and every instance is pointed at (the
/// builder's two validators; the message counts every instance). Conformance:
/// too-many-of-type_invalid*. `Screen::counts` is exactly that: every instance, or the
/// largest branch.
fn over_screen_cap(s: &Screen<'_, '_>, cap: &TypeCap, out: &mut Reporter<'_, '_>) {
    let TypeCap {
        component: ty, max, ..
    } = *cap;
    if s.counts.get(ty) <= max {
        return;
    }
    let conditional = s.comps.iter().any(|c| c.ty == "If" || c.ty == "Switch");
    let of_type = || s.comps.iter().filter(|c| c.ty == ty);
    let skip = if conditional { 0 } else { max };
    let at: Vec<Span> = of_type().skip(skip).map(super::type_span).collect();
    out.at(
        format!(
            "Screen {} has {} {ty} components; at most {max} per screen",
            s.id_str().unwrap_or("?"),
            of_type().count()
        ),
        None,
        &at,
    );
}

/// A screen with both components of [`ONE_OF_PER_SCREEN`], at every instance of the second.
fn one_of_per_screen(s: &Screen<'_, '_>, out: &mut Reporter<'_, '_>) {
    let [first, second] = ONE_OF_PER_SCREEN;
    if s.counts.get(first) == 0 || s.counts.get(second) == 0 {
        return;
    }
    let spans: Vec<Span> = s
        .comps
        .iter()
        .filter(|c| c.ty == second)
        .map(|c| c.node.span)
        .collect();
    out.at(
        format!(
            "Screen {} has both a {first} and a {second}; a screen may have only one of them",
            s.id_str().unwrap_or("?")
        ),
        Some("Move one picker to another screen".into()),
        &spans,
    );
}

/// A flow with more of `cap.component` than the cap, at each one past it.
fn over_flow_cap(m: &Model<'_, '_>, cap: &TypeCap, out: &mut Reporter<'_, '_>) {
    let all: Vec<Span> = m
        .components()
        .filter(|c| c.ty == cap.component)
        .map(|c| c.node.span)
        .collect();
    if all.len() > cap.max {
        out.at(
            format!(
                "The flow has {} {} components; at most {} per Flow",
                all.len(),
                cap.component,
                cap.max
            ),
            None,
            &all[cap.max..],
        );
    }
}
