//! `self-screen-reference`.

use super::{report_unresolved, Owner};
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "self-screen-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        since: V4_0,
        summary: "A `${screen.S...}` reference names the screen it is on.",
        doc: "Meta refuses a global reference to the current screen, which has its own local forms \
         (INVALID_SCREEN_DYNAMIC_DATA) [B] (spec 6.1, 8). Fix: `${screen.HOME.form.x}` on HOME -> \
         `${form.x}`.",
    }
}

pub(super) fn self_screen_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    report_unresolved(m, Owner::SelfScreen, out);
}
