//! The schema stage's rules: one per Meta code of spec 9.4. Each is what a failing JSON
//! Schema keyword means for a Flow JSON author.

use crate::finding::JSON_SCHEMA_ERROR;
use crate::rule::{declare_rule, RuleMeta};

declare_rule! {
    pub UNKNOWN_PROPERTY {
        code: "unknown-property",
        error: "INVALID_PROPERTY_KEY",
        error_type: JSON_SCHEMA_ERROR,
        fix: SafeWhenSure("Rename the key to the closest key the object has"),
        summary: "A key that the object (component, screen, action...) does not have in this version",
        doc: "Meta's schemas are closed: every object accepts only its documented keys, and those \
         of the declared Flow JSON version (spec 9.4, additionalProperties). The finding points \
         at the key, names the closest allowed key, and says when the key exists in another \
         version or (init-value, error-message) only outside a Form. Fix: rename or remove the \
         key, or raise `version`. Example: `initial-text` on a TextInput (did you mean \
         `init-value`?).",
    }
}

declare_rule! {
    pub MISSING_PROPERTY {
        code: "missing-property",
        error: "MISSING_REQUIRED_PROPERTY",
        error_type: JSON_SCHEMA_ERROR,
        summary: "A required key is absent",
        doc: "Meta rejects an object without its required keys (spec 9.4, required): a TextInput \
         without `label`, a screen without `layout`, a Footer without `on-click-action`. The \
         finding points at the whole object that lacks it. Fix: add the key.",
    }
}

declare_rule! {
    pub WRONG_TYPE {
        code: "wrong-type",
        error: "INVALID_PROPERTY_TYPE",
        error_type: JSON_SCHEMA_ERROR,
        fix: Safe("Convert the value exactly: \"true\" -> true, \"5\" -> 5, 5 -> \"5\""),
        summary: "A value of the wrong JSON type",
        doc: "Each property has a JSON type (spec section 0): `visible` is a boolean or a dynamic \
         reference string, `label` a string, `data-source` an array or a reference. The finding \
         points at the value. Fix: write the value with the type the message names (`true`, \
         not `\"true\"`; `5`, not `\"5\"`). The fix converts where that is exact: \"true\"/\"false\" \
         for a static boolean (`terminal`, `success`), an integer in a string for a static \
         integer within its bounds (`max-uploaded-photos`), a number or boolean for a plain \
         string (a `label` of 5 becomes \"5\"), written as its own text; safe, since the value \
         stays the one the author wrote. A string given to a boolean or number property that \
         also takes references is pattern-mismatch's, not this rule's.",
    }
}

declare_rule! {
    /// Meta reports an unknown component type with this code and type ([8] example, spec 9.2).
    pub INVALID_COMPONENT_TYPE {
        code: "invalid-component-type",
        error: "INVALID_PROPERTY_VALUE",
        fix: SafeWhenSure("Replace the type with the closest component name"),
        summary: "A component `type` that does not exist, or not in this version or place",
        doc: "A component's `type` must name a component of the declared version that may sit \
              where it is (spec 3.1 and 4). Meta answers \"Invalid value found for property \
              'type'\" (INVALID_PROPERTY_VALUE, FLOW_JSON_ERROR, as in 8x8's example); waflow \
              adds why: unknown (with the closest name), newer than the declared version \
              (ChipsSelector needs 6.3), or not allowed in that container (NavigationList in \
              an If). Fix: correct the name, move the component, or raise `version`.",
    }
}

declare_rule! {
    /// Before 4.0 inputs must sit in a Form; the builder reports a oneOf failure (spec 3.1).
    pub COMPONENT_OUTSIDE_FORM {
        code: "component-outside-form",
        error: "ONE_OF_SCHEMA_VALIDATION_FAILED",
        error_type: JSON_SCHEMA_ERROR,
        until: crate::catalog::model::V3_1,
        summary: "Before Flow JSON 4.0, an input component or OptIn outside a Form",
        doc: "Until 3.1 every input component and OptIn must be inside a Form; Meta's schema \
              pass reports ONE_OF_SCHEMA_VALIDATION_FAILED with a message that the component \
              must be defined inside a parent Form (spec 3.1, 9.4). The spec lists Footer and \
              EmbeddedLink too, but Meta's own 3.1 template has a Footer in the layout, so \
              waflow does not report those (see catalog/components.rs). Fix: wrap the inputs \
              in a Form, or declare version 4.0 or later.",
    }
}

declare_rule! {
    pub INVALID_ENUM_VALUE {
        code: "invalid-enum-value",
        error: "INVALID_ENUM_VALUE",
        error_type: JSON_SCHEMA_ERROR,
        fix: SafeWhenSure("Replace the value with the closest allowed value"),
        summary: "A value outside the closed list of the property (or an action not allowed there)",
        doc: "Enumerated properties (`input-type`, `media-size`, `scale-type`, an action's `name`...) \
         accept only their listed values in the declared version (spec 4, 5.2). The message \
         lists them and suggests the closest; an action name that exists only in later versions \
         says which. Fix: use one of the listed values.",
    }
}

declare_rule! {
    pub INVALID_ACTION_NAME {
        code: "invalid-action-name",
        error: "INVALID_PROPERTY_VALUE",
        error_type: JSON_SCHEMA_ERROR,
        fix: SafeWhenSure("Replace the name with the closest action the event takes"),
        summary: "An on-select or on-unselect action whose name is not one this event takes",
        doc: "Meta's schema pins the `name` of an on-select-action / on-unselect-action with a \
         constant (data_exchange, and update_data from 6.0 where the component allows it), so a \
         wrong name is INVALID_PROPERTY_VALUE (\"Invalid value found for property 'name'. \
         Expected 'data_exchange'.\") at the value, not INVALID_ENUM_VALUE as for an \
         on-click-action (builder records: mutated/*__unknown_action__*, \
         testdata/invalid-enum-value_invalid-action-needs-newer-version) (spec 5.2). Fix: use a \
         name the message lists, or raise `version`.",
    }
}

declare_rule! {
    pub TOO_FEW_ITEMS {
        code: "too-few-items",
        error: "MIN_ITEMS_REQUIRED",
        error_type: JSON_SCHEMA_ERROR,
        summary: "An array shorter than Meta's minimum",
        doc: "`screens`, a data-source, a NavigationList's `list-items`, an If's `then` and \
         `sensitive` need at least one entry (spec 1, 4, 2). Fix: add entries or remove the \
         property.",
    }
}

declare_rule! {
    pub TOO_MANY_ITEMS {
        code: "too-many-items",
        error: "MAX_ITEMS_REQUIRED",
        error_type: JSON_SCHEMA_ERROR,
        summary: "An array longer than Meta's schema allows",
        doc: "Some arrays have a hard maximum in Meta's schema: ImageCarousel `images` (3), a \
         NavigationList item's `tags` (3). Fix: remove entries.",
    }
}

declare_rule! {
    pub TOO_SHORT {
        code: "too-short",
        error: "MIN_CHARS_REQUIRED",
        error_type: JSON_SCHEMA_ERROR,
        summary: "A string shorter than Meta's minimum",
        doc: "Labels of TextInput, TextArea and Footer and screen ids need at least one character \
         (spec 2, 4). Fix: write the text.",
    }
}

declare_rule! {
    pub PATTERN_MISMATCH {
        code: "pattern-mismatch",
        error: "PATTERN_MISMATCH",
        error_type: JSON_SCHEMA_ERROR,
        fix: Either("Remove a blank optional text (safe); rename an invalid screen id wherever the flow names it, with '_' for each character an id may not have (unsafe)"),
        summary: "A string of the wrong form: a bad screen id, a blank title, a static value written as a reference or a reference where a literal is needed",
        doc: "Meta checks the form of some strings (spec 9.4, pattern): screen ids use letters and \
         underscores only (plus commas before 7.0), titles must not be blank from 5.0, `name` \
         must not be dynamic, and a string given to a boolean or number property must be a \
         dynamic reference. Fix: as the message says. For a screen id waflow's fix renames the \
         screen to the id with `_` for each character an id may not have (`screen-one` -> \
         `screen_one`, made unique with `_B`, `_C`, ... when taken), in its `id`, navigate \
         targets, `routing_model` and `${screen...}` references; unsafe, because an endpoint \
         that names the screen must be changed too. An id with no letter left gets none.",
    }
}

declare_rule! {
    pub VALUE_TOO_SMALL {
        code: "value-too-small",
        error: "MINIMUM_VALUE_REQUIRED",
        error_type: JSON_SCHEMA_ERROR,
        summary: "A number below Meta's minimum",
        doc: "Counts and sizes have lower bounds (spec 4.3, 4.6): `min-selected-items` >= 0, \
         `max-uploaded-photos` >= 1, `max-file-size-kb` >= 1. Fix: raise the value.",
    }
}

declare_rule! {
    pub VALUE_TOO_LARGE {
        code: "value-too-large",
        error: "MAXIMUM_VALUE_REQUIRED",
        error_type: JSON_SCHEMA_ERROR,
        summary: "A number above Meta's maximum",
        doc: "Media pickers take at most 30 files of at most 25600 KB (spec 4.6). Fix: lower the \
         value.",
    }
}

declare_rule! {
    pub INVALID_FORMAT {
        code: "invalid-format",
        error: "INVALID_PROPERTY_VALUE_FORMAT",
        error_type: JSON_SCHEMA_ERROR,
        summary: "A value that is not a valid URL where one is needed",
        doc: "An `open_url` action's `url` must be an absolute URL (spec 5.3). Fix: write the full \
         https:// address.",
    }
}

declare_rule! {
    pub FORBIDDEN_COMBINATION {
        code: "forbidden-combination",
        error: "NOT_KEYWORD_SCHEMA_VALIDATION_FAILED",
        error_type: JSON_SCHEMA_ERROR,
        fix: SafeWhenSure("Remove the key that can't be there: next, payload or success"),
        summary: "Keys that may not be used together",
        doc: "Meta's schema forbids some combinations (spec 9.4, not): `success` on a screen that is \
         not terminal, a Footer's `center-caption` with `left-caption`/`right-caption`, `next` on \
         an action that is not `navigate`, `url` on one that is not `open_url`, `payload` on \
         `open_url`. Fix: remove one of them. The fix removes `payload` from open_url (safe: \
         it sends nothing); `next` from a complete on a terminal screen (safe; elsewhere a \
         complete was probably meant as a navigate: no fix) or from a data_exchange or open_url \
         (unsafe: it may have been meant as a navigate); `success` from \
         a screen that says \"terminal\": false (safe) or says nothing (unsafe: it may have been \
         meant to be terminal). No fix for the captions or `url`, where which key is wrong is \
         a guess.",
    }
}

declare_rule! {
    pub MISSING_DEPENDENCY {
        code: "missing-dependency",
        error: "INVALID_DEPENDENCIES",
        error_type: JSON_SCHEMA_ERROR,
        summary: "A key that needs another key that is absent",
        doc: "A Footer's `left-caption` needs `right-caption` and the other way round (spec 4.4). \
         Fix: add the partner key or remove this one.",
    }
}

/// How deep the schema stage follows a tree: it recurses, so a caller who lifts the
/// parser's depth limit (`Options::max_depth`) must not be able to overflow the stack.
pub const MAX_DEPTH: usize = 256;

declare_rule! {
    pub TOO_DEEP_TO_CHECK {
        code: "too-deep-to-check",
        error: "INVALID_FLOW_JSON",
        summary: "Nested deeper than waflow's structure check follows (256 levels)",
        doc: "Only reachable when a caller raises `Options::max_depth` above its default (127, \
              serde_json's limit, which the parser applies otherwise). The schema stage \
              recurses, so beyond 256 levels it refuses rather than risk the stack; real flows \
              nest a few dozen levels at most (If nesting is limited to 3). Fix: flatten the \
              document.",
    }
}

declare_rule! {
    /// Documented display limits Meta does not enforce at upload (spec 4, Unknowns 2).
    pub TEXT_OVER_DISPLAY_LIMIT {
        code: "text-over-display-limit",
        error: "WAFLOW_DISPLAY_LIMIT",
        severity: Warning,
        summary: "Static text longer than the documented display limit (warning)",
        doc: "Meta documents character limits for texts, labels, titles and captions (spec 4: \
              TextHeading 80, TextInput label 20, Footer label 35, item title 30...). Its \
              upload validation does not enforce most of them (spec Unknowns 2), but WhatsApp \
              truncates or refuses to render longer text. A warning, never part of \
              validationErrors, with the limit and the actual length counted in characters. \
              Dynamic values are not measured: a whole-value `${...}` binding, and from 6.0 a \
              backtick expression (spec 6; before 6.0 backticks are plain text and count). \
              Fix: shorten the text.",
    }
}

declare_rule! {
    pub TOO_MANY_OPTIONS {
        code: "too-many-options",
        error: "WAFLOW_DISPLAY_LIMIT",
        severity: Warning,
        summary: "More options than the documented maximum (warning)",
        doc: "Meta documents item counts (spec 4.3, 4.8: CheckboxGroup, RadioButtonsGroup and \
              ChipsSelector 20 options, Dropdown 200, NavigationList 20 items) that are runtime \
              limits rather than upload errors. A warning with the limit and the count. Fix: \
              split the list or use a Dropdown.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(crate) static RULES: &[&RuleMeta] = &[
    &UNKNOWN_PROPERTY,
    &MISSING_PROPERTY,
    &WRONG_TYPE,
    &INVALID_COMPONENT_TYPE,
    &COMPONENT_OUTSIDE_FORM,
    &INVALID_ENUM_VALUE,
    &INVALID_ACTION_NAME,
    &TOO_FEW_ITEMS,
    &TOO_MANY_ITEMS,
    &TOO_SHORT,
    &PATTERN_MISMATCH,
    &VALUE_TOO_SMALL,
    &VALUE_TOO_LARGE,
    &INVALID_FORMAT,
    &FORBIDDEN_COMBINATION,
    &MISSING_DEPENDENCY,
    &TOO_DEEP_TO_CHECK,
    &TEXT_OVER_DISPLAY_LIMIT,
    &TOO_MANY_OPTIONS,
];
