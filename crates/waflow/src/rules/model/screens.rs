//! Every place a flow names a screen by its id, collected once for the fixes that rename a
//! screen (a reserved or invalid id): the screen's own `id`, navigate actions' `next.name`,
//! the keys and targets of `routing_model`, and the `${screen.<id>...}` references of
//! dynamic strings (whole references, backtick expressions, and text that mixes them in).
//! What the endpoint knows about a screen (the names its code sends back) is out of reach:
//! a rename is never safe.

use std::ops::Range;

use super::{inner_span, Model};
use crate::catalog::model::V7_0;
use crate::catalog::FlowVersion;
use crate::edits::quote;
use crate::fix::Edit;
use crate::syntax::Span;

/// One place a screen id is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub span: Span,
    /// A whole string token (a value or a key, quotes included); else the id's bytes
    /// inside a string (a `${screen.<id>...}` reference).
    pub whole: bool,
}

impl Mention {
    /// The edit writing `to` here instead of the id (escaped as a JSON string needs).
    pub fn rename(self, to: &str) -> Edit {
        let quoted = quote(to);
        if self.whole {
            Edit::replace(self.span, quoted)
        } else {
            Edit::replace(self.span, &quoted[1..quoted.len() - 1])
        }
    }
}

impl<'a> Model<'a, '_> {
    /// Calls `f` with every place the flow names a screen, and the id it names there:
    /// each screen's `id`, navigate targets, `routing_model` keys and targets, and the
    /// screen id of every `${screen.<id>...}` in a dynamic string. One pass over what the
    /// model holds.
    fn each_mention(&self, mut f: impl FnMut(&'a str, Mention)) {
        let whole = |span| Mention { span, whole: true };
        for s in &self.flow.screens {
            if let Some((n, id)) = s.id.and_then(|n| Some((n, n.as_str()?))) {
                f(id, whole(n.span));
            }
        }
        for a in self.actions.iter().filter(|a| a.name == "navigate") {
            if let Some((n, id)) = a.next_screen().and_then(|n| Some((n, n.as_str()?))) {
                f(id, whole(n.span));
            }
        }
        for e in self
            .flow
            .routing
            .and_then(|r| r.value.as_object())
            .unwrap_or_default()
        {
            f(e.key.name, whole(e.key.span));
            for t in e.value.as_array().unwrap_or_default() {
                if let Some(id) = t.as_str() {
                    f(id, whole(t.span));
                }
            }
        }
        for d in &self.flow.strings {
            for r in reference_ids(d.text) {
                let span = inner_span(self.flow.text, d.node, r.clone());
                f(&d.text[r], Mention { span, whole: false });
            }
        }
    }

    /// Every place the flow names screen id `id`, in document order, each once: the `id`
    /// of each screen with it, navigate targets, `routing_model` keys and targets, and the
    /// id inside `${screen.<id>...}` references.
    pub fn screen_mentions(&self, id: &str) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        self.each_mention(|named, m| {
            if named == id {
                out.push(m);
            }
        });
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out.dedup();
        out
    }

    /// The edits renaming screen `i` to `to` wherever the flow names it; `None` when its
    /// id is not a string or other screens share it (which screen a mention means would
    /// be a guess).
    pub fn rename_screen(&self, i: usize, to: &str) -> Option<Vec<Edit>> {
        let id = self.flow.screens.get(i)?.id_str()?;
        if self.flow.repeats.contains_key(id) {
            return None;
        }
        Some(
            self.screen_mentions(id)
                .into_iter()
                .map(|m| m.rename(to))
                .collect(),
        )
    }

    /// A new screen id made from `base`: `base` itself, else `base_B`, `base_C`, ... The
    /// first that is a valid id in the flow's version, that nothing in the flow names (a
    /// screen, or an unknown navigate target, routing entry or reference that would start
    /// to mean it), that is not reserved (`success`) or the endpoint's closing screen
    /// (`SUCCESS`, in any case), and that is not in `avoid` (ids that fixes proposed along
    /// with this one give screens: fixes of one round must not give two screens one id).
    pub fn fresh_screen_id(&self, base: &str, avoid: &[String]) -> Option<String> {
        let mut named = foldhash::HashSet::default();
        self.each_mention(|id, _| {
            named.insert(id);
        });
        let usable = |id: &str| {
            valid_screen_id(id, self.version)
                && !id.eq_ignore_ascii_case("success")
                && !avoid.iter().any(|a| a == id)
                && !named.contains(id)
        };
        if usable(base) {
            return Some(base.to_owned());
        }
        (2..1000)
            .map(|n| format!("{base}_{}", letters(n)))
            .find(|id| usable(id))
    }
}

/// Whether `id` is a screen id of version `v` (the catalog's `id` patterns, spec 2):
/// letters, underscores and commas before 7.0; from 7.0 letters and underscores with at
/// least one letter.
pub(crate) fn valid_screen_id(id: &str, v: FlowVersion) -> bool {
    if v < V7_0 {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || matches!(b, b'_' | b','))
    } else {
        id.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
            && id.bytes().any(|b| b.is_ascii_alphabetic())
    }
}

/// `id` made a valid screen id of version `v` by writing `_` for each character the id
/// may not have; `None` when that is not enough (an id of digits alone).
pub(crate) fn valid_form(id: &str, v: FlowVersion) -> Option<String> {
    let allowed = |c: char| c.is_ascii_alphabetic() || c == '_' || (c == ',' && v < V7_0);
    let out: String = id
        .chars()
        .map(|c| if allowed(c) { c } else { '_' })
        .collect();
    valid_screen_id(&out, v).then_some(out)
}

/// `n` (from 1) in letters: A, B, ..., Z, AA, AB, ...
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The decoded offsets of the screen id of every `${screen.<id>...}` in `text`: the
/// segment after `${screen.` up to a dot or a character no name has, where the reference
/// lexer reads it, whether or not the rest of the reference is well formed.
fn reference_ids(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    const HEAD: &str = "${screen.";
    text.match_indices(HEAD).filter_map(move |(i, _)| {
        let start = i + HEAD.len();
        let rest = text.get(start..)?;
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | ',')))
            .unwrap_or(rest.len());
        (len > 0).then(|| start..start + len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::{V6_0, V7_3};

    #[test]
    fn reference_ids_are_whole_segments() {
        let t =
            "`${screen.A.data.x} ${screen.AB.form.y} ${screen.A}` ${screen.A-B.data.z} ${screen.}";
        let found: Vec<_> = reference_ids(t).map(|r| &t[r]).collect();
        assert_eq!(found, ["A", "AB", "A", "A-B"]);
    }

    #[test]
    fn valid_ids_follow_the_catalog_patterns() {
        for (id, before_7, from_7) in [
            ("START", true, true),
            ("a_b", true, true),
            ("a,b", true, false),
            ("___", true, false),
            ("STEP_1", false, false),
            ("", false, false),
            ("screen-one", false, false),
        ] {
            assert_eq!(valid_screen_id(id, V6_0), before_7, "{id} in 6.0");
            assert_eq!(valid_screen_id(id, V7_3), from_7, "{id} in 7.3");
            // The catalog's patterns say the same.
            for (v, want) in [(V6_0, before_7), (V7_3, from_7)] {
                let prop = crate::catalog::document::SCREEN
                    .iter()
                    .find(|p| p.name == "id" && p.exists_in(v))
                    .expect("an id property");
                let (pattern, _) = prop.pattern.expect("a pattern");
                let re = regex::Regex::new(pattern).expect("compiles");
                assert_eq!(re.is_match(id), want, "{id} against {pattern}");
            }
        }
        assert_eq!(
            valid_form("screen-one", V7_3).as_deref(),
            Some("screen_one")
        );
        assert_eq!(valid_form("1st", V7_3).as_deref(), Some("_st"));
        assert_eq!(valid_form("a,b", V6_0).as_deref(), Some("a,b"));
        assert_eq!(valid_form("123", V7_3), None);
    }

    #[test]
    fn suffixes_are_letters() {
        assert_eq!(
            [1, 2, 26, 27, 28].map(letters),
            ["A", "B", "Z", "AA", "AB"].map(String::from)
        );
    }
}
