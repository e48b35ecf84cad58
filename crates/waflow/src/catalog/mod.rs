//! The one source of truth for Flow JSON facts. Data, not logic: the stages and the rule
//! docs read these tables; nothing else spells a version list or a limit. Public, for
//! tools that need the facts themselves (hover and completion in an editor, say):
//! [`COMPONENTS`] and [`component`] for components, [`document::ROOT`] and
//! [`document::SCREEN`] for the objects around them, [`versions`] and [`limits`].
//!
//! Source tags follow spec section 0: \[D] Meta docs, \[B] Meta's builder validator,
//! \[P] pywa, \[A] AWS, \[8] 8x8.

// Doc comments escape the tags (`\[B]`): rustdoc would read `[B]` as a link.

pub mod changes;
pub mod components;
pub mod document;
pub mod limits;
pub mod model;
pub mod versions;

pub use components::{branch_order, component, COMPONENTS};
pub use model::{Component, Constraint, Container, Event, Prop, Ty};
pub use versions::{DataApiVersion, FlowVersion, VersionInfo, VersionState};

/// The versions that have a schema: every public one, frozen or active (2.1 ... 7.3).
pub fn schema_versions() -> impl Iterator<Item = FlowVersion> {
    versions::VERSIONS
        .iter()
        .filter(|v| matches!(v.state, VersionState::Active | VersionState::Frozen { .. }))
        .map(|v| v.version)
}

/// Every string pattern the catalog enforces, nested properties included (each once).
pub fn patterns() -> impl Iterator<Item = &'static str> {
    fn visit(props: &'static [Prop], out: &mut Vec<&'static str>) {
        for p in props {
            if let Some((re, _)) = p.pattern {
                if !out.contains(&re) {
                    out.push(re);
                }
            }
            match p.ty {
                Ty::Obj(inner) | Ty::Items(inner) | Ty::Array(inner) => visit(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    visit(document::ROOT, &mut out);
    for c in COMPONENTS {
        visit(c.props, &mut out);
    }
    out.into_iter()
}
