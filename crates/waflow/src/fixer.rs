//! Fixing a text: validate, apply the fixes the findings propose, validate again, in
//! bounded rounds (`waflow::fix_text`). Above the pipeline, as `validate` is: the stages
//! only know the fix types (`fix.rs`).

use crate::fix::{apply, Applicability, Fix};

/// The outcome of [`fix_text`].
#[derive(Debug)]
pub struct Fixed {
    /// The text with every fix applied that could be (the input when none could).
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
    /// The report of the fixed text: what remains.
    pub report: crate::Report,
}

/// At most this many rounds of validate-then-fix: a fix may uncover the next fault, but a
/// rule whose fix keeps re-firing must not loop forever.
pub const MAX_FIX_ROUNDS: usize = 10;

/// Validates `text` and applies the fixes its findings propose (safe ones, and unsafe
/// ones too when `unsafe_fixes`), then validates again, round after round until no fix
/// applies (at most [`MAX_FIX_ROUNDS`]). A round whose result has more errors than its input,
/// or is no longer JSON, is discarded and ends the run: fixing never makes a flow worse.
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
    let wanted = |f: &&Fix| unsafe_fixes || f.applicability == Applicability::Safe;
    let validate = |text: &str| policy(crate::validate_with(text.as_bytes(), options));
    let mut current = text.to_owned();
    let mut report = validate(&current);
    let mut applied = 0;
    for _ in 0..MAX_FIX_ROUNDS {
        let fixes: Vec<&Fix> = report
            .in_order()
            .flat_map(|f| f.fixes.iter())
            .filter(wanted)
            .collect();
        if fixes.is_empty() {
            break;
        }
        let (next, n) = apply(&current, fixes);
        if n == 0 || next == current {
            break;
        }
        let next_report = validate(&next);
        // A text that was not JSON had only its first syntax fault counted (the parser
        // stops there), so its fixes (a trailing comma, a comment removed) are judged by
        // themselves; a text that was JSON must stay JSON and gain no error.
        let not_json =
            |r: &crate::Report| r.errors().iter().any(|f| f.rule == Some("invalid-json"));
        let worse = !not_json(&report)
            && (not_json(&next_report) || next_report.errors().len() > report.errors().len());
        if worse {
            break;
        }
        current = next;
        report = next_report;
        applied += n;
    }
    Fixed {
        text: current,
        applied,
        report,
    }
}
