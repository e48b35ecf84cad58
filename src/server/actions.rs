//! Code actions: quick fixes from findings, and "fix all" (`source.fixAll`).
//!
//! Today the fixes are the library's did-you-mean suggestions: a finding whose message
//! or help ends in "Did you mean 'x'?" at a key or value token (or at a finer place that
//! is exactly the misspelt word) is fixed by writing `x` there. The library may later
//! carry edits of its own on findings; [`fixes`] is the one place that turns a report
//! into edits, so such edits plug in there and every action below uses them.

use lsp_types as lsp;
use waflow::Report;

/// The kind of waflow's "fix all" (a `source.fixAll` kind, so editors run it on save
/// when configured to).
pub(crate) const FIX_ALL_KIND: &str = "source.fixAll.waflow";

/// An edit that fixes one place of a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fix {
    pub title: String,
    /// Byte range replaced, and the new text.
    pub span: (usize, usize),
    pub new_text: String,
    /// Whether "fix all" may apply it without a person looking: a suggestion by edit
    /// distance for a name that does not exist is one; all fixes today are.
    pub safe: bool,
}

/// Every fix the findings of `report` offer on `text`.
pub(crate) fn fixes(text: &str, report: &Report) -> Vec<Fix> {
    let mut out = Vec::new();
    for f in report.in_order() {
        let Some(suggestion) =
            did_you_mean(f.help.as_deref()).or_else(|| did_you_mean(Some(&f.message)))
        else {
            continue;
        };
        for p in &f.pointers {
            let Some(span) = p.shown_span() else { continue };
            let (s, e) = (span.start as usize, span.end as usize);
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
                span: (s, e),
                new_text,
                safe: true,
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

/// Non-overlapping safe fixes, in order (for "fix all").
fn all_safe(mut fixes: Vec<Fix>) -> Vec<Fix> {
    fixes.retain(|f| f.safe);
    fixes.sort_by_key(|f| f.span);
    let mut out: Vec<Fix> = Vec::new();
    for f in fixes {
        if out.last().is_none_or(|l| l.span.1 <= f.span.0) {
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
                        .map(|f| lsp::TextEdit {
                            range: range(f.span),
                            new_text: f.new_text.clone(),
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
            for f in fixes.iter().filter(|f| f.span.0 <= e && s <= f.span.1) {
                let r = range(f.span);
                let diagnostics: Vec<lsp::Diagnostic> = p
                    .context
                    .diagnostics
                    .iter()
                    .filter(|d| d.source.as_deref() == Some("waflow") && d.range == r)
                    .cloned()
                    .collect();
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: f.title.clone(),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
                    edit: Some(edit(std::slice::from_ref(f))),
                    is_preferred: Some(true),
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
    {"type": "TextInput", "name": "n", "label": "L", "initial-text": "x"}]}}]}"#;
        // The schema fault first (it ends the run, as at Meta).
        let f = fixes(text, &waflow::validate(text));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&text[f[0].span.0..f[0].span.1], "\"initial-text\"");
        assert_eq!(f[0].new_text, "\"init-value\"");
        let text = text.replace("initial-text", "init-value");
        let f = fixes(&text, &waflow::validate(&text));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&text[f[0].span.0..f[0].span.1], "nme");
        assert_eq!(f[0].new_text, "name");
    }

    #[test]
    fn overlapping_fixes_are_not_applied_together() {
        let fix = |s, e| Fix {
            title: String::new(),
            span: (s, e),
            new_text: String::new(),
            safe: true,
        };
        let kept = all_safe(vec![fix(5, 9), fix(0, 6), fix(9, 12)]);
        assert_eq!(
            kept.iter().map(|f| f.span).collect::<Vec<_>>(),
            [(0, 6), (9, 12)]
        );
    }
}
