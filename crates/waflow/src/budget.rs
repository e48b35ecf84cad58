//! The findings cap (`Options::max_findings`) as the stages spend it.
//!
//! Why here and not only on the finished report: merging (one message at several places
//! becomes one finding) made a cap on the report meaningless for the inputs it exists
//! for. Four million `1`s in `screens` merged into one finding with four million places:
//! 9.6 s, 2.4 GB and a 750 MB JSON report for an 8 MB file, all under a "cap" of 100,000.
//! Counted as they are made, before merging, a run holds at most the cap's worth.

use crate::finding::Finding;

pub(crate) struct Budget {
    left: usize,
    dropped: usize,
}

impl Budget {
    pub fn new(max: usize) -> Self {
        Budget {
            left: max,
            dropped: 0,
        }
    }

    /// How many more findings may be kept.
    pub fn left(&self) -> usize {
        self.left
    }

    /// Room for one more finding: `false`, and counted as left out, once spent.
    pub fn take(&mut self) -> bool {
        if self.left == 0 {
            self.dropped += 1;
            return false;
        }
        self.left -= 1;
        true
    }

    /// Counts `n` findings that were never made because the budget was spent.
    pub fn drop_uncollected(&mut self, n: usize) {
        self.dropped += n;
    }

    /// Keeps as many of `out[from..]` as the budget allows; counts the rest.
    pub fn trim(&mut self, out: &mut Vec<Finding>, from: usize) {
        let made = out.len().saturating_sub(from);
        let kept = made.min(self.left);
        out.truncate(from + kept);
        self.left -= kept;
        self.dropped += made - kept;
    }

    /// Findings left out so far.
    pub fn dropped(&self) -> usize {
        self.dropped
    }
}
