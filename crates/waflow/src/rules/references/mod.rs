//! Dynamic references (spec 6.1-6.3): every `${data...}`, `${form...}` and
//! `${screen.S...}` resolves to something declared, of the type its property needs; a
//! string that tries to be a reference and isn't one is shown as literal text.
//!
//! The model resolves every reference once ([`Reference`]); the rules here read the
//! resolutions. Which rule reports a reference that reads nothing depends on where it
//! sits, since Meta's code and place do ([`Owner`]).

use std::ops::Range;

use crate::rules::model::{inner_span, DynStr, Flow, Model, Parsed, Place, Reason, Reference};
use crate::rules::Reporter;
use crate::suggest::closest;
use crate::syntax::Span;

// `actions` reads data field types through here; the function lives in the model.
pub(super) use crate::rules::model::vtype;

family!(
    invalid_reference,
    text_mixed_with_reference,
    richtext_interpolation,
    undeclared_data_reference,
    unknown_form_reference,
    unknown_screen_reference,
    self_screen_reference,
    array_element_reference,
    reference_type_mismatch,
    unresolved_payload_reference,
    unresolved_expression_reference,
    form_reference_in_property,
    footer_reads_form_from_outside,
);

/// The rule that reports a reference that reads nothing, or a malformed one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Owner {
    InvalidReference,
    UndeclaredData,
    UnknownForm,
    UnknownScreen,
    SelfScreen,
    ArrayElement,
    /// In an action payload, whatever the reason.
    Payload,
    /// In a backtick expression of a component property, whatever the reason.
    Expression,
}

impl Owner {
    /// Who reports a reference of string `d` that reads nothing for `reason`. Meta's code
    /// and place depend on where the reference sits (see the rules' docs): a payload
    /// value, a backtick expression of a property (its key), or a property / condition
    /// value, where the reason decides.
    fn of_unresolved(d: &DynStr<'_>, reason: &Reason<'_>) -> Owner {
        match (d.place, &d.parsed) {
            (Place::Payload { .. }, _) => Owner::Payload,
            (Place::Prop, Parsed::Expr(..)) => Owner::Expression,
            _ => match reason {
                Reason::GlobalBeforeV4 { .. } => Owner::InvalidReference,
                Reason::NoScreen { .. } => Owner::UnknownScreen,
                Reason::OwnScreen { .. } => Owner::SelfScreen,
                Reason::NoField { .. } | Reason::NoProperty { .. } | Reason::IntoScalar { .. } => {
                    Owner::UndeclaredData
                }
                Reason::IntoArray { .. } => Owner::ArrayElement,
                Reason::NoInput { .. } | Reason::NoPart { .. } => Owner::UnknownForm,
            },
        }
    }

    /// Who reports the malformed whole-value reference `d` (`Parsed::BadRef`). Meta reads
    /// `${data...}` / `${form...}` as a binding and looks its path up, so a malformed path
    /// there is a reference that resolves to nothing (conformance:
    /// invalid-reference_invalid-empty-segment); any other `${...}` is literal text to it
    /// (invalid-reference_invalid passes).
    fn of_malformed(d: &DynStr<'_>) -> Owner {
        match (d.place, d.text.get(..7)) {
            (Place::Payload { .. }, Some("${data." | "${form.")) => Owner::Payload,
            (_, Some("${data.")) => Owner::UndeclaredData,
            (_, Some("${form.")) => Owner::UnknownForm,
            _ => Owner::InvalidReference,
        }
    }
}

/// Reports every reference that reads nothing and that `owner` reports, in document order.
fn report_unresolved(m: &Model<'_, '_>, owner: Owner, out: &mut Reporter<'_, '_>) {
    for r in &m.refs {
        let d = &m.flow.strings[r.string];
        if let Err(u) = &r.resolved {
            if Owner::of_unresolved(d, &u.reason) == owner {
                report_reason(m, d, r, &u.reason, owner, u.at.clone(), out);
            }
        }
    }
}

/// The finding of `owner` for reference `r` of string `d` that reads nothing for
/// `reason`, at Meta's place for the string, showing the part `at` at fault.
fn report_reason(
    m: &Model<'_, '_>,
    d: &DynStr<'_>,
    r: &Reference<'_>,
    reason: &Reason<'_>,
    owner: Owner,
    at: Range<usize>,
    out: &mut Reporter<'_, '_>,
) {
    let (mut message, help) = describe(&m.flow, r, reason);
    if owner == Owner::Expression {
        message = format!("{}: {message}", &d.text[r.range.clone()]);
    }
    out.at_focus(message, help, d.meta_span(), span(m, d, at));
}

/// Reports every malformed whole-value reference that `owner` reports, in document order.
fn report_malformed(m: &Model<'_, '_>, owner: Owner, out: &mut Reporter<'_, '_>) {
    for d in &m.flow.strings {
        if let Parsed::BadRef(e) = &d.parsed {
            if Owner::of_malformed(d) == owner {
                out.at_focus(
                    format!("{} does not name a field: {}", d.text, e.message),
                    None,
                    d.node.span,
                    span(m, d, e.range.clone()),
                );
            }
        }
    }
}

/// The message and help for reference `r` that reads nothing for `reason`.
fn describe(
    flow: &Flow<'_, '_>,
    r: &Reference<'_>,
    reason: &Reason<'_>,
) -> (String, Option<String>) {
    let first = r.first;
    match *reason {
        Reason::GlobalBeforeV4 { id } => (
            format!(
                "${{screen.{id}...}} references exist from Flow JSON 4.0 (this flow is {})",
                flow.version
            ),
            None,
        ),
        Reason::NoScreen { id } => (
            format!("There is no screen '{id}'"),
            closest(id, flow.ids.keys().copied()).map(|c| format!("Did you mean '{c}'?")),
        ),
        Reason::OwnScreen { id } => (
            format!("${{screen.{id}...}} refers to the current screen"),
            Some(format!(
                "Write ${{{}.{first}}} instead",
                r.source.as_str()
            )),
        ),
        Reason::NoField { screen } => undeclared_field(flow, screen, first),
        Reason::NoProperty { field, seg } => (
            format!("Data field '{field}' declares no property '{seg}'"),
            None,
        ),
        Reason::IntoArray { field, seg } => (
            format!(
                "Data field '{field}' is an array; a reference can't step into its elements ('{seg}')"
            ),
            None,
        ),
        Reason::IntoScalar { field, seg, ty } => (
            format!(
                "Data field '{field}' is {}; it has no property '{seg}'",
                ty.map_or("untyped".to_string(), |t| format!("a {t}"))
            ),
            None,
        ),
        Reason::NoInput { screen } => missing_input(flow, screen, first),
        Reason::NoPart { seg } => (
            format!("The value of '{first}' has no part '{seg}'"),
            None,
        ),
    }
}

/// `${data.<first>}`: screen `si` declares no such field.
fn undeclared_field(flow: &Flow<'_, '_>, si: usize, first: &str) -> (String, Option<String>) {
    let screen = &flow.screens[si];
    let name = screen.id_str().unwrap_or("?");
    let help = closest(first, screen.fields())
        .map(|c| format!("Did you mean '{c}'?"))
        .unwrap_or_else(|| format!("Declare '{first}' in the data of screen {name}"));
    (
        format!("Data field '{first}' is not declared in the data of screen {name}"),
        Some(help),
    )
}

/// `${form.<first>}`: screen `si` has no input so named; it may be the Form, or a
/// component without a value.
fn missing_input(flow: &Flow<'_, '_>, si: usize, first: &str) -> (String, Option<String>) {
    let screen = &flow.screens[si];
    let name = screen.id_str().unwrap_or("?");
    match screen.comps.iter().find(|c| c.name() == Some(first)) {
        Some(c) if c.ty == "Form" => (
            format!(
                "'{first}' is the Form of screen {name}; ${{form...}} reads an input inside it"
            ),
            Some("Reference an input: ${form.<input name>}".to_string()),
        ),
        Some(c) => (
            format!("'{first}' is a {}, which has no value to read", c.ty),
            None,
        ),
        None => (
            format!("Screen {name} has no input named '{first}'"),
            closest(first, screen.inputs.keys().copied()).map(|c| format!("Did you mean '{c}'?")),
        ),
    }
}

/// The source bytes of decoded offsets `range` of string `d`.
fn span(m: &Model<'_, '_>, d: &DynStr<'_>, range: Range<usize>) -> Span {
    inner_span(m.flow.text, d.node, range)
}

/// The help of `richtext-interpolation`, and of `text-mixed-with-reference` before
/// backtick expressions exist (6.0).
const BIND_A_FIELD: &str = "Put the whole text in a data field and bind it";

/// Whether string `d` is the `text` of a RichText, which Meta judges apart from other
/// text mixed with a reference.
fn is_rich_text(m: &Model<'_, '_>, d: &DynStr<'_>) -> bool {
    d.prop == "text"
        && d.comp
            .is_some_and(|c| m.flow.screens[d.screen].comps[c].ty == "RichText")
}

/// The decoded offsets of the first `${...}` of a mixed string, which starts at `at`:
/// up to its `}`, or to the end of the string.
fn first_reference(d: &DynStr<'_>, at: usize) -> Range<usize> {
    let end = d.text[at..].find('}').map_or(d.text.len(), |e| at + e + 1);
    at..end
}
