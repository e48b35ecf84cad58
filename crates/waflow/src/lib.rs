//! waflow: validate WhatsApp Flow JSON before you upload it.
//!
//! [`validate`] returns the errors Meta would report, in Meta's own shape (`error`,
//! `errorType`, `message`, positions, `pointers[].path`), with the exact position of every
//! fault, plus warnings Meta would not report but you would want to know.
//!
//! ```
//! let report = waflow::validate(r#"{"version": "7.3", "screens": [{"id": "END",
//!   "title": "Thanks", "terminal": true, "layout": {"type": "SingleColumnLayout",
//!   "children": [{"type": "TextInput", "name": "n", "label": "Name", "initial-text": "x"}]}}]}"#);
//! let error = &report.errors()[0];
//! assert_eq!(error.error, "INVALID_PROPERTY_KEY");
//! assert_eq!(error.pointers[0].path, "screens[0].layout.children[0].initial-text");
//! assert!(error.message.ends_with("Did you mean 'init-value'?"));
//!
//! let report = waflow::validate(r#"{"version": 7.3}"#);
//! let error = &report.errors()[0];
//! assert_eq!(error.error, "INVALID_FLOW_JSON_VERSION");
//! assert_eq!(error.position(), (1, 1, 13, 15)); // line 1, columns 13..=15: the `7.3`
//! let json = report.to_json(waflow::Spelling::Camel); // {"validationErrors":[...]}
//! assert!(json.starts_with(r#"{"validationErrors":[{"error":"INVALID_FLOW_JSON_VERSION""#));
//! ```
//!
//! Positions follow Meta: 1-based lines and columns, columns in UTF-16 code units, the end
//! column inclusive, spans covering the token with its quotes or brackets.
//!
//! The pipeline, one private module per stage: bytes -> `document` (size, UTF-8, `syntax`)
//! -> `version` -> `schema` (the JSON Schema of the flow's version, from the [`catalog`])
//! -> semantic `rules` -> merged, Meta-shaped [`Finding`]s. Every rule is listed in the
//! [`registry`]; fixes are in [`fix`].
//! The library never panics on input, prints, exits or touches the network.

// Only the CLI's allocator needs unsafe code (src/alloc.rs); the libraries never do.
#![forbid(unsafe_code)]
// The public API is small and every item of it says what it is. `internals` lends out
// undocumented internals by design, so the rule holds for builds without it (.ci/run
// lints the library so). Without `internals`, what only it lends out (parsers and stage
// entry points for benches and fuzzing) is unused; builds with it (the tests, CI's
// clippy of all targets) still catch dead code.
#![cfg_attr(not(feature = "internals"), deny(missing_docs))]
#![cfg_attr(not(feature = "internals"), allow(dead_code, unused_imports))]

use std::io::Read;
use std::sync::atomic::AtomicBool;

// The stages and their helpers: private, but for the catalog, whose facts (components,
// properties, types, versions, placement, limits) are public data for tools such as the
// CLI's language server. `internals` (feature-gated) lends benches, fuzz targets and
// tests what else they need.
pub mod catalog;
#[cfg(feature = "miette")]
pub mod diagnostic;
mod document;
mod edits;
pub mod endpoint;
mod finding;
pub mod fix;
mod fixer;
pub mod graph;
mod locate;
pub mod migrate;
pub mod registry;
mod report;
mod rule;
mod rules;
mod schema;
mod sink;
mod suggest;
mod syntax;
mod version;

pub use catalog::FlowVersion;
#[cfg(feature = "miette")]
pub use diagnostic::{FlowSource, ReportDiagnostic};
pub use document::thousands;
pub use finding::{
    rule_doc_url, Finding, Focus, Pointer, Severity, Spelled, Spelling, UnknownSeverity,
    FLOW_JSON_ERROR, JSON_SCHEMA_ERROR,
};
pub use fixer::{fix_text, fix_text_with, AppliedFix, Fixed, MAX_FIX_ROUNDS};
pub use locate::attach_spans;
pub use report::Report;
pub use rule::{FixApplicability, RuleFix, RuleMeta};
pub use schema::{file_name as schema_file_name, schema_for, schema_text};
pub use syntax::Span;

use sink::Sink;

/// The Flow JSON versions that have a JSON Schema (every public one, frozen or active),
/// oldest first: what [`schema_for`] and [`schema_text`] accept.
pub fn schema_versions() -> impl Iterator<Item = FlowVersion> {
    catalog::schema_versions()
}

/// The newest Flow JSON version Meta lets you publish.
pub const LATEST: FlowVersion = catalog::versions::LATEST;

/// What benches, fuzz targets and this crate's tests reach inside the library. Not part
/// of the API: no stability promise, no docs.
#[cfg(feature = "internals")]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod internals {
    pub use crate::rules::{check_tree as rules_check_tree, fuzz_expression};
    pub use crate::schema::{check_tree as schema_check_tree, structure_faults};

    pub mod syntax {
        pub use crate::syntax::*;
    }
}

/// How to validate. `Options::default()` is what Meta does.
#[derive(Clone, Debug)]
pub struct Options {
    /// Documents longer than this many bytes get `INVALID_FLOW_JSON` and are not parsed.
    /// Default: Meta's limit, 10,485,760 bytes.
    pub max_bytes: usize,
    /// [`validate_reader`] reads at most this many bytes, whatever the input's length;
    /// the size finding then says "at least". Default: 64 MiB.
    pub read_cap: u64,
    /// Nesting deeper than this many arrays/objects is a syntax finding. Default: 127,
    /// the limit `serde_json` has; real flows nest about 15 deep.
    pub max_depth: usize,
    /// Severity of `frozen-version` (Meta refuses updates to flows on frozen versions;
    /// repositories that only archive old flows may lower it). Default: error.
    pub frozen_version: Severity,
    /// At most this many findings are kept; a `too-many-findings` warning says how many
    /// were left out. Counted as the stages make them, before findings with one message
    /// are merged into one with several places, so the cap bounds the work and memory of
    /// a run, not just the length of its report. Default: 100,000.
    pub max_findings: usize,
    /// Judge the flow as this Flow JSON version, whatever its own `version` says or when
    /// it has none: the findings are those of the flow with `"version": "<this>"`, at the
    /// positions of the text as given. The `version` member itself is then not judged
    /// (absent, not a string, another version: no finding); a version Meta refuses
    /// (frozen, unavailable, unknown) gets the finding a flow declaring it gets, at the
    /// member's value or, without one, at the root. Default: `None`, the flow's own
    /// version, as Meta does.
    pub version: Option<FlowVersion>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: catalog::limits::MAX_FLOW_JSON_BYTES,
            read_cap: 64 * 1024 * 1024,
            max_depth: syntax::DEFAULT_MAX_DEPTH,
            frozen_version: Severity::Error,
            max_findings: 100_000,
            version: None,
        }
    }
}

/// Reading the input failed; validation never started.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The reader failed.
    #[error("could not read the Flow JSON: {0}")]
    Io(#[from] std::io::Error),
}

/// Validates a Flow JSON document with the default [`Options`].
pub fn validate(text: &str) -> Report {
    validate_with(text.as_bytes(), &Options::default())
}

/// Validates raw bytes (invalid UTF-8 is a finding, not a failure).
pub fn validate_bytes(bytes: &[u8]) -> Report {
    validate_with(bytes, &Options::default())
}

/// Validates raw bytes with the given options.
pub fn validate_with(bytes: &[u8], options: &Options) -> Report {
    let size = document::Size {
        bytes: bytes.len() as u64,
        complete: true,
    };
    run(bytes, size, options, Through::Stop)
}

/// Reads at most `options.read_cap` bytes from `reader` and validates them.
pub fn validate_reader<R: Read>(reader: R, options: &Options) -> Result<Report, ReadError> {
    let mut bytes = Vec::new();
    // One byte past the cap tells "exactly at the cap" from "longer than the cap".
    reader
        .take(options.read_cap.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(validate_capped(&bytes, options))
}

/// Validates what a reader gave when read up to `options.read_cap + 1` bytes, as
/// [`validate_reader`] does, for callers that read the input themselves and want no
/// second copy of it: more than `read_cap` bytes means the input was cut, and the size
/// finding says "at least".
pub fn validate_capped(bytes: &[u8], options: &Options) -> Report {
    let complete = bytes.len() as u64 <= options.read_cap;
    let bytes = &bytes[..options.read_cap.min(bytes.len() as u64) as usize];
    let size = document::Size {
        bytes: bytes.len() as u64,
        complete,
    };
    run(bytes, size, options, Through::Stop)
}

/// The report for an input known to be `len` bytes long, when that is more than
/// `options.max_bytes`: the size finding alone, with the exact size. For callers that know
/// the length before reading (a file's metadata) and need not read a huge input to reject
/// it. `None` when the input is within the limit and has to be validated.
pub fn oversized(len: u64, options: &Options) -> Option<Report> {
    let size = document::Size {
        bytes: len,
        complete: true,
    };
    (len > options.max_bytes as u64).then(|| run(&[], size, options, Through::Stop))
}

/// Whether the semantic pass runs on a flow with schema errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Through {
    /// No: as Meta does, schema errors end the run (the semantic pass would cascade).
    Stop,
    /// Yes, for `migrate`: the fixes a newer version's semantic rules propose are the
    /// migration, and a schema error elsewhere in the flow must not hide them.
    SchemaErrors,
}

/// Validates every stage, running the semantic pass even when the schema stage found
/// errors (see [`Through::SchemaErrors`]).
pub(crate) fn validate_through_schema_errors(bytes: &[u8], options: &Options) -> Report {
    let size = document::Size {
        bytes: bytes.len() as u64,
        complete: true,
    };
    run(bytes, size, options, Through::SchemaErrors)
}

fn run(bytes: &[u8], size: document::Size, options: &Options, through: Through) -> Report {
    let failed = AtomicBool::new(false);
    let mut sink = Sink::new(options.max_findings, &failed);
    let version = stages(bytes, size, options, through, &mut sink);
    let (findings, dropped) = sink.finish();
    let report = Report::new(findings, version);
    report.capped(options.max_findings, dropped, |dropped, kept| {
        let mut f = document::TOO_MANY_FINDINGS.finding(format!(
            "{dropped} more findings are not reported: the report is capped at {kept}"
        ));
        f.help = Some(
            "Fix the first ones and validate again, or raise the cap (`Options::max_findings`, \
             `waflow check --max-findings`)"
                .into(),
        );
        f
    })
}

/// Runs the stages in order; each stage only reads what the one before produced.
fn stages(
    bytes: &[u8],
    size: document::Size,
    options: &Options,
    through: Through,
    out: &mut Sink<'_>,
) -> Option<FlowVersion> {
    if !document::check_size(size, options.max_bytes, out) {
        return None;
    }
    let text = document::decode(bytes, out)?;
    let arena = syntax::Arena::for_text(text);
    let doc = document::parse(text, &arena, options.max_depth, out);
    let parsed = doc.parsed.as_ref()?;
    let loc = &doc.loc;
    let version = version::check(
        &parsed.root,
        loc,
        options.frozen_version,
        options.version,
        out,
    )?;
    let given = options.version.is_some();
    if parsed.depth > schema::codes::MAX_DEPTH {
        let mut f = schema::codes::TOO_DEEP_TO_CHECK.finding(format!(
            "The document nests {} levels deep; waflow checks structure up to {} levels.",
            parsed.depth,
            schema::codes::MAX_DEPTH
        ));
        f.pointers
            .push(loc.pointer(parsed.root.span, &syntax::Path::root()));
        out.push(f);
        return Some(version);
    }
    // As Meta does: schema errors end the run; the semantic pass would only cascade.
    // A large document runs the semantic pass beside the schema stage and drops its
    // findings if the schema failed: the two only read the tree.
    if through == Through::Stop
        && bytes.len() >= PARALLEL_STAGES
        && beside_schema(&parsed.root, version, given, loc, options, out)
    {
        return Some(version);
    }
    if !schema::check(&parsed.root, version, given, loc, out) {
        rules::check(&parsed.root, version, loc, out);
    } else {
        // The fixes of schema findings that need the semantic model (a screen renamed
        // wherever the flow names it).
        rules::fix_schema_findings(&parsed.root, version, loc, out.findings_mut());
        if through == Through::SchemaErrors {
            // A sink of its own: the schema stage raised `out`'s failure signal, which
            // the semantic pass would take as the sign to stop.
            let clear = AtomicBool::new(false);
            let mut sink = Sink::new(options.max_findings, &clear);
            rules::check(&parsed.root, version, loc, &mut sink);
            out.absorb(sink.finish());
        }
    }
    Some(version)
}

/// Documents at least this large run the schema stage and the semantic pass on two
/// threads (each costs milliseconds from here; a thread costs tens of microseconds).
const PARALLEL_STAGES: usize = 1 << 20;

/// The schema stage here and the semantic pass on a scoped thread, with its own sink
/// that `out` absorbs unless the schema failed. `false` if no thread could be had: then
/// the caller runs both in turn.
fn beside_schema(
    root: &syntax::Node<'_>,
    version: FlowVersion,
    version_given: bool,
    loc: &locate::Locator<'_>,
    options: &Options,
    out: &mut Sink<'_>,
) -> bool {
    let text = loc.text();
    // The schema stage raises `out`'s failure signal at its first fault; the semantic
    // pass watches the same signal and stops early.
    let signal = out.signal();
    let semantic = || {
        let mut sink = Sink::new(options.max_findings, signal);
        rules::check(root, version, &locate::Locator::new(text), &mut sink);
        sink.finish()
    };
    std::thread::scope(|scope| {
        let Ok(rules) = std::thread::Builder::new()
            .name("waflow-rules".into())
            .spawn_scoped(scope, semantic)
        else {
            return false;
        };
        let failed = schema::check(root, version, version_given, loc, out);
        // Should the semantic pass panic (a bug), run it again here: the panic then
        // surfaces on the caller's thread, as it would without the second thread.
        let found = rules.join().unwrap_or_else(|_| semantic());
        if !failed {
            out.absorb(found);
        } else {
            rules::fix_schema_findings(root, version, loc, out.findings_mut());
        }
        true
    })
}
