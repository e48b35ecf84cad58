//! What the binary's tests share: running `waflow` as a user does.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `waflow args` in `dir` with `stdin` piped in (empty when `None`).
pub fn waflow(args: &[&str], dir: &Path, stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waflow"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("waflow runs");
    let mut input = child.stdin.take().expect("stdin");
    // waflow may exit before reading its input (a usage error): the pipe is then closed,
    // which is not the test's failure.
    if let Err(e) = input.write_all(stdin.unwrap_or("").as_bytes()) {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {e}"
        );
    }
    drop(input);
    child.wait_with_output().expect("waflow ends")
}

/// Output bytes as text.
#[allow(dead_code)] // not every test file reads output this way
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
