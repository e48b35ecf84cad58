//! `item-action-with-component-action`.

use crate::catalog::model::V6_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "item-action-with-component-action",
        error: "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        since: V6_0,
        summary: "A data-source item has an on-select/on-unselect action that its component also has.",
        doc: "From 6.0 an option may carry its own update_data action, but not for an event the \
         component itself handles: Meta answers INVALID_UPDATE_DATA_ACTION_PAYLOAD [B] (spec 5.3). \
         Fix: keep the action either on the component or on the items.",
    }
}

pub(super) fn item_action_with_component_action(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    // A NavigationList item's on-click-action is navigation-list-action's.
    for a in m
        .actions
        .iter()
        .filter(|a| a.on_item && a.event != "on-click-action")
    {
        let (_, comp) = super::place(m, a);
        if comp.node.get(a.event).is_some() {
            out.at(
                format!(
                    "This item has an {} while its {} has one too",
                    a.event, comp.ty
                ),
                Some("Keep the action on the component or on the items, not both".into()),
                &[a.node.span],
            );
        }
    }
}
