//! Request and response bodies, as the seed pages and spec/8x8-api.md define them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};
use waflow::Finding;

/// The body of "update flow" (PUT). Every field is optional; at least one must be set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFlow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<Category>>,
    /// Publish right after the update (8x8's default: false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
    /// The whole Flow JSON document as text. 8x8 wants a JSON string, not an object, and
    /// sending the file's own text keeps the server's line/column findings pointing into
    /// the author's file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow_json: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clone_flow_id: Option<String>,
    /// 8x8 spells it `endPointUri`, capital P.
    #[serde(rename = "endPointUri", skip_serializing_if = "Option::is_none")]
    pub end_point_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
}

impl UpdateFlow {
    pub fn is_empty(&self) -> bool {
        *self == UpdateFlow::default()
    }
}

/// A flow category (the seed's list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Category {
    SignUp,
    SignIn,
    AppointmentBooking,
    LeadGeneration,
    ContactUs,
    CustomerSupport,
    Survey,
    Other,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::SignUp,
        Category::SignIn,
        Category::AppointmentBooking,
        Category::LeadGeneration,
        Category::ContactUs,
        Category::CustomerSupport,
        Category::Survey,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::SignUp => "SIGN_UP",
            Category::SignIn => "SIGN_IN",
            Category::AppointmentBooking => "APPOINTMENT_BOOKING",
            Category::LeadGeneration => "LEAD_GENERATION",
            Category::ContactUs => "CONTACT_US",
            Category::CustomerSupport => "CUSTOMER_SUPPORT",
            Category::Survey => "SURVEY",
            Category::Other => "OTHER",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Accepts `SIGN_UP`, `sign_up` and `sign-up`.
impl FromStr for Category {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_uppercase().replace('-', "_");
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == wanted)
            .ok_or_else(|| {
                let all: Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
                format!("unknown category {s:?}; expected one of {}", all.join(", "))
            })
    }
}

/// A flow's lifecycle state. Unknown values are kept, not rejected: a new state on 8x8's
/// side must not break `waflow list`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub enum FlowStatus {
    Draft,
    Published,
    Deprecated,
    Other(String),
}

impl FlowStatus {
    pub fn as_str(&self) -> &str {
        match self {
            FlowStatus::Draft => "DRAFT",
            FlowStatus::Published => "PUBLISHED",
            FlowStatus::Deprecated => "DEPRECATED",
            FlowStatus::Other(s) => s,
        }
    }
}

impl From<FlowStatus> for String {
    fn from(s: FlowStatus) -> String {
        s.as_str().to_owned()
    }
}

impl fmt::Display for FlowStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FlowStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "DRAFT" => FlowStatus::Draft,
            "PUBLISHED" => FlowStatus::Published,
            "DEPRECATED" => FlowStatus::Deprecated,
            _ => FlowStatus::Other(s),
        })
    }
}

/// The answer to "update flow". `success` can be true while `validation_errors` is not
/// empty: the flow was saved but cannot be published.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateResponse {
    #[serde(default, deserialize_with = "id_string")]
    pub id: String,
    #[serde(default)]
    pub success: bool,
    /// Meta's findings, in the same type waflow reports locally.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub validation_errors: Vec<Finding>,
}

impl UpdateResponse {
    /// Saved, and nothing stands in the way of publishing.
    pub fn accepted(&self) -> bool {
        self.success && self.validation_errors.is_empty()
    }
}

/// One row of "list flows".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct FlowSummary {
    #[serde(deserialize_with = "id_string")]
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub status: FlowStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub(crate) struct FlowList {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub flows: Vec<FlowSummary>,
}

/// The answer to "get flow details".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowDetails {
    #[serde(deserialize_with = "id_string")]
    pub flow_id: String,
    #[serde(default)]
    pub flow_json_url: Option<String>,
    #[serde(default)]
    pub name: String,
    pub status: FlowStatus,
    /// Kept as strings: categories are an input vocabulary; what the server reports back
    /// is shown as it is.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub categories: Vec<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub validation_errors: Vec<Finding>,
}

/// Every example id is a numeric string; accept a JSON number too rather than fail on
/// a harmless change of representation.
fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        S(String),
        N(u64),
    }
    Ok(match Id::deserialize(d)? {
        Id::S(s) => s,
        Id::N(n) => n.to_string(),
    })
}

fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_body_uses_8x8_spelling_and_skips_unset_fields() {
        let body = UpdateFlow {
            name: Some("n".into()),
            categories: Some(vec![Category::Other, Category::SignUp]),
            publish: Some(false),
            flow_json: Some("{\"version\":\"7.3\"}".into()),
            clone_flow_id: Some("1".into()),
            end_point_uri: Some("https://e.example/x".into()),
            application_id: Some("2".into()),
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"name":"n","categories":["OTHER","SIGN_UP"],"publish":false,"flowJson":"{\"version\":\"7.3\"}","cloneFlowId":"1","endPointUri":"https://e.example/x","applicationId":"2"}"#
        );
        let only_name = UpdateFlow {
            name: Some("x".into()),
            ..UpdateFlow::default()
        };
        assert_eq!(
            serde_json::to_string(&only_name).unwrap(),
            r#"{"name":"x"}"#
        );
        assert!(UpdateFlow::default().is_empty());
    }

    #[test]
    fn categories_parse_leniently() {
        assert_eq!("sign-up".parse::<Category>(), Ok(Category::SignUp));
        assert_eq!("CONTACT_US".parse::<Category>(), Ok(Category::ContactUs));
        assert!("nope".parse::<Category>().unwrap_err().contains("SURVEY"));
    }

    #[test]
    fn statuses_and_ids_are_lenient() {
        let list: FlowList = serde_json::from_str(
            r#"{"flows":[{"id":1,"name":"a","status":"DRAFT"},{"id":"2","name":"b","status":"ARCHIVED"}]}"#,
        )
        .unwrap();
        assert_eq!(list.flows[0].id, "1");
        assert_eq!(list.flows[1].status, FlowStatus::Other("ARCHIVED".into()));
        let list: FlowList = serde_json::from_str(r#"{"flows":null}"#).unwrap();
        assert!(list.flows.is_empty());
    }
}
