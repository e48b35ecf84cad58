//! `navigation-list-without-action`.

use crate::catalog::model::V6_2;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "navigation-list-without-action",
        error: "MISSING_REQUIRED_PROPERTY",
        since: V6_2,
        summary: "Neither a NavigationList nor one of its items has an on-click-action.",
        doc: "Without an on-click-action on the component, every item needs one; Meta's builder \
         answers MISSING_REQUIRED_PROPERTY 'Required property on-click-action is missing' at the \
         NavigationList (conformance record navigation-list-action_invalid-neither) [B][D] (spec \
         4.4). Fix: add on-click-action to the NavigationList, or to every item.",
    }
}

pub(super) fn navigation_list_without_action(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for (list, items) in super::navigation_lists(m) {
        if list.get("on-click-action").is_none() && super::item_actions(items).count() < items.len()
        {
            out.at(
                "This NavigationList has no on-click-action, and not all of its items have one"
                    .into(),
                Some("Add on-click-action to the NavigationList, or to every item".into()),
                &[list.node.span],
            );
        }
    }
}
