//! The shapes the catalog is written in: properties, their types, components, placement
//! and actions. The tables themselves live in `components.rs` and `document.rs`.

pub use super::FlowVersion;

// Shorthands the tables are written with (`FlowVersion::new` for outside users).
pub(crate) const V2_1: FlowVersion = FlowVersion::new(2, 1);
pub(crate) const V3_0: FlowVersion = FlowVersion::new(3, 0);
pub(crate) const V4_0: FlowVersion = FlowVersion::new(4, 0);
#[allow(dead_code)] // no table names 4.1 (an internal id), but the list is complete
pub(crate) const V4_1: FlowVersion = FlowVersion::new(4, 1);
pub(crate) const V5_0: FlowVersion = FlowVersion::new(5, 0);
pub(crate) const V5_1: FlowVersion = FlowVersion::new(5, 1);
pub(crate) const V6_0: FlowVersion = FlowVersion::new(6, 0);
pub(crate) const V6_1: FlowVersion = FlowVersion::new(6, 1);
pub(crate) const V6_2: FlowVersion = FlowVersion::new(6, 2);
pub(crate) const V6_3: FlowVersion = FlowVersion::new(6, 3);
pub(crate) const V7_0: FlowVersion = FlowVersion::new(7, 0);
pub(crate) const V3_1: FlowVersion = FlowVersion::new(3, 1);
pub(crate) const V7_1: FlowVersion = FlowVersion::new(7, 1);
pub(crate) const V7_2: FlowVersion = FlowVersion::new(7, 2);
pub(crate) const V7_3: FlowVersion = FlowVersion::new(7, 3);

/// What a property's value may be (spec section 0, "type shorthands").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ty {
    /// `S`: a string, literal or dynamic.
    Str,
    /// `S!`: a static string; a `${...}` or backtick value is rejected.
    StaticStr,
    /// `B*`: a boolean, or a string that is a dynamic reference.
    Bool,
    /// A JSON boolean only.
    StaticBool,
    /// `N*`: a number, or a dynamic reference.
    Num,
    /// `I*`: an integer, or a dynamic reference.
    Int,
    /// An integer only.
    StaticInt,
    /// One of `values`; `dynamic`: a dynamic reference is accepted too.
    Enum {
        /// The accepted strings.
        values: &'static [&'static str],
        /// Whether a dynamic reference (`${data...}`, `${form...}`) is accepted too.
        dynamic: bool,
    },
    /// An array of `values` entries, or a dynamic reference.
    EnumList(&'static [&'static str]),
    /// An array of strings, or a dynamic reference.
    StrList,
    /// TextBody / TextCaption `text`: a string, or (from 5.1) an array of strings.
    Text,
    /// RichText `text`: a string, or an array of strings.
    RichText,
    /// A string in single mode, or `{start-date, end-date}` of `inner` in range mode
    /// (CalendarPicker).
    RangeOr(&'static Ty),
    /// An action object for this event, with the names allowed there.
    Action(Event, &'static [Allowed]),
    /// A non-empty inline array of items with these properties, or a dynamic reference.
    Items(&'static [Prop]),
    /// A closed object with these properties.
    Obj(&'static [Prop]),
    /// An array of components that may sit in this container.
    Children(Container),
    /// Switch `cases`: case name -> array of components.
    Cases,
    /// If `condition`: a string expression (before 6.0), or a boolean or expression.
    Condition,
    /// Form `init-values` / `error-messages`: an object of input name -> value, or a
    /// dynamic reference.
    NameMap,
    /// Any JSON object (an action payload, a data model).
    AnyObject,
    /// An array of closed objects with these properties (no dynamic reference).
    Array(&'static [Prop]),
    /// An array of strings (no dynamic reference).
    Strings,
    /// `routing_model`: screen id -> array of screen ids.
    Routing,
    /// Anything: a later stage judges the value with a message of its own.
    Any,
    /// A string that is an absolute http(s) URL.
    Url,
}

/// An action name allowed on one event of one component, from a version.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Allowed {
    /// The action's `name` (`navigate`, `data_exchange`, `complete`, ...).
    pub name: &'static str,
    /// The first Flow JSON version that allows it there.
    pub since: FlowVersion,
}

/// `name` allowed from version `since`.
pub(crate) const fn allow(name: &'static str, since: FlowVersion) -> Allowed {
    Allowed { name, since }
}

/// The action names of `allowed` that exist in version `v`.
pub fn allowed_names(
    allowed: &[Allowed],
    v: FlowVersion,
) -> impl Iterator<Item = &'static str> + '_ {
    allowed.iter().filter(move |a| v >= a.since).map(|a| a.name)
}

/// Which event property an action sits in; they differ in the keys they accept (spec 5.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// `on-click-action`: a tap (Footer, EmbeddedLink, OptIn, NavigationList items).
    Click,
    /// `on-select-action`: a value chosen or entered.
    Select,
    /// `on-unselect-action`: a choice taken back.
    Unselect,
}

/// The four places a component can sit (spec 3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Container {
    /// `layout.children`
    Layout,
    /// `Form.children`
    Form,
    /// If `then` / `else`
    If,
    /// Switch `cases` arrays
    Switch,
}

impl Container {
    /// Every container, in the order above.
    pub const ALL: [Container; 4] = [
        Container::Layout,
        Container::Form,
        Container::If,
        Container::Switch,
    ];

    /// The container in words, for messages: "the layout", "a Form", "an If", "a Switch".
    pub fn describe(self) -> &'static str {
        match self {
            Container::Layout => "the layout",
            Container::Form => "a Form",
            Container::If => "an If",
            Container::Switch => "a Switch",
        }
    }
}

/// One property of a component (or of a screen, an item, an action...).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prop {
    /// The key as written in Flow JSON (`label`, `init-value`, `on-click-action`).
    pub name: &'static str,
    /// What its value may be.
    pub ty: Ty,
    /// Whether the object must have it (a missing one is a schema error).
    pub required: bool,
    /// The first version that has it.
    pub since: FlowVersion,
    /// The last version that has it (`None`: every version from `since`).
    pub until: Option<FlowVersion>,
    /// Smallest number Meta's schema accepts (JSON Schema `minimum`).
    pub min: Option<f64>,
    /// Largest number Meta's schema accepts (JSON Schema `maximum`).
    pub max: Option<f64>,
    /// Shortest string Meta's schema accepts.
    pub min_len: Option<u32>,
    /// Fewest items Meta's schema accepts (JSON Schema `minItems`).
    pub min_items: Option<u32>,
    /// Most items Meta's schema accepts (JSON Schema `maxItems`).
    pub max_items: Option<u32>,
    /// A string pattern Meta's schema enforces, and what it means in words.
    pub pattern: Option<(&'static str, &'static str)>,
    /// Documented display limit in characters, which Meta does not reject at upload: a
    /// longer value is a warning (the text is cut on the device).
    pub display_chars: Option<u32>,
    /// Documented display limit in items, which Meta does not reject at upload: more
    /// items are a warning.
    pub display_items: Option<u32>,
    /// Only on a component outside a Form (`init-value`, `error-message`).
    pub outside_form_only: bool,
    /// Meta's text-field schema: a blank string is refused in every version (see
    /// [`Prop::refuses_blank`]).
    pub text_field: bool,
    /// Source tag(s) from the spec.
    pub src: &'static str,
}

/// A property with defaults: optional, every version, no bounds.
pub(crate) const fn p(name: &'static str, ty: Ty) -> Prop {
    Prop {
        name,
        ty,
        required: false,
        since: V2_1,
        until: None,
        min: None,
        max: None,
        min_len: None,
        min_items: None,
        max_items: None,
        pattern: None,
        display_chars: None,
        display_items: None,
        outside_form_only: false,
        text_field: false,
        src: "[D]",
    }
}

// Builders the tables are written with.
impl Prop {
    pub(crate) const fn req(self) -> Self {
        Prop {
            required: true,
            ..self
        }
    }
    pub(crate) const fn since(self, v: FlowVersion) -> Self {
        Prop { since: v, ..self }
    }
    pub(crate) const fn until(self, v: FlowVersion) -> Self {
        Prop {
            until: Some(v),
            ..self
        }
    }
    pub(crate) const fn range(self, min: Option<f64>, max: Option<f64>) -> Self {
        Prop { min, max, ..self }
    }
    pub(crate) const fn min_len(self, n: u32) -> Self {
        Prop {
            min_len: Some(n),
            ..self
        }
    }
    pub(crate) const fn items(self, min: Option<u32>, max: Option<u32>) -> Self {
        Prop {
            min_items: min,
            max_items: max,
            ..self
        }
    }
    pub(crate) const fn pattern(self, regex: &'static str, meaning: &'static str) -> Self {
        Prop {
            pattern: Some((regex, meaning)),
            ..self
        }
    }
    pub(crate) const fn chars(self, n: u32) -> Self {
        Prop {
            display_chars: Some(n),
            ..self
        }
    }
    pub(crate) const fn shown_items(self, n: u32) -> Self {
        Prop {
            display_items: Some(n),
            ..self
        }
    }
    pub(crate) const fn outside_form(self) -> Self {
        Prop {
            outside_form_only: true,
            ..self
        }
    }
    pub(crate) const fn text_field(self) -> Self {
        Prop {
            text_field: true,
            ..self
        }
    }
    pub(crate) const fn src(self, src: &'static str) -> Self {
        Prop { src, ..self }
    }

    /// Whether Meta's schema refuses a blank string (empty or only white space) here,
    /// with PATTERN_MISMATCH "should not be blank": the builder's text fields (component
    /// names, text components' `text`, EmbeddedLink `text`, CheckboxGroup and
    /// RadioButtonsGroup `label`, an option's `alt-text`) in every version, and from 6.0
    /// every string a component property may bind (its string-binding schema gains a
    /// not-blank pattern), except an Image's base64 `src`, which has a schema of its own.
    pub fn refuses_blank(&self, v: FlowVersion, on_component: bool) -> bool {
        self.text_field
            || (on_component
                && v >= V6_0
                && self.name != "src"
                && matches!(self.ty, Ty::Str | Ty::Text | Ty::RangeOr(Ty::Str)))
    }

    /// Whether `other` states the same schema for a value (type, bounds, pattern, blank
    /// rule): then a value judged by one is judged alike by the other.
    pub fn same_schema(&self, other: &Prop) -> bool {
        self.ty == other.ty
            && self.min == other.min
            && self.max == other.max
            && self.min_len == other.min_len
            && self.min_items == other.min_items
            && self.max_items == other.max_items
            && self.pattern == other.pattern
            && self.text_field == other.text_field
    }

    /// Whether version `v` has it: `since <= v <= until`.
    pub fn exists_in(&self, v: FlowVersion) -> bool {
        v >= self.since && self.until.is_none_or(|u| v <= u)
    }
}

/// Where a component may sit, per container: the first version, or `None` for never.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// In `layout.children`.
    pub layout: Option<FlowVersion>,
    /// In a Form's `children`.
    pub form: Option<FlowVersion>,
    /// In an If's `then` / `else`.
    pub if_: Option<FlowVersion>,
    /// In a Switch's `cases` arrays.
    pub switch: Option<FlowVersion>,
}

impl Placement {
    /// The first version it may sit in `c`, or `None` for never.
    pub fn since(&self, c: Container) -> Option<FlowVersion> {
        match c {
            Container::Layout => self.layout,
            Container::Form => self.form,
            Container::If => self.if_,
            Container::Switch => self.switch,
        }
    }
}

/// A rule between properties of one object, enforced by Meta's schema.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Constraint {
    /// `prop` needs `needs` (JSON Schema `dependentRequired`: INVALID_DEPENDENCIES).
    Requires {
        /// The property that needs another.
        prop: &'static str,
        /// The property it needs.
        needs: &'static str,
    },
    /// `prop` may not be combined with any of `with` (`not`).
    Excludes {
        /// The property that excludes others.
        prop: &'static str,
        /// The properties it may not be combined with.
        with: &'static [&'static str],
    },
    /// `prop` may only be set when the boolean `flag` is true (`not`).
    OnlyWhenTrue {
        /// The property that depends on the flag.
        prop: &'static str,
        /// The boolean property that must be `true`.
        flag: &'static str,
    },
}

/// The kind of value an input gives `${form.<name>}` (spec 6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A string (TextInput, TextArea, Dropdown, RadioButtonsGroup, DatePicker, ...).
    String,
    /// A number (TextInput with `input-type` number).
    Number,
    /// A boolean (OptIn).
    Boolean,
    /// An object (CalendarPicker in range mode: `{start-date, end-date}`).
    Object,
    /// An array (CheckboxGroup, ChipsSelector: the selected ids).
    Array,
    /// The files of a PhotoPicker or DocumentPicker (spec 6.2, 5.3: special rules).
    Media,
}

/// What an input component produces (spec 6.2): `kind`, unless a property's literal value
/// says otherwise (`when`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputValue {
    /// The kind of value it produces by default.
    pub kind: ValueKind,
    /// The property whose literal value changes the kind, if any.
    pub when: Option<KindWhen>,
}

/// A property whose literal value changes an input's value kind: when `prop` is one of
/// `values`, the input produces `kind` (TextInput `input-type` number, CalendarPicker
/// `mode` range).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindWhen {
    /// The property that decides (`input-type`, `mode`).
    pub prop: &'static str,
    /// The literal values that change the kind.
    pub values: &'static [&'static str],
    /// The kind of value the input produces then.
    pub kind: ValueKind,
}

impl InputValue {
    /// The kind of value, given the literal string value of a property (`None` when it is
    /// absent, not a string, or dynamic as the caller judges).
    pub fn kind<'v>(&self, literal: impl FnOnce(&'static str) -> Option<&'v str>) -> ValueKind {
        match self.when {
            Some(w) if literal(w.prop).is_some_and(|v| w.values.contains(&v)) => w.kind,
            _ => self.kind,
        }
    }
}

/// One component type (spec section 4).
#[derive(Debug)]
pub struct Component {
    /// Its `type` as written in Flow JSON (`TextInput`, `Footer`, `If`).
    pub name: &'static str,
    /// The first version that has it.
    pub since: FlowVersion,
    /// Its properties in every version, `type` excepted ([`Component::props_in`] picks
    /// those of one version).
    pub props: &'static [Prop],
    /// Where it may sit, and from which version (spec 3.1).
    pub placement: Placement,
    /// Rules between its properties that Meta's schema enforces.
    pub constraints: &'static [Constraint],
    /// Source tag(s) from the spec.
    pub src: &'static str,
    /// For an input, the value it produces (spec 6.2); `None`: `${form...}` can't read it.
    pub value: Option<InputValue>,
    /// Two properties bounding one count, the first at most the second: Meta's builder
    /// answers MIN_VALUE_GREATER_THAN_MAX otherwise \[B] (spec 4, 8).
    pub min_max: Option<(&'static str, &'static str)>,
}

impl Component {
    /// An input producing a value of `kind`.
    pub(crate) const fn input(self, kind: ValueKind) -> Self {
        Component {
            value: Some(InputValue { kind, when: None }),
            ..self
        }
    }

    /// An input producing a value of `kind`, or of `other` when property `prop` is one of
    /// `values`.
    pub(crate) const fn input_unless(
        self,
        kind: ValueKind,
        prop: &'static str,
        values: &'static [&'static str],
        other: ValueKind,
    ) -> Self {
        Component {
            value: Some(InputValue {
                kind,
                when: Some(KindWhen {
                    prop,
                    values,
                    kind: other,
                }),
            }),
            ..self
        }
    }

    /// Properties `min` and `max` bound one count: `min` must not exceed `max`.
    pub(crate) const fn min_max(self, min: &'static str, max: &'static str) -> Self {
        Component {
            min_max: Some((min, max)),
            ..self
        }
    }

    /// Whether it may sit in `c` in version `v`.
    pub fn allowed_in(&self, c: Container, v: FlowVersion) -> bool {
        v >= self.since && self.placement.since(c).is_some_and(|s| v >= s)
    }

    /// Its properties in version `v`; `in_form` drops the outside-Form-only ones.
    pub fn props_in(&self, v: FlowVersion, in_form: bool) -> impl Iterator<Item = &'static Prop> {
        self.props
            .iter()
            .filter(move |p| p.exists_in(v) && !(in_form && p.outside_form_only))
    }

    /// Its property `name`, in whichever version has it (the first if several do:
    /// [`Component::props_in`] for one version).
    pub fn prop(&self, name: &str) -> Option<&'static Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    /// Whether it reads differently inside a Form: it loses `init-value` and
    /// `error-message`, or it holds components that do (the schema's `.in-form` variants).
    pub fn differs_in_form(&self) -> bool {
        self.props
            .iter()
            .any(|p| p.outside_form_only || matches!(p.ty, Ty::Children(_) | Ty::Cases))
            && self.name != "Form"
    }
}
