//! Output formats. Each takes the checked files, in input order, and returns the bytes
//! for stdout; none of them judges anything.

use std::io::IsTerminal;

use crate::{Color, Format};

mod excerpt;
mod github;
pub(crate) mod human;
pub(crate) mod json;
mod junit;
mod sarif;

/// One output format: the checked files, in input order, to the bytes for stdout.
pub(crate) trait Renderer: Sync {
    fn render(&self, checked: &[Checked]) -> Vec<u8>;

    /// Called on each file as soon as it is checked, on the worker that checked it: takes
    /// from the file what the output needs of its text, and lets the text go. Why: a
    /// directory's files are rendered together at the end, and keeping every text until
    /// then held the sum of the directory in memory (30 flows of 10 MB: 369 MB).
    fn prepare(&self, c: &mut Checked) {
        c.bytes = Vec::new();
    }
}

/// One validated input.
pub(crate) struct Checked {
    /// The path as the user gave it (or the stdin name).
    pub name: String,
    /// The text, until [`Renderer::prepare`] lets it go.
    pub bytes: Vec<u8>,
    /// The human format's code frames, drawn by [`Renderer::prepare`] while the text
    /// was at hand.
    pub frames: Option<Vec<u8>>,
    pub report: waflow::Report,
    /// More top-level fields for the JSON formats (what a server answered), in order.
    pub extra: Vec<(&'static str, serde_json::Value)>,
    /// What `--fix` or `--diff` did to the input.
    pub fixing: crate::fixing::Outcome,
}

impl Checked {
    pub fn new(name: String, bytes: Vec<u8>, report: waflow::Report) -> Self {
        Checked {
            name,
            bytes,
            frames: None,
            report,
            extra: Vec::new(),
            fixing: crate::fixing::Outcome::default(),
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

/// The renderer of a machine format, or `None` for the human one (whose summary line
/// differs per command).
pub(crate) fn renderer(format: Format) -> Option<Box<dyn Renderer>> {
    Some(match format {
        Format::Human => return None,
        Format::Json => Box::new(json::Json(waflow::Spelling::Camel)),
        Format::Meta => Box::new(json::Json(waflow::Spelling::Snake)),
        Format::Sarif => Box::new(sarif::Sarif),
        Format::Github => Box::new(github::Github),
        Format::Junit => Box::new(junit::Junit),
    })
}
