//! The screen graph (spec 7): `routing_model` in endpoint flows (7.1), otherwise the
//! graph of navigate actions (7.2). Built once as adjacency lists; every check is linear
//! in screens plus edges.
//!
//! Decisions, from the real-flow corpus (corpus/real, MANIFEST):
//! - The model's own entries (screens exist, branches, loops, back edges) are judged
//!   wherever a `routing_model` appears; coverage, entry and connectivity of the model
//!   only in flows that have one (as Meta's builder decides it), where the model is the graph Meta
//!   routes by. pywa's 2.1 fixtures carry `"routing_model": {}` and its 4.0 forward-refs
//!   flow a partial model without an endpoint; the docs make the model optional there, so
//!   those flows get the navigate-graph checks of 7.2 instead.
//! - A navigate S -> T agrees with the model when it lists S -> T or T -> S: spec 7.1 notes
//!   that [B]'s lookup may accept the reverse edge, and pywa's documented sign-up flow (an
//!   endpoint flow) navigates LOGIN -> SIGN_UP with only SIGN_UP -> LOGIN routed.
//! - "Every route ends in a terminal screen" (docs only) is a warning, and a route may
//!   also end on a `data_exchange` screen (the endpoint routes it) or on a screen without
//!   a Footer (left with Back): 9 of the 66 real flows, Meta's templates among them, end
//!   routes that way (`dead_ends`).

use crate::catalog::model::V7_3;
use crate::rule::{declare_rule, RuleMeta};
use foldhash::{HashSet, HashSetExt};

use super::model::Model;
use super::Ctx;
use crate::catalog::model::{V5_0, V6_2};
use crate::finding::Finding;
use crate::syntax::Span;

declare_rule! {
    pub(crate) ROUTING_UNKNOWN_SCREEN {
        code: "routing-unknown-screen",
        error: "INVALID_ROUTING_MODEL",
        summary: "`routing_model` names a screen that does not exist.",
        doc: "Each key of `routing_model` is a screen id and each array lists the screens it may move \
         to; an id that is no screen is INVALID_ROUTING_MODEL, with the pointer on the key or \
         entry and the invalid screens listed [B][D] (spec 7.1). Fix: correct the id or add the \
         screen.",
    }
}
declare_rule! {
    pub(crate) ROUTING_TOO_MANY_BRANCHES {
        code: "routing-too-many-branches",
        error: "INVALID_ROUTING_MODEL",
        summary: "A screen may move to more than 10 screens.",
        doc: "Meta allows at most 10 destinations per screen, counted in `routing_model` or, without \
         one, over the screen's distinct navigate targets: INVALID_ROUTING_MODEL [B][D] (spec 7.1, \
         7.2). Fix: split the choice over two screens (e.g. a category screen first).",
    }
}
declare_rule! {
    pub(crate) ROUTING_SELF_LOOP {
        code: "routing-self-loop",
        error: "INVALID_ROUTING_MODEL",
        summary: "A screen lists itself in `routing_model`.",
        doc: "A route from a screen to itself is reported as a loop: INVALID_ROUTING_MODEL [B][D] (spec \
         7.1). Fix: remove the screen from its own list; refresh it with data_exchange instead.",
    }
}
declare_rule! {
    pub(crate) ROUTING_BACK_EDGE {
        code: "routing-back-edge",
        error: "INVALID_ROUTING_MODEL",
        summary: "Two screens route to each other.",
        doc: "Routes go forward: if A may move to B, B listing A is a back edge, which Meta rejects \
         because the client handles Back itself: INVALID_ROUTING_MODEL [B][D] (spec 7.1). The \
         finding points at both entries. Fix: remove the backward entry.",
    }
}
declare_rule! {
    pub(crate) ROUTING_MISSING_SCREEN {
        code: "routing-missing-screen",
        error: "INVALID_ROUTING_MODEL",
        summary: "A non-terminal screen appears nowhere in `routing_model`, neither as a key nor as a target.",
        doc: "Every non-terminal screen must appear in `routing_model` so Meta knows how it is reached \
         and where it leads: INVALID_ROUTING_MODEL, 'Following screens are missing in the routing \
         model', pointing at each missing screen's id [B][D] (spec 7.1). A screen that is only a \
         target (a leaf with no key of its own) is accepted: the builder counts keys, targets and \
         terminal screens as present (conformance record routing-missing-screen_invalid passes, \
         the mutated *__routing_drop__* flows fail). Fix: add \"SCREEN_ID\": [\"NEXT\", ...] for \
         it and route to it from the screen before.",
    }
}
declare_rule! {
    pub(crate) ROUTING_NO_ENTRY_SCREEN {
        code: "routing-no-entry-screen",
        error: "INVALID_ROUTING_MODEL",
        summary: "Every screen is the target of some route, so the flow has no entry screen.",
        doc: "The flow starts on a screen nothing routes to; when every screen has an inbound route (or, \
         without `routing_model`, is a navigate target) there is no entry point: \
         INVALID_ROUTING_MODEL [B][D] (spec 7.1, 7.2). From 7.3 the entry screen must also not be \
         the target of any navigate. Screens with a NavigationList are exempt without a routing \
         model. Fix: remove the route (or navigate) into the first screen.",
    }
}
declare_rule! {
    pub(crate) ROUTING_DISCONNECTED_SCREENS {
        code: "routing-disconnected-screens",
        error: "INVALID_ROUTING_MODEL",
        summary: "Some screens are not connected to the first screen.",
        doc: "All screens must be connected (ignoring direction) to the first screen, through \
         `routing_model` or, without one, through navigate actions; the message lists the \
         disconnected screens (INVALID_ROUTING_MODEL) [B] (spec 7.1, 7.2). A screen with a \
         NavigationList links to every screen. Fix: route to them, or delete them.",
    }
}
declare_rule! {
    pub(crate) ROUTING_NAVIGATE_NOT_IN_MODEL {
        code: "routing-navigate-not-in-model",
        error: "INVALID_ROUTING_MODEL",
        summary: "A screen navigates to a screen its `routing_model` entry does not list.",
        doc: "In an endpoint flow the routing model is the map of allowed moves, so each navigate from S \
         to T needs the route S -> T; Meta reports the missing direct route with two pointers, on \
         both screens' ids [B] (spec 7.1). Screens with a NavigationList are exempt (6.2+). Fix: add \
         T to S's list in `routing_model`.",
    }
}

// A warning: the docs state it, no Meta validator was seen enforcing it (spec 7.1,
// Unknowns 15), and Meta's own templates end routes elsewhere than on terminal screens.
declare_rule! {
    pub(crate) ROUTING_DEAD_END {
        code: "routing-dead-end",
        error: "INVALID_ROUTING_MODEL",
        severity: Warning,
        summary: "In an endpoint flow, a screen's Footer leads only to screens that cannot end the flow.",
        doc: "Meta's docs ask every route of `routing_model` to end in a terminal screen; no Meta \
         validator was seen enforcing it (spec 7.1, Unknowns 15), and Meta's own templates \
         end routes otherwise, so waflow warns only where the user is stranded. A route may \
         end on a terminal screen, or on a screen with a `data_exchange` action: the \
         endpoint answers it with the next screen at run time, and the reserved screen \
         `SUCCESS` completes the flow (spec 7.1). A screen without a Footer (terms, details) \
         is left with Back, which WhatsApp handles, and needs no route onward. What is left: \
         a screen whose Footer moves the user on, but no route from it reaches a screen \
         that can end the flow (code INVALID_ROUTING_MODEL, as every routing rule). Fix: \
         route the screen to one that ends the flow (e.g. \"CONFIRM\": [\"SUCCESS_SCREEN\"] \
         with SUCCESS_SCREEN terminal), or let its Footer send a `data_exchange` the \
         endpoint completes.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &ROUTING_UNKNOWN_SCREEN,
    &ROUTING_TOO_MANY_BRANCHES,
    &ROUTING_SELF_LOOP,
    &ROUTING_BACK_EDGE,
    &ROUTING_MISSING_SCREEN,
    &ROUTING_NO_ENTRY_SCREEN,
    &ROUTING_DISCONNECTED_SCREENS,
    &ROUTING_NAVIGATE_NOT_IN_MODEL,
    &ROUTING_DEAD_END,
];

const MAX_BRANCHES: usize = 10;

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    let flow = &ix.flow;
    let n = flow.screens.len();
    if n == 0 {
        return;
    }
    let id_span = |i: usize| {
        flow.screens[i]
            .id
            .map_or(flow.screens[i].node.span, |n| n.span)
    };
    let name = |i: usize| flow.screens[i].id_str().unwrap_or("?");
    let has_navlist: Vec<bool> = flow
        .screens
        .iter()
        .map(|s| flow.version >= V6_2 && s.comps.iter().any(|c| c.ty == "NavigationList"))
        .collect();
    // navigate edges (from, to, the `next.name` node), targets that exist and differ.
    let mut navigates: Vec<(usize, usize, Span)> = Vec::new();
    // Navigates the routing rules above don't graph but Meta still judges: to the screen
    // itself (an inbound route of it) or to a screen that does not exist.
    let mut odd_navigates: Vec<(usize, Option<usize>, &str)> = Vec::new();
    for a in ix.actions.iter().filter(|a| a.name == "navigate") {
        let Some(next) = a.next_screen() else {
            continue;
        };
        let Some(id) = next.as_str() else { continue };
        match flow.ids.get(id) {
            Some(&t) if t != a.screen => navigates.push((a.screen, t, next.span)),
            t => odd_navigates.push((a.screen, t.copied(), id)),
        }
    }
    // From 5.0 Meta judges a flow by its routing_model when it has one (any object, even
    // empty), by the graph of its navigates otherwise; data_api_version does not decide it
    // (WAFlowJSONRoutingModelValidator; conformance: *__drop_data_api__* flows). Before
    // 5.0 there is no record; pywa's 2.1 fixtures carry `"routing_model": {}` without an
    // endpoint, so there the endpoint decides, as the docs of that time say.
    let model = flow.routing.is_some() && (flow.version >= V5_0 || flow.data_api);
    let self_navigated = |i: usize| {
        odd_navigates
            .iter()
            .any(|&(f, t, _)| f == i && t == Some(i))
    };
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut inbound = vec![false; n];
    if let Some((member, entries)) = flow
        .routing
        .and_then(|m| m.value.as_object().map(|o| (m, o)))
    {
        {
            let mut edges: HashSet<(usize, usize)> = HashSet::new();
            let mut edge_span: foldhash::HashMap<(usize, usize), Span> = Default::default();
            let mut bad: Vec<(&str, Span)> = Vec::new();
            // Screens a routing_model names, as a key or a target.
            let mut keyed = vec![false; n];
            for e in entries {
                let from = flow.ids.get(e.key.name).copied();
                match from {
                    Some(f) => keyed[f] = true,
                    None => bad.push((e.key.name, e.key.span)),
                }
                let targets = e.value.as_array().unwrap_or_default();
                if targets.len() > MAX_BRANCHES {
                    out.push(ctx.at(
                        &ROUTING_TOO_MANY_BRANCHES,
                        format!(
                            "Screen {} routes to {} screens; at most {MAX_BRANCHES} are allowed",
                            e.key.name,
                            targets.len()
                        ),
                        None,
                        &[e.key.span],
                    ));
                }
                for t in targets {
                    let Some(tid) = t.as_str() else { continue };
                    let Some(&ti) = flow.ids.get(tid) else {
                        bad.push((tid, t.span));
                        continue;
                    };
                    keyed[ti] = true;
                    let Some(f) = from else { continue };
                    if f == ti {
                        // Meta points at the screen's key, and the loop is an inbound
                        // route: a lone screen routing to itself leaves no entry screen.
                        out.push(ctx.at(
                            &ROUTING_SELF_LOOP,
                            format!("Screen {tid} routes to itself (a loop)"),
                            Some("Remove it from its own list".into()),
                            &[e.key.span],
                        ));
                        inbound[ti] = true;
                        continue;
                    }
                    if edge_span.contains_key(&(ti, f)) {
                        // The later of the two is the backward route (Meta points there).
                        out.push(ctx.at(
                            &ROUTING_BACK_EDGE,
                            format!("Screens {} and {tid} route to each other; the route {} -> {tid} goes backward (Back is handled by WhatsApp)", e.key.name, e.key.name),
                            Some("Remove the backward entry".into()),
                            &[t.span],
                        ));
                    }
                    if edges.insert((f, ti)) {
                        edge_span.insert((f, ti), t.span);
                        adj[f].push(ti);
                        inbound[ti] = true;
                    }
                }
            }
            if !bad.is_empty() {
                let names: Vec<&str> = bad.iter().map(|b| b.0).collect();
                let spans: Vec<Span> = bad.iter().map(|b| b.1).collect();
                out.push(ctx.at(
                    &ROUTING_UNKNOWN_SCREEN,
                    format!(
                        "routing_model names screens that do not exist: {}",
                        names.join(", ")
                    ),
                    None,
                    &spans,
                ));
            }
            let missing: Vec<usize> = (0..n)
                .filter(|&i| !keyed[i] && !flow.screens[i].terminal)
                .collect();
            if !model {
                // Without an endpoint the model is optional and the navigate graph is the
                // flow's graph (7.2, below); only the model's own entries are judged.
                adj.iter_mut().for_each(Vec::clear);
                inbound.iter_mut().for_each(|b| *b = false);
            } else if !missing.is_empty() {
                // Meta: a non-terminal screen the model names nowhere, neither as a key
                // nor as a target, pointed at by its id (WAFlowJSONRoutingModelSource).
                out.push(ctx.at(
                    &ROUTING_MISSING_SCREEN,
                    format!(
                        "routing_model does not name non-terminal screen(s): {}",
                        missing.iter().map(|&i| name(i)).collect::<Vec<_>>().join(", ")
                    ),
                    Some("Add \"SCREEN_ID\": [\"NEXT_SCREEN_ID\", ...] for each, and route to it from the screen before".into()),
                    &missing.iter().map(|&i| id_span(i)).collect::<Vec<_>>(),
                ));
            }
            let navigated: Vec<bool> = {
                let mut v = vec![false; n];
                if flow.version >= V7_3 {
                    navigates.iter().for_each(|&(_, t, _)| v[t] = true);
                    (0..n).for_each(|i| v[i] |= self_navigated(i));
                }
                v
            };
            if model && !(0..n).any(|i| !inbound[i] && !navigated[i]) {
                out.push(ctx.at(
                    &ROUTING_NO_ENTRY_SCREEN,
                    "Every screen has an inbound route, so the flow has no entry screen".into(),
                    Some(format!(
                        "Remove the routes into the first screen, {}",
                        name(0)
                    )),
                    &[member.value.span],
                ));
            }
            if model {
                for &(f, t, _) in &navigates {
                    if !edges.contains(&(f, t)) && !edges.contains(&(t, f)) && !has_navlist[f] {
                        out.push(ctx.at(
                            &ROUTING_NAVIGATE_NOT_IN_MODEL,
                            format!("Direct route missing from {} to {} in routing_model, although {} navigates there", name(f), name(t), name(f)),
                            Some(format!("Add \"{}\" to the routing_model entry of {}", name(t), name(f))),
                            &[id_span(f), id_span(t)],
                        ));
                    }
                }
                // A navigate to itself or to a missing screen has no route either (Meta
                // reports it at the screen's id; conformance: *__navigate_self__*,
                // *__navigate_missing__*).
                for &(f, t, target) in &odd_navigates {
                    let routed = t.is_some_and(|t| edges.contains(&(f, t)));
                    if !routed && !has_navlist[f] {
                        out.push(ctx.at(
                            &ROUTING_NAVIGATE_NOT_IN_MODEL,
                            format!("Direct route missing from {} to {target} in routing_model, although {} navigates there", name(f), name(f)),
                            None,
                            &[id_span(f)],
                        ));
                    }
                }
            }
            if model {
                disconnected(ctx, flow, &adj, &has_navlist, None, out, &id_span);
                dead_ends(ctx, ix, &adj, out, &id_span);
            }
        }
    }
    if !model {
        {
            let mut seen: HashSet<(usize, usize)> = HashSet::new();
            for &(f, t, _) in &navigates {
                if seen.insert((f, t)) {
                    adj[f].push(t);
                    inbound[t] = true;
                }
            }
            for (i, targets) in adj.iter().enumerate() {
                if targets.len() > MAX_BRANCHES && !has_navlist[i] {
                    out.push(ctx.at(
                        &ROUTING_TOO_MANY_BRANCHES,
                        format!("Screen {} navigates to {} different screens; at most {MAX_BRANCHES} are allowed", name(i), targets.len()),
                        None,
                        // Meta points at the whole screen (routing-too-many-branches_invalid-navigate).
                        &[flow.screens[i].node.span],
                    ));
                }
            }
            let any_navlist = has_navlist.iter().any(|b| *b);
            if n >= 2 && !any_navlist && !(0..n).any(|i| !inbound[i] && !self_navigated(i)) {
                out.push(ctx.at(
                    &ROUTING_NO_ENTRY_SCREEN,
                    "Every screen is the target of a navigate action, so the flow has no entry screen".into(),
                    Some(format!("Remove the navigate into the first screen, {}", name(0))),
                    &[ctx.root.get("screens").map_or(ctx.root.span, |s| s.span)],
                ));
            }
            if n >= 2 {
                let mut touched = vec![false; n];
                for &(f, t, _) in &navigates {
                    touched[f] = true;
                    touched[t] = true;
                }
                for &(f, t, _) in &odd_navigates {
                    touched[f] = true;
                    if let Some(t) = t {
                        touched[t] = true;
                    }
                }
                disconnected(ctx, flow, &adj, &has_navlist, Some(&touched), out, &id_span);
            }
        }
    }
}

fn disconnected(
    ctx: &Ctx<'_, '_>,
    flow: &super::model::Flow<'_, '_>,
    adj: &[Vec<usize>],
    has_navlist: &[bool],
    touched: Option<&[bool]>,
    out: &mut Vec<Finding>,
    id_span: &dyn Fn(usize) -> Span,
) {
    let n = adj.len();
    // Undirected: each edge both ways; a NavigationList screen touches every screen.
    let mut undirected: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (f, targets) in adj.iter().enumerate() {
        for &t in targets {
            undirected[f].push(t);
            undirected[t].push(f);
        }
    }
    // A NavigationList screen is joined to every screen, so then all are connected.
    if has_navlist.iter().any(|b| *b) {
        return;
    }
    let mut seen = vec![false; n];
    let mut stack = vec![0];
    seen[0] = true;
    while let Some(i) = stack.pop() {
        for &j in &undirected[i] {
            if !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    // Without a routing_model (`touched` given) Meta also counts every screen that no
    // navigate leaves or enters, even to a missing screen or itself, the first one too
    // (WAFlowJSONRoutingModelPathValidator). Meta's graph has one node per screen id, so a
    // screen that repeats an id (an error of its own) is never reported here.
    let repeat = |i: usize| {
        flow.screens[i]
            .id_str()
            .and_then(|id| flow.ids.get(id))
            .is_some_and(|&first| first != i)
    };
    let lost: Vec<usize> = (0..n)
        .filter(|&i| !repeat(i))
        .filter(|&i| !seen[i] || touched.is_some_and(|t| !t[i]))
        .collect();
    if !lost.is_empty() {
        let names: Vec<&str> = lost
            .iter()
            .map(|&i| flow.screens[i].id_str().unwrap_or("?"))
            .collect();
        let spans: Vec<Span> = lost.iter().map(|&i| id_span(i)).collect();
        out.push(ctx.at(
            &ROUTING_DISCONNECTED_SCREENS,
            format!(
                "Screen(s) not connected to the rest of the flow (from its first screen {}{}): {}",
                flow.screens[0].id_str().unwrap_or("?"),
                if touched.is_some() {
                    ", by navigate actions"
                } else {
                    ", in routing_model"
                },
                names.join(", ")
            ),
            Some("Route or navigate to them, or delete them".into()),
            &spans,
        ));
    }
}

/// Screens with a Footer from which no route reaches a screen that can end the flow: one
/// reverse search from every such end.
///
/// Why these ends and exemptions: Meta's templates (pywa's sign-in, kairon's
/// FLOWS_REGISTER) route a `data_exchange` screen to a terms screen with no Footer and an
/// empty route list. The endpoint decides where a `data_exchange` leads (`SUCCESS` ends
/// the flow), and a screen without a Footer is read and left with Back: neither strands
/// anyone, and flagging them was flagging Meta's own examples.
fn dead_ends(
    ctx: &Ctx<'_, '_>,
    ix: &Model<'_, '_>,
    adj: &[Vec<usize>],
    out: &mut Vec<Finding>,
    id_span: &dyn Fn(usize) -> Span,
) {
    let flow = &ix.flow;
    let n = adj.len();
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (f, targets) in adj.iter().enumerate() {
        for &t in targets {
            reverse[t].push(f);
        }
    }
    let mut ends = vec![false; n];
    for (i, s) in flow.screens.iter().enumerate() {
        ends[i] = s.terminal;
    }
    for a in ix.actions.iter().filter(|a| a.name == "data_exchange") {
        if let Some(e) = ends.get_mut(a.screen) {
            *e = true;
        }
    }
    let mut stack: Vec<usize> = (0..n).filter(|&i| ends[i]).collect();
    while let Some(i) = stack.pop() {
        for &j in &reverse[i] {
            if !ends[j] {
                ends[j] = true;
                stack.push(j);
            }
        }
    }
    let has_footer = |i: usize| flow.screens[i].comps.iter().any(|c| c.ty == "Footer");
    let stuck: Vec<usize> = (0..n).filter(|&i| !ends[i] && has_footer(i)).collect();
    if !stuck.is_empty() {
        let names: Vec<&str> = stuck
            .iter()
            .map(|&i| flow.screens[i].id_str().unwrap_or("?"))
            .collect();
        out.push(ctx.at(
            &ROUTING_DEAD_END,
            format!(
                "No route from {} reaches a screen that can end the flow (a terminal screen, or one with a data_exchange action)",
                names.join(", ")
            ),
            Some(
                "Route each of them to a terminal screen, or let its Footer send a data_exchange that the endpoint can answer with the next screen or SUCCESS"
                    .into(),
            ),
            &stuck.iter().map(|&i| id_span(i)).collect::<Vec<_>>(),
        ));
    }
}
