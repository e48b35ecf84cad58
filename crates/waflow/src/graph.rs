//! The picture of a flow: its screens and the ways between them (navigate actions,
//! `routing_model` routes, and the screens a data_exchange may reach), with the faulty
//! ones marked, as data for a drawing, and as Mermaid or Graphviz text
//! (`waflow graph`, the playground). Drawn from any flow that parses, broken ones
//! included: that is when a picture helps most.

use std::fmt::Write;

use serde::Serialize;

use crate::rules::model;
use crate::syntax::Node;
use crate::{Options, Report};

/// A flow as screens and the ways between them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Graph {
    /// The screens, in document order, then the screens named but missing.
    pub screens: Vec<Screen>,
    /// The ways between them.
    pub edges: Vec<Edge>,
}

/// A screen (or a name used as one that no screen has).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Screen {
    /// Its id.
    pub id: String,
    /// Its title, when a literal string.
    pub title: Option<String>,
    /// `"terminal": true`.
    pub terminal: bool,
    /// It sends a data_exchange (its next screen comes from the endpoint).
    pub exchanges: bool,
    /// How many errors of the flow point inside it.
    pub errors: usize,
    /// No screen has this id: a navigate or a route names it.
    pub missing: bool,
}

/// How one screen leads to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// A navigate action.
    Navigate,
    /// A `routing_model` route.
    Routing,
    /// A route the endpoint may take after a data_exchange on the screen (its
    /// `routing_model` entry).
    DataExchange,
}

/// One way from a screen to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Edge {
    /// The screen it starts on.
    pub from: String,
    /// The screen it leads to.
    pub to: String,
    /// What makes it.
    pub kind: EdgeKind,
    /// Why it is faulty, when it is (Meta refuses the flow because of it).
    pub fault: Option<String>,
}

impl Graph {
    /// The graph of `text`, or `None` when it is not a JSON object with `screens`.
    pub fn of(text: &str) -> Option<Graph> {
        let arena = crate::syntax::Arena::for_text(text);
        let parsed =
            crate::syntax::parse(text, &arena, &crate::syntax::ParseOptions::default()).ok()?;
        let root = &parsed.root;
        root.get("screens")?.as_array()?;
        let version = root
            .get("version")
            .and_then(Node::as_str)
            .and_then(crate::FlowVersion::parse)
            .unwrap_or(crate::LATEST);
        let loc = crate::locate::Locator::new(text);
        let m = model::build(&loc, root, version);
        let report = crate::validate_with(text.as_bytes(), &Options::default());
        Some(build(&m, &report))
    }

    /// Mermaid flowchart text: screens as boxes (terminal ones rounded), navigates as
    /// arrows, routes dotted, data_exchange routes thick, faults in red.
    pub fn to_mermaid(&self) -> String {
        let mut out = String::from("flowchart LR\n");
        for (i, s) in self.screens.iter().enumerate() {
            let label = mermaid_text(&label(s));
            let (open, close) = if s.missing {
                ("{{", "}}")
            } else if s.terminal {
                ("([", "])")
            } else {
                ("[", "]")
            };
            let _ = writeln!(out, "  s{i}{open}\"{label}\"{close}");
            if s.errors > 0 || s.missing {
                let _ = writeln!(out, "  class s{i} faulty");
            }
        }
        let mut faulty = Vec::new();
        for (n, e) in self.edges.iter().enumerate() {
            let (Some(a), Some(b)) = (self.index(&e.from), self.index(&e.to)) else {
                continue;
            };
            let arrow = match e.kind {
                EdgeKind::Navigate => "-->",
                EdgeKind::Routing => "-.->",
                EdgeKind::DataExchange => "==>",
            };
            let _ = writeln!(out, "  s{a} {arrow}|{}| s{b}", kind_label(e.kind));
            if e.fault.is_some() {
                faulty.push(n.to_string());
            }
        }
        out.push_str("  classDef faulty stroke:#d00,stroke-width:2px,color:#d00\n");
        if !faulty.is_empty() {
            let _ = writeln!(
                out,
                "  linkStyle {} stroke:#d00,color:#d00",
                faulty.join(",")
            );
        }
        out
    }

    /// Graphviz DOT text, with the same conventions as [`Graph::to_mermaid`].
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph flow {\n  rankdir=LR;\n  node [shape=box];\n");
        for (i, s) in self.screens.iter().enumerate() {
            let mut attrs = vec![format!("label=\"{}\"", dot_text(&label(s)))];
            if s.terminal {
                attrs.push("style=rounded".into());
            }
            if s.missing {
                attrs.push("shape=hexagon".into());
            }
            if s.errors > 0 || s.missing {
                attrs.push("color=red, fontcolor=red".into());
            }
            let _ = writeln!(out, "  s{i} [{}];", attrs.join(", "));
        }
        for e in &self.edges {
            let (Some(a), Some(b)) = (self.index(&e.from), self.index(&e.to)) else {
                continue;
            };
            let mut attrs = vec![format!("label=\"{}\"", kind_label(e.kind))];
            match e.kind {
                EdgeKind::Navigate => {}
                EdgeKind::Routing => attrs.push("style=dashed".into()),
                EdgeKind::DataExchange => attrs.push("style=bold".into()),
            }
            if let Some(why) = &e.fault {
                attrs.push(format!(
                    "color=red, fontcolor=red, tooltip=\"{}\"",
                    dot_text(why)
                ));
            }
            let _ = writeln!(out, "  s{a} -> s{b} [{}];", attrs.join(", "));
        }
        out.push_str("}\n");
        out
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.screens.iter().position(|s| s.id == id)
    }
}

fn kind_label(k: EdgeKind) -> &'static str {
    match k {
        EdgeKind::Navigate => "navigate",
        EdgeKind::Routing => "route",
        EdgeKind::DataExchange => "data_exchange",
    }
}

/// "ID: title", with the error count.
fn label(s: &Screen) -> String {
    let mut l = s.id.clone();
    if let Some(t) = &s.title {
        l.push_str(": ");
        l.push_str(t);
    }
    if s.missing {
        l.push_str(" (no such screen)");
    } else if s.errors > 0 {
        let _ = write!(
            l,
            " ({} error{})",
            s.errors,
            if s.errors == 1 { "" } else { "s" }
        );
    }
    l
}

/// Text inside a Mermaid `"..."` label: quotes and markup as entities, one line.
fn mermaid_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '"' => "#quot;".to_owned(),
            '<' => "#lt;".to_owned(),
            '>' => "#gt;".to_owned(),
            '#' => "#35;".to_owned(),
            c if c.is_control() => " ".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// Text inside a DOT `"..."` string.
fn dot_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            c if c.is_control() => " ".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

fn build(m: &model::Model<'_, '_>, report: &Report) -> Graph {
    let mut g = Graph::default();
    for (i, s) in m.flow.screens.iter().enumerate() {
        let prefix = format!("screens[{i}]");
        let errors = report
            .errors()
            .iter()
            .filter(|f| {
                f.pointers.iter().any(|p| {
                    p.path == prefix
                        || p.path.starts_with(&format!("{prefix}."))
                        || p.path.starts_with(&format!("{prefix}["))
                })
            })
            .count();
        g.screens.push(Screen {
            id: s.id_str().unwrap_or_default().to_owned(),
            title: s
                .node
                .get("title")
                .and_then(Node::as_str)
                .map(str::to_owned),
            terminal: s.terminal,
            exchanges: m
                .actions
                .iter()
                .any(|a| a.screen == i && a.name == "data_exchange"),
            errors,
            missing: false,
        });
    }
    let routes = model::routing_lists(m.root);
    let has = |id: &str| m.flow.ids.contains_key(id);
    let routed = |from: &str, to: &str| {
        routes
            .iter()
            .any(|(k, v)| k == from && v.iter().any(|t| t == to))
    };
    // Navigates, once per pair.
    for a in &m.actions {
        let Some(to) = a.next_screen().and_then(Node::as_str) else {
            continue;
        };
        let from = m.flow.screens[a.screen].id_str().unwrap_or_default();
        if g.edges
            .iter()
            .any(|e| e.kind == EdgeKind::Navigate && e.from == from && e.to == to)
        {
            continue;
        }
        let fault = if !has(to) {
            Some(format!("no screen is called {to}"))
        } else if to == from {
            Some("a screen cannot navigate to itself".to_owned())
        } else if m.flow.data_api && !routes.is_empty() && !routed(from, to) {
            Some(format!("routing_model has no route from {from} to {to}"))
        } else {
            None
        };
        g.edges.push(Edge {
            from: from.to_owned(),
            to: to.to_owned(),
            kind: EdgeKind::Navigate,
            fault,
        });
    }
    // Routes: those a data_exchange on the screen may take are drawn as such.
    for (from, tos) in &routes {
        let exchanges = g.screens.iter().any(|s| &s.id == from && s.exchanges);
        for to in tos {
            let fault = if !has(from) {
                Some(format!(
                    "routing_model names {from}, which no screen is called"
                ))
            } else if !has(to) {
                Some(format!(
                    "routing_model names {to}, which no screen is called"
                ))
            } else if to == from {
                Some("a screen cannot route to itself".to_owned())
            } else if routed(to, from) {
                Some(format!("{from} and {to} route to each other"))
            } else {
                None
            };
            g.edges.push(Edge {
                from: from.clone(),
                to: to.clone(),
                kind: if exchanges {
                    EdgeKind::DataExchange
                } else {
                    EdgeKind::Routing
                },
                fault,
            });
        }
    }
    // Names used as screens that no screen has.
    let mut missing: Vec<String> = g
        .edges
        .iter()
        .flat_map(|e| [&e.from, &e.to])
        .filter(|id| !has(id))
        .cloned()
        .collect();
    missing.dedup();
    for id in missing {
        if g.screens.iter().any(|s| s.id == id) {
            continue;
        }
        g.screens.push(Screen {
            id,
            title: None,
            terminal: false,
            exchanges: false,
            errors: 0,
            missing: true,
        });
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOW: &str = r#"{"version": "7.3", "data_api_version": "3.0",
      "routing_model": {"A": ["B"], "B": ["A", "GONE"]},
      "screens": [
        {"id": "A", "title": "Start \"here\"", "layout": {"type": "SingleColumnLayout", "children": [
          {"type": "Footer", "label": "Go", "on-click-action": {"name": "data_exchange", "payload": {}}}]}},
        {"id": "B", "title": "End", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": [
          {"type": "EmbeddedLink", "text": "Again", "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "C"}, "payload": {}}},
          {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]}"#;

    #[test]
    fn screens_and_ways_with_the_faulty_ones_marked() {
        let g = Graph::of(FLOW).expect("a graph");
        let ids: Vec<(&str, bool)> = g
            .screens
            .iter()
            .map(|s| (s.id.as_str(), s.missing))
            .collect();
        assert_eq!(
            ids,
            [("A", false), ("B", false), ("C", true), ("GONE", true)]
        );
        assert!(g.screens[0].exchanges && g.screens[1].terminal);
        let edges: Vec<(&str, &str, EdgeKind, bool)> = g
            .edges
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str(), e.kind, e.fault.is_some()))
            .collect();
        assert_eq!(
            edges,
            [
                ("B", "C", EdgeKind::Navigate, true),
                ("A", "B", EdgeKind::DataExchange, true),
                ("B", "A", EdgeKind::Routing, true),
                ("B", "GONE", EdgeKind::Routing, true),
            ]
        );
        assert!(
            g.screens[1].errors > 0,
            "the navigate to C is an error on B"
        );
        let mermaid = g.to_mermaid();
        assert!(
            mermaid.contains("s0[\"A: Start #quot;here#quot;\"]"),
            "{mermaid}"
        );
        assert!(mermaid.contains("s0 ==>|data_exchange| s1"), "{mermaid}");
        assert!(
            mermaid.contains("linkStyle 0,1,2,3 stroke:#d00"),
            "{mermaid}"
        );
        let dot = g.to_dot();
        assert!(
            dot.contains("s0 [label=\"A: Start \\\"here\\\"\"];"),
            "{dot}"
        );
        assert!(
            dot.contains("s1 -> s2 [label=\"navigate\", color=red"),
            "{dot}"
        );
    }

    #[test]
    fn text_that_is_not_a_flow_has_no_graph() {
        assert_eq!(Graph::of("[1, 2"), None);
        assert_eq!(Graph::of("{\"version\": \"7.3\"}"), None);
    }
}
