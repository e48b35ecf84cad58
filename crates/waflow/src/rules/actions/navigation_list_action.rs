//! `navigation-list-action`.

use crate::catalog::model::V6_2;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
        code: "navigation-list-action",
        error: "DUPLICATE_PROPETY_FOR_CONDITION",
        since: V6_2,
        summary: "A NavigationList has on-click-action both on the component and on items.",
        doc: "The click action of a NavigationList (6.2+) lives on the component or on every item, \
         never both [B][D] (spec 4.4, 5.3). Meta's builder answers DUPLICATE_PROPETY_FOR_CONDITION \
         (Meta's spelling) with one pointer at the component's on-click-action and one at each \
         item's (conformance record navigation-list-action_invalid). Fix: remove the item \
         actions, or the component's.",
    }
}

pub(super) fn navigation_list_action(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (list, items) in super::navigation_lists(m) {
        let Some(action) = list.get("on-click-action") else {
            continue;
        };
        let on_items: Vec<Span> = super::item_actions(items).collect();
        if !on_items.is_empty() {
            let mut spans = vec![action.span];
            spans.extend(on_items);
            out.at(
                "This NavigationList has an on-click-action and so do its items; it can be on one or the other, not both".into(),
                Some("Keep on-click-action on the component or on every item, not both".into()),
                &spans,
            );
        }
    }
}
