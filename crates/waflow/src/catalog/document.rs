//! The containers around components: the root object, screens, the layout (spec 1-3).

use super::model::*;
use Ty::*;

// The last versions before 5.0 and 7.0, for properties that change there.
pub(crate) const V4_LAST: FlowVersion = FlowVersion::new(4, 1);
pub(crate) const V6_LAST: FlowVersion = FlowVersion::new(6, 3);

const LAYOUT: &[Prop] = &[
    // Only SingleColumnLayout publicly; 5.2's shopping layouts are internal [B].
    p(
        "type",
        Enum {
            values: &["SingleColumnLayout"],
            dynamic: false,
        },
    )
    .req(),
    p("children", Children(Container::Layout)).req(),
];

const META: &[Prop] = &[p("lead_gen_ai", StaticBool).src("[B]")];

/// The properties of a screen object, an entry of `screens` (spec 2), in every version:
/// [`Prop::exists_in`] picks those of one version (`id` and `title` have one entry per
/// rule they follow).
pub const SCREEN: &[Prop] = &[
    // Before 7.0 [B] allows a comma (sic); from 7.0 letters and underscores, not only
    // underscores. Written without look-ahead: at least one letter.
    p("id", StaticStr)
        .req()
        .until(V6_LAST)
        .min_len(1)
        .pattern(
            "^[a-zA-Z,_]+$",
            "must use only letters, underscores and commas",
        )
        .src("[B]"),
    p("id", StaticStr)
        .req()
        .since(V7_0)
        .min_len(1)
        .pattern(
            "^[a-zA-Z_]*[a-zA-Z][a-zA-Z_]*$",
            "must use only letters and underscores, and not only underscores",
        )
        .src("[B]"),
    // Required in [B] (docs: optional); every screen of the corpus has one. From 5.0 it
    // must not be blank.
    p("title", Str).req().until(V4_LAST).src("[B]"),
    p("title", Str)
        .req()
        .since(V5_0)
        .pattern("\\S", "must not be blank")
        .src("[B]"),
    p("terminal", StaticBool),
    p("success", StaticBool),
    p("data", AnyObject),
    p("layout", Obj(LAYOUT)).req(),
    p("refresh_on_back", StaticBool),
    p("sensitive", Strings).since(V5_1).items(Some(1), None),
];

/// `success` only on a terminal screen: NOT_KEYWORD_SCHEMA_VALIDATION_FAILED \[B].
pub const SCREEN_CONSTRAINTS: &[Constraint] = &[Constraint::OnlyWhenTrue {
    prop: "success",
    flag: "terminal",
}];

/// The properties of the root object of a Flow JSON document (spec 1), in every version.
pub const ROOT: &[Prop] = &[
    // The version stage has judged `version` already; the schema only types it.
    p("version", Str).req(),
    p("screens", Array(SCREEN)).req().items(Some(1), None),
    // Its value is judged by the root rules (invalid-data-api-version).
    p("data_api_version", Any),
    p("routing_model", Routing),
    // Removed in 3.0, but reported by the root rule data-channel-uri-removed with Meta's
    // own message, so the schema keeps it in every version.
    p("data_channel_uri", Str),
    p("meta", Obj(META)).since(V5_1).src("[B]"),
];

/// The `type` names a declaration of a screen's `data` may use: Meta's builder checks
/// them as an enum, JSON Schema's seven names, `integer` and `null` included, and answers
/// INVALID_ENUM_VALUE for any other word \[B] (spec 2.1, Unknowns 16; conformance records
/// mutated/*__declared_type__*, testdata/data-field-invalid-type_invalid).
pub const DATA_TYPES: &[&str] = &[
    "array", "boolean", "integer", "null", "number", "object", "string",
];
