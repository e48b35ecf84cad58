//! Output formats. Each takes the checked files, in input order, and returns the bytes
//! for stdout; none of them judges anything.

use std::io::IsTerminal;

use crate::{Color, Format};

pub(crate) mod human;
pub(crate) mod json;

/// One validated input.
pub(crate) struct Checked {
    /// The path as the user gave it (or the stdin name).
    pub name: String,
    pub bytes: Vec<u8>,
    pub report: waflow::Report,
    /// More top-level fields for the JSON formats (what a server answered), in order.
    pub extra: Vec<(&'static str, serde_json::Value)>,
}

impl Checked {
    pub fn new(name: String, bytes: Vec<u8>, report: waflow::Report) -> Self {
        Checked {
            name,
            bytes,
            report,
            extra: Vec::new(),
        }
    }
}

/// Whether to colour human output: `always`, `never`, or on a terminal without
/// `NO_COLOR` (https://no-color.org).
pub(crate) fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The findings of `checked` in a machine format, or `None` for the human one.
pub(crate) fn machine(format: Format, checked: &[Checked]) -> Option<Vec<u8>> {
    match format {
        Format::Human => None,
        Format::Json => Some(json::render(checked, waflow::Spelling::Camel)),
        Format::Meta => Some(json::render(checked, waflow::Spelling::Snake)),
    }
}
