//! Hover.
use lsp_types as lsp;

impl super::Server {
    pub(super) fn hover(&mut self, _p: lsp::HoverParams) -> Option<lsp::Hover> {
        None
    }
}
