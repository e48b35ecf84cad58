//! `components-outside-form`.

use crate::catalog::components::IN_FORM_ONLY;
use crate::catalog::model::V4_0;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
        code: "components-outside-form",
        error: "COMPONENTS_OUTSIDE_FORM",
        since: V4_0,
        summary: "A screen has a Form, but some inputs sit outside it.",
        doc: "From 4.0 the Form is optional, but when a screen has one, every CheckboxGroup, \
         RadioButtonsGroup, TextArea, TextInput, OptIn, Dropdown, DatePicker, PhotoPicker and \
         DocumentPicker must be inside it: COMPONENTS_OUTSIDE_FORM, one pointer per component [B] \
         (spec 3.1, 8). Fix: move them into the Form's `children`, or drop the Form.",
    }
}

pub(super) fn components_outside_form(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for s in &m.flow.screens {
        if !s.comps.iter().any(|c| c.ty == "Form") {
            continue;
        }
        let outside: Vec<Span> = s
            .comps
            .iter()
            .filter(|c| c.form.is_none() && IN_FORM_ONLY.contains(&c.ty))
            .map(|c| c.node.span)
            .collect();
        if !outside.is_empty() {
            out.at(
                format!(
                    "Screen {} has a Form, so its inputs must be inside it; {} input(s) sit outside it",
                    s.id_str().unwrap_or("?"),
                    outside.len()
                ),
                Some("Move them into the Form's children".into()),
                &outside,
            );
        }
    }
}
