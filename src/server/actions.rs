//! Code actions: quick fixes from findings, and "fix all" (`source.fixAll`).
//!
//! The fixes come from the library (`Finding::fixes`: edits a rule proposes, safe or
//! not). A finding without one still gets the did-you-mean rename the server has always
//! offered: a message or help ending in "Did you mean 'x'?" at a key or value token (or
//! at a finer place that is exactly the misspelt word) is fixed by writing `x` there.
//! [`fixes`] is the one place that turns a report into edits; every action uses it.

use lsp_types as lsp;
use waflow::Report;

/// The kind of waflow's "fix all" (a `source.fixAll` kind, so editors run it on save
/// when configured to).
pub(crate) const FIX_ALL_KIND: &str = "source.fixAll.waflow";

type Span = (usize, usize);

/// Edits that fix one fault, applied together or not at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fix {
    pub title: String,
    /// Byte ranges replaced, and their new text.
    pub edits: Vec<(Span, String)>,
    /// Whether "fix all" may apply it without a person looking (the library's
    /// applicability; a did-you-mean rename of a name that does not exist is safe).
    pub safe: bool,
    /// The places of the finding it fixes (where a quick fix is offered).
    pub places: Vec<Span>,
}

/// Every fix the findings of `report` offer on `text`.
pub(crate) fn fixes(text: &str, report: &Report) -> Vec<Fix> {
    let mut out = Vec::new();
    for f in report.in_order() {
        let places: Vec<Span> = f
            .pointers
            .iter()
            .filter_map(|p| p.shown_span())
            .map(|s| (s.start as usize, s.end as usize))
            .collect();
        if !f.fixes.is_empty() {
            for fix in &f.fixes {
                out.push(Fix {
                    title: fix.title.clone(),
                    edits: fix
                        .edits
                        .iter()
                        .map(|e| {
                            (
                                (e.span.start as usize, e.span.end as usize),
                                e.replacement.clone(),
                            )
                        })
                        .collect(),
                    safe: fix.applicability == waflow::fix::Applicability::Safe,
                    places: places.clone(),
                });
            }
            continue;
        }
        let Some(suggestion) =
            did_you_mean(f.help.as_deref()).or_else(|| did_you_mean(Some(&f.message)))
        else {
            continue;
        };
        for &(s, e) in &places {
            let Some(token) = text.get(s..e) else {
                continue;
            };
            let new_text = if token.len() >= 2 && token.starts_with('"') && token.ends_with('"') {
                // A whole key or value: only a plain string (no escapes) is rewritten, so
                // what is replaced is exactly what the finding names.
                if token[1..token.len() - 1].contains('\\') {
                    continue;
                }
                match serde_json::to_string(suggestion) {
                    Ok(quoted) => quoted,
                    Err(_) => continue,
                }
            } else if is_word(token) && is_word(suggestion) {
                // A finer place that is exactly the misspelt word (a `${data.x}` field).
                suggestion.to_owned()
            } else {
                continue;
            };
            out.push(Fix {
                title: format!(
                    "Replace '{}' with '{suggestion}' ({})",
                    token.trim_matches('"'),
                    f.rule.unwrap_or("waflow")
                ),
                edits: vec![((s, e), new_text)],
                safe: true,
                places: vec![(s, e)],
            });
        }
    }
    out
}

/// `x` of "... Did you mean 'x'?".
fn did_you_mean(text: Option<&str>) -> Option<&str> {
    let text = text?;
    let at = text.rfind("Did you mean '")?;
    let rest = &text[at + "Did you mean '".len()..];
    let end = rest.find("'?")?;
    Some(&rest[..end]).filter(|s| !s.is_empty())
}

fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':' | b'/'))
}

/// The safe fixes "fix all" applies: each whole or not at all, none with an edit that
/// overlaps one already taken (a second run, on the new text, may take it).
fn all_safe(fixes: Vec<Fix>) -> Vec<Fix> {
    let mut taken: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for f in fixes.into_iter().filter(|f| f.safe) {
        // Two edits clash when their ranges overlap, or both start at one place (two
        // insertions there would land in an order nobody chose).
        let clash = f
            .edits
            .iter()
            .any(|&((s, e), _)| taken.iter().any(|&(ts, te)| (s < te && ts < e) || s == ts));
        if !clash {
            taken.extend(f.edits.iter().map(|(span, _)| *span));
            out.push(f);
        }
    }
    out
}

impl super::Server {
    pub(super) fn code_actions(
        &mut self,
        p: lsp::CodeActionParams,
    ) -> Option<lsp::CodeActionResponse> {
        let uri = p.text_document.uri;
        let fixes = {
            let report = self.current_report(&uri)?.clone();
            let doc = self.docs.get(&uri)?;
            fixes(&doc.text, &report)
        };
        let doc = self.docs.get(&uri)?;
        let enc = self.enc;
        let range = |(s, e): (usize, usize)| doc.index.range(&doc.text, s, e, enc);
        let edit = |fixes: &[Fix]| lsp::WorkspaceEdit {
            changes: Some(
                [(
                    uri.clone(),
                    fixes
                        .iter()
                        .flat_map(|f| &f.edits)
                        .map(|(span, text)| lsp::TextEdit {
                            range: range(*span),
                            new_text: text.clone(),
                        })
                        .collect(),
                )]
                .into_iter()
                .collect(),
            ),
            ..Default::default()
        };
        let wants = |kind: &str| {
            p.context.only.as_ref().is_none_or(|only| {
                only.iter()
                    .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
            })
        };
        let mut out = Vec::new();
        if wants(lsp::CodeActionKind::QUICKFIX.as_str()) {
            let (s, e) = (
                doc.index.offset(&doc.text, p.range.start, enc),
                doc.index.offset(&doc.text, p.range.end, enc),
            );
            let near = |&(a, b): &Span| a <= e && s <= b;
            for f in fixes
                .iter()
                .filter(|f| f.places.iter().any(near) || f.edits.iter().any(|(sp, _)| near(sp)))
            {
                let ranges: Vec<lsp::Range> = f.places.iter().map(|&p| range(p)).collect();
                let diagnostics: Vec<lsp::Diagnostic> = p
                    .context
                    .diagnostics
                    .iter()
                    .filter(|d| d.source.as_deref() == Some("waflow") && ranges.contains(&d.range))
                    .cloned()
                    .collect();
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: f.title.clone(),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
                    edit: Some(edit(std::slice::from_ref(f))),
                    is_preferred: Some(f.safe),
                    ..Default::default()
                }));
            }
        }
        if wants(FIX_ALL_KIND) {
            let safe = all_safe(fixes);
            if !safe.is_empty() {
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: format!("Fix all safe waflow fixes ({})", safe.len()),
                    kind: Some(FIX_ALL_KIND.into()),
                    edit: Some(edit(&safe)),
                    ..Default::default()
                }));
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_become_edits_on_the_token_or_the_word() {
        let text = r#"{"version": "7.3", "screens": [{"id": "A", "title": "T", "terminal": true,
  "data": {"name": {"type": "string", "__example__": "x"}},
  "layout": {"type": "SingleColumnLayout", "children": [
    {"type": "TextBody", "text": "${data.nme}"},
    {"type": "TextInput", "name": "n", "label": "L", "initial-text": "x"},
    {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]}"#;
        // The schema fault first (it ends the run, as at Meta).
        let f = fixes(text, &waflow::validate(text));
        assert_eq!(f.len(), 1, "{f:?}");
        let ((s, e), new) = &f[0].edits[0];
        assert_eq!(&text[*s..*e], "\"initial-text\"");
        assert_eq!(new, "\"init-value\"");
        let text = text.replace("initial-text", "init-value");
        let f = fixes(&text, &waflow::validate(&text));
        assert_eq!(f.len(), 1, "{f:?}");
        let ((s, e), new) = &f[0].edits[0];
        assert!(text[*s..*e].contains("nme"), "{f:?}");
        assert!(new.contains("name"), "{f:?}");
    }

    #[test]
    fn overlapping_fixes_are_not_applied_together() {
        let fix = |s, e| Fix {
            title: String::new(),
            edits: vec![((s, e), String::new())],
            safe: true,
            places: Vec::new(),
        };
        let kept = all_safe(vec![fix(0, 6), fix(5, 9), fix(9, 12), fix(9, 9)]);
        let spans: Vec<Span> = kept.iter().map(|f| f.edits[0].0).collect();
        assert_eq!(spans, [(0, 6), (9, 12)]);
    }
}
