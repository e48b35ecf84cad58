//! Every use the server makes of the library's modules below the top level (the
//! catalog, the rule registry), in one place.
//!
//! Why: these are public, documented API (`waflow::catalog`, `waflow::registry`), but a
//! wide surface; listing here exactly what the server reads keeps it in view, and nothing
//! else in `src/server/` names them. The public top level (`waflow::validate_with`,
//! `Report`, `Finding`, `Options`, `Severity`, `fix`, `rule_doc_url`) is used directly.
//! Only the tests reach internals (`mod syntax` below, through the dev-dependency's
//! `internals` feature).

pub(crate) use waflow::catalog::components::COMPONENTS;
pub(crate) use waflow::catalog::document::{ROOT, SCREEN};
pub(crate) use waflow::catalog::model::allowed_names;
pub(crate) use waflow::catalog::versions::{DATA_API_VERSIONS, LATEST};
pub(crate) use waflow::catalog::{component, Component, Container, FlowVersion, Prop, Ty};
pub(crate) use waflow::registry::by_code as rule;
pub(crate) use waflow::RuleMeta;

/// The versions a flow can be written in today (for `version` completion).
pub(crate) fn active_versions() -> impl Iterator<Item = &'static str> {
    waflow::catalog::versions::active().map(|v| v.id)
}

/// The property `name` of the screen object in version `v`.
pub(crate) fn screen_prop(name: &str, v: FlowVersion) -> Option<&'static Prop> {
    SCREEN.iter().find(|p| p.name == name && p.exists_in(v))
}

/// The library's strict parser, the reference the tolerant tree is tested against.
#[cfg(test)]
pub(crate) mod syntax {
    pub(crate) use waflow::internals::syntax::{parse, Arena, Node, ParseOptions, Value};
}
