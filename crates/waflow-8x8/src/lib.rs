//! A small blocking client for 8x8's WhatsApp Flows API (spec: 8x8's "Update WhatsApp
//! Flow" and "Get WhatsApp Flows" pages).
//!
//! - [`Client::update_flow`]: PUT a flow's name, categories, Flow JSON, endpoint...
//! - [`Client::list_flows`]: the channel's flows and their status.
//! - [`Client::flow_details`]: one flow, with the `validationErrors` Meta reported.
//!
//! Server findings are [`waflow::Finding`]s, the type the local validator returns, so a
//! program handles both the same way. Requests are retried on connection failures, 429
//! and 5xx with exponential backoff and jitter ([`RetryPolicy`]); the API key is never
//! shown by any `Debug`, `Display` or error of this crate, and never goes into a URL.
//!
//! Validate first, upload only when Meta would accept the flow:
//!
//! ```no_run
//! use waflow_8x8::{AccountId, ApiKey, Client, UpdateFlow};
//!
//! let text = std::fs::read_to_string("flow.json")?;
//! let report = waflow::validate(&text);
//! if !report.is_valid() {
//!     for e in report.errors() {
//!         eprintln!("{}: {}", e.error, e.message);
//!     }
//!     return Ok(());
//! }
//! let client = Client::new(
//!     AccountId::new(std::env::var("WAFLOW_8X8_ACCOUNT_ID")?)?,
//!     std::env::var("WAFLOW_8X8_CHANNEL_ID")?,
//!     ApiKey::new(std::env::var("WAFLOW_8X8_API_KEY")?)?,
//! )?;
//! let update = UpdateFlow { flow_json: Some(text), ..UpdateFlow::default() };
//! let answer = client.update_flow("1145805540595505", &update)?;
//! println!("saved: {}, server findings: {}", answer.success, answer.validation_errors.len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// Only the CLI's allocator needs unsafe code (src/alloc.rs); the libraries never do.
#![forbid(unsafe_code)]

mod base_url;
mod client;
mod error;
mod ids;
mod model;
mod retry;
mod scrub;
mod secret;

pub use base_url::{BaseUrl, DEFAULT_BASE_URL};
pub use client::{Client, Config, PreparedRequest, MAX_LIST_LIMIT};
pub use error::{ApiError, Error};
pub use ids::AccountId;
pub use model::{Category, FlowDetails, FlowStatus, FlowSummary, UpdateFlow, UpdateResponse};
pub use retry::RetryPolicy;
pub use secret::ApiKey;
