//! Where every stage puts its findings: the one sink that owns the findings, the cap on
//! them (`Options::max_findings`) and the signal that the run has failed.
//!
//! Why the cap is spent here, as findings are made, and not only on the finished report:
//! merging (one message at several places becomes one finding) made a cap on the report
//! meaningless for the inputs it exists for. Four million `1`s in `screens` merged into
//! one finding with four million places: 9.6 s, 2.4 GB and a 750 MB JSON report for an
//! 8 MB file, all under a "cap" of 100,000. Counted as they are made, before merging, a
//! run holds at most the cap's worth.
//!
//! Why a signal: as Meta does, a schema error ends the run, and the semantic pass that
//! runs beside the schema stage on a large document stops as soon as the schema stage
//! raises it (spent work on a large invalid document was most of its run: four million
//! non-object screens, 3 s and 1.2 GB).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::finding::Finding;

/// The findings of a run, bounded by its cap.
pub(crate) struct Sink<'s> {
    findings: Vec<Finding>,
    left: usize,
    dropped: usize,
    failed: &'s AtomicBool,
}

impl<'s> Sink<'s> {
    /// A sink keeping at most `max` findings; `failed` is the run's failure signal, shared
    /// by the sinks of stages that run side by side.
    pub fn new(max: usize, failed: &'s AtomicBool) -> Self {
        Sink {
            findings: Vec::new(),
            left: max,
            dropped: 0,
            failed,
        }
    }

    /// How many more findings may be kept.
    pub fn left(&self) -> usize {
        self.left
    }

    /// Room for one more finding: `false`, and counted as left out, once the cap is spent.
    /// For a stage that can skip the work of making a finding it could not keep.
    pub fn take(&mut self) -> bool {
        if self.left == 0 {
            self.dropped += 1;
            return false;
        }
        self.left -= 1;
        true
    }

    /// Keeps `finding` if the cap allows (else counts it as left out).
    pub fn push(&mut self, finding: Finding) {
        if self.take() {
            self.findings.push(finding);
        }
    }

    /// Keeps a finding whose room [`Sink::take`] already gave.
    pub fn push_taken(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Counts `n` findings that were never made because the cap was spent.
    pub fn drop_uncollected(&mut self, n: usize) {
        self.dropped += n;
    }

    /// Keeps as many of `found` (another sink's findings) as the cap allows and counts the
    /// rest, with those the other sink left out.
    pub fn absorb(&mut self, (found, dropped): (Vec<Finding>, usize)) {
        let kept = found.len().min(self.left);
        self.left -= kept;
        self.dropped += dropped + (found.len() - kept);
        self.findings.extend(found.into_iter().take(kept));
    }

    /// The findings held, for a pass that adds to them (fixes that need the model for
    /// the schema stage's findings, `rules::fix_schema_findings`).
    pub fn findings_mut(&mut self) -> &mut [Finding] {
        &mut self.findings
    }

    /// How many findings are held.
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    /// Says that the run has failed: stages beside this one may stop.
    pub fn fail(&self) {
        self.failed.store(true, Ordering::Relaxed);
    }

    /// The failure signal, for a sink of a stage that runs beside this one.
    pub fn signal(&self) -> &'s AtomicBool {
        self.failed
    }

    /// Whether some stage has said the run failed.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    /// The findings and how many were left out.
    pub fn finish(self) -> (Vec<Finding>, usize) {
        (self.findings, self.dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry;

    fn finding() -> Finding {
        registry::all()[0].finding("x")
    }

    #[test]
    fn the_cap_keeps_the_first_and_counts_the_rest() {
        let failed = AtomicBool::new(false);
        let mut sink = Sink::new(2, &failed);
        for _ in 0..5 {
            sink.push(finding());
        }
        sink.drop_uncollected(3);
        assert_eq!(sink.left(), 0);
        let (kept, dropped) = sink.finish();
        assert_eq!((kept.len(), dropped), (2, 6));
    }

    #[test]
    fn absorbing_another_sink_spends_this_cap_and_adds_its_drops() {
        let failed = AtomicBool::new(false);
        let mut other = Sink::new(3, &failed);
        for _ in 0..4 {
            other.push(finding());
        }
        let mut sink = Sink::new(2, &failed);
        sink.push(finding());
        sink.absorb(other.finish());
        let (kept, dropped) = sink.finish();
        // 1 own + 1 of the other's 3 kept; the other dropped 1 and 2 did not fit.
        assert_eq!((kept.len(), dropped), (2, 3));
    }

    #[test]
    fn the_failure_signal_is_shared() {
        let failed = AtomicBool::new(false);
        let a = Sink::new(1, &failed);
        let b = Sink::new(1, &failed);
        assert!(!b.failed());
        a.fail();
        assert!(b.failed());
    }
}
