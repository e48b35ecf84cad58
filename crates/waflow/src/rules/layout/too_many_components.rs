//! `too-many-components`.

use crate::catalog::limits::MAX_COMPONENTS_PER_SCREEN;
use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Span;

declare_rule! {
    pub(super) RULE {
        code: "too-many-components",
        error: "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
        summary: "A screen has more than 100 components.",
        doc: "Meta's builder allows 100 components per screen (the docs say 50; the builder constant, \
         which decides upload validation, is 100 — Unknowns 3). The Form wrapper is not counted, \
         nested components are, an If counts its larger branch and a Switch its largest case: \
         MAX_ALLOWED_COMPONENTS_PER_SCREEN [B] (spec 4.8). Fix: spread the content over more screens.",
    }
}

pub(super) fn too_many_components(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for s in &m.flow.screens {
        // Meta's builder counts every component but Forms, in document order, and points
        // at the `type` of each one past the limit (WAFlowJSONTotalComponentsPerScreen).
        let counted = || s.comps.iter().filter(|c| c.ty != "Form");
        let total = counted().count();
        if total > MAX_COMPONENTS_PER_SCREEN {
            let extra: Vec<Span> = counted()
                .skip(MAX_COMPONENTS_PER_SCREEN)
                .map(super::type_span)
                .collect();
            out.at(
                format!(
                    "Screen {} has {total} components; at most {MAX_COMPONENTS_PER_SCREEN} are allowed",
                    s.id_str().unwrap_or("?")
                ),
                None,
                &extra,
            );
        }
    }
}
