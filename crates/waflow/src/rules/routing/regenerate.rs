//! A `routing_model` regenerated from the flow, for the fixes of the rules that find the
//! model out of step with the navigate actions (`routing-navigate-not-in-model`,
//! `routing-unknown-screen`, `routing-missing-screen`) or missing
//! (`data-api-version-needs-routing-model`).
//!
//! What is kept and what is added: every route of the existing model between two
//! screens that exist (an endpoint moves the user with `data_exchange`, which no navigate
//! action shows, so those routes are known only from the model), then each navigate
//! S -> T the model lacks (unless it lists T -> S, which Meta accepts for it and which
//! S -> T would turn into a back edge). Routes from or to screens that do not exist, and
//! a screen's route to itself, are dropped; every screen is a key, those with nowhere to
//! go with `[]`. Screens holding a NavigationList are left as they are: they may lead
//! anywhere, and Meta judges none of their navigates against the model.
//!
//! Unsafe: the model is what the endpoint may do, and the screens it reaches only through
//! `data_exchange` can't be guessed. No fix when the result would add a fault the model
//! did not have (more than 10 routes from a screen, or no entry screen left), or when
//! two screens share an id (which one a route means would be a guess).

use foldhash::{HashSet, HashSetExt};

use crate::catalog::limits::MAX_ROUTING_BRANCHES;
use crate::catalog::model::V7_3;
use crate::edits::{self, indent_at, Json, Style};
use crate::fix::{Edit, Fix};
use crate::rules::model::Model;

/// The regenerated model: its keys in order (those of the existing model first, as
/// listed, then the other screens in document order) and each screen's routes.
struct Regenerated {
    order: Vec<usize>,
    routes: Vec<Vec<usize>>,
}

/// The fix rewriting the flow's `routing_model` value as regenerated; `None` when there
/// is none, when it would change nothing, or when it would add a fault.
pub(in crate::rules) fn rewrite(m: &Model<'_, '_>) -> Option<Fix> {
    let r = m.graph().routing.as_ref()?;
    let new = regenerate(m)?;
    let text = m.flow.text;
    let value = &r.member.value;
    let members = value.as_object()?;
    // Nothing to do: the same keys in the same order with the same routes.
    let old: Vec<(&str, Vec<Option<&str>>)> = members
        .iter()
        .map(|e| {
            let targets = e.value.as_array().unwrap_or_default();
            (e.key.name, targets.iter().map(|t| t.as_str()).collect())
        })
        .collect();
    let id = |i: usize| m.flow.screens[i].id_str();
    let same = old.len() == new.order.len()
        && old.iter().zip(&new.order).all(|((key, targets), &f)| {
            Some(*key) == id(f)
                && targets
                    .iter()
                    .copied()
                    .eq(new.routes[f].iter().map(|&t| id(t)))
        });
    if same {
        return None;
    }
    // Laid out as the author wrote the model: on one line if it was (and had members),
    // its lists on one line each if its first non-empty list was.
    let mut style = Style::of(text);
    let written = |span: crate::syntax::Span| &text[span.range()];
    style.compact |= !members.is_empty() && !written(value.span).contains('\n');
    let inline = style.compact
        || members
            .iter()
            .find(|e| e.value.as_array().is_some_and(|a| !a.is_empty()))
            .is_some_and(|e| !written(e.value.span).contains('\n'));
    let json = as_json(m, &new, inline, &style);
    let indent = indent_at(text, r.member.key.span.start);
    Some(Fix::r#unsafe(
        "Regenerate routing_model from the navigate actions",
        vec![Edit::replace(value.span, json.render(&style, indent))],
    ))
}

/// The fix adding `routing_model`, generated from the navigate actions, right after
/// `data_api_version`; `None` when the flow has a model, or no such member, or when the
/// model would add a fault.
pub(in crate::rules) fn insert(m: &Model<'_, '_>) -> Option<Fix> {
    if m.flow.routing.is_some() {
        return None;
    }
    let members = m.root.as_object()?;
    let at = members
        .iter()
        .rposition(|e| e.key.name == "data_api_version")?;
    let new = regenerate(m)?;
    let style = Style::of(m.flow.text);
    let json = as_json(m, &new, false, &style);
    let edit = edits::insert_after(m.flow.text, m.root, at, Some("routing_model"), &json)?;
    Some(Fix::r#unsafe(
        "Add a routing_model generated from the navigate actions",
        vec![edit],
    ))
}

/// The model as JSON, its lists on one line each when `inline`.
fn as_json(m: &Model<'_, '_>, new: &Regenerated, inline: bool, style: &Style) -> Json {
    let id = |i: usize| m.flow.screens[i].id_str().unwrap_or_default();
    let one_line = Style {
        compact: true,
        ..style.clone()
    };
    Json::object(new.order.iter().map(|&f| {
        let list = Json::Array(new.routes[f].iter().map(|&t| Json::str(id(t))).collect());
        let list = if inline {
            Json::Raw(list.render(&one_line, ""))
        } else {
            list
        };
        (id(f), list)
    }))
}

fn regenerate(m: &Model<'_, '_>) -> Option<Regenerated> {
    let flow = &m.flow;
    let n = flow.screens.len();
    if n == 0 || !flow.repeats.is_empty() || flow.screens.iter().any(|s| s.id_str().is_none()) {
        return None;
    }
    let g = m.graph();
    let mut order = Vec::with_capacity(n);
    let mut keyed = vec![false; n];
    let mut routes: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut edges = HashSet::new();
    // Per screen: whether it already has too many routes (an error of its own).
    let mut crowded = vec![false; n];
    if let Some(r) = &g.routing {
        for e in &r.entries {
            let Some(f) = e.from else { continue };
            crowded[f] |= e.member.value.as_array().map_or(0, <[_]>::len) > MAX_ROUTING_BRANCHES;
            if !keyed[f] {
                keyed[f] = true;
                order.push(f);
            }
            for t in e.targets.iter().filter_map(|t| t.screen) {
                if t != f && edges.insert((f, t)) {
                    routes[f].push(t);
                }
            }
        }
    }
    if !g.by_model {
        for (f, targets) in g.routes.iter().enumerate() {
            crowded[f] |= targets.len() > MAX_ROUTING_BRANCHES;
        }
    }
    for &(f, t) in &g.navigates {
        if g.links_anywhere[f] || edges.contains(&(t, f)) {
            continue;
        }
        if edges.insert((f, t)) {
            routes[f].push(t);
        }
    }
    order.extend((0..n).filter(|&i| !keyed[i]));
    // No new fault: too many routes from a screen that had few enough...
    if (0..n).any(|f| routes[f].len() > MAX_ROUTING_BRANCHES && !crowded[f]) {
        return None;
    }
    // ... or no entry screen where there was one (from 7.3 a navigate target is none).
    let mut navigated = vec![false; n];
    if m.version >= V7_3 {
        for &(_, t) in &g.navigates {
            navigated[t] = true;
        }
        for (nav, &s) in navigated.iter_mut().zip(&g.self_navigated) {
            *nav |= s;
        }
    }
    let mut entered = vec![false; n];
    for &t in routes.iter().flatten() {
        entered[t] = true;
    }
    let entry = |entered: &[bool]| (0..n).any(|i| !entered[i] && !navigated[i]);
    if entry(&g.entered) && !entry(&entered) {
        return None;
    }
    // (Back edges: a route is added only when its reverse is not listed, so the only
    // back edges are those the model had.)
    Some(Regenerated { order, routes })
}
