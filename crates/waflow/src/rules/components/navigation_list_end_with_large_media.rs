//! `navigation-list-end-with-large-media`.

use crate::catalog::model::V6_2;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "navigation-list-end-with-large-media",
        error: "INVALID_PROPERTY_VALUE_FOR_CONDITION",
        since: V6_2,
        summary: "A NavigationList item has `end` while the list's `media-size` is large.",
        doc: "With large media the item's image takes the room of its end content, so `end` is not \
         allowed when `media-size` is `large` [D] (spec 4.4). Meta's builder answers \
         INVALID_PROPERTY_VALUE_FOR_CONDITION 'Cannot set property media-size to large when end \
         add-on is present' at the NavigationList (conformance record \
         navigation-list-end-with-large-media_invalid). Fix: drop `end`, or use \"media-size\": \"regular\".",
    }
}

pub(super) fn navigation_list_end_with_large_media(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components_of("NavigationList") {
        if c.get("media-size").and_then(Node::as_str) != Some("large") {
            continue;
        }
        let with_end = c
            .get("list-items")
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .any(|item| item.member("end").is_some());
        if with_end {
            // Meta points at the NavigationList itself.
            out.at(
                "This NavigationList has media-size 'large' and an item with 'end'; 'end' is not allowed with large media".into(),
                Some("Remove 'end' from the items, or set media-size to 'regular'".into()),
                &[c.node.span],
            );
        }
    }
}
