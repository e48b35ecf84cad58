//! Bytes -> span tree. Everything later in the pipeline reads this tree; nothing re-parses.
//!
//! The parser is our own (see `parser.rs` for why) and strict RFC 8259 JSON, with two
//! deliberate, documented differences from `serde_json`:
//! - numbers outside the f64 range (`6e3002`) are accepted: the grammar allows them and
//!   Meta's JavaScript parser reads them as `Infinity`; their text is kept verbatim;
//! - nothing else: the same depth limit (128) and the same refusal of unpaired `\u`
//!   surrogates, so on every other input both parsers give the same verdict (tested).
//!
//! The tree borrows from the text and from an [`Arena`] the caller keeps for as long as
//! it reads the tree:
//!
//! ```
//! use waflow::internals::syntax::{parse, Arena};
//! let arena = Arena::new();
//! let parsed = parse(r#"{"a": ["x\ty"]}"#, &arena, &Default::default()).unwrap();
//! let item = &parsed.root.get("a").unwrap().as_array().unwrap()[0];
//! assert_eq!(item.as_str(), Some("x\ty")); // decoded
//! assert_eq!((item.span.start, item.span.end), (7, 13)); // the token, quotes included
//! ```

mod line_index;
mod parser;
mod path;
mod tree;
mod walk;

pub use line_index::{LineCol, LineIndex};
pub use parser::{
    parse, DuplicateKey, ParseError, ParseErrorKind, ParseOptions, Parsed, DEFAULT_MAX_DEPTH,
};
pub(crate) use path::{write_index, write_key};
pub use path::{Path, Segment};
pub use tree::{Arena, Key, Member, Node, Span, Value};
pub use walk::{path_to, walk};
