//! Output formats. Each takes the checked files, in input order, and returns the bytes
//! for stdout; none of them judges anything.

pub(crate) mod human;
pub(crate) mod json;

/// One validated input.
pub(crate) struct Checked {
    /// The path as the user gave it (or the stdin name).
    pub name: String,
    pub bytes: Vec<u8>,
    pub report: waflow::Report,
}
