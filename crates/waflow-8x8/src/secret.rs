//! The API key: a value that can be sent but never shown.

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::Error;

/// An 8x8 API key. It has no `Display`, its `Debug` is masked, and the only way to read it
/// is to send it: the client puts it in the `Authorization` header and nowhere else.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key. Surrounding whitespace (a trailing newline from a file or a shell) is
    /// dropped; what is left must be a non-empty run of visible ASCII, as an HTTP header
    /// value must be. The error never contains the key.
    pub fn new(key: impl Into<String>) -> Result<Self, Error> {
        let key = key.into();
        let trimmed = key.trim();
        if trimmed.is_empty() {
            return Err(Error::InvalidApiKey("the key is empty"));
        }
        if !trimmed.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::InvalidApiKey(
                "the key contains spaces, control or non-ASCII characters",
            ));
        }
        Ok(ApiKey(trimmed.to_owned()))
    }

    /// Reads a key from a file holding only the key (a trailing newline is fine): a
    /// regular file of at most [`ApiKey::MAX_FILE_BYTES`]. Anything else (a FIFO, a
    /// device such as `/dev/zero`, a large file) is refused from its metadata, before it is
    /// opened or read. (Opening can still block if the path is swapped for a FIFO between
    /// the check and the open; the waflow CLI opens with `O_NONBLOCK` instead.)
    pub fn from_file(path: &Path) -> Result<Self, Error> {
        let fail = |reason: String| Error::ApiKeyFile {
            path: path.to_owned(),
            reason,
        };
        let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
        if !meta.is_file() {
            return Err(fail("not a regular file".to_owned()));
        }
        if meta.len() > Self::MAX_FILE_BYTES {
            return Err(fail(format!(
                "{} bytes; a key file holds only the key (at most {} bytes)",
                meta.len(),
                Self::MAX_FILE_BYTES
            )));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(Self::MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| fail(e.to_string()))?;
        if bytes.len() as u64 > Self::MAX_FILE_BYTES {
            return Err(fail(format!(
                "it holds more than {} bytes; a key file holds only the key",
                Self::MAX_FILE_BYTES
            )));
        }
        let text = String::from_utf8(bytes).map_err(|_| fail("not UTF-8".to_owned()))?;
        Self::new(text)
    }

    /// The longest key file [`ApiKey::from_file`] reads.
    pub const MAX_FILE_BYTES: u64 = 4096;

    /// The key with all but its last four characters hidden, for `--dry-run` output.
    pub fn masked(&self) -> String {
        let n = self.0.len();
        if n <= 8 {
            "****".to_owned()
        } else {
            format!("****{}", &self.0[n - 4..])
        }
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// Replaces every occurrence of the key in `text`: a server that echoes the request
    /// must not make the key appear in an error.
    pub(crate) fn redact(&self, text: &str) -> String {
        text.replace(self.0.as_str(), "****")
    }

    /// Whether `text` holds the key (then [`ApiKey::redact`] changes it).
    pub(crate) fn occurs_in(&self, text: &str) -> bool {
        text.contains(self.0.as_str())
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(****)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_masks() {
        let key = ApiKey::new("  abcdefghijklmnop\n").unwrap();
        assert_eq!(key.expose(), "abcdefghijklmnop");
        assert_eq!(key.masked(), "****mnop");
        assert_eq!(format!("{key:?}"), "ApiKey(****)");
        assert_eq!(ApiKey::new("short").unwrap().masked(), "****");
    }

    #[test]
    fn rejects_empty_and_unsendable_keys_without_echoing_them() {
        for bad in ["", "  \n", "abc def", "abc\u{e9}"] {
            let err = ApiKey::new(bad).unwrap_err().to_string();
            assert!(err.starts_with("invalid API key"), "{err}");
            if !bad.trim().is_empty() {
                assert!(!err.contains(bad.trim()), "{err}");
            }
        }
    }

    #[test]
    fn key_files_are_regular_and_small() {
        let dir = std::env::temp_dir().join(format!("waflow-8x8-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("key");
        std::fs::write(&file, "abcdefghijk\n").unwrap();
        assert_eq!(ApiKey::from_file(&file).unwrap().expose(), "abcdefghijk");
        std::fs::write(&file, "k".repeat(4097)).unwrap();
        let err = ApiKey::from_file(&file).unwrap_err().to_string();
        assert!(err.contains("4097 bytes"), "{err}");
        let err = ApiKey::from_file(&dir).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        #[cfg(unix)]
        {
            let err = ApiKey::from_file(Path::new("/dev/zero"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("not a regular file"), "{err}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn redacts_echoes() {
        let key = ApiKey::new("s3cr3t-k3y").unwrap();
        assert_eq!(key.redact("auth: Bearer s3cr3t-k3y!"), "auth: Bearer ****!");
    }
}
