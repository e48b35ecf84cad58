//! The finding model and its two JSON spellings.
//!
//! A [`Finding`] is what Meta calls a validation error: a code (`error`), a category
//! (`errorType`), a message and the locations (`pointers`) it applies to. The same type
//! carries waflow's own findings and the ones 8x8 returns from its server, so the CLI
//! renders both the same way.
//!
//! Wire shapes (spec 9.1, 9.2), key order as in the seed examples:
//! - 8x8: `{"error","errorType","message","lineStart","lineEnd","columnStart","columnEnd",
//!   "pointers":[{"lineStart","lineEnd","columnStart","columnEnd","path"}]}`
//! - Meta: the same keys in snake_case (`error_type`, `line_start`, ...).
//!
//! waflow's additions (rule code, help, severity, byte spans) never appear on the wire:
//! consumers that parse Meta's shape must not see a key Meta does not send.

use foldhash::HashSetExt;
use std::borrow::Cow;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

use crate::syntax::Span;

/// The two documented spellings of the error shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Spelling {
    /// 8x8, Infobip, Kapso: `validationErrors`, `errorType`, `lineStart`, ...
    #[default]
    Camel,
    /// Meta's Graph API: `validation_errors`, `error_type`, `line_start`, ...
    Snake,
}

struct Keys {
    errors: &'static str,
    error_type: &'static str,
    line_start: &'static str,
    line_end: &'static str,
    column_start: &'static str,
    column_end: &'static str,
}

impl Spelling {
    fn keys(self) -> &'static Keys {
        match self {
            Spelling::Camel => &Keys {
                errors: "validationErrors",
                error_type: "errorType",
                line_start: "lineStart",
                line_end: "lineEnd",
                column_start: "columnStart",
                column_end: "columnEnd",
            },
            Spelling::Snake => &Keys {
                errors: "validation_errors",
                error_type: "error_type",
                line_start: "line_start",
                line_end: "line_end",
                column_start: "column_start",
                column_end: "column_end",
            },
        }
    }

    /// The name of the list of errors: `validationErrors` or `validation_errors`.
    pub fn errors_key(self) -> &'static str {
        self.keys().errors
    }
}

/// Whether Meta rejects the flow (`Error`) or accepts it and waflow still objects.
/// The one severity type: rules declare it, findings carry it, and the CLI's flags and
/// waflow.toml spell it `error` or `warning` (serde and [`std::str::FromStr`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Meta accepts it, but it is probably a mistake; never in `validationErrors`.
    Warning,
    /// Meta rejects it: part of `validationErrors`.
    #[default]
    Error,
}

impl Severity {
    /// Both severities, by their names.
    pub const ALL: [Severity; 2] = [Severity::Error, Severity::Warning];

    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not `error` or `warning`.
#[derive(Debug, thiserror::Error)]
#[error("unknown severity '{0}': expected error or warning")]
pub struct UnknownSeverity(String);

impl std::str::FromStr for Severity {
    type Err = UnknownSeverity;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|s| s.as_str() == name)
            .ok_or_else(|| UnknownSeverity(name.to_owned()))
    }
}

/// Meta's `errorType` for faults of the flow's meaning (references, routing, versions...).
/// Only this and [`JSON_SCHEMA_ERROR`] have been seen (spec 9.1).
pub const FLOW_JSON_ERROR: &str = "FLOW_JSON_ERROR";
/// Meta's `errorType` for faults of structure: what the version's JSON Schema refuses.
pub const JSON_SCHEMA_ERROR: &str = "JSON_SCHEMA_ERROR";

/// One location of a finding: Meta's 1-based, inclusive position, and its path.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pointer {
    /// First line of the token, 1-based.
    #[serde(default, alias = "line_start")]
    pub line_start: u32,
    /// Last line of the token, 1-based.
    #[serde(default, alias = "line_end")]
    pub line_end: u32,
    /// First column, 1-based, in UTF-16 code units.
    #[serde(default, alias = "column_start")]
    pub column_start: u32,
    /// Last column, 1-based, in UTF-16 code units, inclusive.
    #[serde(default, alias = "column_end")]
    pub column_end: u32,
    /// Meta's path of the token: `screens[0].layout.children[1].label`.
    #[serde(default)]
    pub path: String,
    /// The byte range in the validated text (waflow's own findings only; server findings
    /// carry line and column alone).
    #[serde(skip)]
    pub span: Option<Span>,
    /// A finer place for people and editors: the reference inside a string, the operator
    /// inside a condition (inside Meta's token, or in the value of the property whose key
    /// Meta points at). Never on the wire: Meta points at whole key or value tokens, and
    /// the Meta-shaped output keeps exactly that.
    #[serde(skip)]
    pub focus: Option<Focus>,
}

/// A finer place of a pointer, in the same units as [`Pointer`] (1-based lines, UTF-16
/// columns, inclusive end) plus its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Focus {
    /// First line, 1-based.
    pub line_start: u32,
    /// Last line, 1-based.
    pub line_end: u32,
    /// First column, 1-based, in UTF-16 code units.
    pub column_start: u32,
    /// Last column, 1-based, in UTF-16 code units, inclusive.
    pub column_end: u32,
    /// The byte range in the validated text.
    pub span: Span,
}

impl Pointer {
    /// Where a person should look: the focus when there is one, else Meta's place, as
    /// (line_start, column_start, line_end, column_end).
    pub fn shown(&self) -> (u32, u32, u32, u32) {
        match &self.focus {
            Some(f) => (f.line_start, f.column_start, f.line_end, f.column_end),
            None => (
                self.line_start,
                self.column_start,
                self.line_end,
                self.column_end,
            ),
        }
    }

    /// The byte range to show: the focus's when there is one, else the token's.
    pub fn shown_span(&self) -> Option<Span> {
        self.focus.map(|f| f.span).or(self.span)
    }
}

/// One validation error (or warning), as Meta would report it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// waflow's stable rule code (`invalid-json`, `frozen-version`, ...); `None` for
    /// findings that came from a server.
    pub rule: Option<&'static str>,
    /// Meta's error code, e.g. `INVALID_PROPERTY_VALUE` (borrowed for waflow's own
    /// findings: thousands of findings need no copy of it).
    pub error: Cow<'static, str>,
    /// Meta's category: [`FLOW_JSON_ERROR`] or [`JSON_SCHEMA_ERROR`].
    pub error_type: Cow<'static, str>,
    /// What is wrong, in Meta's words where Meta's are known.
    pub message: String,
    /// What to do about it, when there is more to say than the message.
    pub help: Option<String>,
    /// Whether Meta rejects it (error) or waflow advises (warning).
    pub severity: Severity,
    /// Every location; the first one is also the finding's top-level position.
    pub pointers: Vec<Pointer>,
    /// What the rule proposes to correct the fault, one fix per place when it has any
    /// (never on the wire: Meta's shape has no fixes).
    pub fixes: Vec<crate::fix::Fix>,
}

impl Finding {
    /// The top-level position: the first pointer's, or Meta's all-zero "no location".
    pub fn position(&self) -> (u32, u32, u32, u32) {
        self.pointers.first().map_or((0, 0, 0, 0), |p| {
            (p.line_start, p.line_end, p.column_start, p.column_end)
        })
    }

    /// The documentation of this finding's rule ([`rule_doc_url`]); `None` for a finding
    /// from a server, which names no rule.
    pub fn doc_url(&self) -> Option<String> {
        self.rule.map(rule_doc_url)
    }

    /// This finding in one spelling, ready for `serde_json`.
    pub fn spelled(&self, spelling: Spelling) -> Spelled<'_, Finding> {
        Spelled(self, spelling)
    }
}

/// Where the documentation of the rule `code` lives: its section of `docs/rules.md` in
/// waflow's repository, e.g.
/// `https://github.com/waflow/waflow/blob/main/docs/rules.md#unknown-property`. The one
/// place this address is spelled: the CLI's docs notes and SARIF's `helpUri` use it, and
/// so does [`Finding::doc_url`].
pub fn rule_doc_url(code: &str) -> String {
    format!(
        "{}/blob/main/docs/rules.md#{code}",
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// A value serialized in a chosen [`Spelling`].
pub struct Spelled<'a, T: ?Sized>(pub &'a T, pub Spelling);

impl Serialize for Spelled<'_, Finding> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (f, k) = (self.0, self.1.keys());
        let (ls, le, cs, ce) = f.position();
        let mut map = s.serialize_map(Some(8))?;
        map.serialize_entry("error", &f.error)?;
        map.serialize_entry(k.error_type, &f.error_type)?;
        map.serialize_entry("message", &f.message)?;
        map.serialize_entry(k.line_start, &ls)?;
        map.serialize_entry(k.line_end, &le)?;
        map.serialize_entry(k.column_start, &cs)?;
        map.serialize_entry(k.column_end, &ce)?;
        map.serialize_entry("pointers", &Spelled(f.pointers.as_slice(), self.1))?;
        map.end()
    }
}

impl Serialize for Spelled<'_, [Pointer]> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let k = self.1.keys();
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for p in self.0 {
            seq.serialize_element(&PointerOut(p, k))?;
        }
        seq.end()
    }
}

struct PointerOut<'a>(&'a Pointer, &'static Keys);

impl Serialize for PointerOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (p, k) = (self.0, self.1);
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry(k.line_start, &p.line_start)?;
        map.serialize_entry(k.line_end, &p.line_end)?;
        map.serialize_entry(k.column_start, &p.column_start)?;
        map.serialize_entry(k.column_end, &p.column_end)?;
        map.serialize_entry("path", &p.path)?;
        map.end()
    }
}

impl Serialize for Spelled<'_, [Finding]> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for f in self.0 {
            seq.serialize_element(&Spelled(f, self.1))?;
        }
        seq.end()
    }
}

/// The wire form, for reading findings back (8x8's `validationErrors`, Meta's
/// `validation_errors`); both spellings are accepted.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireFinding {
    #[serde(default)]
    error: String,
    #[serde(default, alias = "error_type")]
    error_type: String,
    #[serde(default)]
    message: String,
    #[serde(default, alias = "line_start")]
    line_start: u32,
    #[serde(default, alias = "line_end")]
    line_end: u32,
    #[serde(default, alias = "column_start")]
    column_start: u32,
    #[serde(default, alias = "column_end")]
    column_end: u32,
    #[serde(default)]
    pointers: Vec<Pointer>,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = WireFinding::deserialize(d)?;
        let mut pointers = w.pointers;
        // Meta's older samples carry a position but no pointers; keep the position.
        if pointers.is_empty() && w.line_start != 0 {
            pointers.push(Pointer {
                line_start: w.line_start,
                line_end: w.line_end,
                column_start: w.column_start,
                column_end: w.column_end,
                path: String::new(),
                span: None,
                focus: None,
            });
        }
        Ok(Finding {
            rule: None,
            error: w.error.into(),
            error_type: w.error_type.into(),
            message: w.message,
            help: None,
            severity: Severity::Error,
            pointers,
            fixes: Vec::new(),
        })
    }
}

/// Merges findings with the same code and message into one with several pointers, as
/// Meta does (spec 0, step 6), keeping first-seen order.
pub(crate) fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    // First, for each finding, the first one with its code and message (keys borrowed:
    // nothing is copied), then one move of each into place. foldhash, not SipHash: this
    // hashes every message of a report (10,000 of them cost SipHash 0.5 ms), and its
    // per-process random seed still keeps crafted messages from colliding on purpose.
    let first_of: Vec<usize> = {
        let mut index = std::collections::HashMap::with_capacity_and_hasher(
            findings.len(),
            foldhash::fast::RandomState::default(),
        );
        findings
            .iter()
            .enumerate()
            .map(|(i, f)| *index.entry((&*f.error, f.message.as_str())).or_insert(i))
            .collect()
    };
    // Nothing to merge (the usual case): the findings stay where they are.
    if first_of.iter().enumerate().all(|(i, &first)| first == i) {
        return findings;
    }
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut slot = vec![0usize; findings.len()];
    let mut merged = false;
    for (i, f) in findings.into_iter().enumerate() {
        let first = first_of[i];
        if first == i {
            slot[i] = out.len();
            out.push(f);
        } else {
            out[slot[first]].pointers.extend(f.pointers);
            out[slot[first]].fixes.extend(f.fixes);
            merged = true;
        }
    }
    if merged {
        for f in &mut out {
            dedup_pointers(&mut f.pointers);
        }
    }
    out
}

/// Drops repeated pointers, keeping the first of each (linear in the count).
fn dedup_pointers(pointers: &mut Vec<Pointer>) {
    if pointers.len() < 2 {
        return;
    }
    let keep: Vec<bool> = {
        let mut seen = foldhash::HashSet::with_capacity(pointers.len());
        pointers.iter().map(|p| seen.insert(p)).collect()
    };
    let mut flags = keep.into_iter();
    pointers.retain(|_| flags.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_finding(path: &str, pos: (u32, u32, u32, u32)) -> Finding {
        Finding {
            rule: Some("example"),
            error: "INVALID_PROPERTY_VALUE".into(),
            error_type: FLOW_JSON_ERROR.into(),
            message: "Invalid value found for property 'type'.".into(),
            help: Some("not on the wire".into()),
            severity: Severity::Error,
            fixes: Vec::new(),
            pointers: vec![Pointer {
                line_start: pos.0,
                line_end: pos.1,
                column_start: pos.2,
                column_end: pos.3,
                path: path.into(),
                span: Some(Span::new(1, 2)),
                focus: None,
            }],
        }
    }

    /// The 8x8 "Update a WhatsApp Flow" seed page, its example response, byte for byte
    /// (the page prints it one token per line; joined, it is the compact form).
    #[test]
    fn camel_case_matches_the_8x8_seed_byte_for_byte() {
        let seed = concat!(
            r#"{"validationErrors":[{"error":"INVALID_PROPERTY_VALUE","errorType":"FLOW_JSON_ERROR","#,
            r#""message":"Invalid value found for property 'type'.","lineStart":1,"lineEnd":1,"#,
            r#""columnStart":84,"columnEnd":92,"pointers":[{"lineStart":1,"lineEnd":1,"#,
            r#""columnStart":84,"columnEnd":92,"path":"screens[0].layout.children[0].children[0].type"}]}]}"#
        );
        let f = seed_finding(
            "screens[0].layout.children[0].children[0].type",
            (1, 1, 84, 92),
        );
        let out = format!(
            "{{\"validationErrors\":{}}}",
            serde_json::to_string(&Spelled(std::slice::from_ref(&f), Spelling::Camel)).unwrap()
        );
        assert_eq!(out, seed);
        // And back: the client reads 8x8's answer into the same type.
        let wrapper: serde_json::Value = serde_json::from_str(seed).unwrap();
        let back: Vec<Finding> =
            serde_json::from_value(wrapper["validationErrors"].clone()).unwrap();
        assert_eq!(back[0].pointers[0].path, f.pointers[0].path);
        assert_eq!(back[0].position(), (1, 1, 84, 92));
    }

    /// Meta's "Create Flow" docs sample (spec 9.1; corpus/meta-responses sample 2).
    #[test]
    fn snake_case_matches_the_meta_sample_byte_for_byte() {
        let sample = concat!(
            r#"{"error":"INVALID_PROPERTY_VALUE","error_type":"FLOW_JSON_ERROR","#,
            r#""message":"Invalid value found for property 'type'.","line_start":10,"line_end":10,"#,
            r#""column_start":21,"column_end":34,"pointers":[{"line_start":10,"line_end":10,"#,
            r#""column_start":21,"column_end":34,"path":"screens[0].layout.children[0].type"}]}"#
        );
        let f = seed_finding("screens[0].layout.children[0].type", (10, 10, 21, 34));
        assert_eq!(
            serde_json::to_string(&f.spelled(Spelling::Snake)).unwrap(),
            sample
        );
        let back: Finding = serde_json::from_str(sample).unwrap();
        assert_eq!(back.error_type, FLOW_JSON_ERROR);
        assert_eq!(back.position(), (10, 10, 21, 34));
    }

    #[test]
    fn a_finding_without_pointers_is_at_zero() {
        let mut f = seed_finding("", (0, 0, 0, 0));
        f.pointers.clear();
        let json = serde_json::to_string(&f.spelled(Spelling::Camel)).unwrap();
        assert!(json
            .contains(r#""lineStart":0,"lineEnd":0,"columnStart":0,"columnEnd":0,"pointers":[]"#));
    }

    #[test]
    fn same_code_and_message_merge_into_one_finding() {
        let a = seed_finding("a", (1, 1, 1, 2));
        let b = seed_finding("b", (2, 2, 1, 2));
        let mut c = seed_finding("c", (3, 3, 1, 2));
        c.message = "other".into();
        let merged = merge(vec![a, b, c]);
        assert_eq!(merged.len(), 2);
        let paths: Vec<_> = merged[0].pointers.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["a", "b"]);
        assert_eq!(merged[0].position(), (1, 1, 1, 2));
    }
}
