//! What a flow promises its endpoint and expects back, read once from a valid flow: the
//! screens with their data declarations and the fields they read, the routing model, and
//! the data_exchange actions with their payloads (docs/data-api.md).

use std::collections::BTreeSet;

use super::decl::{fields, to_json, Decl, Field};
use crate::catalog::model::ValueKind;
use crate::catalog::FlowVersion;
use crate::rules::expr::Source;
use crate::rules::model::{self, Model, Parsed, Place};
use crate::syntax::{Node, Value};
use crate::{Options, Report};

/// Why a flow has no contract to check against.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ContractError {
    /// The flow has errors: its contract would be a guess. The report says which.
    #[error("the flow has {} error(s): check it first (`waflow check`)", .0.errors().len())]
    FlowHasErrors(Box<Report>),
    /// The flow declares no `data_api_version`: it talks to no endpoint.
    #[error("the flow has no data_api_version: it talks to no endpoint")]
    NoEndpoint,
}

/// One screen, as the endpoint sees it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ScreenContract {
    /// Its id.
    pub id: String,
    /// Its data declaration (`None`: it declares no `data`).
    pub data: Option<Vec<Field>>,
    /// The names in its declaration's own `required` array.
    pub required: Vec<String>,
    /// The top-level fields of its data that the flow reads (`${data.x}` on the screen,
    /// `${screen.ID.data.x}` anywhere).
    pub reads: BTreeSet<String>,
    /// `"terminal": true`.
    pub terminal: bool,
    /// `"refresh_on_back": true`: Back sends the endpoint a BACK request.
    pub refresh_on_back: bool,
    /// It holds a NavigationList, whose screen needs every declared field \[B].
    pub navigation_list: bool,
}

/// A data_exchange action: what the endpoint receives when it fires.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Exchange {
    /// The screen it is on.
    pub screen: String,
    /// The component and event (`Footer on-click-action`).
    pub trigger: String,
    /// Its payload: each key with what its value is known to be.
    pub payload: Vec<Field>,
}

/// The endpoint contract of a flow.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Contract {
    /// The flow's Flow JSON version.
    pub version: FlowVersion,
    /// Its `data_api_version`.
    pub data_api_version: String,
    /// Its screens, in order.
    pub screens: Vec<ScreenContract>,
    /// Its `routing_model`: each key with the screens it may move to, in order.
    pub routing: Vec<(String, Vec<String>)>,
    /// Every data_exchange action, in document order.
    pub exchanges: Vec<Exchange>,
}

impl Contract {
    /// The contract of `flow` (a Flow JSON text), which must validate with no errors and
    /// declare `data_api_version`.
    pub fn of(flow: &str, options: &Options) -> Result<Contract, ContractError> {
        let report = crate::validate_with(flow.as_bytes(), options);
        let version = match (report.is_valid(), report.version()) {
            (true, Some(v)) => v,
            _ => return Err(ContractError::FlowHasErrors(Box::new(report))),
        };
        let arena = crate::syntax::Arena::for_text(flow);
        let parsed = crate::syntax::parse(flow, &arena, &crate::syntax::ParseOptions::default())
            .map_err(|_| ContractError::FlowHasErrors(Box::new(report.clone())))?;
        let loc = crate::locate::Locator::new(flow);
        let m = model::build(&loc, &parsed.root, version);
        let data_api_version = parsed
            .root
            .get("data_api_version")
            .and_then(Node::as_str)
            .ok_or(ContractError::NoEndpoint)?
            .to_owned();
        Ok(Contract {
            version,
            data_api_version,
            screens: screens(&m),
            routing: model::routing_lists(&parsed.root),
            exchanges: exchanges(&m),
        })
    }

    /// The screen with id `id`.
    pub fn screen(&self, id: &str) -> Option<&ScreenContract> {
        self.screens.iter().find(|s| s.id == id)
    }

    /// The screens `from` may move to: its `routing_model` list.
    pub fn routes_from(&self, from: &str) -> &[String] {
        self.routing
            .iter()
            .find(|(k, _)| k == from)
            .map_or(&[], |(_, to)| to.as_slice())
    }

    /// Whether `id` is a key of the routing model: only those can be a response's
    /// screen \[B].
    pub fn is_routable(&self, id: &str) -> bool {
        self.routing.iter().any(|(k, _)| k == id)
    }

    /// Whether an endpoint may answer a request made on `from` with `to` \[B]: the same
    /// screen, a screen `from` routes to, or one that routes to `from` (going back).
    pub fn allows(&self, from: &str, to: &str) -> bool {
        from == to
            || self.routes_from(from).iter().any(|t| t == to)
            || self.routes_from(to).iter().any(|t| t == from)
    }

    /// The entry screens: routing-model keys no route leads to. An INIT response must
    /// name one \[B].
    pub fn entries(&self) -> Vec<&str> {
        self.routing
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !self.routing.iter().any(|(_, to)| to.iter().any(|t| t == k)))
            .collect()
    }
}

fn screens(m: &Model<'_, '_>) -> Vec<ScreenContract> {
    let mut out: Vec<ScreenContract> = m
        .flow
        .screens
        .iter()
        .map(|s| ScreenContract {
            id: s.id_str().unwrap_or_default().to_owned(),
            data: s.data.map(|d| fields(Some(d))),
            required: s
                .data
                .and_then(|d| d.get("required"))
                .and_then(Node::as_array)
                .unwrap_or_default()
                .iter()
                .filter_map(Node::as_str)
                .map(str::to_owned)
                .collect(),
            reads: BTreeSet::new(),
            terminal: s.terminal,
            refresh_on_back: s.node.get("refresh_on_back").and_then(Node::as_bool) == Some(true),
            navigation_list: s.comps.iter().any(|c| c.ty == "NavigationList"),
        })
        .collect();
    // Who reads what: a reference reads its own screen's data, or screen S's.
    for r in m.refs.iter().filter(|r| r.source == Source::Data) {
        let on = m.flow.strings[r.string].screen;
        let target = match r.screen {
            Some(id) => m.flow.ids.get(id).copied(),
            None => Some(on),
        };
        if let Some(s) = target.and_then(|t| out.get_mut(t)) {
            s.reads.insert(r.first.to_owned());
        }
    }
    out
}

fn exchanges(m: &Model<'_, '_>) -> Vec<Exchange> {
    m.actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name == "data_exchange")
        .map(|(i, a)| {
            let screen = &m.flow.screens[a.screen];
            let comp = &screen.comps[a.comp];
            let payload = a
                .node
                .get("payload")
                .and_then(Node::as_object)
                .unwrap_or_default()
                .iter()
                .map(|member| Field {
                    name: member.key.name.to_owned(),
                    decl: payload_decl(m, i, &member.value),
                    example: literal(&member.value)
                        .or_else(|| data_example(screen.data, &member.value)),
                })
                .collect();
            Exchange {
                screen: screen.id_str().unwrap_or_default().to_owned(),
                trigger: format!("{} {}", comp.ty, a.event),
                payload,
            }
        })
        .collect()
}

/// A literal payload value (no `${...}`) as it is sent.
fn literal(node: &Node<'_>) -> Option<serde_json::Value> {
    match node.value {
        Value::String(s) if s.contains("${") || s.starts_with('`') => None,
        _ => Some(to_json(node)),
    }
}

/// The `__example__` of the screen's data field a payload value reads whole
/// (`"${data.name}"`): what the request carries in the builder's preview.
fn data_example(data: Option<&Node<'_>>, value: &Node<'_>) -> Option<serde_json::Value> {
    let name = value.as_str()?.strip_prefix("${data.")?.strip_suffix('}')?;
    data?.get(name)?.get("__example__").map(to_json)
}

/// What a payload value is: a reference's resolved type, an expression's type, or a
/// literal's own JSON type.
fn payload_decl(m: &Model<'_, '_>, action: usize, node: &Node<'_>) -> Decl {
    let string = m
        .flow
        .strings
        .iter()
        .position(|d| std::ptr::eq(d.node, node) || d.node.span == node.span);
    let Some(si) = string.filter(
        |&i| matches!(m.flow.strings[i].place, Place::Payload { action: a, .. } if a == action),
    ) else {
        return match node.value {
            Value::String(_) => Decl::String,
            Value::Number(_) => Decl::Number,
            Value::Bool(_) => Decl::Boolean,
            Value::Array(_) => Decl::Array(None),
            Value::Object(_) => Decl::Object(Vec::new()),
            Value::Null => Decl::Any,
        };
    };
    let from_kind = |k: Option<ValueKind>| match k {
        Some(ValueKind::String) => Decl::String,
        Some(ValueKind::Number) => Decl::Number,
        Some(ValueKind::Boolean) => Decl::Boolean,
        Some(ValueKind::Array) => Decl::Array(Some(Box::new(Decl::String))),
        Some(ValueKind::Object) => Decl::Object(Vec::new()),
        Some(ValueKind::Media) | None => Decl::Any,
    };
    match &m.flow.strings[si].parsed {
        Parsed::Ref(_) => m
            .refs
            .iter()
            .find(|r| r.string == si)
            .and_then(|r| r.resolved.as_ref().ok().copied().flatten())
            .map_or(Decl::Any, |k| from_kind(Some(k))),
        Parsed::Expr(..) => m
            .types
            .iter()
            .find(|t| t.string == si)
            .and_then(|t| t.ty)
            .map_or(Decl::Any, |k| from_kind(Some(k))),
        _ => Decl::String,
    }
}
