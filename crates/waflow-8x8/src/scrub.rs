//! The API key taken out of every string a server sent, before anything else sees it.
//!
//! Why here, on the decoded values: a server that echoes the `Authorization` header can
//! put the key in any field (a flow's name, an id, a finding's message, the errorId), and
//! can spell it with JSON escapes (`\u0041`) that a search of the raw body would miss.
//! Decoded strings are the key as the caller would print it, so they are what is scrubbed,
//! in the client, before a value or an error leaves this crate: every output format of
//! every caller gets the redacted text, and cutting a string short afterwards cannot
//! leave a prefix of the key behind.

use std::borrow::Cow;

use waflow::Finding;

use crate::model::{FlowDetails, FlowList, FlowSummary, UpdateResponse};
use crate::secret::ApiKey;

/// A value decoded from a server's answer, whose strings can hold the key.
pub(crate) trait Scrub {
    fn scrub(&mut self, key: &ApiKey);
}

impl Scrub for String {
    fn scrub(&mut self, key: &ApiKey) {
        if key.occurs_in(self) {
            *self = key.redact(self);
        }
    }
}

impl Scrub for Cow<'static, str> {
    fn scrub(&mut self, key: &ApiKey) {
        if key.occurs_in(self) {
            *self = Cow::Owned(key.redact(self));
        }
    }
}

impl<T: Scrub> Scrub for Option<T> {
    fn scrub(&mut self, key: &ApiKey) {
        if let Some(v) = self {
            v.scrub(key);
        }
    }
}

impl<T: Scrub> Scrub for Vec<T> {
    fn scrub(&mut self, key: &ApiKey) {
        self.iter_mut().for_each(|v| v.scrub(key));
    }
}

impl Scrub for Finding {
    fn scrub(&mut self, key: &ApiKey) {
        self.error.scrub(key);
        self.error_type.scrub(key);
        self.message.scrub(key);
        self.help.scrub(key);
        for p in &mut self.pointers {
            p.path.scrub(key);
        }
    }
}

impl Scrub for crate::model::FlowStatus {
    fn scrub(&mut self, key: &ApiKey) {
        if let crate::model::FlowStatus::Other(s) = self {
            s.scrub(key);
        }
    }
}

impl Scrub for FlowSummary {
    fn scrub(&mut self, key: &ApiKey) {
        self.id.scrub(key);
        self.name.scrub(key);
        self.status.scrub(key);
    }
}

impl Scrub for FlowList {
    fn scrub(&mut self, key: &ApiKey) {
        self.flows.scrub(key);
    }
}

impl Scrub for FlowDetails {
    fn scrub(&mut self, key: &ApiKey) {
        self.flow_id.scrub(key);
        self.flow_json_url.scrub(key);
        self.name.scrub(key);
        self.status.scrub(key);
        self.categories.scrub(key);
        self.validation_errors.scrub(key);
    }
}

impl Scrub for UpdateResponse {
    fn scrub(&mut self, key: &ApiKey) {
        self.id.scrub(key);
        self.validation_errors.scrub(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_of_a_finding_is_scrubbed() {
        let key = ApiKey::new("k3y-0123456789").unwrap();
        let text = r#"{"error":"E k3y-0123456789","errorType":"k3y-0123456789","message":"m k3y-0123456789","pointers":[{"path":"a.k3y-0123456789"}]}"#;
        let mut f: Finding = serde_json::from_str(text).unwrap();
        f.help = Some("k3y-0123456789".into());
        f.scrub(&key);
        let all = format!("{f:?}");
        assert!(!all.contains("k3y-0123456789"), "{all}");
        assert_eq!(f.message, "m ****");
        assert_eq!(f.pointers[0].path, "a.****");
    }
}
