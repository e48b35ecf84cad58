//! The client: builds each request, sends it with retries, and turns the answer into a
//! typed value or a typed error.

use std::fmt;
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use serde::de::DeserializeOwned;

use crate::base_url::BaseUrl;
use crate::error::{ApiError, Error, ErrorBody};
use crate::ids::{check_segment, encode_segment, AccountId};
use crate::model::{FlowDetails, FlowList, FlowSummary, UpdateFlow, UpdateResponse};
use crate::retry::{parse_retry_after, retryable_status, RetryPolicy};
use crate::scrub::Scrub;
use crate::secret::ApiKey;

/// The most a response body may hold: a list of 1000 flows is a few hundred kB, a flow's
/// details with every finding of a 10 MB flow a few MB.
const MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

/// How much of an unexpected body an error keeps.
const SNIPPET_CHARS: usize = 200;

/// 8x8 allows 1..=1000 flows per list request, 100 by default.
pub const MAX_LIST_LIMIT: u32 = 1000;

/// Where and how to connect. `Config::default()` targets 8x8's production API.
#[derive(Clone, Debug)]
pub struct Config {
    pub base_url: BaseUrl,
    /// Establishing the connection, TLS included.
    pub connect_timeout: Duration,
    /// Waiting for the response headers, and then for the body.
    pub read_timeout: Duration,
    /// One whole attempt, from connecting to the last byte of the body.
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            base_url: BaseUrl::default(),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(120),
            retry: RetryPolicy::default(),
        }
    }
}

/// A blocking client for one account and channel.
///
/// ```no_run
/// use waflow_8x8::{AccountId, ApiKey, Client, UpdateFlow};
///
/// let key = ApiKey::new(std::env::var("WAFLOW_8X8_API_KEY")?)?;
/// let account = AccountId::new("01234567-89ab-cdef-0123-456789abcdef")?;
/// let client = Client::new(account, "my-channel", key)?;
/// let update = UpdateFlow { name: Some("Sign up".into()), ..UpdateFlow::default() };
/// let answer = client.update_flow("1145805540595505", &update)?;
/// assert!(answer.accepted());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Client {
    agent: ureq::Agent,
    config: Config,
    account: AccountId,
    channel: String,
    key: ApiKey,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.config.base_url.as_str())
            .field("account", &self.account.as_str())
            .field("channel", &self.channel)
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

/// A request as it will be sent, for `--dry-run` and logs: the key is masked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    pub operation: &'static str,
    pub method: &'static str,
    pub url: String,
    /// Header names and values as sent, except `Authorization`, which is masked.
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

impl fmt::Display for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}", self.method, self.url)?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}: {value}")?;
        }
        if let Some(body) = &self.body {
            writeln!(f)?;
            writeln!(f, "{body}")?;
        }
        Ok(())
    }
}

/// One answer, after retries.
struct Raw {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    attempts: u32,
}

/// Why an attempt failed in a way another attempt may fix.
enum Retryable {
    Status(Raw, Option<Duration>),
    Connection(String),
}

impl Client {
    pub fn new(account: AccountId, channel: impl Into<String>, key: ApiKey) -> Result<Self, Error> {
        Self::with_config(account, channel, key, Config::default())
    }

    pub fn with_config(
        account: AccountId,
        channel: impl Into<String>,
        key: ApiKey,
        config: Config,
    ) -> Result<Self, Error> {
        let channel = channel.into();
        check_segment("channel id", &channel)?;
        let loopback = config.base_url.is_loopback();
        let mut builder = ureq::Agent::config_builder()
            // Statuses are data here: 8x8 puts its error body on 4xx and 5xx.
            .http_status_as_error(false)
            // A redirect is not part of this API; following one would be a surprise.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .https_only(!loopback)
            .user_agent(concat!("waflow-8x8/", env!("CARGO_PKG_VERSION")))
            .timeout_connect(Some(config.connect_timeout))
            .timeout_recv_response(Some(config.read_timeout))
            .timeout_recv_body(Some(config.read_timeout))
            .timeout_global(Some(config.request_timeout));
        if loopback {
            // A loopback address is local by definition; an HTTP_PROXY from the
            // environment must not capture it.
            builder = builder.proxy(None);
        }
        Ok(Client {
            agent: builder.build().into(),
            config,
            account,
            channel,
            key,
        })
    }

    /// PUT `/flows/{flowId}`: changes a draft flow. At least one field must be set.
    pub fn update_flow(&self, flow_id: &str, update: &UpdateFlow) -> Result<UpdateResponse, Error> {
        let req = self.prepare_update(flow_id, update)?;
        self.call(&req)
    }

    /// GET `/flows`: the channel's flows, at most `limit` (1..=1000; 8x8's default 100).
    pub fn list_flows(&self, limit: Option<u32>) -> Result<Vec<FlowSummary>, Error> {
        let req = self.prepare_list(limit)?;
        self.call::<FlowList>(&req).map(|l| l.flows)
    }

    /// GET `/flows/{flowId}`: name, status, categories and the server's findings.
    pub fn flow_details(&self, flow_id: &str) -> Result<FlowDetails, Error> {
        let req = self.prepare_details(flow_id)?;
        self.call(&req)
    }

    pub fn prepare_update(
        &self,
        flow_id: &str,
        update: &UpdateFlow,
    ) -> Result<PreparedRequest, Error> {
        if update.is_empty() {
            return Err(Error::EmptyUpdate);
        }
        // Strings, booleans and string lists always serialize.
        let body = serde_json::to_string(update).map_err(|e| Error::Transport {
            operation: "update flow",
            detail: e.to_string(),
        })?;
        Ok(self.prepared("update flow", "PUT", self.flow_url(flow_id)?, Some(body)))
    }

    pub fn prepare_list(&self, limit: Option<u32>) -> Result<PreparedRequest, Error> {
        let mut url = self.flows_url();
        if let Some(limit) = limit {
            if !(1..=MAX_LIST_LIMIT).contains(&limit) {
                return Err(Error::InvalidLimit(limit));
            }
            // The seed shows the parameter (1..=1000, default 100) without its name;
            // `limit` is the name 8x8 uses across its reference (spec 8x8-api.md).
            url.push_str(&format!("?limit={limit}"));
        }
        Ok(self.prepared("list flows", "GET", url, None))
    }

    pub fn prepare_details(&self, flow_id: &str) -> Result<PreparedRequest, Error> {
        Ok(self.prepared("get flow details", "GET", self.flow_url(flow_id)?, None))
    }

    fn flows_url(&self) -> String {
        format!(
            "{}/accounts/{}/channels/{}/flows",
            self.config.base_url,
            encode_segment(self.account.as_str()),
            encode_segment(&self.channel)
        )
    }

    fn flow_url(&self, flow_id: &str) -> Result<String, Error> {
        check_segment("flow id", flow_id)?;
        Ok(format!("{}/{}", self.flows_url(), encode_segment(flow_id)))
    }

    fn prepared(
        &self,
        operation: &'static str,
        method: &'static str,
        url: String,
        body: Option<String>,
    ) -> PreparedRequest {
        let mut headers = vec![
            ("Authorization", format!("Bearer {}", self.key.masked())),
            ("Accept", "application/json".to_owned()),
        ];
        if body.is_some() {
            headers.push(("Content-Type", "application/json".to_owned()));
        }
        PreparedRequest {
            operation,
            method,
            url,
            headers,
            body,
        }
    }

    fn call<T: DeserializeOwned + Scrub>(&self, req: &PreparedRequest) -> Result<T, Error> {
        let raw = self.send_with_retries(req)?;
        self.decode(req.operation, raw)
    }

    fn send_with_retries(&self, req: &PreparedRequest) -> Result<Raw, Error> {
        let policy = &self.config.retry;
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let failure = match self.send_once(req) {
                Ok(sent) if !retryable_status(sent.raw.status) => {
                    return Ok(Raw {
                        attempts: attempt,
                        ..sent.raw
                    })
                }
                Ok(sent) => {
                    let after = sent
                        .retry_after
                        .as_deref()
                        .and_then(|v| parse_retry_after(v, SystemTime::now()));
                    Retryable::Status(
                        Raw {
                            attempts: attempt,
                            ..sent.raw
                        },
                        after,
                    )
                }
                Err(Attempt::Retryable(detail)) => Retryable::Connection(detail),
                Err(Attempt::Fatal(e)) => return Err(e),
            };
            let wait = match &failure {
                Retryable::Status(_, Some(after)) => *after,
                _ => policy.backoff(attempt, fastrand::f64()),
            };
            let out_of_time = started.elapsed().saturating_add(wait) > policy.max_total;
            if attempt >= policy.max_attempts || out_of_time {
                return match failure {
                    Retryable::Status(raw, _) => Ok(raw),
                    Retryable::Connection(detail) => Err(Error::Connection {
                        operation: req.operation,
                        detail,
                        attempts: attempt,
                    }),
                };
            }
            thread::sleep(wait);
        }
    }

    fn send_once(&self, req: &PreparedRequest) -> Result<Sent, Attempt> {
        let auth = format!("Bearer {}", self.key.expose());
        let result = match (req.method, &req.body) {
            ("PUT", Some(body)) => self
                .agent
                .put(&req.url)
                .header("Authorization", &auth)
                .header("Accept", "application/json")
                .content_type("application/json")
                .send(body.as_bytes()),
            _ => self
                .agent
                .get(&req.url)
                .header("Authorization", &auth)
                .header("Accept", "application/json")
                .call(),
        };
        let mut response = result.map_err(|e| self.classify(req.operation, e))?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let status = response.status().as_u16();
        let content_type = header("content-type").unwrap_or_default();
        let retry_after = header("retry-after");
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES)
            .read_to_vec()
            .map_err(|e| self.classify(req.operation, e))?;
        Ok(Sent {
            raw: Raw {
                status,
                content_type,
                body,
                attempts: 0,
            },
            retry_after,
        })
    }

    fn classify(&self, operation: &'static str, e: ureq::Error) -> Attempt {
        use ureq::Error as U;
        let detail = self.key.redact(&e.to_string());
        match e {
            U::Timeout(t) => {
                let (phase, timeout) = self.describe_timeout(t);
                Attempt::Fatal(Error::Timeout {
                    operation,
                    phase,
                    timeout,
                })
            }
            U::ConnectionFailed | U::Io(_) | U::Protocol(_) | U::BodyStalled => {
                Attempt::Retryable(detail)
            }
            U::HostNotFound => Attempt::Fatal(Error::Connection {
                operation,
                detail: format!("host not found ({})", self.config.base_url),
                attempts: 1,
            }),
            U::BodyExceedsLimit(_) => Attempt::Fatal(Error::Transport {
                operation,
                detail: format!("the response is larger than {MAX_RESPONSE_BYTES} bytes"),
            }),
            _ => Attempt::Fatal(Error::Transport { operation, detail }),
        }
    }

    fn describe_timeout(&self, t: ureq::Timeout) -> (&'static str, Duration) {
        use ureq::Timeout as T;
        let c = &self.config;
        match t {
            T::Connect | T::Resolve => ("connecting", c.connect_timeout),
            T::RecvResponse => ("waiting for the response", c.read_timeout),
            T::RecvBody => ("reading the response body", c.read_timeout),
            T::SendRequest | T::SendBody | T::PerWrite => {
                ("sending the request", c.request_timeout)
            }
            _ => ("the whole request", c.request_timeout),
        }
    }

    /// The answer as `T`, or the error it means. Every string taken from the server, in
    /// the value and in the error, has the key redacted here ([`Scrub`]).
    fn decode<T: DeserializeOwned + Scrub>(
        &self,
        operation: &'static str,
        raw: Raw,
    ) -> Result<T, Error> {
        if (200..300).contains(&raw.status) {
            return match serde_json::from_slice::<T>(&raw.body) {
                Ok(mut value) => {
                    value.scrub(&self.key);
                    Ok(value)
                }
                Err(e) => Err(Error::NotJson {
                    operation,
                    status: raw.status,
                    content_type: if raw.content_type.is_empty() {
                        "not given".to_owned()
                    } else {
                        self.key.redact(&raw.content_type)
                    },
                    // serde quotes the offending value ("invalid type: string \"...\""),
                    // which may be the echoed key.
                    detail: self.key.redact(&e.to_string()),
                    body: self.snippet(&raw.body),
                }),
            };
        }
        if raw.status >= 400 {
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(&raw.body) {
                return Err(Error::Api(ApiError {
                    status: raw.status,
                    code: body.code,
                    message: self.key.redact(&body.message),
                    error_id: self.key.redact(&body.error_id),
                    timestamp: self.key.redact(&body.timestamp),
                    operation,
                    attempts: raw.attempts,
                }));
            }
        }
        Err(Error::UnexpectedStatus {
            operation,
            status: raw.status,
            body: self.snippet(&raw.body),
            attempts: raw.attempts,
        })
    }

    /// The start of a body, on one line, without the key. Redacted first, then cut: cut
    /// first, a key straddling the cut left its first characters in the snippet.
    fn snippet(&self, body: &[u8]) -> String {
        let text = self.key.redact(&String::from_utf8_lossy(body));
        let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut cut: String = collapsed.chars().take(SNIPPET_CHARS).collect();
        if cut.len() < collapsed.len() {
            cut.push_str("...");
        }
        cut
    }
}

struct Sent {
    raw: Raw,
    retry_after: Option<String>,
}

enum Attempt {
    Retryable(String),
    Fatal(Error),
}
