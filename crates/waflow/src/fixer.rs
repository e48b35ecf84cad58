//! Fixing a text: validate, apply the fixes the findings propose, validate again, in
//! bounded rounds (`waflow::fix_text`). Above the pipeline, as `validate` is: the stages
//! only know the fix types (`fix.rs`).

use crate::fix::{apply_which, Applicability, Fix};
use crate::{Finding, Pointer};

/// The outcome of [`fix_text`].
#[derive(Debug)]
pub struct Fixed {
    /// The text with every fix applied that could be (the input when none could).
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
    /// The fixes applied, in the order they were, over all rounds.
    pub fixes: Vec<AppliedFix>,
    /// The report of the fixed text: what remains.
    pub report: crate::Report,
}

/// One fix that [`fix_text`] applied, for telling the author what changed.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AppliedFix {
    /// The rule whose finding proposed it.
    pub rule: Option<&'static str>,
    /// What it did.
    pub title: String,
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// Where the finding was, in the text of the round that applied the fix (the input
    /// text for the first round).
    pub at: Option<Pointer>,
}

/// At most this many rounds of validate-then-fix: a fix may uncover the next fault, but a
/// rule whose fix keeps re-firing must not loop forever.
pub const MAX_FIX_ROUNDS: usize = 10;

/// Validates `text` and applies the fixes its findings propose (safe ones, and unsafe
/// ones too when `unsafe_fixes`), then validates again, round after round until no fix
/// applies (at most [`MAX_FIX_ROUNDS`]). A round whose result is worse, stage by stage
/// ([`crate::Report::errors_by_stage`]: no longer JSON, a new schema error, more semantic
/// errors), is discarded and ends the run: fixing never makes a flow worse.
pub fn fix_text(text: &str, options: &crate::Options, unsafe_fixes: bool) -> Fixed {
    fix_text_with(text, options, unsafe_fixes, |report| report)
}

/// [`fix_text`] with every report passed through `policy` first (the CLI's configured
/// severities and suppressions): a finding it drops proposes no fix, and the errors it
/// keeps are the ones counted.
pub fn fix_text_with(
    text: &str,
    options: &crate::Options,
    unsafe_fixes: bool,
    policy: impl Fn(crate::Report) -> crate::Report,
) -> Fixed {
    let wanted = |_: &Finding, f: &Fix| unsafe_fixes || f.applicability == Applicability::Safe;
    let validate = |text: &str| policy(crate::validate_with(text.as_bytes(), options));
    fix_selected(text, validate, wanted)
}

/// The rounds of [`fix_text_with`]: each text judged by `validate`, the fixes `wanted`
/// accepts applied (`waflow migrate` takes those of the findings a newer version brings,
/// with every stage run).
pub(crate) fn fix_selected(
    text: &str,
    validate: impl Fn(&str) -> crate::Report,
    wanted: impl Fn(&Finding, &Fix) -> bool,
) -> Fixed {
    let mut current = text.to_owned();
    let mut report = validate(&current);
    let mut done = Vec::new();
    for _ in 0..MAX_FIX_ROUNDS {
        let fixes: Vec<(&Finding, &Fix)> = report
            .in_order()
            .flat_map(|f| f.fixes.iter().map(move |x| (f, x)))
            .filter(|(f, x)| wanted(f, x))
            .collect();
        if fixes.is_empty() {
            break;
        }
        let (next, which) = apply_which(&current, fixes.iter().map(|(_, x)| *x));
        if which.is_empty() || next == current {
            break;
        }
        let next_report = validate(&next);
        // Judged stage by stage: a text that was not JSON had only its first syntax
        // fault counted, and a flow with schema errors had no semantic rule run, so
        // fixing one stage may reveal the next stage's errors; that is progress. More
        // errors at the first stage that differs (a flow that stops being JSON, a new
        // schema error) is not.
        let worse = next_report.errors_by_stage() > report.errors_by_stage();
        if worse {
            break;
        }
        done.extend(which.into_iter().map(|i| {
            let (finding, fix) = fixes[i];
            AppliedFix {
                rule: finding.rule,
                title: fix.title.clone(),
                applicability: fix.applicability,
                at: finding.pointers.first().cloned(),
            }
        }));
        current = next;
        report = next_report;
    }
    Fixed {
        text: current,
        applied: done.len(),
        fixes: done,
        report,
    }
}
