//! `media-in-navigate-payload`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::model::Parsed;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "media-in-navigate-payload",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A navigate payload passes a PhotoPicker/DocumentPicker value.",
        doc: "Uploaded media can't travel between screens. The spec sheet names \
         INVALID_NAVIGATE_ACTION_PAYLOAD; Meta's builder answers INVALID_ON_CLICK_ACTION_PAYLOAD \
         ('The value of PhotoPicker component is not allowed in the payload of navigate action') \
         at the payload value (conformance record media-in-navigate-payload_invalid), and the \
         record wins [B] (spec 5.3). Fix: send the media in the complete or data_exchange payload of the screen \
         that has the picker.",
    }
}

pub(super) fn media_in_navigate_payload(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    let payloads = super::payload_strings(m);
    // Only a navigate to a screen of the flow: the payload of one to nowhere is
    // unexpected-navigate-payload's as a whole.
    for n in super::navigates(m).filter(|n| n.to.is_some()) {
        for d in &payloads[n.index] {
            let Parsed::Ref(r) = &d.parsed else { continue };
            if let Some(c) = super::picker(&m.flow, d.screen, r) {
                out.at(
                    format!(
                        "The {} '{}' can't be passed in a navigate payload",
                        c.ty, r.path[0].0
                    ),
                    Some(
                        "Send media in the complete or data_exchange payload of its own screen"
                            .into(),
                    ),
                    &[d.node.span],
                );
            }
        }
    }
}
