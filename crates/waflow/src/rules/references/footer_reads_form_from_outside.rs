//! `footer-reads-form-from-outside`.

use super::span;
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::expr::Source;
use crate::rules::model::Model;
use crate::rules::Reporter;

declare_rule! {
    pub(super) RULE {
        code: "footer-reads-form-from-outside",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        severity: Warning,
        since: V4_0,
        summary: "A Footer outside the Form reads the Form's inputs with `${form...}`.",
        doc: "The spec sheet lists a builder check against a Footer placed outside a Form that reads \
         that Form's inputs (spec 8, 'footer-outside-form'), but Meta's builder accepts such a flow \
         (conformance record footer-reads-form-from-outside_invalid), so waflow warns: on the \
         phone the Footer may not see the Form's values. INVALID_SCREEN_DYNAMIC_DATA is the code \
         should Meta refuse it. Fix: move the Footer into the Form's `children`.",
    }
}

pub(super) fn footer_reads_form_from_outside(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for r in &m.refs {
        if r.resolved.is_err() || r.source != Source::Form || r.screen.is_some() {
            continue;
        }
        let d = &m.flow.strings[r.string];
        let screen = &m.flow.screens[d.screen];
        let Some(footer) = d.comp.map(|c| &screen.comps[c]) else {
            continue;
        };
        if footer.ty != "Footer" || footer.form.is_some() {
            continue;
        }
        if screen.input(r.first).is_some_and(|i| i.form.is_some()) {
            out.at_focus(
                format!(
                    "This Footer sits outside the Form but reads its input '{}'",
                    r.first
                ),
                Some("Move the Footer into the Form's children".into()),
                d.node.span,
                span(m, d, r.range.clone()),
            );
        }
    }
}
