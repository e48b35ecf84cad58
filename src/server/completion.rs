//! Completion, version-aware: what may be written at the cursor in the flow's Flow JSON
//! version, read from the catalog: component types allowed in the container at hand,
//! the properties the enclosing object may still take, enum values, action names, screen
//! ids where a screen is named, and the fields `${data.` / `${form.` can read there.
//!
//! Works on the tolerant tree (tree.rs), so it completes in the text an author is in the
//! middle of typing (`"type": "Te`, a key without its colon).

use lsp_types as lsp;

use super::describe;
use super::hover::{pick, props_of};
use super::library::{self, allowed_names, Container, Prop, Ty, COMPONENTS, DATA_API_VERSIONS};
use super::model::Flow;
use super::tree::{At, Id, Kind};

/// One proposal before it becomes an LSP item.
struct Item {
    label: String,
    kind: lsp::CompletionItemKind,
    detail: Option<String>,
    doc: Option<String>,
    /// The text replacing `range` (a snippet when `snippet`).
    text: String,
    snippet: bool,
    /// A component whose documentation (a table of every property) is sent only when
    /// the editor shows the item (`completionItem/resolve`): 24 such tables made a
    /// completion list of 100 KB.
    component: Option<&'static str>,
}

/// Where proposals go: the byte range they replace.
struct Edit {
    range: (usize, usize),
    items: Vec<Item>,
}

impl super::Server {
    /// Fills in a component item's documentation when the editor shows it.
    pub(super) fn resolve_completion(
        &mut self,
        mut item: lsp::CompletionItem,
    ) -> lsp::CompletionItem {
        let data = item.data.as_ref();
        let name = data
            .and_then(|d| d.get("component"))
            .and_then(|n| n.as_str());
        let version = data
            .and_then(|d| d.get("version"))
            .and_then(|v| v.as_str())
            .and_then(library::FlowVersion::parse)
            .unwrap_or(library::LATEST);
        if let Some(def) = name.and_then(library::component) {
            item.documentation = Some(lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: describe::component(def, version),
            }));
        }
        item
    }

    pub(super) fn completion(
        &mut self,
        p: lsp::CompletionParams,
    ) -> Option<lsp::CompletionResponse> {
        let at = p.text_document_position;
        let offset = self.offset(&at.text_document.uri, at.position)?;
        let (enc, snippets) = (self.enc, self.snippets);
        self.on_flow(&at.text_document.uri, |doc, flow| {
            let edit = propose(flow, offset, snippets)?;
            let range = doc.index.range(&doc.text, edit.range.0, edit.range.1, enc);
            let typed = doc.text.get(edit.range.0..offset).unwrap_or("");
            let items = edit
                .items
                .into_iter()
                .enumerate()
                .map(|(i, it)| {
                    lsp::CompletionItem {
                    label: it.label,
                    kind: Some(it.kind),
                    detail: it.detail,
                    documentation: it.doc.map(|d| {
                        lsp::Documentation::MarkupContent(lsp::MarkupContent {
                            kind: lsp::MarkupKind::Markdown,
                            value: d,
                        })
                    }),
                    sort_text: Some(format!("{i:04}")),
                    // Editors filter by the text from the range's start to the cursor,
                    // quote included.
                    filter_text: Some(if typed.starts_with('"') {
                        format!("\"{}", it.text.trim_start_matches('"'))
                    } else {
                        it.text.clone()
                    }),
                    insert_text_format: Some(if it.snippet {
                        lsp::InsertTextFormat::SNIPPET
                    } else {
                        lsp::InsertTextFormat::PLAIN_TEXT
                    }),
                    text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                        range,
                        new_text: it.text,
                    })),
                    data: it.component.map(|name| {
                        serde_json::json!({"component": name, "version": flow.version.to_string()})
                    }),
                    ..Default::default()
                }
                })
                .collect();
            Some(lsp::CompletionResponse::List(lsp::CompletionList {
                is_incomplete: false,
                items,
            }))
        })
        .flatten()
    }
}

fn propose(flow: &Flow<'_>, offset: usize, snippets: bool) -> Option<Edit> {
    let t = flow.tree;
    match t.at(offset)? {
        At::Value(node) => {
            let (s, e) = t.span(node);
            if let Kind::Str(_) = t.node(node).kind {
                if let Some(edit) = reference(flow, node, offset) {
                    return Some(edit);
                }
            }
            let items = values_for(flow, node)?;
            Some(Edit {
                range: (s, e.max(offset)),
                items,
            })
        }
        At::AfterColon { obj, member } => {
            let m = &t.members(obj)[member];
            let items = values_for_key(flow, obj, &m.key.name)?;
            Some(Edit {
                range: (offset, offset),
                items,
            })
        }
        At::Key { obj, member } => {
            let m = &t.members(obj)[member];
            let mut items = keys_for(flow, obj, Some(member), snippets && m.colon.is_none())?;
            if m.colon.is_some() {
                for it in &mut items {
                    // Only the key is replaced: its value is there already.
                    it.text = format!("\"{}\"", it.label);
                    it.snippet = false;
                }
            }
            Some(Edit {
                range: (m.key.start as usize, (m.key.end as usize).max(offset)),
                items,
            })
        }
        At::InObject(obj) => Some(Edit {
            range: (offset, offset),
            items: keys_for(flow, obj, None, snippets)?,
        }),
        At::InArray(arr) => Some(Edit {
            range: (offset, offset),
            items: items_for(flow, arr, snippets)?,
        }),
    }
}

/// Values for the string at `node`: by its key, or as an item of an array.
fn values_for(flow: &Flow<'_>, node: Id) -> Option<Vec<Item>> {
    let t = flow.tree;
    let parent = t.node(node).parent?;
    if t.is_object(parent) {
        let key = t.key_of(node)?;
        return values_for_key(flow, parent, &key.name);
    }
    // An item: a screen in routing_model, or a value of an EnumList.
    array_values(flow, parent)
}

fn array_values(flow: &Flow<'_>, arr: Id) -> Option<Vec<Item>> {
    let t = flow.tree;
    let holder = t.node(arr).parent?;
    let key = t.key_of(arr)?;
    if t.key_of(holder).is_some_and(|k| k.name == "routing_model") {
        return Some(screens(flow));
    }
    let (_, props) = props_of(flow, holder)?;
    match pick(props, &key.name, flow.version)?.ty {
        Ty::EnumList(values) => Some(enum_items(values)),
        _ => None,
    }
}

/// Values of member `key` of object `obj`.
fn values_for_key(flow: &Flow<'_>, obj: Id, key: &str) -> Option<Vec<Item>> {
    let t = flow.tree;
    let v = flow.version;
    // A component's type: those allowed in its container, in this version.
    if key == "type" {
        if let Some((_, c)) = flow.comp(obj) {
            return Some(
                COMPONENTS
                    .iter()
                    .filter(|d| d.allowed_in(c.container, v))
                    .map(|d| Item {
                        label: d.name.to_owned(),
                        kind: lsp::CompletionItemKind::CLASS,
                        detail: Some(format!("component, {}+", d.since)),
                        doc: None,
                        text: format!("\"{}\"", d.name),
                        snippet: false,
                        component: Some(d.name),
                    })
                    .collect(),
            );
        }
    }
    let holder_key = t.key_of(obj).map(|k| k.name.as_str());
    // navigate's target.
    if key == "name" && holder_key == Some("next") {
        return Some(screens(flow));
    }
    if t.root == Some(obj) && key == "version" {
        return Some(
            library::active_versions()
                .map(|id| {
                    plain(
                        id,
                        lsp::CompletionItemKind::VALUE,
                        "active Flow JSON version",
                    )
                })
                .collect(),
        );
    }
    if t.root == Some(obj) && key == "data_api_version" {
        return Some(
            DATA_API_VERSIONS
                .iter()
                .filter(|d| v >= d.since)
                .map(|d| plain(d.id, lsp::CompletionItemKind::VALUE, "data API version"))
                .collect(),
        );
    }
    // An action's name: those its event allows on this component, in this version.
    if key == "name" {
        if let Some(parent) = t.node(obj).parent.filter(|&p| t.is_object(p)) {
            if let Some((_, props)) = props_of(flow, parent) {
                if let Some(p) = holder_key.and_then(|k| pick(props, k, v)) {
                    if let Ty::Action(_, allowed) = p.ty {
                        return Some(
                            allowed_names(allowed, v)
                                .map(|n| plain(n, lsp::CompletionItemKind::FUNCTION, "action"))
                                .collect(),
                        );
                    }
                }
            }
        }
    }
    let (_, props) = props_of(flow, obj)?;
    match pick(props, key, v)?.ty {
        Ty::Enum { values, .. } => Some(enum_items(values)),
        _ => None,
    }
}

fn plain(value: &str, kind: lsp::CompletionItemKind, detail: &str) -> Item {
    Item {
        label: value.to_owned(),
        kind,
        detail: Some(detail.to_owned()),
        doc: None,
        text: json_string(value),
        snippet: false,
        component: None,
    }
}

fn enum_items(values: &[&str]) -> Vec<Item> {
    values
        .iter()
        .map(|v| plain(v, lsp::CompletionItemKind::ENUM_MEMBER, "value"))
        .collect()
}

fn screens(flow: &Flow<'_>) -> Vec<Item> {
    flow.screens
        .iter()
        .filter_map(|s| {
            let (id, _) = s.id.as_ref()?;
            Some(Item {
                label: id.clone(),
                kind: lsp::CompletionItemKind::REFERENCE,
                detail: s.title.clone().map(|t| format!("screen: {t}")),
                doc: None,
                text: json_string(id),
                snippet: false,
                component: None,
            })
        })
        .collect()
}

/// Keys object `obj` may still take (`editing`: the member being typed, not counted as
/// present).
fn keys_for(flow: &Flow<'_>, obj: Id, editing: Option<usize>, snippets: bool) -> Option<Vec<Item>> {
    let t = flow.tree;
    let v = flow.version;
    let present: Vec<&str> = t
        .members(obj)
        .iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != editing)
        .map(|(_, m)| m.key.name.as_str())
        .collect();
    // routing_model's keys are screen ids.
    if t.key_of(obj).is_some_and(|k| k.name == "routing_model") {
        let mut items = screens(flow);
        items.retain(|i| !present.contains(&i.label.as_str()));
        for i in &mut items {
            i.text = if snippets {
                format!("{}: [$1]", i.text)
            } else {
                format!("{}: ", i.text)
            };
            i.snippet = snippets;
        }
        return Some(items);
    }
    let (owner, props) = props_of(flow, obj)?;
    let in_form = flow.comp(obj).is_some_and(|(_, c)| c.in_form);
    let mut items = Vec::new();
    if flow.comp(obj).is_some() && !present.contains(&"type") {
        items.push(Item {
            label: "type".into(),
            kind: lsp::CompletionItemKind::PROPERTY,
            detail: Some("the component's type".into()),
            doc: None,
            text: if snippets {
                "\"type\": \"$1\"".into()
            } else {
                "\"type\": ".into()
            },
            snippet: snippets,
            component: None,
        });
    }
    let mut seen: Vec<&str> = Vec::new();
    for p in props
        .iter()
        .filter(|p| p.exists_in(v) && !(in_form && p.outside_form_only))
    {
        if present.contains(&p.name) || seen.contains(&p.name) {
            continue;
        }
        seen.push(p.name);
        items.push(Item {
            label: p.name.to_owned(),
            kind: lsp::CompletionItemKind::PROPERTY,
            detail: Some(format!(
                "{}{}",
                if p.required { "required: " } else { "" },
                describe::ty(&p.ty)
            )),
            doc: Some(describe::prop(&owner, p, v)),
            text: member_text(p, snippets),
            snippet: snippets,
            component: None,
        });
    }
    // Required ones first.
    items.sort_by_key(|i| {
        !i.detail
            .as_deref()
            .is_some_and(|d| d.starts_with("required"))
    });
    Some(items)
}

/// `"name": value` with a placeholder fit for the property's type.
fn member_text(p: &Prop, snippets: bool) -> String {
    if !snippets {
        return format!("\"{}\": ", p.name);
    }
    format!("\"{}\": {}", p.name, value_snippet(&p.ty))
}

fn value_snippet(t: &Ty) -> String {
    match t {
        Ty::Bool | Ty::StaticBool => "${1|true,false|}".into(),
        Ty::Num | Ty::Int | Ty::StaticInt => "${1:0}".into(),
        Ty::Enum { values, .. } => format!(
            "\"${{1|{}|}}\"",
            values
                .iter()
                .map(|v| v.replace(['|', ',', '\\'], ""))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Ty::Action(..) => "{\"name\": \"$1\"}".into(),
        Ty::Items(_)
        | Ty::Array(_)
        | Ty::StrList
        | Ty::EnumList(_)
        | Ty::Strings
        | Ty::Children(_) => "[$1]".into(),
        Ty::Obj(_) | Ty::AnyObject | Ty::NameMap | Ty::Cases | Ty::Routing => "{$1}".into(),
        Ty::RangeOr(inner) => value_snippet(inner),
        Ty::Any => "$1".into(),
        _ => "\"$1\"".into(),
    }
}

/// Items for an array: components where components go, screens in routing_model, enum
/// values in an EnumList.
fn items_for(flow: &Flow<'_>, arr: Id, snippets: bool) -> Option<Vec<Item>> {
    if let Some(container) = container_of(flow, arr) {
        let v = flow.version;
        return Some(
            COMPONENTS
                .iter()
                .filter(|d| d.allowed_in(container, v))
                .map(|d| {
                    // The component with its required properties.
                    let mut text = format!("{{\"type\": \"{}\"", d.name);
                    let mut n = 0;
                    for p in d
                        .props_in(v, container == Container::Form)
                        .filter(|p| p.required)
                    {
                        n += 1;
                        let value = if snippets {
                            value_snippet(&p.ty)
                                .replace("$1", &format!("${n}"))
                                .replace("${1", &format!("${{{n}"))
                        } else {
                            "null".into()
                        };
                        text.push_str(&format!(", \"{}\": {value}", p.name));
                    }
                    text.push('}');
                    Item {
                        label: d.name.to_owned(),
                        kind: lsp::CompletionItemKind::CLASS,
                        detail: Some(format!("component, {}+", d.since)),
                        doc: None,
                        text,
                        snippet: snippets,
                        component: Some(d.name),
                    }
                })
                .collect(),
        );
    }
    array_values(flow, arr)
}

/// The container an array of components is, from where it sits.
fn container_of(flow: &Flow<'_>, arr: Id) -> Option<Container> {
    let t = flow.tree;
    let key = t.key_of(arr)?.name.as_str();
    let holder = t.node(arr).parent?;
    match (key, flow.comp(holder)) {
        ("children", Some((_, c))) if c.ty.as_deref() == Some("Form") => Some(Container::Form),
        ("then" | "else", Some((_, c))) if c.ty.as_deref() == Some("If") => Some(Container::If),
        ("children", None) if t.key_of(holder).is_some_and(|k| k.name == "layout") => {
            Some(Container::Layout)
        }
        _ => {
            // A case of a Switch: cases -> Switch component.
            let switch = t.node(holder).parent?;
            let is_cases = t.key_of(holder).is_some_and(|k| k.name == "cases");
            (is_cases
                && flow
                    .comp(switch)
                    .is_some_and(|(_, c)| c.ty.as_deref() == Some("Switch")))
            .then_some(Container::Switch)
        }
    }
}

/// `${data.`, `${form.` and `${screen.ID.` inside a string: the fields in scope.
fn reference(flow: &Flow<'_>, node: Id, offset: usize) -> Option<Edit> {
    let (s, _) = flow.tree.span(node);
    let body = flow.text.get(s + 1..offset)?;
    let open = body.rfind("${")?;
    if body[open..].contains('}') {
        return None;
    }
    let expr_start = s + 1 + open + 2;
    let expr = &body[open + 2..];
    let here = flow.screen_of(node)?;
    // The word being typed starts after the last dot.
    let word_start = expr_start + expr.rfind('.').map_or(0, |i| i + 1);
    let parts: Vec<&str> = expr.split('.').collect();
    let close = if flow.text[offset..].starts_with('}') {
        ""
    } else {
        "}"
    };
    let fields = |screen: usize, kind: &str| -> Vec<Item> {
        if kind == "data" {
            flow.fields(screen)
                .into_iter()
                .map(|(name, _)| Item {
                    label: name.to_owned(),
                    kind: lsp::CompletionItemKind::FIELD,
                    detail: Some("data field".into()),
                    doc: None,
                    text: format!("{name}{close}"),
                    snippet: false,
                    component: None,
                })
                .collect()
        } else {
            flow.inputs(screen)
                .into_iter()
                .map(|(name, _, c)| Item {
                    label: name.to_owned(),
                    kind: lsp::CompletionItemKind::FIELD,
                    detail: c.ty.clone(),
                    doc: None,
                    text: format!("{name}{close}"),
                    snippet: false,
                    component: None,
                })
                .collect()
        }
    };
    // The first segment of a reference, or the one after `${screen.ID.`.
    let heads = |heads: &[&str]| -> Vec<Item> {
        heads
            .iter()
            .map(|k| Item {
                label: format!("{k}."),
                kind: lsp::CompletionItemKind::KEYWORD,
                detail: None,
                doc: None,
                text: format!("{k}."),
                snippet: false,
                component: None,
            })
            .collect()
    };
    let items = match parts.as_slice() {
        [_] => heads(&["data", "form", "screen"]),
        [k @ ("data" | "form"), _] => fields(here, k),
        ["screen", _] => flow
            .screens
            .iter()
            .filter_map(|s| s.id.as_ref())
            .map(|(id, _)| Item {
                label: id.clone(),
                kind: lsp::CompletionItemKind::REFERENCE,
                detail: Some("screen".into()),
                doc: None,
                text: format!("{id}."),
                snippet: false,
                component: None,
            })
            .collect(),
        ["screen", _, _] => heads(&["data", "form"]),
        ["screen", id, k @ ("data" | "form"), _] => fields(flow.screen_named(id)?, k),
        _ => return None,
    };
    Some(Edit {
        range: (word_start, offset),
        items,
    })
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}
