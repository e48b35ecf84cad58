//! Limits: of the document, of screens and their components, of the media a response
//! carries.

use super::model::V7_0;
use super::FlowVersion;

/// Meta's maximum Flow JSON size: 10 MB where 1 MB is 1,048,576 bytes, counted on the
/// UTF-8 bytes \[D]\[B]\[A] (spec 10; AWS's API has `maxLength` 10485760).
pub const MAX_FLOW_JSON_BYTES: usize = 10 * 1_048_576;

/// At most this many screens in a flow: Meta's builder answers MAX_SCREENS_NUMBER past it
/// \[B] (spec 8, 10).
pub const MAX_SCREENS: usize = 100;

/// At most this many screens one screen may move to: the entries of its `routing_model`
/// list or, without a routing model, its distinct navigate targets; Meta answers
/// INVALID_ROUTING_MODEL past it \[B]\[D] (spec 7.1, 7.2).
pub const MAX_ROUTING_BRANCHES: usize = 10;

// ---- media a complete payload carries (spec 5.3, 10) -----------------------------------

/// A response message carries at most this many media files: from 5.0 the maximum file
/// counts of the pickers a complete payload references add up to no more
/// (INVALID_ON_CLICK_ACTION_PAYLOAD) \[B]\[D] (spec 5.3, 10).
pub const MAX_MEDIA_FILES_PER_RESPONSE: u32 = 10;

/// A response message carries at most this much media, in KB (100 MiB): the referenced
/// pickers' maximum file counts times their `max-file-size-kb`, added up \[B]\[D] (spec 5.3,
/// 10).
pub const MAX_MEDIA_KB_PER_RESPONSE: u32 = 100 * 1024;

/// What an unset `max-uploaded-photos` / `max-uploaded-documents` counts as when a complete
/// payload's media are added up: the most a picker takes \[B]\[D] (spec 4.6, 5.3, 10).
pub const DEFAULT_MAX_UPLOADED_FILES: u32 = 30;

/// What an unset `max-file-size-kb` counts as, in KB (25 MiB): the largest file a picker
/// takes \[B]\[D] (spec 4.6, 5.3, 10).
pub const DEFAULT_MAX_FILE_SIZE_KB: u32 = 25_600;

/// Before 5.0 a complete payload may reference at most this many media pickers (from 5.0
/// their file counts are added up instead) \[B] (spec 5.3).
pub const MAX_PICKERS_PER_COMPLETE_BEFORE_V5_0: usize = 1;

// ---- components per screen and per flow (spec 3.1, 4.7, 4.8) ---------------------------

/// At most this many components on a screen: the Form wrapper not counted, nested ones
/// counted, an If by its larger branch and a Switch by its largest case
/// (MAX_ALLOWED_COMPONENTS_PER_SCREEN). The docs say 50; the builder's constant, which
/// decides upload validation, is 100 \[B] (spec 4.8, 10; Unknowns 3).
pub const MAX_COMPONENTS_PER_SCREEN: usize = 100;

/// A cap on how many components of one type a screen (or a flow) holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeCap {
    /// The component's `type`.
    pub component: &'static str,
    /// The most it may hold.
    pub max: usize,
    /// The first version with the cap (`None`: every version).
    pub since: Option<FlowVersion>,
}

const fn cap(component: &'static str, max: usize, since: Option<FlowVersion>) -> TypeCap {
    TypeCap {
        component,
        max,
        since,
    }
}

/// Per-screen caps by type, counted across If/Switch branches as for
/// [`MAX_COMPONENTS_PER_SCREEN`] (COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN) \[B]\[D] (spec 4.4-4.8).
pub const PER_SCREEN_CAPS: &[TypeCap] = &[
    cap("Footer", 1, None),
    cap("EmbeddedLink", 2, None),
    cap("OptIn", 5, None),
    cap("Image", 3, None),
    cap("PhotoPicker", 1, None),
    cap("DocumentPicker", 1, None),
    cap("ImageCarousel", 2, None),
    cap("Form", 1, Some(V7_0)),
];

/// Per-flow caps by type (COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN) \[B]\[D] (spec 4.6, 4.8).
pub const PER_FLOW_CAPS: &[TypeCap] = &[cap("ImageCarousel", 3, None)];

/// Components that may not share a screen: a screen has a PhotoPicker or a DocumentPicker,
/// not both; Meta points at every instance of the second (COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN)
/// \[B]\[D] (spec 4.6, 4.8).
pub const ONE_OF_PER_SCREEN: [&str; 2] = ["PhotoPicker", "DocumentPicker"];

/// At most this many NavigationLists on a screen, which holds nothing else
/// (INVALID_COMPONENT_PLACEMENT) \[B]\[D] (spec 3.1, 4.4, 4.8).
pub const MAX_NAVIGATION_LISTS_PER_SCREEN: usize = 2;

/// If components nest at most this many levels deep: an If sits inside at most two
/// enclosing Ifs (MAXIMUM_IF_NESTING) \[B] (spec 3.1, 4.7, 8).
pub const MAX_IF_LEVELS: u8 = 3;
