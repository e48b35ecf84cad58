//! The screen graph (spec 7), built once per flow with the model: the routes of
//! `routing_model` (7.1) and the moves of navigate actions (7.2), over screen indices,
//! and which of the two Meta judges the flow by. The routing rules read it; each of their
//! checks is linear in screens plus edges.

use foldhash::{HashSet, HashSetExt};

use super::{Action, Flow};
use crate::catalog::model::V5_0;
use crate::syntax::{Member, Node, Span};

/// The screens and the moves between them.
pub(crate) struct Graph<'a, 's> {
    /// Per screen: whether it holds a NavigationList, whose items may lead to any screen
    /// (spec 4.4, 7.1-7.2), so the screen is linked to every other. (NavigationList exists
    /// from 6.2; the schema stage refuses it before, and then no rule runs.)
    pub links_anywhere: Vec<bool>,
    /// Navigate actions between two different screens that exist: (from, to), in
    /// document order.
    pub navigates: Vec<(usize, usize)>,
    /// The other navigate actions: to the screen itself or to an id no screen has. The
    /// graphs have no edge for them, but Meta still judges them.
    pub odd_navigates: Vec<OddNavigate<'a>>,
    /// Per screen: whether one of its navigate actions leads to itself.
    pub self_navigated: Vec<bool>,
    /// The `routing_model`, when it is an object (and the flow has screens).
    pub routing: Option<Routing<'a, 's>>,
    /// Whether Meta judges the flow by its `routing_model` (else by its navigates).
    pub by_model: bool,
    /// The edges the flow is judged by (the routing model's or the navigates'): per
    /// screen, the screens it leads to, each once, in the order first listed.
    pub routes: Vec<Vec<usize>>,
    /// Per screen: whether an edge of that graph leads into it (in the routing model a
    /// screen listing itself counts: a lone screen routing to itself has no entry).
    pub entered: Vec<bool>,
}

/// A graph's edges per screen and whether an edge enters each screen.
type Routes = (Vec<Vec<usize>>, Vec<bool>);

/// A navigate action to its own screen (`to` is `Some(from)`) or to no screen (`None`).
pub(crate) struct OddNavigate<'a> {
    pub from: usize,
    pub to: Option<usize>,
    /// The id it names.
    pub id: &'a str,
}

/// The `routing_model` object, its ids resolved to screens.
pub(crate) struct Routing<'a, 's> {
    /// The `routing_model` member.
    pub member: &'a Member<'s>,
    pub entries: Vec<Entry<'a, 's>>,
    /// Its routes between two different screens, each once.
    pub edges: HashSet<(usize, usize)>,
    /// Per screen: whether the model names it, as a key or as a target.
    pub named: Vec<bool>,
}

/// One member of `routing_model`: a screen id and the ids it may move to.
pub(crate) struct Entry<'a, 's> {
    pub member: &'a Member<'s>,
    /// The screen its key names.
    pub from: Option<usize>,
    /// Its targets that are strings, in order (other values are the schema's to judge).
    pub targets: Vec<Target<'a>>,
}

pub(crate) struct Target<'a> {
    pub id: &'a str,
    /// The screen with the id.
    pub screen: Option<usize>,
    pub span: Span,
}

pub(super) fn build<'a, 's>(flow: &Flow<'a, 's>, actions: &[Action<'a, 's>]) -> Graph<'a, 's> {
    let n = flow.screens.len();
    let links_anywhere = flow
        .screens
        .iter()
        .map(|s| s.comps.iter().any(|c| c.ty == "NavigationList"))
        .collect();
    let (navigates, odd_navigates) = navigates(flow, actions);
    let mut self_navigated = vec![false; n];
    for o in odd_navigates.iter().filter(|o| o.to == Some(o.from)) {
        self_navigated[o.from] = true;
    }
    // From 5.0 Meta judges a flow by its routing_model when it has one (any object, even
    // empty), by the graph of its navigates otherwise; data_api_version does not decide it
    // (WAFlowJSONRoutingModelValidator; conformance: *__drop_data_api__* flows). Before
    // 5.0 there is no record; pywa's 2.1 fixtures carry `"routing_model": {}` without an
    // endpoint, so there the endpoint decides, as the docs of that time say.
    let by_model = n > 0 && flow.routing.is_some() && (flow.version >= V5_0 || flow.data_api);
    // A flow without screens has no graph (the schema stage has refused it).
    let routing = flow
        .routing
        .filter(|_| n > 0)
        .and_then(|member| routing(flow, member));
    let (routing, (routes, entered)) = match routing {
        Some((r, graph)) if by_model => (Some(r), graph),
        r => (r.map(|(r, _)| r), navigate_routes(&navigates, n)),
    };
    Graph {
        links_anywhere,
        navigates,
        odd_navigates,
        self_navigated,
        routing,
        by_model,
        routes,
        entered,
    }
}

/// The navigate actions that name a screen, split into edges and the odd ones.
fn navigates<'a>(
    flow: &Flow<'a, '_>,
    actions: &[Action<'a, '_>],
) -> (Vec<(usize, usize)>, Vec<OddNavigate<'a>>) {
    let mut edges = Vec::new();
    let mut odd = Vec::new();
    for a in actions.iter().filter(|a| a.name == "navigate") {
        let Some(id) = a.next_screen().and_then(Node::as_str) else {
            continue;
        };
        match flow.ids.get(id) {
            Some(&to) if to != a.screen => edges.push((a.screen, to)),
            to => odd.push(OddNavigate {
                from: a.screen,
                to: to.copied(),
                id,
            }),
        }
    }
    (edges, odd)
}

/// The routing model's entries with their ids resolved, and its graph: each route once,
/// in the order first listed; a screen that lists itself is entered but gets no edge.
fn routing<'a, 's>(
    flow: &Flow<'a, 's>,
    member: &'a Member<'s>,
) -> Option<(Routing<'a, 's>, Routes)> {
    let members = member.value.as_object()?;
    let n = flow.screens.len();
    let mut named = vec![false; n];
    let mut edges = HashSet::new();
    let mut routes = vec![Vec::new(); n];
    let mut entered = vec![false; n];
    let mut entries = Vec::with_capacity(members.len());
    for e in members {
        let from = flow.ids.get(e.key.name).copied();
        if let Some(f) = from {
            named[f] = true;
        }
        let mut targets = Vec::new();
        for t in e.value.as_array().unwrap_or_default() {
            let Some(id) = t.as_str() else { continue };
            let screen = flow.ids.get(id).copied();
            targets.push(Target {
                id,
                screen,
                span: t.span,
            });
            let Some(to) = screen else { continue };
            named[to] = true;
            let Some(f) = from else { continue };
            entered[to] = true;
            if f != to && edges.insert((f, to)) {
                routes[f].push(to);
            }
        }
        entries.push(Entry {
            member: e,
            from,
            targets,
        });
    }
    let r = Routing {
        member,
        entries,
        edges,
        named,
    };
    Some((r, (routes, entered)))
}

/// The navigates' graph: each move once, in the order first made.
fn navigate_routes(navigates: &[(usize, usize)], n: usize) -> Routes {
    let mut routes = vec![Vec::new(); n];
    let mut entered = vec![false; n];
    let mut seen = HashSet::new();
    for &(f, t) in navigates {
        if seen.insert((f, t)) {
            routes[f].push(t);
            entered[t] = true;
        }
    }
    (routes, entered)
}
