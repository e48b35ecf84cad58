//! Completion.
use lsp_types as lsp;

impl super::Server {
    pub(super) fn completion(
        &mut self,
        _p: lsp::CompletionParams,
    ) -> Option<lsp::CompletionResponse> {
        None
    }
}
