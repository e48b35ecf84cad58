//! Identifiers that go into the URL path, checked before any request is made.

use std::fmt;

use crate::Error;

/// An 8x8 account id: 32 hex digits in groups 8-4-4-4-12, hyphens optional (the seed's
/// pattern `^[0-9A-Fa-f]{8}[-]?(?:[0-9A-Fa-f]{4}[-]?){3}[0-9A-Fa-f]{12}$`, 32..=36 chars).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountId(String);

impl AccountId {
    pub fn new(value: impl Into<String>) -> Result<Self, Error> {
        let value = value.into();
        if matches_account_pattern(&value) {
            Ok(AccountId(value))
        } else {
            Err(Error::InvalidAccountId(value))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The seed's regular expression, written out: each group of hex digits may be followed
/// by one optional hyphen, except the last.
fn matches_account_pattern(s: &str) -> bool {
    let mut rest = s.as_bytes();
    for (i, len) in [8usize, 4, 4, 4, 12].into_iter().enumerate() {
        if rest.len() < len || !rest[..len].iter().all(u8::is_ascii_hexdigit) {
            return false;
        }
        rest = &rest[len..];
        if i < 4 {
            if let Some(b'-') = rest.first() {
                rest = &rest[1..];
            }
        }
    }
    rest.is_empty()
}

/// A path segment (channel id, flow id): non-empty, at most 256 characters, no control
/// characters. It is percent-encoded when it goes into the URL, so a `/` or `?` in it
/// cannot change which endpoint is called.
pub(crate) fn check_segment(kind: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() || value.len() > 256 || value.chars().any(char::is_control) {
        return Err(Error::InvalidId {
            kind,
            value: value.to_owned(),
        });
    }
    Ok(())
}

/// RFC 3986 unreserved characters pass; everything else is `%XX`.
pub(crate) fn encode_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_follow_the_seed_pattern() {
        for ok in [
            "0123456789abcdef0123456789ABCDEF",
            "01234567-89ab-cdef-0123-456789abcdef",
            "01234567-89abcdef-0123456789abcdef",
        ] {
            assert!(AccountId::new(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0",
            "01234567--89ab-cdef-0123-456789abcdef",
            "01234567-89ab-cdef-0123-456789abcde-",
            "g1234567-89ab-cdef-0123-456789abcdef",
            "my-account",
        ] {
            assert!(AccountId::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn segments_are_encoded() {
        assert_eq!(encode_segment("123"), "123");
        assert_eq!(encode_segment("a/b?c d"), "a%2Fb%3Fc%20d");
        assert!(check_segment("flow id", "").is_err());
        assert!(check_segment("flow id", "a\nb").is_err());
    }
}
