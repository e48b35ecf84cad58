//! Opening and reading the files a user names (flows, `--config`, `--api-key-file`):
//! regular files only, opened without blocking, read with a cap.
//!
//! Why: `File::open` on a FIFO waits for a writer that may never come, and reading
//! `/dev/zero` never ends. Such a path is refused with what it is; stdin (`-`) stays the
//! way to pipe a flow in. On Unix the file is opened with `O_NONBLOCK` and judged by
//! `fstat` of what was opened, so no swap of the path between a check and the open can
//! make waflow block (on a regular file the flag changes nothing).

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// Why a named file was not read.
#[derive(Debug)]
pub(crate) enum Refusal {
    Io(std::io::Error),
    /// A FIFO, a device, a socket or a directory: named by what it is.
    NotRegular(&'static str),
    /// Longer than the cap for this kind of file.
    TooLarge {
        len: u64,
        cap: u64,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Io(e) => write!(f, "{e}"),
            Refusal::NotRegular(kind) => write!(f, "not a regular file but {kind}"),
            Refusal::TooLarge { len, cap } => write!(
                f,
                "{} bytes, over the limit of {} bytes for this file",
                waflow::thousands(*len),
                waflow::thousands(*cap)
            ),
        }
    }
}

impl From<std::io::Error> for Refusal {
    fn from(e: std::io::Error) -> Self {
        Refusal::Io(e)
    }
}

/// `path` opened for reading if it is a regular file (symbolic links followed).
pub(crate) fn open_regular(path: &Path) -> Result<(File, Metadata), Refusal> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Refusal::NotRegular(kind(&meta)));
    }
    Ok((file, meta))
}

/// The whole of a regular file of at most `cap` bytes.
pub(crate) fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, Refusal> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > cap {
        return Err(Refusal::TooLarge {
            len: meta.len(),
            cap,
        });
    }
    // The length was read before the file was; it may grow meanwhile.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    match u64::try_from(bytes.len()) {
        Ok(len) if len <= cap => Ok(bytes),
        _ => Err(Refusal::TooLarge {
            len: bytes.len() as u64,
            cap,
        }),
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// What a file that is not a regular file is, for the message.
fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_and_kinds() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f");
        std::fs::write(&f, b"12345").unwrap();
        assert_eq!(read_regular(&f, 5).unwrap(), b"12345");
        let err = read_regular(&f, 4).unwrap_err();
        assert_eq!(
            err.to_string(),
            "5 bytes, over the limit of 4 bytes for this file"
        );
        let err = read_regular(dir.path(), 4).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file but a directory");
        #[cfg(target_os = "linux")]
        assert_eq!(
            read_regular(Path::new("/dev/zero"), 4)
                .unwrap_err()
                .to_string(),
            "not a regular file but a device"
        );
    }
}
