//! `data-source-image-and-color`.

use crate::catalog::model::V5_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::{Node, Span};

declare_rule! {
    pub(super) RULE {
        code: "data-source-image-and-color",
        error: "DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR",
        since: V5_0,
        summary: "A data-source mixes items with `image` and items with `color`.",
        doc: "Options show either pictures or colour swatches; a list whose items use both is \
         DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR [B] (spec 4.3, 8). Fix: use one kind for the \
         whole list.",
    }
}

/// Points at the first `image` key and the first `color` key.
pub(super) fn data_source_image_and_color(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components() {
        let Some(items) = c.get("data-source").and_then(Node::as_array) else {
            continue;
        };
        let first_key = |key: &str| -> Option<Span> {
            items.iter().find_map(|i| i.member(key)).map(|m| m.key.span)
        };
        if let (Some(image), Some(color)) = (first_key("image"), first_key("color")) {
            out.at(
                format!("The data-source of this {} mixes items with 'image' and items with 'color'; use one kind", c.ty),
                None,
                &[image, color],
            );
        }
    }
}
