//! "Did you mean ...?": the closest candidate by edit distance, when it is close enough
//! to be a likely typo rather than a different word.

/// The candidate nearest to `word`, if within a third of its length (at least 2 edits),
/// else the one sharing the longest start with it (at least 4 characters).
pub fn closest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let word_l = word.to_ascii_lowercase();
    let len = word.chars().count();
    let limit = (len / 3).max(2);
    let candidates: Vec<&str> = candidates.into_iter().filter(|c| *c != word).collect();
    // The distance is at least the difference in length: most candidates are ruled out
    // without computing it (a report with thousands of unknown keys asks thousands of times).
    let by_distance = candidates
        .iter()
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (distance(&word_l, &c.to_ascii_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c);
    // A long shared start is as telling as a small distance (`initial-text`, `init-value`).
    by_distance.or_else(|| {
        candidates
            .iter()
            .map(|c| (common_prefix(&word_l, &c.to_ascii_lowercase()), *c))
            .filter(|(n, _)| *n >= 4)
            .max_by_key(|(n, c)| (*n, std::cmp::Reverse(c.len())))
            .map(|(_, c)| c)
    })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Levenshtein distance over characters, two rows. Short ASCII words (every property
/// and component name) use rows on the stack: no allocation per comparison.
pub fn distance(a: &str, b: &str) -> usize {
    const SHORT: usize = 64;
    if a.is_ascii() && b.is_ascii() && b.len() < SHORT {
        let b = b.as_bytes();
        let mut prev = [0usize; SHORT];
        let mut cur = [0usize; SHORT];
        for (j, slot) in prev.iter_mut().enumerate().take(b.len() + 1) {
            *slot = j;
        }
        for (i, ca) in a.bytes().enumerate() {
            cur[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cost = usize::from(ca != *cb);
                cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        return prev[b.len()];
    }
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
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
    }
}
