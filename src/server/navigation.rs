//! Navigation.
use lsp_types as lsp;

impl super::Server {
    pub(super) fn definition(
        &mut self,
        _p: lsp::GotoDefinitionParams,
    ) -> Option<lsp::GotoDefinitionResponse> {
        None
    }
    pub(super) fn references(&mut self, _p: lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
        None
    }
    pub(super) fn prepare_rename(
        &mut self,
        _p: lsp::TextDocumentPositionParams,
    ) -> Option<lsp::PrepareRenameResponse> {
        None
    }
    pub(super) fn rename(&mut self, _p: lsp::RenameParams) -> Option<lsp::WorkspaceEdit> {
        None
    }
    pub(super) fn symbols(
        &mut self,
        _p: lsp::DocumentSymbolParams,
    ) -> Option<lsp::DocumentSymbolResponse> {
        None
    }
}
