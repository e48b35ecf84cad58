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
    let len = word.chars().count();
    let limit = (len / 3).max(2);
    let mut by_distance: Option<(usize, usize, &'c str)> = None;
    let mut by_prefix: Option<(usize, usize, &'c str)> = None;
    for c in candidates {
        if c == word {
            continue;
        }
        // The distance is at least the difference in length.
        if c.chars().count().abs_diff(len) <= limit {
            if let Some(d) = distance_within(word, c, limit) {
                if by_distance.is_none_or(|(bd, bl, _)| (d, c.len()) < (bd, bl)) {
                    by_distance = Some((d, c.len(), c));
                }
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

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count()
}

/// Levenshtein distance over characters, ignoring ASCII case.
#[cfg(test)]
fn distance(a: &str, b: &str) -> usize {
    distance_within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// The distance of `a` and `b` if it is at most `limit`. Words of up to 64 ASCII
/// characters (every property and component name) take the bit-parallel algorithm.
fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let d = if a.is_ascii() && b.is_ascii() && !b.is_empty() && b.len() <= 64 {
        bit_parallel(a.as_bytes(), b.as_bytes())
    } else {
        classic(a, b)
    };
    (d <= limit).then_some(d)
}

/// Myers' bit-vector edit distance in Hyyrö's formulation for whole strings: one column
/// of the distance matrix per machine word, so a comparison is a few operations per
/// character of `a`. `b` holds 1 to 64 ASCII bytes; case is ignored.
fn bit_parallel(a: &[u8], b: &[u8]) -> usize {
    let mut peq = [0u64; 128];
    for (j, c) in b.iter().enumerate() {
        peq[usize::from(c.to_ascii_lowercase() & 0x7f)] |= 1 << j;
    }
    let last = 1u64 << (b.len() - 1);
    let (mut pv, mut mv) = (u64::MAX, 0u64);
    let mut score = b.len();
    for c in a {
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
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance_within("kitten", "sitting", 3), Some(3));
        // Shared start: the longest wins, then the shorter candidate.
        assert_eq!(
            closest("on-click-actn-x", ["on-click", "on-click-action"]),
            Some("on-click-action")
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
                    bit_parallel(a.as_bytes(), b.as_bytes()),
                    expected,
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
