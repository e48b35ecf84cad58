//! The one source of truth for Flow JSON facts. Data, not logic: the stages and the rule
//! docs read these tables; nothing else spells a version list or a limit.
//!
//! Source tags follow spec section 0: [D] Meta docs, [B] Meta's builder validator,
//! [P] pywa, [A] AWS, [8] 8x8.

pub mod limits;
pub mod versions;

pub use versions::{DataApiVersion, FlowVersion, VersionInfo, VersionState};
