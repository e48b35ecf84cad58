//! Fixes: the edits a rule proposes for the fault it found, and applying them.
//!
//! A fix is a list of edits of the validated text (byte range -> replacement) with a
//! title and an applicability. Edits touch only their own bytes: indentation, key order,
//! line endings and every other byte of the file stay as they were. Meta's wire shape
//! never carries fixes; they are reachable through [`crate::Finding::fixes`], SARIF and
//! the CLI.

use crate::syntax::Span;

/// Whether a fix can be applied without a person looking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Applicability {
    /// Cannot change what the flow does (a typo in a key, a trailing comma).
    Safe,
    /// Changes what the flow does, or guesses: the author must look (`--unsafe-fixes`).
    Unsafe,
}

impl Applicability {
    /// `safe` or `unsafe`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement: the bytes of `span` in the validated text become `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    /// The byte range replaced (empty: an insertion at `span.start`).
    pub span: Span,
    /// What replaces it.
    pub replacement: String,
}

impl Edit {
    /// `span` becomes `replacement`.
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    /// `text` inserted at byte `at`.
    pub fn insert(at: u32, text: impl Into<String>) -> Self {
        Edit::replace(Span { start: at, end: at }, text)
    }

    /// The bytes of `span` removed.
    pub fn delete(span: Span) -> Self {
        Edit::replace(span, "")
    }
}

/// What a rule proposes for one fault: edits applied together or not at all.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    /// What the fix does, for a person: "Rename 'initial-text' to 'init-value'".
    pub title: String,
    /// Whether it is applied by `--fix` alone or needs `--unsafe-fixes`.
    pub applicability: Applicability,
    /// The edits, in any order; they never overlap each other.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix.
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            applicability: Applicability::Safe,
            edits,
        }
    }

    /// An unsafe fix.
    pub fn r#unsafe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            applicability: Applicability::Unsafe,
            edits,
        }
    }
}

/// Applies as many of `fixes` to `text` as fit: each fix whole or not at all, skipping a
/// fix any of whose edits overlaps an edit already taken (the next round, after
/// validating again, may still apply it) or falls outside the text. Returns the new text
/// and how many fixes were applied.
pub fn apply<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> (String, usize) {
    let (out, applied) = apply_which(text, fixes);
    (out, applied.len())
}

/// [`apply`], returning which of `fixes` (their indices, in order) were applied.
pub fn apply_which<'f>(
    text: &str,
    fixes: impl IntoIterator<Item = &'f Fix>,
) -> (String, Vec<usize>) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = Vec::new();
    for (i, fix) in fixes.into_iter().enumerate() {
        let before = taken.len();
        // Each edit is checked against those taken and this fix's own earlier ones, so
        // overlapping edits within one fix are refused too (slicing would go wrong).
        let fits = fix.edits.iter().all(|e| {
            let ok = e.span.start <= e.span.end
                && (e.span.end as usize) <= text.len()
                && text.is_char_boundary(e.span.start as usize)
                && text.is_char_boundary(e.span.end as usize)
                && !taken.iter().any(|t| overlaps(t.span, e.span));
            if ok {
                taken.push(e);
            }
            ok
        });
        if fits && !fix.edits.is_empty() {
            applied.push(i);
        } else {
            taken.truncate(before);
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.span.start as usize]);
        out.push_str(&e.replacement);
        at = e.span.end as usize;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Whether two edits conflict: their ranges share a byte, an insertion falls strictly
/// inside the other's range, or both insert at one place (their order would be a guess).
/// Edits that only meet at a boundary do not conflict.
fn overlaps(a: Span, b: Span) -> bool {
    if a.is_empty() && b.is_empty() {
        return a.start == b.start;
    }
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    #[test]
    fn edits_touch_only_their_bytes() {
        let text = "{\r\n  \"a\": 1,\r\n}";
        let fix = Fix::safe("drop the comma", vec![Edit::delete(span(11, 12))]);
        assert_eq!(apply(text, [&fix]), ("{\r\n  \"a\": 1\r\n}".to_owned(), 1));
    }

    #[test]
    fn an_overlapping_fix_waits_for_the_next_round() {
        let text = "abcdef";
        let first = Fix::safe("1", vec![Edit::replace(span(1, 3), "X")]);
        let second = Fix::safe("2", vec![Edit::replace(span(2, 4), "Y")]);
        let third = Fix::safe("3", vec![Edit::insert(6, "!")]);
        assert_eq!(
            apply(text, [&first, &second, &third]),
            ("aXdef!".to_owned(), 2)
        );
    }

    #[test]
    fn a_fix_applies_whole_or_not_at_all() {
        let text = "abcdef";
        let taken = Fix::safe("1", vec![Edit::replace(span(0, 1), "A")]);
        let half = Fix::safe(
            "2",
            vec![
                Edit::replace(span(0, 1), "Z"),
                Edit::replace(span(4, 5), "E"),
            ],
        );
        assert_eq!(apply(text, [&taken, &half]), ("Abcdef".to_owned(), 1));
    }

    #[test]
    fn a_fix_whose_own_edits_overlap_is_refused() {
        let text = "abcdef";
        let tangled = Fix::safe(
            "1",
            vec![
                Edit::replace(span(0, 3), "X"),
                Edit::replace(span(2, 4), "Y"),
            ],
        );
        assert_eq!(apply(text, [&tangled]), ("abcdef".to_owned(), 0));
    }

    #[test]
    fn edits_outside_the_text_or_inside_a_character_are_refused() {
        let text = "é!";
        let outside = Fix::safe("1", vec![Edit::insert(9, "x")]);
        let inside = Fix::safe("2", vec![Edit::insert(1, "x")]);
        assert_eq!(apply(text, [&outside, &inside]), ("é!".to_owned(), 0));
    }
}
