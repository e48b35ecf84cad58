//! `too-many-media-in-payload`.

use crate::catalog::limits::{
    DEFAULT_MAX_UPLOADED_FILES, MAX_MEDIA_FILES_PER_RESPONSE, MAX_PICKERS_PER_COMPLETE_BEFORE_V5_0,
};
use crate::catalog::model::V5_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "too-many-media-in-payload",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A complete payload may carry more media files than WhatsApp sends in one response.",
        doc: "A response message holds at most 10 files: before 5.0 a complete payload may reference \
         only one media picker; from 5.0 the `max-uploaded-*` of the referenced pickers must add up \
         to at most 10, and an unset maximum counts as 30 [B][D] (spec 5.3, 10). \
         INVALID_ON_CLICK_ACTION_PAYLOAD. Fix: set \"max-uploaded-photos\" (or -documents) so the \
         sum is at most 10.",
    }
}

pub(super) fn too_many_media_in_payload(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let payloads = super::payload_strings(m);
    for (ai, a) in m.actions.iter().enumerate() {
        let Some(pickers) = super::complete_pickers(&m.flow, a, &payloads[ai]) else {
            continue;
        };
        let at = super::payload_span(a);
        // The limit changed form in 5.0 (inside this rule's range): before, the pickers
        // are counted; from 5.0, the files they may take.
        if m.version < V5_0 {
            if pickers.len() > MAX_PICKERS_PER_COMPLETE_BEFORE_V5_0 {
                out.at(
                    format!(
                        "Before Flow JSON 5.0 a complete payload may reference one media picker; this one references {}",
                        pickers.len()
                    ),
                    None,
                    &[at],
                );
            }
            continue;
        }
        let files: f64 = pickers.iter().map(|c| super::max_files(c)).sum();
        if files > f64::from(MAX_MEDIA_FILES_PER_RESPONSE) {
            out.at(
                format!(
                    "The media pickers in this complete payload allow up to {files} files; a response carries at most {MAX_MEDIA_FILES_PER_RESPONSE} (an unset maximum counts as {DEFAULT_MAX_UPLOADED_FILES})"
                ),
                Some(format!(
                    "Set max-uploaded-photos / max-uploaded-documents so they add up to {MAX_MEDIA_FILES_PER_RESPONSE} or less"
                )),
                &[at],
            );
        }
    }
}
