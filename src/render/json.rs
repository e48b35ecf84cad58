//! `--format json` (8x8 spelling) and `--format meta` (Meta spelling): one JSON array,
//! one object per input: `[{"file": ..., "validationErrors": [...], "warnings": [...]}]`;
//! `push` and `status` add what the server said (`flowId`, `success`, `status`...).
//!
//! `fixes` (waflow's own, beside Meta's two lists, which fixes never change): when a
//! finding proposes fixes, the library's `Report::fix_list` (docs/fixes.md).

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use waflow::Spelled;
use waflow::Spelling;

use super::{Checked, Renderer};

/// Both JSON formats; the spelling picks the keys.
pub(crate) struct Json(pub Spelling);

impl Renderer for Json {
    fn render(&self, checked: &[Checked]) -> Vec<u8> {
        render(checked, self.0)
    }
}

struct Files<'a>(&'a [Checked], Spelling);
struct File<'a>(&'a Checked, Spelling);

impl serde::Serialize for Files<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for c in self.0 {
            seq.serialize_element(&File(c, self.1))?;
        }
        seq.end()
    }
}

impl serde::Serialize for File<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (c, spelling) = (self.0, self.1);
        let mut map = s.serialize_map(Some(3 + c.extra.len()))?;
        map.serialize_entry("file", &c.name)?;
        for (key, value) in &c.extra {
            map.serialize_entry(key, value)?;
        }
        map.serialize_entry(spelling.errors_key(), &Spelled(c.report.errors(), spelling))?;
        map.serialize_entry("warnings", &Spelled(c.report.warnings(), spelling))?;
        let fixes = c.report.fix_list(spelling);
        if !fixes.is_empty() {
            map.serialize_entry("fixes", &fixes)?;
        }
        map.end()
    }
}

fn render(checked: &[Checked], spelling: Spelling) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&Files(checked, spelling)).unwrap_or_default();
    out.push(b'\n');
    out
}
