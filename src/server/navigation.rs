//! Go to definition, find references, rename and the outline.
//!
//! Three kinds of names are followed: screen ids (declared by a screen's `id`, used by
//! `next.name`, `routing_model` and `${screen.ID...}`), data fields (declared in a
//! screen's `data`, read by `${data.x}`) and inputs (declared by a component's `name`,
//! read by `${form.x}`). Rename is offered for screen ids only: a data field is also
//! named by the payload keys of every navigate and data_exchange that feeds the screen,
//! which this model does not follow, so renaming it here could not be complete.

use lsp_server::ErrorCode;
use lsp_types as lsp;

use super::library::{self, FlowVersion};
use super::model::{inner, Flow, RefKind};

/// A name the cursor is on.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sym {
    Screen(String),
    Data { screen: usize, field: String },
    Form { screen: usize, field: String },
}

type Span = (usize, usize);

fn contains(span: Span, offset: usize) -> bool {
    span.0 <= offset && offset <= span.1
}

fn symbol_at(flow: &Flow<'_>, offset: usize) -> Option<(Sym, Span)> {
    let t = flow.tree;
    for (si, screen) in flow.screens.iter().enumerate() {
        for r in &screen.refs {
            let target = match &r.screen {
                Some((name, span)) if contains(*span, offset) => {
                    return Some((Sym::Screen(name.clone()), *span));
                }
                Some((name, _)) => flow.screen_named(name),
                None => Some(si),
            };
            if contains(r.span, offset) {
                let (screen, field) = (target?, r.field.clone());
                let sym = match r.kind {
                    RefKind::Data => Sym::Data { screen, field },
                    RefKind::Form => Sym::Form { screen, field },
                };
                return Some((sym, r.span));
            }
        }
    }
    if let Some(u) = flow.screen_uses.iter().find(|u| contains(u.span, offset)) {
        return Some((Sym::Screen(u.name.clone()), u.span));
    }
    for (si, screen) in flow.screens.iter().enumerate() {
        if let Some((name, node)) = &screen.id {
            let (s, e) = t.span(*node);
            let span = inner(s, e, t.node(*node).closed);
            if contains(span, offset) {
                return Some((Sym::Screen(name.clone()), span));
            }
        }
        for (field, span) in flow.fields(si) {
            let span = inner(span.0, span.1, true);
            if contains(span, offset) {
                return Some((
                    Sym::Data {
                        screen: si,
                        field: field.to_owned(),
                    },
                    span,
                ));
            }
        }
        for (field, node, _) in flow.inputs(si) {
            let (s, e) = t.span(node);
            let span = inner(s, e, t.node(node).closed);
            if contains(span, offset) {
                return Some((
                    Sym::Form {
                        screen: si,
                        field: field.to_owned(),
                    },
                    span,
                ));
            }
        }
    }
    None
}

/// Where a name is declared.
fn declaration(flow: &Flow<'_>, sym: &Sym) -> Option<Span> {
    let t = flow.tree;
    match sym {
        Sym::Screen(name) => {
            let (_, node) = flow.screens[flow.screen_named(name)?].id.as_ref()?;
            let (s, e) = t.span(*node);
            Some(inner(s, e, t.node(*node).closed))
        }
        Sym::Data { screen, field } => flow
            .fields(*screen)
            .into_iter()
            .rev()
            .find(|(n, _)| n == field)
            .map(|(_, span)| inner(span.0, span.1, true)),
        Sym::Form { screen, field } => flow
            .inputs(*screen)
            .into_iter()
            .find(|(n, _, _)| n == field)
            .map(|(_, node, _)| {
                let (s, e) = t.span(node);
                inner(s, e, t.node(node).closed)
            }),
    }
}

/// Every use of a name (declaration not included).
fn uses(flow: &Flow<'_>, sym: &Sym) -> Vec<Span> {
    match sym {
        Sym::Screen(name) => flow
            .screen_uses
            .iter()
            .filter(|u| &u.name == name)
            .map(|u| u.span)
            .collect(),
        Sym::Data { screen, field } | Sym::Form { screen, field } => {
            let kind = if matches!(sym, Sym::Data { .. }) {
                RefKind::Data
            } else {
                RefKind::Form
            };
            let mut out = Vec::new();
            for (si, s) in flow.screens.iter().enumerate() {
                for r in &s.refs {
                    let target = match &r.screen {
                        Some((n, _)) => flow.screen_named(n),
                        None => Some(si),
                    };
                    if r.kind == kind && target == Some(*screen) && &r.field == field {
                        out.push(r.span);
                    }
                }
            }
            out
        }
    }
}

impl super::Server {
    fn locate(&self, doc: &super::Document, span: Span) -> lsp::Location {
        lsp::Location::new(
            doc.uri.clone(),
            doc.index.range(&doc.text, span.0, span.1, self.enc),
        )
    }

    pub(super) fn definition(
        &mut self,
        p: lsp::GotoDefinitionParams,
    ) -> Option<lsp::GotoDefinitionResponse> {
        let at = p.text_document_position_params;
        let offset = self.offset(&at.text_document.uri, at.position)?;
        self.on_flow(&at.text_document.uri, |doc, flow| {
            let (sym, _) = symbol_at(flow, offset)?;
            let span = declaration(flow, &sym)?;
            Some(lsp::GotoDefinitionResponse::Scalar(self.locate(doc, span)))
        })
        .flatten()
    }

    pub(super) fn references(&mut self, p: lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
        let at = p.text_document_position;
        let offset = self.offset(&at.text_document.uri, at.position)?;
        self.on_flow(&at.text_document.uri, |doc, flow| {
            let (sym, _) = symbol_at(flow, offset)?;
            let mut spans = uses(flow, &sym);
            if p.context.include_declaration {
                spans.extend(declaration(flow, &sym));
            }
            spans.sort_unstable();
            spans.dedup();
            Some(spans.into_iter().map(|s| self.locate(doc, s)).collect())
        })
        .flatten()
    }

    pub(super) fn prepare_rename(
        &mut self,
        p: lsp::TextDocumentPositionParams,
    ) -> Result<Option<lsp::PrepareRenameResponse>, (ErrorCode, String)> {
        let offset = self
            .offset(&p.text_document.uri, p.position)
            .ok_or((ErrorCode::InvalidParams, "no such document".into()))?;
        let enc = self.enc;
        let found = self.on_flow(&p.text_document.uri, |doc, flow| {
            symbol_at(flow, offset).map(|(sym, span)| {
                (
                    sym,
                    doc.index.range(&doc.text, span.0, span.1, enc),
                    flow.text[span.0..span.1].to_owned(),
                )
            })
        });
        match found.flatten() {
            Some((Sym::Screen(_), range, placeholder)) => {
                Ok(Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
                    range,
                    placeholder,
                }))
            }
            Some(_) => Err((
                ErrorCode::RequestFailed,
                "Only screen ids can be renamed: a data field or input is also named by \
                 payload keys waflow does not follow"
                    .into(),
            )),
            None => Ok(None),
        }
    }

    pub(super) fn rename(
        &mut self,
        p: lsp::RenameParams,
    ) -> Result<Option<lsp::WorkspaceEdit>, (ErrorCode, String)> {
        let at = p.text_document_position;
        let uri = at.text_document.uri;
        let offset = self
            .offset(&uri, at.position)
            .ok_or((ErrorCode::InvalidParams, "no such document".into()))?;
        let new = p.new_name;
        let enc = self.enc;
        let result = self.on_flow(&uri, |doc, flow| {
            let Some((Sym::Screen(old), _)) = symbol_at(flow, offset) else {
                return Err((ErrorCode::RequestFailed, "Not on a screen id".to_owned()));
            };
            if new == old {
                return Ok(None);
            }
            if let Some(why) = bad_screen_id(&new, flow.version) {
                return Err((
                    ErrorCode::RequestFailed,
                    format!("'{new}' is not a valid screen id: it {why}"),
                ));
            }
            if flow.screen_named(&new).is_some() {
                return Err((
                    ErrorCode::RequestFailed,
                    format!("There is already a screen '{new}'"),
                ));
            }
            let sym = Sym::Screen(old);
            let mut spans = uses(flow, &sym);
            spans.extend(declaration(flow, &sym));
            spans.sort_unstable();
            spans.dedup();
            let edits = spans
                .into_iter()
                .map(|(s, e)| lsp::TextEdit {
                    range: doc.index.range(&doc.text, s, e, enc),
                    new_text: new.clone(),
                })
                .collect();
            Ok(Some(lsp::WorkspaceEdit {
                changes: Some([(uri.clone(), edits)].into_iter().collect()),
                ..Default::default()
            }))
        });
        result.unwrap_or(Ok(None))
    }

    pub(super) fn symbols(
        &mut self,
        p: lsp::DocumentSymbolParams,
    ) -> Option<lsp::DocumentSymbolResponse> {
        let enc = self.enc;
        self.on_flow(&p.text_document.uri, |doc, flow| {
            let t = flow.tree;
            let range = |(s, e): Span| doc.index.range(&doc.text, s, e, enc);
            let mut screens = Vec::new();
            for (si, screen) in flow.screens.iter().enumerate() {
                // Components nested as they are (a Form's children under the Form).
                let mut nodes: Vec<Option<lsp::DocumentSymbol>> = Vec::new();
                for c in &screen.comps {
                    let ty = c.ty.clone().unwrap_or_else(|| "(no type)".into());
                    let name = t.get_str(c.node, "name");
                    let detail = ["label", "text"]
                        .iter()
                        .find_map(|k| t.get_str(c.node, k))
                        .map(|s| s.chars().take(60).collect::<String>());
                    let sel = t.get(c.node, "type").map_or(t.span(c.node), |v| t.span(v));
                    #[allow(deprecated)]
                    nodes.push(Some(lsp::DocumentSymbol {
                        name: match name {
                            Some(n) => format!("{ty} {n}"),
                            None => ty,
                        },
                        detail,
                        kind: lsp::SymbolKind::FIELD,
                        tags: None,
                        deprecated: None,
                        range: range(t.span(c.node)),
                        selection_range: range(sel),
                        children: None,
                    }));
                }
                // Children attach to parents; components come in document order, so a
                // child always follows its parent: attach from the last.
                for i in (0..nodes.len()).rev() {
                    if let Some(parent) = screen.comps[i].parent {
                        if let Some(child) = nodes[i].take() {
                            if let Some(p) = nodes[parent].as_mut() {
                                p.children.get_or_insert_with(Vec::new).insert(0, child);
                            }
                        }
                    }
                }
                let name = screen
                    .id
                    .as_ref()
                    .map_or_else(|| format!("screen {}", si + 1), |(n, _)| n.clone());
                let sel = screen
                    .id
                    .as_ref()
                    .map_or(t.span(screen.node), |(_, n)| t.span(*n));
                #[allow(deprecated)]
                screens.push(lsp::DocumentSymbol {
                    name,
                    detail: screen.title.clone(),
                    kind: lsp::SymbolKind::CLASS,
                    tags: None,
                    deprecated: None,
                    range: range(t.span(screen.node)),
                    selection_range: range(sel),
                    children: Some(nodes.into_iter().flatten().collect()),
                });
            }
            lsp::DocumentSymbolResponse::Nested(screens)
        })
    }
}

/// Why `name` can't be a screen id in version `v`, by the catalog's own pattern for
/// `id` (`None`: it can).
fn bad_screen_id(name: &str, v: FlowVersion) -> Option<String> {
    let prop = library::screen_prop("id", v)?;
    if let Some(n) = prop.min_len {
        if (name.chars().count() as u32) < n {
            return Some(format!("must have at least {n} character(s)"));
        }
    }
    let (pattern, meaning) = prop.pattern?;
    match regex::Regex::new(pattern) {
        Ok(re) if re.is_match(name) => None,
        Ok(_) => Some(meaning.to_owned()),
        // The catalog's patterns compile (the library's tests say so); if one ever
        // does not, refuse nothing rather than everything.
        Err(_) => None,
    }
}
