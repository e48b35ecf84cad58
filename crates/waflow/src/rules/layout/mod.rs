//! Layout rules (spec 3.1, 4.7, 4.8, 8): what a screen holds and where: unique input
//! names, inputs inside the screen's Form, component counts per screen and per type,
//! components that must be alone on their screen (RichText, NavigationList), Footers in
//! If/Switch branches, Switch cases and If nesting.
//!
//! Meta counts a screen's components across branches (an If by its larger branch, a Switch
//! by its largest case); the model counts them once per screen (`Screen::counts`).

use crate::rules::model::Comp;
use crate::syntax::{Node, Span};

family!(
    duplicate_input_name,
    components_outside_form,
    too_many_components,
    too_many_of_type,
    invalid_richtext_placement,
    invalid_navigation_list_placement,
    missing_footer_in_if_branch,
    missing_footer_in_switch_case,
    empty_switch_cases,
    invalid_switch_case_key,
    if_nesting_too_deep,
);

/// Where Meta points for a component it counts or places: its `type` value.
fn type_span(c: &Comp<'_, '_>) -> Span {
    c.get("type").map_or(c.node.span, |t| t.span)
}

/// Whether the components in `list` show a Footer, looking into Forms and every branch of
/// an If or a Switch.
fn has_footer(list: &[Node<'_>]) -> bool {
    list.iter()
        .any(|c| match c.get("type").and_then(Node::as_str) {
            Some("Footer") => true,
            Some("Form") => c
                .get("children")
                .and_then(Node::as_array)
                .is_some_and(has_footer),
            Some("If") => ["then", "else"]
                .iter()
                .any(|k| c.get(k).and_then(Node::as_array).is_some_and(has_footer)),
            Some("Switch") => c.get("cases").and_then(Node::as_object).is_some_and(|cs| {
                cs.iter()
                    .any(|m| m.value.as_array().is_some_and(has_footer))
            }),
            _ => false,
        })
}
