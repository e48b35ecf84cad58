//! "Did you mean ...?": the closest candidate by edit distance, when it is close enough
//! to be a likely typo rather than a different word.

/// The candidate nearest to `word` (ignoring ASCII case), if within a third of its
/// length (at least 2 edits), else the one sharing the longest start with it (at least 4
/// characters). Ties go to the shorter candidate, then the first (distance) or the last
/// (shared start) in `candidates`' order.
///
/// Asked once per unknown key, so a flow with thousands of them asks thousands of times:
/// no allocation, and a distance is abandoned as soon as it must exceed the limit.
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let pattern = Pattern::new(word);
    let len = pattern.chars;
    let limit = (len / 3).max(2);
    let mut by_distance: Option<(usize, usize, &'c str)> = None;
    let mut by_prefix: Option<(usize, usize, &'c str)> = None;
    for c in candidates {
        if c == word {
            continue;
        }
        // The distance is at least the difference in length.
        if char_len(c).abs_diff(len) <= limit {
            let d = pattern.distance(c);
            if d <= limit && by_distance.is_none_or(|(bd, bl, _)| (d, c.len()) < (bd, bl)) {
                by_distance = Some((d, c.len(), c));
            }
        }
        // A long shared start is as telling as a small distance (`initial-text`, `init-value`).
        let n = common_prefix(word, c);
        if n >= 4
            && by_prefix.is_none_or(|(bn, bl, _)| {
                (n, std::cmp::Reverse(c.len())) >= (bn, std::cmp::Reverse(bl))
            })
        {
            by_prefix = Some((n, c.len(), c));
        }
    }
    by_distance.or(by_prefix).map(|(_, _, c)| c)
}

/// The candidate nearest to `word` by edit distance when it is a typo away (at most two
/// edits, and within [`closest`]'s limit) and no other candidate is as near: a suggestion
/// sure enough to apply without a person looking (a safe fix). A long shared start alone
/// is not sure.
pub fn sure<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let pattern = Pattern::new(word);
    let len = pattern.chars;
    // A typo: at most two edits.
    let limit = 2;
    let mut best: Option<(usize, &'c str)> = None;
    let mut tied = false;
    for c in candidates {
        if c == word || char_len(c).abs_diff(len) > limit {
            continue;
        }
        let d = pattern.distance(c);
        match best {
            _ if d > limit => {}
            Some((bd, _)) if d > bd => {}
            Some((bd, b)) if d == bd => tied |= b != c,
            _ => {
                best = Some((d, c));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count()
}

/// The word being matched, prepared once for all candidates: a word of 1 to 64 ASCII
/// characters (every property and component name) gets the bit masks of the
/// bit-parallel distance, built once instead of once per candidate.
struct Pattern<'w> {
    word: &'w str,
    chars: usize,
    masks: Option<Masks>,
}

/// For each ASCII character (case folded), the positions of the word where it occurs.
type Masks = [u64; 128];

impl<'w> Pattern<'w> {
    fn new(word: &'w str) -> Self {
        let fits = word.is_ascii() && !word.is_empty() && word.len() <= 64;
        Pattern {
            word,
            chars: char_len(word),
            masks: fits.then(|| masks(word.as_bytes())),
        }
    }

    /// Levenshtein distance to `other` over characters, ignoring ASCII case.
    fn distance(&self, other: &str) -> usize {
        match &self.masks {
            Some(masks) if other.is_ascii() => {
                bit_parallel(masks, self.word.len(), other.as_bytes())
            }
            _ => classic(self.word, other),
        }
    }
}

fn masks(pattern: &[u8]) -> Masks {
    let mut peq = [0u64; 128];
    for (j, c) in pattern.iter().enumerate() {
        peq[usize::from(c.to_ascii_lowercase() & 0x7f)] |= 1 << j;
    }
    peq
}

/// Levenshtein distance over characters, ignoring ASCII case.
#[cfg(test)]
fn distance(a: &str, b: &str) -> usize {
    Pattern::new(a).distance(b)
}

/// Myers' bit-vector edit distance in Hyyrö's formulation for whole strings: one column
/// of the distance matrix per machine word, so a comparison is a few operations per
/// character of `text`. The pattern (1 to 64 ASCII bytes, `len` of them) is given by its
/// masks; case is ignored.
fn bit_parallel(peq: &Masks, len: usize, text: &[u8]) -> usize {
    let last = 1u64 << (len - 1);
    let (mut pv, mut mv) = (u64::MAX, 0u64);
    let mut score = len;
    for c in text {
        let eq = peq[usize::from(c.to_ascii_lowercase() & 0x7f)];
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & last != 0 {
            score += 1;
        }
        if mh & last != 0 {
            score -= 1;
        }
        // The top row of the matrix grows by one per character: shift in a +1.
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    score
}

/// The two-row dynamic programme, for long or non-ASCII words.
fn classic(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        let ca = ca.to_ascii_lowercase();
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_found_and_unrelated_words_are_not() {
        let props = ["name", "label", "init-value", "input-type", "helper-text"];
        assert_eq!(closest("initial-text", props), Some("init-value"));
        assert_eq!(closest("lable", props), Some("label"));
        assert_eq!(closest("helpertext", props), Some("helper-text"));
        assert_eq!(closest("zzzzzzzz", props), None);
        assert_eq!(
            closest("TextImput", ["TextInput", "TextArea"]),
            Some("TextInput")
        );
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("été", "ete"), 2);
        assert_eq!(distance("same", "same"), 0);
        assert_eq!(distance("Same", "sAME"), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("", ""), 0);
        // Shared start: the longest wins, then the shorter candidate.
        assert_eq!(
            closest("on-click-actn-x", ["on-click", "on-click-action"]),
            Some("on-click-action")
        );
    }

    #[test]
    fn a_sure_match_is_near_and_alone() {
        assert_eq!(sure("lable", ["label", "name"]), Some("label"));
        // Two at the same distance: a person must choose.
        assert_eq!(sure("abd", ["abc", "abe"]), None);
        // A shared start is a hint, not a sure match.
        assert_eq!(sure("initial-text", ["init-value", "label"]), None);
        assert_eq!(
            closest("initial-text", ["init-value", "label"]),
            Some("init-value")
        );
    }

    #[test]
    fn the_bit_parallel_distance_is_the_classic_one() {
        // Deterministic pseudo-random words over a small alphabet (so they share letters),
        // lengths 0..70 to cross the 64-character word.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let word = |next: &mut dyn FnMut() -> u64| -> String {
            let len = (next() % 70) as usize;
            (0..len)
                .map(|_| b"abcAB-_x"[(next() % 8) as usize] as char)
                .collect()
        };
        for _ in 0..5000 {
            let (a, b) = (word(&mut next), word(&mut next));
            let expected = classic(&a, &b);
            assert_eq!(distance(&a, &b), expected, "{a:?} {b:?}");
            if !b.is_empty() && b.len() <= 64 {
                assert_eq!(
                    bit_parallel(&masks(b.as_bytes()), b.len(), a.as_bytes()),
                    expected,
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
