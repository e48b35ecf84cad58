//! `image-not-base64`.

use crate::rule::declare_rule;
use crate::rules::model::Model;
use crate::rules::Reporter;
use crate::syntax::Node;

declare_rule! {
    pub(super) RULE {
        code: "image-not-base64",
        error: "INVALID_PROPERTY_VALUE_FORMAT",
        summary: "An Image or ImageCarousel `src` is not valid base64.",
        doc: "A literal `src` is the image itself, base64-encoded (no data: URL prefix); Meta's builder \
         rejects anything else (spec 4.6, 8: code not recovered, most likely \
         INVALID_PROPERTY_VALUE_FORMAT, which waflow uses). The builder's chains never run the \
         check (a known defect, conformance README; record image-not-base64_invalid passes); the \
         Components reference defines `src` as base64 image data, which the phone must decode, \
         so waflow keeps the rule. Fix: encode the JPEG/PNG bytes with base64, or bind the value \
         to a data field.",
    }
}

/// An Image's `src` and each ImageCarousel image's `src`.
pub(super) fn image_not_base64(m: &Model<'_, '_>, out: &mut Reporter<'_, '_>) {
    for c in m.components() {
        match c.ty {
            "Image" => check_src(c.get("src"), out),
            "ImageCarousel" => {
                for img in c.get("images").and_then(Node::as_array).unwrap_or_default() {
                    check_src(img.get("src"), out);
                }
            }
            _ => {}
        }
    }
}

/// A literal `src` (a binding or expression is judged at runtime).
fn check_src(src: Option<&Node<'_>>, out: &mut Reporter<'_, '_>) {
    let Some(n) = src else { return };
    let Some(s) = n.as_str() else { return };
    if s.contains("${") || s.starts_with('`') {
        return;
    }
    if let Some(why) = problem(s) {
        out.at(
            format!("The image 'src' is not valid base64: {why}"),
            None,
            &[n.span],
        );
    }
}

/// Why `s` is not base64 (standard alphabet, `=` padding), if it is not.
fn problem(s: &str) -> Option<String> {
    let body = s.trim_end_matches('=');
    let pad = s.len() - body.len();
    let bad = body
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/'));
    if s.starts_with("data:") {
        Some("it is a data: URL; give only the base64 text after the comma".to_string())
    } else if let Some(i) = bad {
        Some(format!(
            "character {} ('{}') is not base64",
            i + 1,
            s[i..].chars().next().unwrap_or('?')
        ))
    } else if s.is_empty() || pad > 2 || (s.len() % 4 != 0 && pad > 0) || body.len() % 4 == 1 {
        Some("its length does not fit base64".to_string())
    } else {
        None
    }
}
