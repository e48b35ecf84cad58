//! Text from a flow file, a file name or a server, made safe to print on a terminal.
//!
//! Why: a flow key, a file name or an API error message can hold ESC, BEL, CR or a bidi
//! override. Printed raw, such text rewrites what the user sees (erases lines, sets the
//! window title, reorders characters). Everything the human format, stderr messages and
//! tables print from outside goes through [`escape`] (one-line items) or
//! [`escape_lines`] (multi-line text such as source lines of a code frame). The machine
//! formats (json, meta, sarif, junit) have their own exact escaping and do not use this.

use std::borrow::Cow;

/// Whether `c` must never reach a terminal raw: C0 controls, DEL, C1 controls and the
/// Unicode bidirectional formatting characters (the "Trojan Source" set).
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written visibly: `\n`, `\r`, `\t` as such, other
/// ASCII controls as `\x1b`, the rest as `\u{202e}`. Safe text is returned as is.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    escape_keeping(text, |_| false)
}

/// As [`escape`], but line feeds and tabs pass through: for text shown as lines.
pub(crate) fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_keeping(text, |c| c == '\n' || c == '\t')
}

/// Text from a file for stdout: escaped as lines on a terminal, exact in a pipe (a diff
/// piped to `patch -p1` must keep its bytes).
pub(crate) fn for_stdout(text: &str) -> Cow<'_, str> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        escape_lines(text)
    } else {
        Cow::Borrowed(text)
    }
}

fn escape_keeping(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) || keep(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_written_visibly() {
        assert_eq!(
            escape("\r\u{1b}[2K\u{1b}]0;owned\u{7}ok\u{9b}\u{202e}"),
            "\\r\\x1b[2K\\x1b]0;owned\\x07ok\\u{9b}\\u{202e}"
        );
        assert_eq!(escape("a\tb\nc"), "a\\tb\\nc");
        assert_eq!(escape_lines("a\tb\nc\u{1b}"), "a\tb\nc\\x1b");
    }

    #[test]
    fn safe_text_is_borrowed() {
        assert!(matches!(escape("Héllo, ${data.x} 日本"), Cow::Borrowed(_)));
    }
}
