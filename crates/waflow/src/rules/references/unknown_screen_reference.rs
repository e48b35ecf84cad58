//! `unknown-screen-reference`.

use super::{report_unresolved, Owner};
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "unknown-screen-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        since: V4_0,
        summary: "A `${screen.S...}` reference names a screen that does not exist.",
        doc: "Global references (4.0+) read another screen's data or form; the screen must exist: \
         INVALID_SCREEN_DYNAMIC_DATA [B] (spec 6.1). Fix: correct the screen id.",
    }
}

pub(super) fn unknown_screen_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    report_unresolved(m, Owner::UnknownScreen, out);
}
