//! Code actions.
use lsp_types as lsp;

pub(crate) const FIX_ALL_KIND: &str = "source.fixAll.waflow";

impl super::Server {
    pub(super) fn code_actions(
        &mut self,
        _p: lsp::CodeActionParams,
    ) -> Option<lsp::CodeActionResponse> {
        None
    }
}
