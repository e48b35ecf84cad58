//! `self-screen-reference`.

use super::{describe, span, Owner};
use crate::catalog::model::V4_0;
use crate::fix::{Edit, Fix};
use crate::rule::declare_rule;
use crate::rules::model::{inner_span, DynStr, Model, Reason, Reference};
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "self-screen-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        since: V4_0,
        fix: Safe("Write the reference as a local one: ${form.x} or ${data.x}"),
        summary: "A `${screen.S...}` reference names the screen it is on.",
        doc: "Meta refuses a global reference to the current screen, which has its own local forms \
         (INVALID_SCREEN_DYNAMIC_DATA) [B] (spec 6.1, 8). Fix: `${screen.HOME.form.x}` on HOME -> \
         `${form.x}` (`${screen.HOME.data.x}` -> `${data.x}`). The fix does that, inside a \
         condition expression too, and changes no other byte of the string; safe: on its own \
         screen the local reference reads the very same value.",
    }
}

pub(super) fn self_screen_reference(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    // As `report_unresolved` does for the other owners, with the fix.
    for r in &m.refs {
        let d = &m.flow.strings[r.string];
        let Err(u) = &r.resolved else {
            continue;
        };
        if Owner::of_unresolved(d, &u.reason) != Owner::SelfScreen {
            continue;
        }
        let (message, help) = describe(&m.flow, r, &u.reason);
        let fix = match u.reason {
            Reason::OwnScreen { id } => local(m, d, r, id),
            _ => None,
        };
        out.at_focus_with(message, help, d.meta_span(), span(m, d, u.at.clone()), fix);
    }
}

/// Safe (on its own screen the local reference reads the same value): `${screen.<id>.`
/// dropped from reference `r`, which must be written without escapes (its source bytes
/// are then its text, and every other byte of the string stays as it is).
fn local(m: &Model<'_, '_>, d: &DynStr<'_>, r: &Reference<'_>, id: &str) -> Option<Fix> {
    if !r.closed {
        return None;
    }
    let whole = d.text.get(r.range.clone())?;
    let rest = whole.strip_prefix(&format!("${{screen.{id}."))?;
    let at = inner_span(m.flow.text, d.node, r.range.clone());
    if m.flow.text.get(at.range()) != Some(whole) {
        return None;
    }
    let local = format!("${{{rest}");
    Some(Fix::safe(
        format!("Replace {whole} with {local}"),
        vec![Edit::replace(at, local)],
    ))
}
