//! Everything that can go wrong, as values. No variant ever holds the API key: the only
//! server text kept (a body snippet) is redacted before it is stored.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(
        "invalid 8x8 account id {0:?}: expected 32 hexadecimal digits grouped 8-4-4-4-12, \
         hyphens optional (e.g. 01234567-89ab-cdef-0123-456789abcdef)"
    )]
    InvalidAccountId(String),

    #[error(
        "invalid {kind} {value:?}: it must be 1 to 256 characters, without control characters"
    )]
    InvalidId { kind: &'static str, value: String },

    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl { url: String, reason: &'static str },

    #[error("invalid API key: {0}")]
    InvalidApiKey(&'static str),

    #[error("cannot read the API key file {}: {reason}", path.display())]
    ApiKeyFile { path: PathBuf, reason: String },

    #[error(
        "nothing to update: set at least one of name, categories, publish, flowJson, \
         cloneFlowId, endPointUri, applicationId"
    )]
    EmptyUpdate,

    #[error("invalid limit {0}: 8x8 returns 1 to 1000 flows per request")]
    InvalidLimit(u32),

    /// 8x8 answered with its error body (`code`, `message`, `errorId`, `timestamp`).
    #[error("{0}")]
    Api(ApiError),

    /// A status the API does not document, or an error status without 8x8's error body.
    #[error("{operation}: unexpected HTTP {status}{}{}", attempts_note(*attempts), snippet_note(body))]
    UnexpectedStatus {
        operation: &'static str,
        status: u16,
        /// The start of the body, whitespace collapsed, redacted.
        body: String,
        attempts: u32,
    },

    /// A success status whose body is not the JSON the API documents (an HTML page from a
    /// proxy, say).
    #[error(
        "{operation}: HTTP {status} with a body that is not the expected JSON \
         (content type {content_type}): {detail}{}",
        snippet_note(body)
    )]
    NotJson {
        operation: &'static str,
        status: u16,
        content_type: String,
        detail: String,
        body: String,
    },

    #[error("{operation}: no answer within {timeout:?} ({phase}); the server may be overloaded, try again later")]
    Timeout {
        operation: &'static str,
        phase: &'static str,
        timeout: Duration,
    },

    #[error("{operation}: connection failed{}: {detail}", attempts_note(*attempts))]
    Connection {
        operation: &'static str,
        detail: String,
        attempts: u32,
    },

    /// TLS, protocol or size failures: retrying will not help.
    #[error("{operation}: {detail}")]
    Transport {
        operation: &'static str,
        detail: String,
    },
}

impl Error {
    /// 8x8's `errorId`, when the server sent one: what to quote to 8x8 support.
    pub fn error_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => Some(&e.error_id),
            _ => None,
        }
    }
}

/// 8x8's error body, with the HTTP status it came with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: i64,
    pub message: String,
    pub error_id: String,
    pub timestamp: String,
    pub operation: &'static str,
    pub attempts: u32,
}

impl ApiError {
    /// What to do about the known codes (spec 8x8-api.md, "Error responses").
    pub fn hint(&self) -> Option<&'static str> {
        match self.code {
            1200 => Some("check the API key: it is missing, mistyped, revoked or for another account"),
            1001 => Some(
                "the account id is not yours or not one of your sub-accounts: check the account id \
                 and that the API key belongs to the same account",
            ),
            1002 => Some("a phone number is not in E.164 form (+ then country code and number)"),
            2000 => Some("8x8 had an internal error: try again later, and quote the errorId to 8x8 support if it persists"),
            _ => None,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: 8x8 error {} (HTTP {}){}: {} [errorId {}, at {}]",
            self.operation,
            self.code,
            self.status,
            attempts_note(self.attempts),
            self.message,
            self.error_id,
            self.timestamp
        )?;
        if let Some(hint) = self.hint() {
            write!(f, "; hint: {hint}")?;
        }
        Ok(())
    }
}

/// The wire shape of 8x8's error body.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ErrorBody {
    pub code: i64,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub error_id: String,
    #[serde(default)]
    pub timestamp: String,
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" after {attempts} attempts")
    } else {
        String::new()
    }
}

fn snippet_note(body: &str) -> String {
    if body.is_empty() {
        String::new()
    } else {
        format!("; body: {body}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_error_shows_all_four_fields_and_the_hint() {
        let e = Error::Api(ApiError {
            status: 401,
            code: 1200,
            message: "Request was not authenticated properly".into(),
            error_id: "db9dced4-3534-4d86-9d18-6b448af0d621".into(),
            timestamp: "2018-08-02T09:42:38.8988997+00:00".into(),
            operation: "list flows",
            attempts: 1,
        });
        assert_eq!(
            e.to_string(),
            "list flows: 8x8 error 1200 (HTTP 401): Request was not authenticated properly \
             [errorId db9dced4-3534-4d86-9d18-6b448af0d621, at 2018-08-02T09:42:38.8988997+00:00]; \
             hint: check the API key: it is missing, mistyped, revoked or for another account"
        );
        assert_eq!(e.error_id(), Some("db9dced4-3534-4d86-9d18-6b448af0d621"));
    }
}
