//! The stdio transport: JSON-RPC messages framed by `Content-Length` headers.
//!
//! Why our own and not `lsp_server::Connection::stdio()`: its reader allocates whatever
//! `Content-Length` says (a stray `Content-Length: 99999999999` aborts the process) and
//! ends the connection at the first message that is not valid JSON-RPC. Here every read
//! is bounded (header lines, the number of headers, the body) and a bad message becomes
//! an [`Incoming::Bad`] the server reports to the client, after which reading goes on.
//! The message types stay lsp-server's.

use std::io::{self, BufRead, Read, Write};

use crossbeam_channel::Receiver;
use lsp_server::{Message, RequestId};

/// The largest message body read. A document is at most Meta's 10 MiB; JSON-escaped in a
/// `didOpen` it can grow (every `"` and `\` doubles, control characters take six bytes),
/// so four times that, plus room for the envelope. A larger body is read and dropped.
pub(crate) const MAX_BODY: usize = 48 * 1024 * 1024;
/// A header line longer than this is not a header.
const MAX_HEADER_LINE: usize = 8 * 1024;
/// More header lines than this before the blank line: not an LSP stream.
const MAX_HEADERS: usize = 32;

/// What the reader hands the main loop.
#[derive(Debug)]
pub(crate) enum Incoming {
    Message(Message),
    /// A message that could not be read: why, and the request's id when the body was
    /// JSON with an `id` (so the request can still be answered with an error).
    Bad {
        reason: String,
        id: Option<RequestId>,
    },
}

/// Starts the reader thread on `input`: the server receives on the returned receiver.
/// The reader ends at the end of input, after `exit`, or when the server stops
/// listening.
pub(crate) fn start<R>(input: R) -> io::Result<Receiver<Incoming>>
where
    R: Read + Send + 'static,
{
    // Bounded: a client sending faster than the server handles waits on its pipe.
    let (in_tx, in_rx) = crossbeam_channel::bounded::<Incoming>(64);
    std::thread::Builder::new()
        .name("waflow-lsp-reader".into())
        .spawn(move || {
            let mut input = io::BufReader::with_capacity(64 * 1024, input);
            loop {
                let mut skip = 0;
                let incoming = match read_one(&mut input, &mut skip) {
                    Ok(Some(incoming)) => incoming,
                    Ok(None) => return,
                    // The stream itself failed (closed pipe, I/O error): nothing more
                    // can be read from it.
                    Err(_) => return,
                };
                let exit = matches!(&incoming,
                    Incoming::Message(Message::Notification(n)) if n.method == "exit");
                if in_tx.send(incoming).is_err() || exit {
                    return;
                }
                // A body over the limit is read past only after the server was told:
                // the client may take a while to send it all.
                if skip > 0 && io::copy(&mut (&mut input).take(skip), &mut io::sink()).is_err() {
                    return;
                }
            }
        })?;
    Ok(in_rx)
}

/// Where the server's messages go: written by the main loop itself, framed and flushed
/// one by one. Why no writer thread: every answer would cross one more thread, and on a
/// busy two-core machine each crossing waits for a time slice (the p99 of a round trip).
/// A client that stops reading blocks the server, as a full queue would.
pub(crate) struct Output(std::cell::RefCell<Box<dyn Write>>);

impl Output {
    pub fn new(w: Box<dyn Write>) -> Output {
        Output(std::cell::RefCell::new(w))
    }

    /// Writes one message. A failed write means the client is gone: nothing left to
    /// tell anyone, and the end of input ends the server.
    pub fn send(&self, m: &Message) {
        if let Ok(mut w) = self.0.try_borrow_mut() {
            let _ = m.write(&mut *w);
        }
    }
}

/// One framed message, `Ok(None)` at a clean end of input. Framing errors that leave the
/// stream in a known place (a bad header block, a body too large, a body that is not
/// JSON-RPC) are `Incoming::Bad`; an I/O error or an end of input inside a message is
/// `Err`. A body over the limit is not read: `skip` is set to its length, for the
/// caller to read past.
pub(crate) fn read_one(input: &mut impl BufRead, skip: &mut u64) -> io::Result<Option<Incoming>> {
    let mut length: Option<usize> = None;
    let mut bad_header: Option<String> = None;
    let mut line = Vec::new();
    let mut headers = 0;
    loop {
        line.clear();
        let n = input
            .by_ref()
            .take(MAX_HEADER_LINE as u64 + 1)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return if headers == 0 {
                Ok(None)
            } else {
                Err(io::ErrorKind::UnexpectedEof.into())
            };
        }
        if line.len() > MAX_HEADER_LINE {
            // Not a header: skip the rest of the line and report it.
            skip_line(input)?;
            bad_header.get_or_insert_with(|| "a header line is too long".into());
            headers += 1;
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if headers == 0 {
                // Blank lines between messages are tolerated.
                continue;
            }
            break;
        }
        headers += 1;
        if headers > MAX_HEADERS {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "too many header lines: not an LSP stream",
            ));
        }
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => {
                        bad_header = Some(format!(
                            "Content-Length is not a number: {:?}",
                            value.trim().chars().take(40).collect::<String>()
                        ))
                    }
                }
            }
            Some(_) => {}
            None => {
                bad_header.get_or_insert_with(|| {
                    format!(
                        "not a header: {:?}",
                        text.chars().take(40).collect::<String>()
                    )
                });
            }
        }
    }
    let Some(length) = length else {
        // Without a length the body's end is unknown; the next header block is read
        // from here, which resynchronises on well-framed clients.
        return Ok(Some(Incoming::Bad {
            reason: bad_header.unwrap_or_else(|| "a message without Content-Length".into()),
            id: None,
        }));
    };
    if length > MAX_BODY {
        *skip = length as u64;
        return Ok(Some(Incoming::Bad {
            reason: format!(
                "a message of {length} bytes was dropped: the limit is {MAX_BODY} bytes"
            ),
            id: None,
        }));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(decode(&body)))
}

fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    }
}

fn decode(body: &[u8]) -> Incoming {
    match serde_json::from_slice::<Message>(body) {
        Ok(message) => Incoming::Message(message),
        Err(e) => {
            // Valid JSON with an id: a request we can still answer.
            let id = serde_json::from_slice::<serde_json::Value>(body)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .and_then(|id| serde_json::from_value::<RequestId>(id).ok());
            Incoming::Bad {
                reason: format!("a message that is not JSON-RPC was ignored: {e}"),
                id,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn reads_messages_and_survives_bad_ones() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let text = format!(
            "{}{}{}Content-Length: nope\r\n\r\n{}",
            frame(good),
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"params":3}"#),
            frame(good)
        );
        let mut input = io::Cursor::new(text.into_bytes());
        let mut got = Vec::new();
        while let Some(m) = read_one(&mut input, &mut 0).unwrap() {
            got.push(m);
        }
        assert!(matches!(
            &got[0],
            Incoming::Message(Message::Notification(_))
        ));
        assert!(matches!(&got[1], Incoming::Bad { id: None, .. }));
        assert!(matches!(&got[2], Incoming::Bad { id: Some(id), .. } if *id == RequestId::from(7)));
        assert!(matches!(&got[3], Incoming::Bad { .. }));
        assert!(matches!(&got[4], Incoming::Message(_)), "{got:?}");
    }

    #[test]
    fn a_huge_content_length_is_not_allocated() {
        let text = format!("Content-Length: {}\r\n\r\nabc", usize::MAX);
        let mut input = io::Cursor::new(text.into_bytes());
        let mut skip = 0;
        match read_one(&mut input, &mut skip).unwrap() {
            Some(Incoming::Bad { reason, .. }) => {
                assert!(reason.contains("dropped"));
                assert_eq!(skip, usize::MAX as u64);
            }
            other => panic!("{other:?}"),
        }
    }
}
