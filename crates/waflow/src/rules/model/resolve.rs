//! Reference resolution, done once per flow: what every `${data...}`, `${form...}` and
//! `${screen.S...}` of every dynamic string refers to (spec 6.1-6.3), and the type of
//! every backtick expression and If condition that parsed (spec 6.4). The reference and
//! expression rules read the results; none of them resolves a reference again.

use std::ops::Range;

use super::{value_type, Flow, Parsed, Place, Screen};
use crate::catalog::components::RANGE_PARTS;
use crate::catalog::model::V4_0;
use crate::rules::expr::{ExprError, Ref, Source, VType};
use crate::syntax::Node;

/// One `${...}` reference of a dynamic string, resolved.
pub(crate) struct Reference<'a> {
    /// The string it sits in: an index in [`Flow::strings`].
    pub string: usize,
    /// Whether it reads data or a form.
    pub source: Source,
    /// `${screen.S...}`: the screen id S.
    pub screen: Option<&'a str>,
    /// The first segment of its path: the data field or the input it reads.
    pub first: &'a str,
    /// The whole `${...}` (decoded offsets in the string).
    pub range: Range<usize>,
    /// Whether its `}` is there.
    pub closed: bool,
    /// The type of what it reads (`None`: a declaration without a usable type), or why it
    /// reads nothing.
    pub resolved: Result<Option<VType>, Unresolved<'a>>,
}

/// Why a reference reads nothing, and the part of it at fault.
pub(crate) struct Unresolved<'a> {
    pub reason: Reason<'a>,
    /// Decoded offsets in the string: the screen id, a segment of the path, or the whole
    /// reference.
    pub at: Range<usize>,
}

/// Why a reference reads nothing.
pub(crate) enum Reason<'a> {
    /// `${screen.S...}` in a flow older than 4.0, which has no global references.
    GlobalBeforeV4 { id: &'a str },
    /// `${screen.S...}`: no screen has id S.
    NoScreen { id: &'a str },
    /// `${screen.S...}` on screen S itself.
    OwnScreen { id: &'a str },
    /// `${data.f}`: screen `screen` (an index in [`Flow::screens`]) declares no field f.
    NoField { screen: usize },
    /// `${data.f.g}`: object `field` (the path up to g) declares no property g.
    NoProperty { field: &'a str, seg: &'a str },
    /// `${data.f.g}`: `field` is an array, whose elements a path can't reach.
    IntoArray { field: &'a str, seg: &'a str },
    /// `${data.f.g}`: `field` is of scalar type `ty` (`None`: untyped), with no properties.
    IntoScalar {
        field: &'a str,
        seg: &'a str,
        ty: Option<&'a str>,
    },
    /// `${form.n}`: screen `screen` (an index in [`Flow::screens`]) has no input named n.
    NoInput { screen: usize },
    /// `${form.n.p}`: the value of input n has no part p.
    NoPart { seg: &'a str },
}

/// The type check of one backtick expression or If condition that parsed.
pub(crate) struct Typed {
    /// The string: an index in [`Flow::strings`].
    pub string: usize,
    /// What it evaluates to (`None`: unknown, e.g. it reads a reference that resolves to
    /// nothing, which a reference rule reports).
    pub ty: Option<VType>,
    /// Its operand type faults, in the order the type check finds them.
    pub faults: Vec<ExprError>,
}

/// How the screen of a reference without `screen.S` is found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lookup {
    /// The screen the string is on.
    Own,
    /// By the id of the screen the string is on, as Meta does for an action payload.
    ById,
}

/// Resolves every reference of every dynamic string of `flow`, in document order, and
/// type-checks every expression that parsed.
pub(super) fn resolve_all<'a>(flow: &Flow<'a, '_>) -> (Vec<Reference<'a>>, Vec<Typed>) {
    let mut refs = Vec::new();
    let mut types = Vec::new();
    let mut found: Vec<&Ref<'a>> = Vec::new();
    for (i, d) in flow.strings.iter().enumerate() {
        found.clear();
        match &d.parsed {
            Parsed::Ref(r) => found.push(r),
            Parsed::Expr(e, _) => e.refs(&mut found),
            _ => continue,
        }
        let lookup = match d.place {
            Place::Payload { .. } => Lookup::ById,
            Place::Prop | Place::Condition => Lookup::Own,
        };
        let start = refs.len();
        refs.extend(found.iter().map(|r| Reference {
            string: i,
            source: r.source,
            screen: r.screen.as_ref().map(|(id, _)| *id),
            first: r.path[0].0,
            range: r.range.clone(),
            closed: r.closed,
            resolved: resolve(flow, d.screen, d.text, r, lookup),
        }));
        if let Parsed::Expr(e, _) = &d.parsed {
            types.push(type_check(flow, i, e, &refs[start..], lookup));
        }
    }
    (refs, types)
}

/// The type check of expression `e` of string `si`, whose references `mine` resolved
/// with `lookup`.
fn type_check<'a>(
    flow: &Flow<'a, '_>,
    si: usize,
    e: &crate::rules::expr::Expr<'a>,
    mine: &[Reference<'a>],
    lookup: Lookup,
) -> Typed {
    let d = &flow.strings[si];
    // The type check reads every reference on the string's own screen, in an action
    // payload too (only the payload's reference rule follows Meta's lookup by id); the
    // two lookups differ only on a screen whose id is duplicated.
    let own_differs = lookup == Lookup::ById
        && flow.screens[d.screen]
            .id_str()
            .is_some_and(|id| flow.repeats.contains_key(id));
    let types = |r: &Ref<'a>| {
        let stored = mine
            .binary_search_by_key(&r.range.start, |m| m.range.start)
            .ok()
            .filter(|_| !own_differs);
        match stored {
            Some(at) => mine[at].resolved.as_ref().ok().copied().flatten(),
            None => resolve(flow, d.screen, d.text, r, Lookup::Own)
                .ok()
                .flatten(),
        }
    };
    let mut faults = Vec::new();
    let ty = e.type_of(&types, &mut faults);
    Typed {
        string: si,
        ty,
        faults,
    }
}

/// The type reference `r` of string `text` on screen `si` reads, or why it reads nothing.
fn resolve<'a>(
    flow: &Flow<'a, '_>,
    si: usize,
    text: &'a str,
    r: &Ref<'a>,
    lookup: Lookup,
) -> Result<Option<VType>, Unresolved<'a>> {
    let target = target_screen(flow, si, r, lookup)?;
    let screen = &flow.screens[target];
    match r.source {
        Source::Data => data_type(screen, target, text, r),
        Source::Form => input_type(screen, target, r),
    }
}

/// The screen a reference reads: the one `screen.S` names, else the string's own.
fn target_screen<'a>(
    flow: &Flow<'a, '_>,
    si: usize,
    r: &Ref<'a>,
    lookup: Lookup,
) -> Result<usize, Unresolved<'a>> {
    let Some((id, at)) = &r.screen else {
        return Ok(own_screen(flow, si, r.source, lookup));
    };
    let fault = |reason| {
        Err(Unresolved {
            reason,
            at: at.clone(),
        })
    };
    // Not version gating: the same reference is a fault of another kind before 4.0,
    // where global references do not exist (the whole reference is at fault).
    if flow.version < V4_0 {
        return Err(Unresolved {
            reason: Reason::GlobalBeforeV4 { id },
            at: r.range.clone(),
        });
    }
    match flow.ids.get(id) {
        None => fault(Reason::NoScreen { id }),
        Some(&t) if t == si => fault(Reason::OwnScreen { id }),
        Some(&t) => Ok(t),
    }
}

/// The screen the string on screen `si` reads without `screen.S`.
fn own_screen(flow: &Flow<'_, '_>, si: usize, source: Source, lookup: Lookup) -> usize {
    if lookup == Lookup::ById {
        // For an action payload Meta looks the current screen up by its id: with a
        // duplicated id its data comes from the first screen of that id and its inputs
        // from the last (conformance: the mutated *__duplicate_screen_id__* flows; the
        // same flows show component properties read from their own screen). Duplicates
        // are an error of their own.
        if let Some(&(first, last)) = flow.screens[si]
            .id_str()
            .and_then(|id| flow.repeats.get(id))
        {
            return match source {
                Source::Data => first,
                Source::Form => last,
            };
        }
    }
    si
}

/// The type of the data field a `${data...}` path names on `screen` (index `target`):
/// each segment after the first is a property of an object field.
fn data_type<'a>(
    screen: &Screen<'a, '_>,
    target: usize,
    text: &'a str,
    r: &Ref<'a>,
) -> Result<Option<VType>, Unresolved<'a>> {
    let (first, first_at) = &r.path[0];
    let Some(mut decl) = screen.field(first) else {
        return Err(Unresolved {
            reason: Reason::NoField { screen: target },
            at: first_at.clone(),
        });
    };
    for (i, (seg, at)) in r.path.iter().enumerate().skip(1) {
        // The path up to this segment, as written (segments are joined by single dots).
        let field = text
            .get(first_at.start..r.path[i - 1].1.end)
            .unwrap_or(first);
        let reason = match decl.get("type").and_then(Node::as_str) {
            Some("object") => match decl.get("properties").and_then(|p| p.get(seg)) {
                Some(sub) => {
                    decl = sub;
                    continue;
                }
                None => Reason::NoProperty { field, seg },
            },
            Some("array") => Reason::IntoArray { field, seg },
            ty => Reason::IntoScalar { field, seg, ty },
        };
        return Err(Unresolved {
            reason,
            at: at.clone(),
        });
    }
    Ok(decl.get("type").and_then(Node::as_str).and_then(vtype))
}

/// The type of the value a `${form...}` path reads on `screen` (index `target`): an
/// input's, or one end of a range-mode CalendarPicker's.
fn input_type<'a>(
    screen: &Screen<'a, '_>,
    target: usize,
    r: &Ref<'a>,
) -> Result<Option<VType>, Unresolved<'a>> {
    let (first, first_at) = &r.path[0];
    let Some(input) = screen.input(first) else {
        return Err(Unresolved {
            reason: Reason::NoInput { screen: target },
            at: first_at.clone(),
        });
    };
    let t = value_type(input);
    match (&r.path[1..], t) {
        ([], t) => Ok(t),
        // A range-mode CalendarPicker's value is an object of two dates (spec 6.2).
        ([(seg, _)], Some(VType::Object)) if RANGE_PARTS.contains(seg) => Ok(Some(VType::String)),
        ([(seg, at), ..], _) => Err(Unresolved {
            reason: Reason::NoPart { seg },
            at: at.clone(),
        }),
    }
}

/// The value type of a data field declared with JSON Schema type `t` (spec 2.1, 6.3).
pub(crate) fn vtype(t: &str) -> Option<VType> {
    Some(match t {
        "string" => VType::String,
        "number" | "integer" => VType::Number,
        "boolean" => VType::Boolean,
        "object" => VType::Object,
        "array" => VType::Array,
        _ => return None,
    })
}
