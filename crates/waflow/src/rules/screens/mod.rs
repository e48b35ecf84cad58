//! Screen-level rules (spec 2, 8): ids, terminal screens and their Footers, `sensitive`.

use crate::fix::Fix;
use crate::rules::Reporter;
use crate::syntax::Span;

family!(
    duplicate_screen_id,
    reserved_screen_id,
    success_screen_id,
    too_many_screens,
    missing_terminal_screen,
    missing_footer_on_terminal_screen,
    no_successful_terminal_screen,
    invalid_sensitive_field,
);

/// The finding of `reserved-screen-id` and `success-screen-id`: one message, two
/// severities (Meta refuses `success`; `SUCCESS` is only a mistake).
fn reserved_id(id: &str, at: Span, out: &mut Reporter<'_, '_>) {
    reserved_id_with(id, at, None, out);
}

/// [`reserved_id`] with the fix the rule proposes, when it has one.
fn reserved_id_with(id: &str, at: Span, fix: Option<Fix>, out: &mut Reporter<'_, '_>) {
    out.at_with(
        format!(
            "Screen id '{id}' is reserved: an endpoint answers with screen SUCCESS to end the flow"
        ),
        Some(
            "Rename the screen, e.g. CONFIRMATION, and update every navigate and routing entry"
                .into(),
        ),
        &[at],
        fix,
    );
}
