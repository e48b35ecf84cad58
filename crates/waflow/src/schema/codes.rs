//! The schema stage's rules: one per Meta code of spec 9.4. Each is what a failing JSON
//! Schema keyword means for a Flow JSON author.

use crate::finding::{Severity, FLOW_JSON_ERROR, JSON_SCHEMA_ERROR};
use crate::rules::RuleMeta;

const fn schema_rule(
    code: &'static str,
    error: &'static str,
    summary: &'static str,
    doc: &'static str,
) -> RuleMeta {
    RuleMeta {
        error_type: JSON_SCHEMA_ERROR,
        ..RuleMeta::error(code, error, None, None, summary, doc)
    }
}

pub static UNKNOWN_PROPERTY: RuleMeta = schema_rule(
    "unknown-property",
    "INVALID_PROPERTY_KEY",
    "A key that the object (component, screen, action...) does not have in this version",
    "Meta's schemas are closed: every object accepts only its documented keys, and those \
     of the declared Flow JSON version (spec 9.4, additionalProperties). The finding points \
     at the key, names the closest allowed key, and says when the key exists in another \
     version or (init-value, error-message) only outside a Form. Fix: rename or remove the \
     key, or raise `version`. Example: `initial-text` on a TextInput (did you mean \
     `init-value`?).",
);

pub static MISSING_PROPERTY: RuleMeta = schema_rule(
    "missing-property",
    "MISSING_REQUIRED_PROPERTY",
    "A required key is absent",
    "Meta rejects an object without its required keys (spec 9.4, required): a TextInput \
     without `label`, a screen without `layout`, a Footer without `on-click-action`. The \
     finding points at the whole object that lacks it. Fix: add the key.",
);

pub static WRONG_TYPE: RuleMeta = schema_rule(
    "wrong-type",
    "INVALID_PROPERTY_TYPE",
    "A value of the wrong JSON type",
    "Each property has a JSON type (spec section 0): `visible` is a boolean or a dynamic \
     reference string, `label` a string, `data-source` an array or a reference. The finding \
     points at the value. Fix: write the value with the type the message names (`true`, \
     not `\"true\"`; `5`, not `\"5\"`).",
);

/// Meta reports an unknown component type with this code and type ([8] example, spec 9.2).
pub static INVALID_COMPONENT_TYPE: RuleMeta = RuleMeta {
    code: "invalid-component-type",
    error: "INVALID_PROPERTY_VALUE",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Error,
    since: None,
    until: None,
    summary: "A component `type` that does not exist, or not in this version or place",
    doc: "A component's `type` must name a component of the declared version that may sit \
          where it is (spec 3.1 and 4). Meta answers \"Invalid value found for property \
          'type'\" (INVALID_PROPERTY_VALUE, FLOW_JSON_ERROR, as in 8x8's example); waflow \
          adds why: unknown (with the closest name), newer than the declared version \
          (ChipsSelector needs 6.3), or not allowed in that container (NavigationList in \
          an If). Fix: correct the name, move the component, or raise `version`.",
};

/// Before 4.0 inputs must sit in a Form; the builder reports a oneOf failure (spec 3.1).
pub static NEEDS_FORM: RuleMeta = RuleMeta {
    code: "component-outside-form",
    error: "ONE_OF_SCHEMA_VALIDATION_FAILED",
    error_type: JSON_SCHEMA_ERROR,
    severity: Severity::Error,
    since: None,
    until: Some(crate::catalog::FlowVersion::new(3, 1)),
    summary: "Before Flow JSON 4.0, an input component or OptIn outside a Form",
    doc: "Until 3.1 every input component and OptIn must be inside a Form; Meta's schema \
          pass reports ONE_OF_SCHEMA_VALIDATION_FAILED with a message that the component \
          must be defined inside a parent Form (spec 3.1, 9.4). The spec lists Footer and \
          EmbeddedLink too, but Meta's own 3.1 template has a Footer in the layout, so \
          waflow does not report those (see catalog/components.rs). Fix: wrap the inputs \
          in a Form, or declare version 4.0 or later.",
};

pub static INVALID_ENUM: RuleMeta = schema_rule(
    "invalid-enum-value",
    "INVALID_ENUM_VALUE",
    "A value outside the closed list of the property (or an action not allowed there)",
    "Enumerated properties (`input-type`, `media-size`, `scale-type`, an action's `name`...) \
     accept only their listed values in the declared version (spec 4, 5.2). The message \
     lists them and suggests the closest; an action name that exists only in later versions \
     says which. Fix: use one of the listed values.",
);

pub static INVALID_VALUE: RuleMeta = schema_rule(
    "invalid-action-name",
    "INVALID_PROPERTY_VALUE",
    "An on-select or on-unselect action whose name is not one this event takes",
    "Meta's schema pins the `name` of an on-select-action / on-unselect-action with a \
     constant (data_exchange, and update_data from 6.0 where the component allows it), so a \
     wrong name is INVALID_PROPERTY_VALUE (\"Invalid value found for property 'name'. \
     Expected 'data_exchange'.\") at the value, not INVALID_ENUM_VALUE as for an \
     on-click-action (builder records: mutated/*__unknown_action__*, \
     testdata/invalid-enum-value_invalid-action-needs-newer-version) (spec 5.2). Fix: use a \
     name the message lists, or raise `version`.",
);

pub static TOO_FEW_ITEMS: RuleMeta = schema_rule(
    "too-few-items",
    "MIN_ITEMS_REQUIRED",
    "An array shorter than Meta's minimum",
    "`screens`, a data-source, a NavigationList's `list-items`, an If's `then` and \
     `sensitive` need at least one entry (spec 1, 4, 2). Fix: add entries or remove the \
     property.",
);

pub static TOO_MANY_ITEMS: RuleMeta = schema_rule(
    "too-many-items",
    "MAX_ITEMS_REQUIRED",
    "An array longer than Meta's schema allows",
    "Some arrays have a hard maximum in Meta's schema: ImageCarousel `images` (3), a \
     NavigationList item's `tags` (3). Fix: remove entries.",
);

pub static TOO_SHORT: RuleMeta = schema_rule(
    "too-short",
    "MIN_CHARS_REQUIRED",
    "A string shorter than Meta's minimum",
    "Labels of TextInput, TextArea and Footer and screen ids need at least one character \
     (spec 2, 4). Fix: write the text.",
);

pub static PATTERN: RuleMeta = schema_rule(
    "pattern-mismatch",
    "PATTERN_MISMATCH",
    "A string of the wrong form: a bad screen id, a blank title, a static value written as a reference or a reference where a literal is needed",
    "Meta checks the form of some strings (spec 9.4, pattern): screen ids use letters and \
     underscores only (plus commas before 7.0), titles must not be blank from 5.0, `name` \
     must not be dynamic, and a string given to a boolean or number property must be a \
     dynamic reference. Fix: as the message says.",
);

pub static TOO_SMALL: RuleMeta = schema_rule(
    "value-too-small",
    "MINIMUM_VALUE_REQUIRED",
    "A number below Meta's minimum",
    "Counts and sizes have lower bounds (spec 4.3, 4.6): `min-selected-items` >= 0, \
     `max-uploaded-photos` >= 1, `max-file-size-kb` >= 1. Fix: raise the value.",
);

pub static TOO_LARGE: RuleMeta = schema_rule(
    "value-too-large",
    "MAXIMUM_VALUE_REQUIRED",
    "A number above Meta's maximum",
    "Media pickers take at most 30 files of at most 25600 KB (spec 4.6). Fix: lower the \
     value.",
);

pub static FORMAT: RuleMeta = schema_rule(
    "invalid-format",
    "INVALID_PROPERTY_VALUE_FORMAT",
    "A value that is not a valid URL where one is needed",
    "An `open_url` action's `url` must be an absolute URL (spec 5.3). Fix: write the full \
     https:// address.",
);

pub static FORBIDDEN_COMBINATION: RuleMeta = schema_rule(
    "forbidden-combination",
    "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
    "Keys that may not be used together",
    "Meta's schema forbids some combinations (spec 9.4, not): `success` on a screen that is \
     not terminal, a Footer's `center-caption` with `left-caption`/`right-caption`, `next` on \
     an action that is not `navigate`, `url` on one that is not `open_url`, `payload` on \
     `open_url`. Fix: remove one of them.",
);

pub static MISSING_DEPENDENCY: RuleMeta = schema_rule(
    "missing-dependency",
    "INVALID_DEPENDENCIES",
    "A key that needs another key that is absent",
    "A Footer's `left-caption` needs `right-caption` and the other way round (spec 4.4). \
     Fix: add the partner key or remove this one.",
);

/// How deep the schema stage follows a tree: it recurses, so a caller who lifts the
/// parser's depth limit (`Options::max_depth`) must not be able to overflow the stack.
pub const MAX_DEPTH: usize = 256;

pub static TOO_DEEP: RuleMeta = RuleMeta {
    code: "too-deep-to-check",
    error: "INVALID_FLOW_JSON",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Error,
    since: None,
    until: None,
    summary: "Nested deeper than waflow's structure check follows (256 levels)",
    doc: "Only reachable when a caller raises `Options::max_depth` above its default (127, \
          serde_json's limit, which the parser applies otherwise). The schema stage \
          recurses, so beyond 256 levels it refuses rather than risk the stack; real flows \
          nest a few dozen levels at most (If nesting is limited to 3). Fix: flatten the \
          document.",
};

/// Documented display limits Meta does not enforce at upload (spec 4, Unknowns 2).
pub static TEXT_OVER_LIMIT: RuleMeta = RuleMeta {
    code: "text-over-display-limit",
    error: "WAFLOW_DISPLAY_LIMIT",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Warning,
    since: None,
    until: None,
    summary: "Static text longer than the documented display limit (warning)",
    doc: "Meta documents character limits for texts, labels, titles and captions (spec 4: \
          TextHeading 80, TextInput label 20, Footer label 35, item title 30...). Its \
          upload validation does not enforce most of them (spec Unknowns 2), but WhatsApp \
          truncates or refuses to render longer text. A warning, never part of \
          validationErrors, with the limit and the actual length counted in characters. \
          Dynamic values are not measured: a whole-value `${...}` binding, and from 6.0 a \
          backtick expression (spec 6; before 6.0 backticks are plain text and count). \
          Fix: shorten the text.",
};

pub static ITEMS_OVER_LIMIT: RuleMeta = RuleMeta {
    code: "too-many-options",
    error: "WAFLOW_DISPLAY_LIMIT",
    error_type: FLOW_JSON_ERROR,
    severity: Severity::Warning,
    since: None,
    until: None,
    summary: "More options than the documented maximum (warning)",
    doc: "Meta documents item counts (spec 4.3, 4.8: CheckboxGroup, RadioButtonsGroup and \
          ChipsSelector 20 options, Dropdown 200, NavigationList 20 items) that are runtime \
          limits rather than upload errors. A warning with the limit and the count. Fix: \
          split the list or use a Dropdown.",
};
