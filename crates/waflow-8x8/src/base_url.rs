//! The API base URL: https, or plain http to a loopback address only.

use std::fmt;
use std::net::IpAddr;

use crate::Error;

/// 8x8's documented base (spec 8x8-api.md: the seeds use `api/v1/accounts/...`).
pub const DEFAULT_BASE_URL: &str = "https://chatapps.8x8.com/api/v1";

/// A checked base URL, without a trailing slash. Plain `http` is accepted only for
/// `localhost`, `127.0.0.0/8` and `::1` (tests, local proxies): anything else would send
/// the API key in clear text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    host: String,
    loopback: bool,
}

impl BaseUrl {
    pub fn parse(url: &str) -> Result<Self, Error> {
        let bad = |reason: &'static str| Error::InvalidBaseUrl {
            url: url.to_owned(),
            reason,
        };
        let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(bad(
                "it must start with https:// (or http:// for a loopback address)",
            ));
        };
        if url.contains(['?', '#']) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("it must not contain a query, a fragment or whitespace"));
        }
        let authority = rest.split('/').next().unwrap_or_default();
        if authority.contains('@') {
            // Credentials in a URL end up in logs and error messages.
            return Err(bad("it must not contain user information (user:password@)"));
        }
        let host = host_of(authority).ok_or_else(|| bad("it has no host"))?;
        let loopback = is_loopback(host);
        if !https && !loopback {
            return Err(bad(
                "plain http is allowed only for localhost, 127.0.0.0/8 and [::1]; use https",
            ));
        }
        Ok(BaseUrl {
            url: url.trim_end_matches('/').to_owned(),
            host: host.to_ascii_lowercase(),
            loopback,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// True for loopback hosts: the client then bypasses any proxy from the environment.
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    /// The host the API key is sent to, lower-cased, without port or brackets.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Whether this is one of 8x8's own hosts: https to `8x8.com` or a subdomain of it
    /// (`chatapps.8x8.com`, the host 8x8's API pages name). A caller that reads settings
    /// from a file others can write (a committed config) accepts only these, so such a
    /// file cannot send the key elsewhere.
    pub fn is_8x8(&self) -> bool {
        !self.url.starts_with("http://")
            && (self.host == "8x8.com" || self.host.ends_with(".8x8.com"))
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        BaseUrl {
            url: DEFAULT_BASE_URL.to_owned(),
            host: "chatapps.8x8.com".to_owned(),
            loopback: false,
        }
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// `host`, `host:port`, `[v6]` or `[v6]:port` -> the host.
fn host_of(authority: &str) -> Option<&str> {
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?
    } else {
        authority.split(':').next()?
    };
    (!host.is_empty()).then_some(host)
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_hosts_under_8x8_com_are_8x8s_own() {
        assert!(BaseUrl::default().is_8x8());
        assert_eq!(BaseUrl::default().host(), "chatapps.8x8.com");
        for own in [
            "https://chatapps.8x8.com/api/v1",
            "https://CHATAPPS.8x8.COM:443/api/v2",
            "https://eu.chatapps.8x8.com",
            "https://8x8.com/x",
        ] {
            assert!(BaseUrl::parse(own).unwrap().is_8x8(), "{own}");
        }
        for other in [
            "https://chatapps.8x8.com.evil.example/api/v1",
            "https://evil8x8.com/api/v1",
            "https://example.com/8x8.com",
            "https://[::1]/",
            "http://127.0.0.1:9/api/v1",
        ] {
            assert!(!BaseUrl::parse(other).unwrap().is_8x8(), "{other}");
        }
        assert_eq!(
            BaseUrl::parse("https://[::1]:8443/x").unwrap().host(),
            "::1"
        );
    }

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        assert!(!BaseUrl::parse("https://chatapps.8x8.com/api/v1/")
            .unwrap()
            .is_loopback());
        assert_eq!(
            BaseUrl::parse("https://chatapps.8x8.com/api/v1/")
                .unwrap()
                .as_str(),
            "https://chatapps.8x8.com/api/v1"
        );
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.1.2.3/x",
            "http://localhost:1/api",
            "http://[::1]:9/",
        ] {
            assert!(BaseUrl::parse(ok).unwrap().is_loopback(), "{ok}");
        }
        for bad in [
            "http://chatapps.8x8.com/api/v1",
            "http://10.0.0.1",
            "http://localhost.evil.com",
            "ftp://x",
            "chatapps.8x8.com",
            "https://user:pw@chatapps.8x8.com",
            "https://x/?a=b",
            "https:///path",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
