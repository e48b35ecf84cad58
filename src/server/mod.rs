//! `waflow server`: a language server for Flow JSON, over stdio.
//!
//! Why synchronous, on lsp-server and lsp-types (as ruff is): every request here costs
//! microseconds to a few milliseconds (validating the largest real flow takes about
//! 30 us, a 1 MB flow about 3 ms), so one thread that handles messages in order is fast
//! enough and cannot race: no async runtime, no locks, no stale snapshot of a document.
//! The only timer is the diagnostics debounce: a change sets when its document's
//! diagnostics are due, the loop waits for the next message or that instant, and the
//! text validated then is the latest (the changes between were never validated).
//!
//! Never down: each message is handled inside `catch_unwind`; a panic answers the
//! request with an error, is shown to the user (`window/showMessage`) and the loop goes
//! on. A message that can't be read is reported (`window/logMessage`) and skipped
//! (transport.rs).

mod actions;
mod completion;
mod config;
mod describe;
mod diagnostics;
mod documents;
mod hover;
mod library;
mod model;
mod navigation;
mod text;
mod transport;
mod tree;

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{self as lsp, Uri};
use serde::de::DeserializeOwned;

use self::config::{Applied, Configs};
use self::documents::Document;
use self::text::{Encoding, LineIndex};
use self::transport::Incoming;

/// How long after a change its diagnostics are published, unless the client sets
/// `initializationOptions.diagnosticDelay` (milliseconds). Long enough that typing a word
/// validates once, short enough to feel immediate.
const DEFAULT_DELAY: Duration = Duration::from_millis(50);
/// The findings kept per document: an editor has no use for 100,000 squiggles, and each
/// costs a diagnostic on the wire. The cap's own warning says how many were left out.
const MAX_FINDINGS: usize = 5_000;

#[derive(clap::Args)]
pub(crate) struct ServerArgs {
    /// Accepted for editors that pass it (VS Code's client does); stdio is the only
    /// transport.
    #[arg(long, hide = true)]
    pub stdio: bool,
}

/// Runs the server on stdin and stdout until `exit` (or the end of input).
pub(crate) fn run(_args: &ServerArgs) -> ExitCode {
    install_panic_hook();
    let incoming = match transport::start(std::io::stdin()) {
        Ok(t) => t,
        Err(e) => {
            crate::print_error(&format!("could not start the server's reader: {e}"));
            return ExitCode::from(2);
        }
    };
    // Message::write flushes after each message; the buffer makes header and body one
    // write.
    let out = transport::Output::new(Box::new(std::io::BufWriter::new(std::io::stdout())));
    serve(out, incoming)
}

fn serve(out: transport::Output, incoming: crossbeam_channel::Receiver<Incoming>) -> ExitCode {
    let mut server = Server::new(out);
    loop {
        let next = match server.next_due() {
            Some(when) => match incoming.recv_deadline(when) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match incoming.recv() {
                Ok(m) => Some(m),
                Err(_) => break,
            },
        };
        match next {
            Some(Incoming::Bad { reason, id }) => server.bad_message(&reason, id),
            Some(Incoming::Message(m)) => {
                if let Some(code) = server.dispatch(m) {
                    return code;
                }
            }
            None => {}
        }
        // Validation runs here too, outside any message: caught the same way.
        if std::panic::catch_unwind(AssertUnwindSafe(|| server.publish_due())).is_err() {
            server.show(
                lsp::MessageType::ERROR,
                "waflow server: internal error while checking a document. The server keeps \
                 running; please report this with the document."
                    .into(),
            );
        }
    }
    // The client went away without `exit`: what LSP calls an unclean end, unless it
    // had asked us to shut down.
    if server.shut_down {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub(crate) struct Server {
    out: transport::Output,
    enc: Encoding,
    /// Whether the client takes snippets in completions.
    snippets: bool,
    delay: Duration,
    initialized: bool,
    shut_down: bool,
    docs: HashMap<Uri, Document>,
    configs: Configs,
    /// Config files with a diagnostic published, and its message.
    config_diags: HashMap<PathBuf, String>,
    next_id: i32,
    /// The registration of watched config files, sent once the client says
    /// `initialized` (the protocol forbids requests to the client before).
    pending_after_init: Option<Request>,
    /// Test hooks (a request that panics) are answered only with
    /// `WAFLOW_SERVER_TEST_HOOKS=1` in the environment.
    test_hooks: bool,
}

/// What a handler answers.
type Answer = Result<serde_json::Value, (ErrorCode, String)>;

impl Server {
    fn new(out: transport::Output) -> Server {
        Server {
            out,
            enc: Encoding::Utf16,
            snippets: false,
            delay: DEFAULT_DELAY,
            initialized: false,
            shut_down: false,
            docs: HashMap::new(),
            configs: Configs::default(),
            config_diags: HashMap::new(),
            next_id: 0,
            pending_after_init: None,
            test_hooks: std::env::var_os("WAFLOW_SERVER_TEST_HOOKS").is_some_and(|v| v == "1"),
        }
    }

    fn send(&self, m: impl Into<Message>) {
        self.out.send(&m.into());
    }

    fn notify<N: lsp::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_owned(), params));
    }

    fn show(&self, typ: lsp::MessageType, message: String) {
        self.notify::<lsp::notification::ShowMessage>(lsp::ShowMessageParams {
            typ,
            message: message.clone(),
        });
        self.log(typ, message);
    }

    fn log(&self, typ: lsp::MessageType, message: String) {
        self.notify::<lsp::notification::LogMessage>(lsp::LogMessageParams { typ, message });
    }

    fn bad_message(&self, reason: &str, id: Option<RequestId>) {
        if let Some(id) = id {
            self.send(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                reason.to_owned(),
            ));
        }
        self.log(
            lsp::MessageType::WARNING,
            format!("waflow server: {reason}"),
        );
    }

    /// Handles one message, catching any panic. `Some(code)` ends the server.
    fn dispatch(&mut self, m: Message) -> Option<ExitCode> {
        let (method, id) = match &m {
            Message::Request(r) => (r.method.clone(), Some(r.id.clone())),
            Message::Notification(n) => (n.method.clone(), None),
            // Answers to our own requests (registerCapability): nothing to do.
            Message::Response(_) => return None,
        };
        match std::panic::catch_unwind(AssertUnwindSafe(|| self.handle(m))) {
            Ok(end) => end,
            Err(payload) => {
                let why = panic_text(&payload);
                if let Some(id) = id {
                    self.send(Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        format!("waflow server failed on {method}: {why}"),
                    ));
                }
                self.show(
                    lsp::MessageType::ERROR,
                    format!(
                        "waflow server: internal error while handling {method} ({why}). \
                         The server keeps running; please report this with the document."
                    ),
                );
                None
            }
        }
    }

    fn handle(&mut self, m: Message) -> Option<ExitCode> {
        match m {
            Message::Request(req) => {
                self.request(req);
                None
            }
            Message::Notification(n) => self.notification(n),
            Message::Response(_) => None,
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let answer = if req.method == lsp::request::Initialize::METHOD {
            self.initialize(req.params)
        } else if !self.initialized {
            Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized".into(),
            ))
        } else if self.shut_down {
            Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            ))
        } else {
            self.route(&req.method, req.params)
        };
        self.send(match answer {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    fn route(&mut self, method: &str, params: serde_json::Value) -> Answer {
        use lsp::request::*;
        match method {
            Shutdown::METHOD => {
                self.shut_down = true;
                Ok(serde_json::Value::Null)
            }
            HoverRequest::METHOD => self.with(params, |s, p| s.hover(p)),
            Completion::METHOD => self.with(params, |s, p| s.completion(p)),
            ResolveCompletionItem::METHOD => self.with(params, |s, p| s.resolve_completion(p)),
            GotoDefinition::METHOD => self.with(params, |s, p| s.definition(p)),
            References::METHOD => self.with(params, |s, p| s.references(p)),
            PrepareRenameRequest::METHOD => self.with_result(params, |s, p| s.prepare_rename(p)),
            Rename::METHOD => self.with_result(params, |s, p| s.rename(p)),
            DocumentSymbolRequest::METHOD => self.with(params, |s, p| s.symbols(p)),
            CodeActionRequest::METHOD => self.with(params, |s, p| s.code_actions(p)),
            "waflow/testPanic" if self.test_hooks => {
                panic!("a panic asked for by the test hook")
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("waflow server does not handle {method}"),
            )),
        }
    }

    /// Decodes a request's params and runs `f`; bad params are InvalidParams.
    fn with<P: DeserializeOwned, R: serde::Serialize>(
        &mut self,
        params: serde_json::Value,
        f: impl FnOnce(&mut Self, P) -> R,
    ) -> Answer {
        let p = serde_json::from_value::<P>(params)
            .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))?;
        serde_json::to_value(f(self, p)).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    /// As [`Self::with`], for handlers that can refuse with an error of their own.
    fn with_result<P: DeserializeOwned, R: serde::Serialize>(
        &mut self,
        params: serde_json::Value,
        f: impl FnOnce(&mut Self, P) -> Result<R, (ErrorCode, String)>,
    ) -> Answer {
        let p = serde_json::from_value::<P>(params)
            .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))?;
        serde_json::to_value(f(self, p)?).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn initialize(&mut self, params: serde_json::Value) -> Answer {
        if self.initialized {
            return Err((
                ErrorCode::InvalidRequest,
                "initialize was sent twice".into(),
            ));
        }
        let p: lsp::InitializeParams = serde_json::from_value(params)
            .map_err(|e| (ErrorCode::InvalidParams, format!("invalid params: {e}")))?;
        // UTF-8 when the client can count in it (no conversion of columns at all),
        // else UTF-16, the protocol's default.
        let offered = p
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        self.enc = if offered.is_some_and(|o| o.contains(&lsp::PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        if let Some(ms) = p
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("diagnosticDelay"))
            .and_then(serde_json::Value::as_u64)
        {
            self.delay = Duration::from_millis(ms.min(10_000));
        }
        self.snippets = p
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        let watch = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files)
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.initialized = true;
        let result = lsp::InitializeResult {
            capabilities: capabilities(self.enc),
            server_info: Some(lsp::ServerInfo {
                name: "waflow".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        if watch {
            self.watch_configs();
        }
        serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    /// Asks the client to tell us when any waflow.toml changes.
    fn watch_configs(&mut self) {
        self.next_id += 1;
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "waflow-config-watch".into(),
                method: lsp::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(
                    lsp::DidChangeWatchedFilesRegistrationOptions {
                        watchers: vec![lsp::FileSystemWatcher {
                            glob_pattern: lsp::GlobPattern::String("**/waflow.toml".into()),
                            kind: None,
                        }],
                    },
                )
                .ok(),
            }],
        };
        let id = RequestId::from(format!("waflow-{}", self.next_id));
        let req = Request::new(id, lsp::request::RegisterCapability::METHOD.into(), params);
        self.pending_after_init = Some(req);
    }

    fn notification(&mut self, n: Notification) -> Option<ExitCode> {
        use lsp::notification::*;
        if n.method == Exit::METHOD {
            return Some(if self.shut_down {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        if !self.initialized {
            return None;
        }
        let params = n.params;
        match n.method.as_str() {
            Initialized::METHOD => {
                if let Some(req) = self.pending_after_init.take() {
                    self.send(req);
                }
            }
            DidOpenTextDocument::METHOD => {
                self.decode(params, |s, p: lsp::DidOpenTextDocumentParams| s.did_open(p))
            }
            DidChangeTextDocument::METHOD => self
                .decode(params, |s, p: lsp::DidChangeTextDocumentParams| {
                    s.did_change(p)
                }),
            DidCloseTextDocument::METHOD => self
                .decode(params, |s, p: lsp::DidCloseTextDocumentParams| {
                    s.did_close(p)
                }),
            DidSaveTextDocument::METHOD => {
                self.decode(params, |s, p: lsp::DidSaveTextDocumentParams| {
                    if documents::file_path(&p.text_document.uri)
                        .is_some_and(|p| config::is_config(&p))
                    {
                        s.reload_configs();
                    }
                })
            }
            DidChangeWatchedFiles::METHOD => {
                self.decode(params, |s, p: lsp::DidChangeWatchedFilesParams| {
                    if p.changes.iter().any(|c| {
                        documents::file_path(&c.uri).is_some_and(|p| config::is_config(&p))
                    }) {
                        s.reload_configs();
                    }
                })
            }
            // Cancellation, trace and configuration changes: every request is answered
            // within milliseconds and there are no settings to change.
            _ => {}
        }
        None
    }

    fn decode<P: DeserializeOwned>(
        &mut self,
        params: serde_json::Value,
        f: impl FnOnce(&mut Self, P),
    ) {
        match serde_json::from_value::<P>(params) {
            Ok(p) => f(self, p),
            Err(e) => self.log(
                lsp::MessageType::WARNING,
                format!("waflow server: a notification with invalid params was ignored: {e}"),
            ),
        }
    }

    fn did_open(&mut self, p: lsp::DidOpenTextDocumentParams) {
        let d = p.text_document;
        let uri = d.uri.clone();
        self.docs.insert(
            uri.clone(),
            Document::new(d.uri, d.language_id, d.version, d.text),
        );
        self.publish(&uri);
    }

    fn did_change(&mut self, p: lsp::DidChangeTextDocumentParams) {
        let enc = self.enc;
        let due = Instant::now() + self.delay;
        let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
            return;
        };
        for change in p.content_changes {
            if !text::apply_change(
                &mut doc.text,
                &mut doc.index,
                change.range,
                &change.text,
                enc,
            ) {
                self.log(
                    lsp::MessageType::WARNING,
                    "waflow server: a change outside the document was ignored".into(),
                );
                return;
            }
        }
        doc.version = p.text_document.version;
        doc.due = Some(due);
    }

    fn did_close(&mut self, p: lsp::DidCloseTextDocumentParams) {
        if let Some(doc) = self.docs.remove(&p.text_document.uri) {
            if doc.published {
                self.publish_list(doc.uri, None, Vec::new());
            }
        }
    }

    /// When the next document's diagnostics are due.
    fn next_due(&self) -> Option<Instant> {
        self.docs.values().filter_map(|d| d.due).min()
    }

    /// Publishes the diagnostics that are due.
    fn publish_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .docs
            .values()
            .filter(|d| d.due.is_some_and(|t| t <= now))
            .map(|d| d.uri.clone())
            .collect();
        for uri in due {
            self.publish(&uri);
        }
    }

    /// Validates a document now (if it is a flow) and publishes its diagnostics.
    fn publish(&mut self, uri: &Uri) {
        let enc = self.enc;
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let applied = self.configs.for_file(doc.path.as_deref());
        doc.flow = doc.is_flow(&applied);
        if !doc.flow {
            doc.checked = None;
            if std::mem::take(&mut doc.published) {
                let (uri, version) = (doc.uri.clone(), doc.version);
                self.publish_list(uri, Some(version), Vec::new());
            }
            self.sync_config_diagnostics();
            return;
        }
        let report = check(doc, &applied);
        let list = diagnostics::diagnostics(
            &report,
            &diagnostics::Source {
                uri: &doc.uri,
                text: &doc.text,
                index: &doc.index,
                enc,
            },
        );
        doc.checked = Some((doc.version, report));
        doc.published = true;
        let (uri, version) = (doc.uri.clone(), doc.version);
        self.publish_list(uri, Some(version), list);
        self.sync_config_diagnostics();
    }

    fn publish_list(&self, uri: Uri, version: Option<i32>, diagnostics: Vec<lsp::Diagnostic>) {
        self.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// The document's report for its current text, validating now if a change is
    /// still waiting for its debounce (code actions and hovers must see the text the
    /// user sees).
    fn current_report(&mut self, uri: &Uri) -> Option<&waflow::Report> {
        let stale = self.docs.get(uri).is_some_and(|d| {
            d.due.is_some() || d.checked.as_ref().is_none_or(|c| c.0 != d.version)
        });
        if stale {
            self.publish(uri);
        }
        self.docs.get(uri)?.checked.as_ref().map(|c| &c.1)
    }

    /// The byte offset of a position in an open document.
    fn offset(&self, uri: &Uri, pos: lsp::Position) -> Option<usize> {
        let doc = self.docs.get(uri)?;
        Some(doc.index.offset(&doc.text, pos, self.enc))
    }

    /// Runs `f` on an open flow's tolerant tree and model (built for this request: a
    /// few microseconds on a real flow, and never stale). `None` for documents that are
    /// not flows.
    fn on_flow<R>(&self, uri: &Uri, f: impl FnOnce(&Document, &model::Flow<'_>) -> R) -> Option<R> {
        let doc = self.docs.get(uri)?;
        if !doc.flow {
            return None;
        }
        let tree = tree::parse(&doc.text);
        let flow = model::Flow::build(&tree, &doc.text);
        Some(f(doc, &flow))
    }

    /// Reads every waflow.toml again and checks every open document again.
    fn reload_configs(&mut self) {
        self.configs.clear();
        let uris: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in uris {
            self.publish(&uri);
        }
        self.sync_config_diagnostics();
    }

    /// Publishes a diagnostic on each config that can't be used, and clears it from
    /// those that are fine again.
    fn sync_config_diagnostics(&mut self) {
        let enc = self.enc;
        let mut now: HashMap<PathBuf, (String, lsp::Diagnostic)> = HashMap::new();
        for (path, e) in self.configs.errors() {
            let index = LineIndex::new(&e.text);
            let range = e
                .span
                .clone()
                .filter(|s| s.end <= e.text.len())
                .map(|s| index.range(&e.text, s.start, s.end, enc))
                .unwrap_or_default();
            let message = format!("invalid config: {}", e.message);
            now.insert(
                path.clone(),
                (
                    message.clone(),
                    lsp::Diagnostic {
                        range,
                        severity: Some(lsp::DiagnosticSeverity::ERROR),
                        code: Some(lsp::NumberOrString::String("waflow-config".into())),
                        source: Some("waflow".into()),
                        message: format!(
                            "{message}\nFlows under this config are checked with the defaults until it is fixed."
                        ),
                        ..Default::default()
                    },
                ),
            );
        }
        let cleared: Vec<PathBuf> = self
            .config_diags
            .keys()
            .filter(|p| !now.contains_key(*p))
            .cloned()
            .collect();
        for path in cleared {
            self.config_diags.remove(&path);
            if let Some(uri) = documents::file_uri(&path) {
                self.publish_list(uri, None, Vec::new());
            }
        }
        for (path, (message, diag)) in now {
            if self.config_diags.get(&path) == Some(&message) {
                continue;
            }
            if let Some(uri) = documents::file_uri(&path) {
                self.publish_list(uri, None, vec![diag]);
            }
            self.config_diags.insert(path, message);
        }
    }
}

/// Validates a document's text with the config that applies to it.
fn check(doc: &Document, applied: &Applied) -> waflow::Report {
    let policy = match applied {
        Applied::Policy(p) => Some(p),
        _ => None,
    };
    let frozen = policy
        .and_then(|p| p.frozen_version)
        .unwrap_or(waflow::Severity::Error);
    let options = waflow::Options {
        max_findings: MAX_FINDINGS,
        ..crate::check::options(frozen)
    };
    let report = waflow::validate_with(doc.text.as_bytes(), &options);
    match (policy, &doc.path) {
        (Some(p), Some(path)) => p.apply(Some(path), report),
        _ => report,
    }
}

fn capabilities(enc: Encoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(match enc {
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(
                    lsp::SaveOptions {
                        include_text: Some(false),
                    },
                )),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), ".".into(), "{".into()]),
            resolve_provider: Some(true),
            ..Default::default()
        }),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::SOURCE_FIX_ALL,
                    actions::FIX_ALL_KIND.into(),
                ]),
                ..Default::default()
            },
        )),
        ..Default::default()
    }
}

/// The text of a panic's payload.
fn panic_text(payload: &Box<dyn std::any::Any + Send>) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into());
    crate::terminal::escape(&text).into_owned()
}

/// A panic in a handler is caught and reported to the client; the default hook would
/// also print it raw to stderr (which editors show in their log). This one prints one
/// escaped line with the place, so a bug report has it and no text from a document
/// reaches a terminal raw.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let why = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        crate::print_error(&format!("server panic{at}: {why}"));
    }));
}
