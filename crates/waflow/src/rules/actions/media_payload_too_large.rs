//! `media-payload-too-large`.

use crate::catalog::limits::{DEFAULT_MAX_FILE_SIZE_KB, MAX_MEDIA_KB_PER_RESPONSE};
use crate::catalog::model::V5_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "media-payload-too-large",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        // Before 5.0 the pickers are counted instead (too-many-media-in-payload); their
        // sizes are not added up.
        since: V5_0,
        summary: "The media a complete payload may carry can exceed 100 MiB.",
        doc: "A response message holds at most 100 MiB of media: over the referenced pickers, the maximum \
         number of files times `max-file-size-kb` (default 25600) must stay within 102400 KB \
         (INVALID_ON_CLICK_ACTION_PAYLOAD) [B][D] (spec 5.3, 10). Fix: lower \"max-file-size-kb\" or \
         the maximum file counts.",
    }
}

pub(super) fn media_payload_too_large(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let payloads = super::payload_strings(m);
    for (ai, a) in m.actions.iter().enumerate() {
        let Some(pickers) = super::complete_pickers(&m.flow, a, &payloads[ai]) else {
            continue;
        };
        let kb: f64 = pickers
            .iter()
            .map(|c| super::max_files(c) * super::max_file_kb(c))
            .sum();
        if kb > f64::from(MAX_MEDIA_KB_PER_RESPONSE) {
            out.at(
                format!(
                    "The media pickers in this complete payload allow up to {kb} KB; a response carries at most {MAX_MEDIA_KB_PER_RESPONSE} KB (100 MiB)"
                ),
                Some(format!(
                    "Lower max-file-size-kb (default {DEFAULT_MAX_FILE_SIZE_KB}) or the maximum number of files"
                )),
                &[super::payload_span(a)],
            );
        }
    }
}
