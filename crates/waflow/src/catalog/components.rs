//! Every component of spec section 4, with every property, its type, bounds, display
//! limits and versions; placement from spec 3.1; actions per event from spec 5.2.
//!
//! Where the spec and the corpus of real flows disagree, the choice is written next to
//! the fact.

use super::model::*;
use Ty::*;

// ---- shared property sets ------------------------------------------------------------

const VISIBLE: Prop = p("visible", Bool);
const ENABLED: Prop = p("enabled", Bool);
const REQUIRED: Prop = p("required", Bool);
/// `name` is static [B]: a dynamic value is PATTERN_MISMATCH "must not be dynamic".
const NAME: Prop = p("name", StaticStr).req().text_field().src("[B]");
const INIT_STR: Prop = p("init-value", Str).outside_form().src("[B][D]");
const ERROR_MESSAGE: Prop = p("error-message", Str).outside_form().src("[B][D]");
const LABEL_VARIANT: Prop = p(
    "label-variant",
    Enum {
        values: &["large"],
        dynamic: false,
    },
)
.since(V7_0);
const MEDIA_SIZE: Prop = p(
    "media-size",
    Enum {
        values: &["regular", "large"],
        dynamic: true,
    },
)
.src("[D][B]");

const FONT_WEIGHT: Prop = p(
    "font-weight",
    Enum {
        values: &["bold", "italic", "bold_italic", "normal"],
        dynamic: true,
    },
);

/// What a Switch's case keys match [B] (spec 4.7, 8: INVALID_SWITCH_CASE_KEY).
pub const SWITCH_CASE_KEY_PATTERN: &str = "^[a-zA-Z][a-zA-Z0-9-_]*$";

/// Whether `key` matches [`SWITCH_CASE_KEY_PATTERN`] (a test holds the two equal).
pub fn is_switch_case_key(key: &str) -> bool {
    key.chars().next().is_some_and(|f| f.is_ascii_alphabetic())
        && key
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
}

// ---- actions (spec 5.2) ---------------------------------------------------------------

/// Every action name of spec 5.1, whichever component and event accepts it.
pub const ACTIONS: &[&str] = &[
    "navigate",
    "complete",
    "data_exchange",
    "update_data",
    "open_url",
];

const FOOTER_CLICK: &[Allowed] = &[
    allow("navigate", V2_1),
    allow("complete", V2_1),
    allow("data_exchange", V2_1),
];
const LINK_CLICK: &[Allowed] = &[
    allow("navigate", V2_1),
    allow("data_exchange", V2_1),
    allow("open_url", V6_0),
];
const NAV_CLICK: &[Allowed] = &[allow("navigate", V6_2), allow("data_exchange", V6_2)];
const SELECT_EXCHANGE_OR_UPDATE: &[Allowed] =
    &[allow("data_exchange", V2_1), allow("update_data", V6_0)];
const SELECT_EXCHANGE: &[Allowed] = &[allow("data_exchange", V2_1)];
const UPDATE_ONLY: &[Allowed] = &[allow("update_data", V6_0)];
const CHIPS_SELECT: &[Allowed] = &[allow("data_exchange", V7_1), allow("update_data", V7_1)];
const CHIPS_UNSELECT: &[Allowed] = &[allow("update_data", V7_1)];

// ---- data-source items (spec 4.3) -----------------------------------------------------

const OPTION_ITEM: &[Prop] = &[
    p("id", Str).req(),
    p("title", Str).req().chars(30),
    p("description", Str).chars(300),
    p("metadata", Str).chars(20),
    // A binding is accepted from 4.1 [B]; a boolean always.
    p("enabled", Bool).src("[B]"),
    p("image", Str),
    p("alt-text", Str).text_field(),
    // `#RRGGBB` (spec 4.3, 8: PATTERN_MISMATCH [B]); a dynamic value is judged later.
    p("color", Str)
        .since(V5_0)
        .pattern(
            "^(#[0-9A-Fa-f]{6}|\\$\\{.*\\}|`.*`)$",
            "must be a colour written #RRGGBB",
        )
        .src("[D][B]"),
    p("on-select-action", Action(Event::Select, UPDATE_ONLY)).since(V6_0),
    p("on-unselect-action", Action(Event::Unselect, UPDATE_ONLY)).since(V6_0),
];

const CHIP_ITEM: &[Prop] = &[
    p("id", Str).req(),
    p("title", Str).req().chars(30),
    p("enabled", Bool),
    p("on-select-action", Action(Event::Select, CHIPS_UNSELECT)).since(V7_1),
    p(
        "on-unselect-action",
        Action(Event::Unselect, CHIPS_UNSELECT),
    )
    .since(V7_1),
];

const NAV_MAIN: &[Prop] = &[
    p("title", Str).req().chars(30),
    p("description", Str).chars(20),
    p("metadata", Str).chars(80),
];
const NAV_START: &[Prop] = &[p("image", Str).req(), p("alt-text", Str)];
const NAV_END: &[Prop] = &[
    p("title", Str).chars(10),
    p("description", Str).chars(10),
    p("metadata", Str).chars(10),
];
const NAV_ITEM: &[Prop] = &[
    p("id", Str).req(),
    p("main-content", Obj(NAV_MAIN)).req(),
    p("start", Obj(NAV_START)),
    p("end", Obj(NAV_END)),
    p("badge", Str).chars(15),
    p("tags", StrList).items(Some(1), Some(3)),
    p("enabled", StaticBool),
    p("on-click-action", Action(Event::Click, NAV_CLICK)),
];

const CAROUSEL_IMAGE: &[Prop] = &[p("src", Str).req(), p("alt-text", Str).req()];

// ---- placement (spec 3.1) ---------------------------------------------------------------

const fn at(
    layout: Option<FlowVersion>,
    form: Option<FlowVersion>,
    if_: Option<FlowVersion>,
    switch: Option<FlowVersion>,
) -> Placement {
    Placement {
        layout,
        form,
        if_,
        switch,
    }
}
/// Text and Image: anywhere, from the start.
const EVERYWHERE: Placement = at(Some(V2_1), Some(V2_1), Some(V2_1), Some(V2_1));
/// Inputs and OptIn: inside a Form only, until 4.0 made the Form optional (spec 3.1).
const INPUT: Placement = at(Some(V4_0), Some(V2_1), Some(V2_1), Some(V2_1));
/// Footer and EmbeddedLink: the spec (from [B]) puts them in the Form-only group before
/// 4.0, but Meta's own "Default" template (3.1) has a Footer directly in the layout and
/// pywa's documented 3.0 sign-up flow an EmbeddedLink (corpus/real, MANIFEST rows 8 and
/// 55). Published flows outrank the builder snapshot: they may sit in the layout always.
const ACTION_AT_TOP: Placement = EVERYWHERE;

const DAYS: &[&str] = &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MIME_TYPES: &[&str] = &[
    "application/gzip",
    "application/msword",
    "application/pdf",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/x-7z-compressed",
    "application/zip",
    "image/avif",
    "image/gif",
    "image/heic",
    "image/heif",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/webp",
    "text/plain",
    "video/mp4",
    "video/mpeg",
];

const fn c(
    name: &'static str,
    since: FlowVersion,
    placement: Placement,
    props: &'static [Prop],
) -> Component {
    Component {
        name,
        since,
        props,
        placement,
        constraints: &[],
        src: "[D][B]",
        value: None,
        min_max: None,
    }
}

/// Every component, in the order of spec section 4. An input says what value it gives
/// `${form.<name>}` (`.input`, spec 6.2: a TextInput of input-type number or passcode gives
/// a number, a range-mode CalendarPicker a {start-date, end-date} object); paired bounds
/// (`.min_max`) are the counts whose min must not exceed the max [B] (spec 4, 8).
pub static COMPONENTS: &[Component] = &[
    c(
        "TextHeading",
        V2_1,
        EVERYWHERE,
        &[p("text", Str).req().text_field().chars(80), VISIBLE],
    ),
    c(
        "TextSubheading",
        V2_1,
        EVERYWHERE,
        &[p("text", Str).req().text_field().chars(80), VISIBLE],
    ),
    c(
        "TextBody",
        V2_1,
        EVERYWHERE,
        &[
            p("text", Text).req().text_field().chars(4096),
            FONT_WEIGHT,
            p("strikethrough", Bool),
            p("markdown", StaticBool).since(V5_1),
            VISIBLE,
        ],
    ),
    c(
        "TextCaption",
        V2_1,
        EVERYWHERE,
        &[
            // [D] says 409 characters, pywa 4096; the smaller documented figure is used.
            p("text", Text).req().text_field().chars(409),
            FONT_WEIGHT,
            p("strikethrough", Bool),
            p("markdown", StaticBool).since(V5_1),
            VISIBLE,
        ],
    ),
    c(
        "RichText",
        V5_1,
        at(Some(V5_1), None, None, None),
        &[p("text", RichText).req(), VISIBLE],
    ),
    c(
        "TextInput",
        V2_1,
        INPUT,
        &[
            NAME,
            p("label", Str).req().min_len(1).chars(20),
            LABEL_VARIANT,
            p(
                "input-type",
                Enum {
                    values: &["text", "number", "email", "password", "passcode", "phone"],
                    dynamic: false,
                },
            ),
            p("pattern", Str).since(V6_2),
            p("helper-text", Str).chars(80),
            REQUIRED,
            p("min-chars", Num),
            p("max-chars", Num),
            ENABLED,
            VISIBLE,
            INIT_STR,
            ERROR_MESSAGE.chars(30),
        ],
    )
    .input_unless(
        ValueKind::String,
        "input-type",
        &["number", "passcode"],
        ValueKind::Number,
    )
    .min_max("min-chars", "max-chars"),
    c(
        "TextArea",
        V2_1,
        INPUT,
        &[
            NAME,
            p("label", Str).req().min_len(1).chars(20),
            LABEL_VARIANT,
            p("max-length", Int),
            p("helper-text", Str).chars(80),
            REQUIRED,
            ENABLED,
            VISIBLE,
            INIT_STR,
            ERROR_MESSAGE,
        ],
    )
    .input(ValueKind::String),
    c(
        "CheckboxGroup",
        V2_1,
        INPUT,
        &[
            NAME,
            // Required in [B]; every CheckboxGroup of the corpus has one.
            p("label", Str).req().text_field().chars(30).src("[B]"),
            p("data-source", Items(OPTION_ITEM))
                .req()
                .items(Some(1), None)
                .shown_items(20),
            p("description", Str).chars(300),
            MEDIA_SIZE,
            p("min-selected-items", Num).range(Some(0.0), None),
            p("max-selected-items", Num),
            REQUIRED,
            ENABLED,
            VISIBLE,
            p(
                "on-select-action",
                Action(Event::Select, SELECT_EXCHANGE_OR_UPDATE),
            ),
            p("on-unselect-action", Action(Event::Unselect, UPDATE_ONLY)).since(V6_0),
            p("init-value", StrList).outside_form(),
            ERROR_MESSAGE,
        ],
    )
    .input(ValueKind::Array)
    .min_max("min-selected-items", "max-selected-items"),
    c(
        "RadioButtonsGroup",
        V2_1,
        INPUT,
        &[
            NAME,
            // Optional here: 9 of the 33 RadioButtonsGroups in the public corpus have no
            // label and were published; the spec's "same as CheckboxGroup" is [B] only.
            p("label", Str).text_field().chars(30).src("[D][corpus]"),
            p("data-source", Items(OPTION_ITEM))
                .req()
                .items(Some(1), None)
                .shown_items(20),
            p("description", Str).chars(300),
            MEDIA_SIZE,
            REQUIRED,
            ENABLED,
            VISIBLE,
            p(
                "on-select-action",
                Action(Event::Select, SELECT_EXCHANGE_OR_UPDATE),
            ),
            p("on-unselect-action", Action(Event::Unselect, UPDATE_ONLY)).since(V6_0),
            // A single item id [B] (the docs once said an array: spec Unknowns 11).
            INIT_STR,
            ERROR_MESSAGE,
        ],
    )
    .input(ValueKind::String),
    c(
        "Dropdown",
        V2_1,
        INPUT,
        &[
            NAME,
            p("label", Str).req().chars(20),
            p("data-source", Items(OPTION_ITEM))
                .req()
                .items(Some(1), None)
                .shown_items(200),
            REQUIRED,
            ENABLED,
            VISIBLE,
            p(
                "on-select-action",
                Action(Event::Select, SELECT_EXCHANGE_OR_UPDATE),
            ),
            p("on-unselect-action", Action(Event::Unselect, UPDATE_ONLY)).since(V6_0),
            INIT_STR,
            ERROR_MESSAGE,
        ],
    )
    .input(ValueKind::String),
    c(
        "ChipsSelector",
        V6_3,
        // Inside If/Switch only from 7.1 [B].
        at(Some(V6_3), Some(V6_3), Some(V7_1), Some(V7_1)),
        &[
            NAME,
            p("label", Str).req().chars(80),
            p("data-source", Items(CHIP_ITEM))
                .req()
                .items(Some(1), None)
                .shown_items(20),
            p("description", Str).chars(300),
            p("min-selected-items", Num).range(Some(0.0), None),
            p("max-selected-items", Num).range(Some(1.0), None),
            REQUIRED,
            ENABLED,
            VISIBLE,
            p("init-value", StrList).outside_form(),
            ERROR_MESSAGE,
            p("on-select-action", Action(Event::Select, CHIPS_SELECT)).since(V7_1),
            p(
                "on-unselect-action",
                Action(Event::Unselect, CHIPS_UNSELECT),
            )
            .since(V7_1),
        ],
    )
    .input(ValueKind::Array)
    .min_max("min-selected-items", "max-selected-items"),
    c(
        "DatePicker",
        V2_1,
        INPUT,
        &[
            NAME,
            p("label", Str).req().chars(40),
            p("helper-text", Str).chars(80),
            REQUIRED,
            ENABLED,
            VISIBLE,
            p("min-date", Str),
            p("max-date", Str),
            p("unavailable-dates", StrList),
            p("on-select-action", Action(Event::Select, SELECT_EXCHANGE)),
            INIT_STR,
            ERROR_MESSAGE.chars(80),
        ],
    )
    .input(ValueKind::String),
    c(
        "CalendarPicker",
        V6_1,
        at(Some(V6_1), Some(V6_1), Some(V6_1), Some(V6_1)),
        &[
            NAME,
            p(
                "mode",
                Enum {
                    values: &["single", "range"],
                    dynamic: true,
                },
            ),
            p("label", RangeOr(&Str)).req().chars(40),
            p("title", Str).chars(80),
            p("description", Str).chars(300),
            p("helper-text", RangeOr(&Str)).chars(80),
            p("required", RangeOr(&Bool)),
            ENABLED,
            VISIBLE,
            p("min-date", Str),
            p("max-date", Str),
            p("unavailable-dates", StrList),
            p("include-days", EnumList(DAYS)),
            p("min-days", Int),
            p("max-days", Int),
            p("on-select-action", Action(Event::Select, SELECT_EXCHANGE)),
            p("init-value", RangeOr(&Str)).outside_form(),
            p("error-message", RangeOr(&Str)).outside_form().chars(80),
        ],
    )
    .input_unless(ValueKind::String, "mode", &["range"], ValueKind::Object),
    c(
        "OptIn",
        V2_1,
        INPUT,
        &[
            NAME,
            p("label", Str).req().min_len(1).chars(120),
            REQUIRED,
            VISIBLE,
            p("on-click-action", Action(Event::Click, LINK_CLICK)),
            p("on-select-action", Action(Event::Select, UPDATE_ONLY)).since(V6_0),
            p("on-unselect-action", Action(Event::Unselect, UPDATE_ONLY)).since(V6_0),
            p("init-value", Bool).outside_form(),
        ],
    )
    .input(ValueKind::Boolean),
    c(
        "EmbeddedLink",
        V2_1,
        ACTION_AT_TOP,
        &[
            // [D] says 25 characters, pywa 35; Meta's own sign-in template has a 30-character
            // link text, so the larger figure is used.
            p("text", Str)
                .req()
                .text_field()
                .chars(35)
                .src("[P][corpus]"),
            p("on-click-action", Action(Event::Click, LINK_CLICK)).req(),
            VISIBLE,
        ],
    ),
    Component {
        constraints: &[
            // Spec 4.4: left and right captions go together; center excludes both.
            Constraint::Requires {
                prop: "left-caption",
                needs: "right-caption",
            },
            Constraint::Requires {
                prop: "right-caption",
                needs: "left-caption",
            },
            Constraint::Excludes {
                prop: "center-caption",
                with: &["left-caption", "right-caption"],
            },
        ],
        ..c(
            "Footer",
            V2_1,
            ACTION_AT_TOP,
            &[
                p("label", Str).req().min_len(1).chars(35),
                p("on-click-action", Action(Event::Click, FOOTER_CLICK)).req(),
                p("left-caption", Str).chars(15),
                p("right-caption", Str).chars(15),
                p("center-caption", Str).chars(15),
                ENABLED,
            ],
        )
    },
    c(
        "Image",
        V2_1,
        EVERYWHERE,
        &[
            p("src", Str).req(),
            p("width", Num),
            p("height", Num),
            p("aspect-ratio", Num),
            p(
                "scale-type",
                Enum {
                    values: &["cover", "contain"],
                    dynamic: false,
                },
            ),
            p("alt-text", Str),
            VISIBLE,
        ],
    ),
    c(
        "ImageCarousel",
        V7_1,
        at(Some(V7_1), Some(V7_1), None, None),
        &[
            p("images", Items(CAROUSEL_IMAGE))
                .req()
                .items(Some(1), Some(3)),
            p(
                "aspect-ratio",
                Enum {
                    values: &["4:3", "16:9"],
                    dynamic: false,
                },
            ),
            p(
                "scale-type",
                Enum {
                    values: &["contain", "cover"],
                    dynamic: false,
                },
            ),
            VISIBLE,
        ],
    ),
    c(
        "PhotoPicker",
        V4_0,
        at(Some(V4_0), Some(V4_0), Some(V4_0), Some(V4_0)),
        &[
            NAME,
            p("label", Str).req().chars(80),
            p("description", Str).chars(300),
            p(
                "photo-source",
                Enum {
                    values: &["camera", "gallery", "camera_gallery"],
                    dynamic: false,
                },
            ),
            p("min-uploaded-photos", StaticInt).range(Some(0.0), Some(30.0)),
            p("max-uploaded-photos", StaticInt).range(Some(1.0), Some(30.0)),
            p("max-file-size-kb", StaticInt).range(Some(1.0), Some(25600.0)),
            ENABLED,
            VISIBLE,
            p("error-message", Str).outside_form(),
        ],
    )
    .input(ValueKind::Media)
    .min_max("min-uploaded-photos", "max-uploaded-photos"),
    c(
        "DocumentPicker",
        V4_0,
        at(Some(V4_0), Some(V4_0), Some(V4_0), Some(V4_0)),
        &[
            NAME,
            p("label", Str).req().chars(80),
            p("description", Str).chars(300),
            p("allowed-mime-types", EnumList(MIME_TYPES)),
            p("min-uploaded-documents", StaticInt).range(Some(0.0), Some(30.0)),
            p("max-uploaded-documents", StaticInt).range(Some(1.0), Some(30.0)),
            p("max-file-size-kb", StaticInt).range(Some(1.0), Some(25600.0)),
            ENABLED,
            VISIBLE,
            p("error-message", Str).outside_form(),
        ],
    )
    .input(ValueKind::Media)
    .min_max("min-uploaded-documents", "max-uploaded-documents"),
    c(
        "NavigationList",
        V6_2,
        at(Some(V6_2), Some(V6_2), None, None),
        &[
            NAME,
            p("list-items", Items(NAV_ITEM))
                .req()
                .items(Some(1), None)
                .shown_items(20),
            p("label", Str).chars(80),
            p("description", Str).chars(300),
            MEDIA_SIZE,
            p("on-click-action", Action(Event::Click, NAV_CLICK)),
        ],
    )
    .input(ValueKind::String),
    c(
        "If",
        V4_0,
        at(Some(V4_0), Some(V4_0), Some(V4_0), None),
        &[
            p("condition", Condition).req(),
            p("then", Children(Container::If))
                .req()
                .items(Some(1), None),
            p("else", Children(Container::If)),
        ],
    ),
    c(
        "Switch",
        V4_0,
        at(Some(V4_0), Some(V4_0), Some(V4_0), None),
        &[p("value", Str).req(), p("cases", Cases).req()],
    ),
    c(
        "Form",
        V2_1,
        at(Some(V2_1), None, None, None),
        &[
            NAME,
            p("children", Children(Container::Form)).req(),
            p("init-values", NameMap),
            p("error-messages", NameMap),
        ],
    ),
];

/// The input types a TextInput `pattern` works with (6.2+): Meta's builder answers
/// INVALID_ENUM_VALUE at any other `input-type` [D][B] (spec 4.2, 8).
pub const PATTERN_INPUT_TYPES: &[&str] = &["text", "password", "passcode", "number"];

/// The CalendarPicker properties that belong to range mode whatever their value; the
/// others of range mode are its `{start-date, end-date}` objects (the `RangeOr`
/// properties). In single mode they are UNEXPECTED_CALENDAR_PICKER_RANGE_MODE_PROP [B]
/// (spec 4.5, 8).
pub const CALENDAR_RANGE_ONLY: &[&str] = &["title", "description", "min-days", "max-days"];

/// The keys of a range-mode CalendarPicker object (`init-value`, `label`, ...): one value
/// for each end of the range [D][B] (spec 4.5).
pub const RANGE_PARTS: &[&str] = &["start-date", "end-date"];

/// From this version a date (DatePicker and CalendarPicker `min-date`, `max-date`,
/// `init-value`) is written "YYYY-MM-DD"; before it, a millisecond timestamp string [D]
/// (spec 4.5).
pub const YMD_DATES_SINCE: FlowVersion = V5_0;

/// The order in which Meta's builder lists the components a container accepts: its
/// schema writes each children array as `items: {oneOf: [...]}` in this order (modules
/// WAFlowJSONChildrenSchema, WAFlowJSONFormComponentSchema, WAFlowJSONIfComponentSchema,
/// WAFlowJSONSwitchComponentSchema). The order matters only for a component with a
/// fault: ajv 6 then reports what every other branch says about it, and the builder keeps
/// the first branch's message for each place (`schema/branches.rs`). Which names exist in
/// a version and container is `Component::allowed_in`; this is only the order.
const LAYOUT_ORDER: &[&str] = &[
    "EmbeddedLink",
    "Footer",
    "Form",
    "TextBody",
    "TextCaption",
    "TextHeading",
    "TextSubheading",
    "Image",
    "TextInput",
    "TextArea",
    "CheckboxGroup",
    "RadioButtonsGroup",
    "Dropdown",
    "DatePicker",
    "If",
    "Switch",
    "PhotoPicker",
    "DocumentPicker",
    "OptIn",
    "RichText",
    "CalendarPicker",
    "NavigationList",
    "ChipsSelector",
    "ImageCarousel",
];
/// Form children: the newer components are put in front (ChipsSelector, then
/// NavigationList, then CalendarPicker), ImageCarousel at the end.
const FORM_ORDER: &[&str] = &[
    "ChipsSelector",
    "NavigationList",
    "CalendarPicker",
    "TextInput",
    "TextArea",
    "CheckboxGroup",
    "RadioButtonsGroup",
    "Dropdown",
    "DatePicker",
    "EmbeddedLink",
    "Footer",
    "TextBody",
    "TextCaption",
    "TextHeading",
    "TextSubheading",
    "OptIn",
    "Image",
    "If",
    "Switch",
    "PhotoPicker",
    "DocumentPicker",
    "ImageCarousel",
];
const IF_ORDER: &[&str] = &[
    "TextBody",
    "TextCaption",
    "TextHeading",
    "TextSubheading",
    "Image",
    "EmbeddedLink",
    "TextInput",
    "TextArea",
    "OptIn",
    "CheckboxGroup",
    "RadioButtonsGroup",
    "Dropdown",
    "DatePicker",
    "Switch",
    "PhotoPicker",
    "DocumentPicker",
    "CalendarPicker",
    "ChipsSelector",
    "Footer",
    "If",
];
const SWITCH_ORDER: &[&str] = &[
    "EmbeddedLink",
    "Footer",
    "TextBody",
    "TextCaption",
    "TextHeading",
    "TextSubheading",
    "Image",
    "TextInput",
    "TextArea",
    "OptIn",
    "CheckboxGroup",
    "RadioButtonsGroup",
    "Dropdown",
    "DatePicker",
    "PhotoPicker",
    "DocumentPicker",
    "CalendarPicker",
    "ChipsSelector",
];

/// The components `container` accepts in `v`, in the order of the builder's `oneOf`.
pub fn branch_order(
    container: Container,
    v: FlowVersion,
) -> impl Iterator<Item = &'static Component> {
    // The names resolved once (a faulty component walks every branch: looking each name
    // up again was a tenth of a 10,000-fault run).
    static RESOLVED: std::sync::OnceLock<[Vec<&'static Component>; 4]> = std::sync::OnceLock::new();
    let resolved = RESOLVED.get_or_init(|| {
        [LAYOUT_ORDER, FORM_ORDER, IF_ORDER, SWITCH_ORDER]
            .map(|order| order.iter().filter_map(|name| component(name)).collect())
    });
    let order = match container {
        Container::Layout => &resolved[0],
        Container::Form => &resolved[1],
        Container::If => &resolved[2],
        Container::Switch => &resolved[3],
    };
    order
        .iter()
        .copied()
        .filter(move |c| c.allowed_in(container, v))
}

/// The inputs that must sit inside the Form when a screen has one (from 4.0, when the Form
/// became optional; before, every input had to be in it anyway): COMPONENTS_OUTSIDE_FORM,
/// one pointer per component. The list is the 5.0 validator's [B] (spec 3.1, 8).
pub const IN_FORM_ONLY: &[&str] = &[
    "CheckboxGroup",
    "RadioButtonsGroup",
    "TextArea",
    "TextInput",
    "OptIn",
    "Dropdown",
    "DatePicker",
    "PhotoPicker",
    "DocumentPicker",
];

/// The media pickers, each with the property that caps how many files it takes: a
/// complete payload's media are added up over these [B][D] (spec 4.6, 5.3).
pub const MEDIA_PICKER_MAX_FILES: &[(&str, &str)] = &[
    ("PhotoPicker", "max-uploaded-photos"),
    ("DocumentPicker", "max-uploaded-documents"),
];

/// The component called `name`.
pub fn component(name: &str) -> Option<&'static Component> {
    COMPONENTS.iter().find(|c| c.name == name)
}

/// The property names of every component, numbered, with each component's names as a bit
/// mask over those numbers: a branch walk (`schema::walk`) asks "does this component have
/// a property called like this member?" 23 times per faulty component, and a mask test is
/// much cheaper than scanning the property list each time.
pub struct PropNames {
    ids: foldhash::HashMap<&'static str, u32>,
    /// By the component's index in [`COMPONENTS`].
    masks: Vec<u128>,
}

impl PropNames {
    /// The number of `name`, if some component has a property so called.
    pub fn id(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    /// `comp`'s property names as a mask (every version's; a caller still checks the
    /// property's versions).
    pub fn mask(&self, comp: &Component) -> u128 {
        // The index from the address: components live in the one static slice.
        let at = (comp as *const Component as usize).wrapping_sub(COMPONENTS.as_ptr() as usize)
            / std::mem::size_of::<Component>();
        match COMPONENTS.get(at) {
            Some(c) if std::ptr::eq(c, comp) => self.masks[at],
            _ => u128::MAX,
        }
    }
}

/// The numbering of every component property name (built on first use).
pub fn prop_names() -> &'static PropNames {
    static NAMES: std::sync::OnceLock<PropNames> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut ids = foldhash::HashMap::default();
        for p in COMPONENTS.iter().flat_map(|c| c.props) {
            let next = ids.len() as u32;
            ids.entry(p.name).or_insert(next);
        }
        // More names than bits would make every mask "all": still correct, only slower.
        let masks = COMPONENTS
            .iter()
            .map(|c| {
                c.props.iter().fold(0u128, |m, p| match ids.get(p.name) {
                    Some(&i) if i < 128 => m | (1u128 << i),
                    _ => u128::MAX,
                })
            })
            .collect();
        PropNames { ids, masks }
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_switch_case_key_matcher_is_its_pattern() {
        let re = regex::Regex::new(SWITCH_CASE_KEY_PATTERN).expect("pattern compiles");
        for key in ["a", "Gold-plan_2", "", "2a", "-a", "a b", "é", "a.b", "Z9"] {
            assert_eq!(is_switch_case_key(key), re.is_match(key), "{key:?}");
        }
    }
    use super::*;

    #[test]
    fn names_are_unique_and_properties_unique_per_component() {
        let mut names: Vec<_> = COMPONENTS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COMPONENTS.len());
        assert_eq!(COMPONENTS.len(), 24, "spec section 4 lists 24 components");
        for c in COMPONENTS {
            let mut props: Vec<_> = c.props.iter().map(|p| p.name).collect();
            props.sort_unstable();
            let n = props.len();
            props.dedup();
            assert_eq!(props.len(), n, "{} repeats a property", c.name);
            assert!(c.prop("type").is_none(), "`type` is implied");
            for p in c.props {
                assert!(
                    p.since >= c.since || p.since == V2_1,
                    "{}.{}",
                    c.name,
                    p.name
                );
            }
        }
    }

    /// Spec 6.2: every component with a `name` but the Form is an input and gives a
    /// value; the paired bounds are properties of their component.
    #[test]
    fn inputs_are_the_named_components_and_bounds_are_their_properties() {
        for c in COMPONENTS {
            let named = c.prop("name").is_some() && c.name != "Form";
            assert_eq!(c.value.is_some(), named, "{}", c.name);
            if let Some((min, max)) = c.min_max {
                assert!(c.prop(min).is_some() && c.prop(max).is_some(), "{}", c.name);
            }
            if let Some(w) = c.value.and_then(|v| v.when) {
                assert!(c.prop(w.prop).is_some(), "{}.{}", c.name, w.prop);
            }
        }
        let kind = |name, prop_value: Option<&'static str>| {
            component(name).unwrap().value.unwrap().kind(|_| prop_value)
        };
        assert_eq!(kind("TextInput", Some("passcode")), ValueKind::Number);
        assert_eq!(kind("TextInput", Some("email")), ValueKind::String);
        assert_eq!(kind("CalendarPicker", Some("range")), ValueKind::Object);
        assert_eq!(kind("CalendarPicker", None), ValueKind::String);
        assert_eq!(kind("ChipsSelector", None), ValueKind::Array);
    }

    #[test]
    fn branch_order_lists_every_component_allowed_there() {
        for v in crate::catalog::schema_versions() {
            for container in Container::ALL {
                let mut listed: Vec<_> = branch_order(container, v).map(|c| c.name).collect();
                let mut allowed: Vec<_> = COMPONENTS
                    .iter()
                    .filter(|c| c.allowed_in(container, v))
                    .map(|c| c.name)
                    .collect();
                listed.sort_unstable();
                allowed.sort_unstable();
                assert_eq!(listed, allowed, "{container:?} in {v}");
            }
        }
    }

    #[test]
    fn placement_matches_spec_3_1_spot_checks() {
        let v = |a, b| FlowVersion::new(a, b);
        let text_input = component("TextInput").unwrap();
        assert!(!text_input.allowed_in(Container::Layout, v(3, 1)));
        assert!(text_input.allowed_in(Container::Layout, v(4, 0)));
        let chips = component("ChipsSelector").unwrap();
        assert!(!chips.allowed_in(Container::Form, v(6, 2)));
        assert!(!chips.allowed_in(Container::If, v(7, 0)));
        assert!(chips.allowed_in(Container::If, v(7, 1)));
        assert!(!component("Switch")
            .unwrap()
            .allowed_in(Container::Switch, v(7, 3)));
        assert!(!component("RichText")
            .unwrap()
            .allowed_in(Container::Form, v(7, 3)));
    }
}
