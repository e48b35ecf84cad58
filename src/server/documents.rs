//! Open documents: their text as the editor has it, and which of them are flows.

use std::path::{Path, PathBuf};
use std::time::Instant;

use lsp_types::Uri;

use super::config::Applied;
use super::text::LineIndex;

pub(crate) struct Document {
    pub uri: Uri,
    /// The file behind it, for `file:` URIs.
    pub path: Option<PathBuf>,
    pub language: String,
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    /// When its diagnostics are due (set by a change, cleared when published).
    pub due: Option<Instant>,
    /// The last validation: the document version it judged and the report.
    pub checked: Option<(i32, waflow::Report)>,
    /// Whether diagnostics were published for it (to clear them when it stops being a
    /// flow).
    pub published: bool,
    /// Recognised as a flow once: stays one while open, so that a document broken in
    /// the middle of an edit (no longer a JSON object with `version` and `screens`)
    /// keeps its diagnostics.
    pub was_flow: bool,
    /// Whether it was a flow when last checked (the editor features serve only flows).
    pub flow: bool,
}

impl Document {
    pub fn new(uri: Uri, language: String, version: i32, text: String) -> Document {
        Document {
            path: file_path(&uri),
            index: LineIndex::new(&text),
            uri,
            language,
            version,
            text,
            due: None,
            checked: None,
            published: false,
            was_flow: false,
            flow: false,
        }
    }

    /// Whether this document is a flow to check, under the config that applies.
    ///
    /// - A JSON document only (language `json`/`jsonc`, or a `.json` file).
    /// - A waflow.toml with `include` decides by its globs (and `exclude`), as when
    ///   `waflow check` walks a directory.
    /// - Otherwise (no config, or one without `include`): a JSON object with `version`
    ///   and `screens` at its root. Every JSON file of a project (package.json,
    ///   tsconfig.json) being judged as a flow would be noise.
    pub fn is_flow(&mut self, applied: &Applied) -> bool {
        let json = matches!(self.language.as_str(), "json" | "jsonc")
            || self
                .path
                .as_deref()
                .and_then(Path::extension)
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if !json {
            return false;
        }
        if let (Applied::Policy(p), Some(path)) = (applied, &self.path) {
            if p.skips(path).is_some() {
                return false;
            }
            if p.include_globs().is_some() {
                return true;
            }
        }
        if self.was_flow || looks_like_flow(&self.text) {
            self.was_flow = true;
            return true;
        }
        false
    }
}

/// A JSON object whose root has `version` and `screens`. The text is read with the
/// tolerant tree, so a flow with a syntax error still counts.
pub(crate) fn looks_like_flow(text: &str) -> bool {
    // Cheap refusal first: most JSON files in a project hold neither word.
    if !text.contains("\"screens\"") || !text.contains("\"version\"") {
        return false;
    }
    let tree = super::tree::parse(text);
    tree.root.is_some_and(|r| {
        tree.is_object(r)
            && tree.members(r).iter().any(|m| m.key.name == "version")
            && tree.members(r).iter().any(|m| m.key.name == "screens")
    })
}

/// The path of a `file:` URI (percent-decoded), if it is one.
pub(crate) fn file_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`; other hosts are not local files.
    let path = match rest.strip_prefix("localhost") {
        Some(p) => p,
        None => rest,
    };
    if !path.starts_with('/') {
        return None;
    }
    let bytes = percent_decode(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        // `file:///C:/x` -> `C:/x`.
        let text = String::from_utf8(bytes).ok()?;
        let text = text
            .strip_prefix('/')
            .filter(|t| t.get(1..2) == Some(":"))
            .unwrap_or(&text);
        Some(PathBuf::from(text))
    }
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The `file:` URI of an absolute path.
pub(crate) fn file_uri(path: &Path) -> Option<Uri> {
    let abs = std::path::absolute(path).ok()?;
    let text = abs.to_str()?;
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b);
        if keep && !(b == b':' && cfg!(unix)) {
            out.push(b as char);
        } else if b == b'\\' {
            out.push('/');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_paths_round_trip() {
        let path = Path::new("/tmp/a b/ü.json");
        let uri = file_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%C3%BC.json");
        assert_eq!(file_path(&uri).unwrap(), path);
        let other: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&other), None);
    }

    #[test]
    fn flows_are_recognised_by_their_root() {
        assert!(looks_like_flow(r#"{"version": "7.3", "screens": []}"#));
        assert!(looks_like_flow(
            "{\"version\": \"7.3\", \"screens\": [ {\"id\": "
        ));
        assert!(!looks_like_flow(r#"{"name": "pkg", "version": "1.0.0"}"#));
        assert!(!looks_like_flow(r#"[{"version": 1, "screens": 2}]"#));
        assert!(!looks_like_flow(r#"{"a": {"version": 1, "screens": 2}}"#));
    }
}
