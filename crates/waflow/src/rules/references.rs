//! Dynamic references (spec 6.1-6.3): every `${data...}`, `${form...}` and
//! `${screen.S...}` resolves to something declared, of the type its property needs.

use crate::rule::{declare_rule, RuleMeta};
use std::ops::Range;

use super::expr::{Ref, Source, VType};
use super::model::{inner_span, value_type, DynStr, Flow, Model, Parsed, Place};
use super::Ctx;
use crate::catalog::model::V4_0;
use crate::finding::Finding;
use crate::suggest::closest;
use crate::syntax::{Node, Span};

// A warning: Meta reads such a string as literal text (see the doc).
declare_rule! {
    pub(crate) INVALID_REFERENCE {
        code: "invalid-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        severity: Warning,
        summary: "A string that looks like a `${...}` reference is malformed, so it is shown as literal text.",
        doc: "A reference is `${data.f}`, `${form.n}`, `${screen.S.data.f}` or `${screen.S.form.n}` with \
         word-character segments. Meta's builder treats a string as a binding only when it matches its \
         binding pattern; anything else (`${forms.name}`, `${data.}`, an unclosed `${data.x`) is \
         literal text, and the conformance records show the builder accepting such flows \
         (invalid-reference_invalid, *__broken_expression__*). The user would see the braces on \
         their phone, so waflow warns (the code is what Meta uses for references it can't resolve, \
         should a later version refuse it). The warning points at the faulty part inside the string. \
         Fix: `${forms.name}` -> `${form.name}`.",
    }
}
// A warning: Meta accepts the string as literal text (see the doc).
declare_rule! {
    pub(crate) TEXT_MIXED_WITH_REFERENCE {
        code: "text-mixed-with-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        severity: Warning,
        summary: "A string mixes literal text with a `${...}` reference outside a backtick expression.",
        doc: "Outside backticks a reference is resolved only when it is the whole value; in \
         `\"Hi ${data.name}\"` the braces are shown literally. Meta's builder wraps such a string as \
         a text literal and accepts it (conformance record text-mixed-with-reference_invalid and \
         the mutated *__broken_expression__* flows), so this is a warning, not an error: the flow \
         uploads, but the user sees `${data.name}` on their phone. Fix (6.0+): \
         \"`'Hi ' ${data.name}`\"; before 6.0 put the whole text in a data field.",
    }
}
declare_rule! {
    pub(crate) RICHTEXT_INTERPOLATION {
        code: "richtext-interpolation",
        error: "INVALID_PROPERTY_VALUE",
        since: crate::catalog::model::V5_1,
        summary: "RichText `text` mixes literal text with a `${...}` reference.",
        doc: "RichText `text` is either fully static or exactly one binding. The spec sheet lists \
         INVALID_TEXT_DYNAMIC_DATA for it (spec 8); Meta's builder reports INVALID_PROPERTY_VALUE \
         ('String interpolation is not supported by RichText component') at the `text` key \
         (conformance record richtext-interpolation_invalid), and the record wins. waflow shows the \
         reference inside the string beside Meta's place. \
         Fix: build the whole Markdown text in a data field and bind it: \"text\": \"${data.body}\".",
    }
}
declare_rule! {
    pub(crate) UNDECLARED_DATA_REFERENCE {
        code: "undeclared-data-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A `${data...}` reference names a field the screen's `data` does not declare.",
        doc: "A screen receives only the data its `data` model declares, and Meta checks every \
         `${data.x}` (and nested `${data.x.y}` against `properties`) against it: \
         INVALID_SCREEN_DYNAMIC_DATA [B] (spec 2.1, 6.1). Fix: declare the field, e.g. \
         \"data\": {\"x\": {\"type\": \"string\", \"__example__\": \"...\"}}, or correct the name.",
    }
}
declare_rule! {
    pub(crate) UNKNOWN_FORM_REFERENCE {
        code: "unknown-form-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A `${form...}` reference does not name an input component of that screen.",
        doc: "`${form.n}` reads the value of the input named `n` on the screen; the Form itself, text, \
         Image, Footer and other non-input components have no value, and a missing name resolves to \
         nothing: INVALID_SCREEN_DYNAMIC_DATA [B] (spec 6.1, 6.2, 8). Fix: use the `name` of a \
         TextInput, Dropdown, ... on that screen.",
    }
}
declare_rule! {
    pub(crate) UNKNOWN_SCREEN_REFERENCE {
        code: "unknown-screen-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        since: V4_0,
        summary: "A `${screen.S...}` reference names a screen that does not exist.",
        doc: "Global references (4.0+) read another screen's data or form; the screen must exist: \
         INVALID_SCREEN_DYNAMIC_DATA [B] (spec 6.1). Fix: correct the screen id.",
    }
}
declare_rule! {
    pub(crate) SELF_SCREEN_REFERENCE {
        code: "self-screen-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        since: V4_0,
        summary: "A `${screen.S...}` reference names the screen it is on.",
        doc: "Meta refuses a global reference to the current screen, which has its own local forms \
         (INVALID_SCREEN_DYNAMIC_DATA) [B] (spec 6.1, 8). Fix: `${screen.HOME.form.x}` on HOME -> \
         `${form.x}`.",
    }
}
declare_rule! {
    pub(crate) ARRAY_ELEMENT_REFERENCE {
        code: "array-element-reference",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A reference steps into the elements of an array field.",
        doc: "A path can't index an array, so a field declared inside an array's `items` is not \
         addressable: INVALID_SCREEN_DYNAMIC_DATA [B] (spec 6.1). Fix: bind the whole array to a \
         list property (`data-source`), or declare the value you need as its own field.",
    }
}
declare_rule! {
    pub(crate) REFERENCE_TYPE_MISMATCH {
        code: "reference-type-mismatch",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        summary: "A reference's type does not match the property it is bound to.",
        doc: "Meta checks each binding's declared type against the property: `visible`/`required`/ \
         `enabled` need a boolean, `data-source` an array, `max-chars` a number, `text` a string \
         (INVALID_SCREEN_DYNAMIC_DATA) [B] (spec 6.2, 6.3). Fix: bind a field of the right type, or \
         change the declaration, e.g. \"is_visible\": {\"type\": \"boolean\", \"__example__\": true}.",
    }
}
declare_rule! {
    pub(crate) UNRESOLVED_PAYLOAD_REFERENCE {
        code: "unresolved-payload-reference",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A `${...}` reference in an action's `payload` does not resolve.",
        doc: "A payload value `${form.n}`, `${data.f}` or `${screen.S...}` must name an input of the \
         screen, a declared data field or an existing screen. Meta's builder reports these as \
         INVALID_ON_CLICK_ACTION_PAYLOAD ('Missing Form component ${form.n} for screen S', 'Missing \
         dynamic data ... in the data model for screen S', 'The screen id S referenced in the dynamic \
         binding expression ... does not exist'), on on-select actions too, pointing at the whole \
         payload value (conformance records unknown-form-reference_invalid and the mutated \
         *__unknown_form__*, *__undeclared_data__* flows); the spec sheet's INVALID_SCREEN_DYNAMIC_DATA \
         is what the builder uses for component properties. The builder's 7.1 chain skips its payload \
         validators (a known defect, conformance README); waflow keeps the rule there, since the \
         reference can't resolve at run time either. Fix: correct the name, e.g. \
         `${form.emial}` -> `${form.email}`.",
    }
}
declare_rule! {
    pub(crate) UNRESOLVED_EXPRESSION_REFERENCE {
        code: "unresolved-expression-reference",
        error: "INVALID_PROPERTY_VALUE",
        since: crate::catalog::model::V6_0,
        summary: "A `${...}` reference inside a backtick expression of a component property does not resolve.",
        doc: "Meta's builder type-checks every backtick expression of a component property; a reference \
         to an undeclared data field or a missing input fails it with INVALID_PROPERTY_VALUE, \
         'Error while parsing dynamic expression ... The following property ... does not exist in \
         the screen data model', at the property's key (conformance: the mutated \
         *string_concatenation__unknown_form__* and *__undeclared_data__* flows). waflow shows the \
         reference inside the string beside Meta's place. Fix: declare the field or correct the \
         input name.",
    }
}
declare_rule! {
    pub(crate) FORM_REFERENCE_IN_PROPERTY {
        code: "form-reference-in-property",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        until: crate::catalog::model::V3_1,
        summary: "A component property reads `${form...}` before Flow JSON 4.0.",
        doc: "Up to 3.1 Meta's builder accepts only `${data...}` as a property binding; `${form...}` \
         works in action payloads only (INVALID_SCREEN_DYNAMIC_DATA) [B] (spec 6.1). Fix: move to \
         Flow JSON 4.0 or later, or pass the value through the next screen's data.",
    }
}
declare_rule! {
    pub(crate) FOOTER_READS_FORM_FROM_OUTSIDE {
        code: "footer-reads-form-from-outside",
        error: "INVALID_SCREEN_DYNAMIC_DATA",
        severity: Warning,
        since: V4_0,
        summary: "A Footer outside the Form reads the Form's inputs with `${form...}`.",
        doc: "The spec sheet lists a builder check against a Footer placed outside a Form that reads \
         that Form's inputs (spec 8, 'footer-outside-form'), but Meta's builder accepts such a flow \
         (conformance record footer-reads-form-from-outside_invalid), so waflow warns: on the \
         phone the Footer may not see the Form's values. INVALID_SCREEN_DYNAMIC_DATA is the code \
         should Meta refuse it. Fix: move the Footer into the Form's `children`.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &INVALID_REFERENCE,
    &TEXT_MIXED_WITH_REFERENCE,
    &RICHTEXT_INTERPOLATION,
    &UNDECLARED_DATA_REFERENCE,
    &UNKNOWN_FORM_REFERENCE,
    &UNKNOWN_SCREEN_REFERENCE,
    &SELF_SCREEN_REFERENCE,
    &ARRAY_ELEMENT_REFERENCE,
    &REFERENCE_TYPE_MISMATCH,
    &UNRESOLVED_PAYLOAD_REFERENCE,
    &UNRESOLVED_EXPRESSION_REFERENCE,
    &FORM_REFERENCE_IN_PROPERTY,
    &FOOTER_READS_FORM_FROM_OUTSIDE,
];

/// Why a reference does not resolve: the rule, message, help and the part at fault.
pub(super) struct Fault(
    &'static crate::rules::RuleMeta,
    String,
    Option<String>,
    Range<usize>,
);

/// The type a reference on screen `si` evaluates to, or why it doesn't resolve. `Ok(None)`:
/// it resolves, to a declaration without a usable type.
pub(super) fn resolve(
    flow: &Flow<'_, '_>,
    si: usize,
    r: &Ref<'_>,
    by_id: bool,
) -> Result<Option<VType>, Fault> {
    let mut target = si;
    if r.screen.is_none() && by_id {
        // For an action payload (`by_id`) Meta looks the current screen up by its id: with
        // a duplicated id its data comes from the first screen of that id and its inputs
        // from the last (conformance: the mutated *__duplicate_screen_id__* flows; the same
        // flows show component properties read from their own screen). Duplicates are an
        // error of their own.
        if let Some(&(first, last)) = flow.screens[si]
            .id_str()
            .and_then(|id| flow.repeats.get(id))
        {
            target = match r.source {
                Source::Data => first,
                Source::Form => last,
            };
        }
    }
    if let Some((id, range)) = &r.screen {
        if flow.version < V4_0 {
            return Err(Fault(
                &INVALID_REFERENCE,
                format!(
                    "${{screen.{id}...}} references exist from Flow JSON 4.0 (this flow is {})",
                    flow.version
                ),
                None,
                r.range.clone(),
            ));
        }
        match flow.ids.get(id) {
            None => {
                let help =
                    closest(id, flow.ids.keys().copied()).map(|c| format!("Did you mean '{c}'?"));
                return Err(Fault(
                    &UNKNOWN_SCREEN_REFERENCE,
                    format!("There is no screen '{id}'"),
                    help,
                    range.clone(),
                ));
            }
            Some(&t) if t == si => {
                return Err(Fault(
                    &SELF_SCREEN_REFERENCE,
                    format!("${{screen.{id}...}} refers to the current screen"),
                    Some(format!(
                        "Write ${{{}.{}}} instead",
                        r.source.as_str(),
                        r.path[0].0
                    )),
                    range.clone(),
                ));
            }
            Some(&t) => target = t,
        }
    }
    let screen = &flow.screens[target];
    let screen_name = screen.id_str().unwrap_or("?");
    let (first, first_range) = (&r.path[0].0, r.path[0].1.clone());
    match r.source {
        Source::Data => {
            let Some(mut decl) = screen.field(first) else {
                let declared: Vec<&str> = screen.fields().collect();
                let help = closest(first, declared.iter().copied())
                    .map(|c| format!("Did you mean '{c}'?"))
                    .or_else(|| {
                        Some(format!(
                            "Declare '{first}' in the data of screen {screen_name}"
                        ))
                    });
                return Err(Fault(
                    &UNDECLARED_DATA_REFERENCE,
                    format!(
                        "Data field '{first}' is not declared in the data of screen {screen_name}"
                    ),
                    help,
                    first_range,
                ));
            };
            let mut at = first.to_string();
            for (seg, range) in &r.path[1..] {
                match decl.get("type").and_then(Node::as_str) {
                    Some("object") => match decl.get("properties").and_then(|p| p.get(seg)) {
                        Some(sub) => decl = sub,
                        None => {
                            return Err(Fault(
                                &UNDECLARED_DATA_REFERENCE,
                                format!("Data field '{at}' declares no property '{seg}'"),
                                None,
                                range.clone(),
                            ))
                        }
                    },
                    Some("array") => {
                        return Err(Fault(
                            &ARRAY_ELEMENT_REFERENCE,
                            format!("Data field '{at}' is an array; a reference can't step into its elements ('{seg}')"),
                            None,
                            range.clone(),
                        ))
                    }
                    other => {
                        return Err(Fault(
                            &UNDECLARED_DATA_REFERENCE,
                            format!("Data field '{at}' is {}; it has no property '{seg}'", other.map_or("untyped".to_string(), |t| format!("a {t}"))),
                            None,
                            range.clone(),
                        ))
                    }
                }
                at.push('.');
                at.push_str(seg);
            }
            Ok(decl.get("type").and_then(Node::as_str).and_then(vtype))
        }
        Source::Form => {
            let Some(input) = screen.input(first) else {
                let other = screen.comps.iter().find(|c| c.name() == Some(first));
                let (message, help) = match other {
                    Some(c) if c.ty == "Form" => (
                        format!("'{first}' is the Form of screen {screen_name}; ${{form...}} reads an input inside it"),
                        Some("Reference an input: ${form.<input name>}".to_string()),
                    ),
                    Some(c) => (format!("'{first}' is a {}, which has no value to read", c.ty), None),
                    None => {
                        let names: Vec<&str> = screen.inputs.keys().copied().collect();
                        (
                            format!("Screen {screen_name} has no input named '{first}'"),
                            closest(first, names.iter().copied()).map(|c| format!("Did you mean '{c}'?")),
                        )
                    }
                };
                return Err(Fault(&UNKNOWN_FORM_REFERENCE, message, help, first_range));
            };
            let t = value_type(input);
            match (&r.path[1..], t) {
                ([], t) => Ok(t),
                ([(seg, _)], Some(VType::Object)) if *seg == "start-date" || *seg == "end-date" => {
                    Ok(Some(VType::String))
                }
                ([(seg, range), ..], _) => Err(Fault(
                    &UNKNOWN_FORM_REFERENCE,
                    format!("The value of '{first}' has no part '{seg}'"),
                    None,
                    range.clone(),
                )),
            }
        }
    }
}

pub(super) fn vtype(t: &str) -> Option<VType> {
    Some(match t {
        "string" => VType::String,
        "number" | "integer" => VType::Number,
        "boolean" => VType::Boolean,
        "object" => VType::Object,
        "array" => VType::Array,
        _ => return None,
    })
}

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    let flow = &ix.flow;
    for d in &flow.strings {
        let comp = d.comp.map(|c| &flow.screens[d.screen].comps[c]);
        match &d.parsed {
            Parsed::Ref(r) => {
                if let Some(t) = report_ref(ctx, flow, d, r, out) {
                    if d.place == Place::Prop && !d.expect.accepts(t) {
                        let what =
                            comp.map_or("the screen".to_string(), |c| format!("the {}", c.ty));
                        out.push(ctx.at(
                            &REFERENCE_TYPE_MISMATCH,
                            format!(
                                "Property '{}' of {what} needs a {}, but {} is a {}",
                                d.prop,
                                d.expect.describe(),
                                d.text,
                                t.as_str()
                            ),
                            Some(
                                "Bind a field of the right type, or change its declaration".into(),
                            ),
                            &[d.node.span],
                        ));
                    }
                }
            }
            Parsed::Expr(e, _) => {
                let mut refs = Vec::new();
                e.refs(&mut refs);
                for r in refs {
                    if !r.closed {
                        out.push(ctx.at_focus(
                            &INVALID_REFERENCE,
                            format!(
                                "The reference {} has no closing '}}'; Meta reads it as if it had one",
                                &d.text[r.range.clone()]
                            ),
                            Some("Close it: ${data.field}".into()),
                            d.node.span,
                            span(flow, d, r.range.clone()),
                        ));
                    }
                    report_ref(ctx, flow, d, r, out);
                }
            }
            Parsed::BadRef(e) => {
                // Meta reads `${data...}` / `${form...}` as a binding and looks its path
                // up, so a malformed path there is a reference that resolves to nothing
                // (conformance: invalid-reference_invalid-empty-segment); any other
                // `${...}` is literal text to it (invalid-reference_invalid passes).
                let rule = match (d.place, d.text.get(..7)) {
                    (Place::Payload { .. }, Some("${data." | "${form.")) => {
                        &UNRESOLVED_PAYLOAD_REFERENCE
                    }
                    (_, Some("${data.")) => &UNDECLARED_DATA_REFERENCE,
                    (_, Some("${form.")) => &UNKNOWN_FORM_REFERENCE,
                    _ => &INVALID_REFERENCE,
                };
                out.push(ctx.at_focus(
                    rule,
                    format!("{} does not name a field: {}", d.text, e.message),
                    None,
                    d.node.span,
                    inner_span(flow.text, d.node, e.range.clone()),
                ));
            }
            Parsed::Mixed(at) => {
                let rich = comp.is_some_and(|c| c.ty == "RichText") && d.prop == "text";
                let (rule, message) = if rich {
                    (
                        &RICHTEXT_INTERPOLATION,
                        "RichText text must be fully static or exactly one ${...} reference"
                            .to_string(),
                    )
                } else {
                    (&TEXT_MIXED_WITH_REFERENCE, format!("A ${{...}} reference must be the whole value of '{}' here; text around it is not interpolated", d.prop))
                };
                let help = if flow.version >= crate::catalog::model::V6_0 && !rich {
                    Some("Use a backtick expression: `'text ' ${data.x}`".to_string())
                } else {
                    Some("Put the whole text in a data field and bind it".to_string())
                };
                let end = d.text[*at..].find('}').map_or(d.text.len(), |e| at + e + 1);
                // RichText: Meta points at the `text` key; a mixed string: the value.
                let meta = if rich {
                    d.key.unwrap_or(d.node.span)
                } else {
                    d.node.span
                };
                out.push(ctx.at_focus(
                    rule,
                    message,
                    help,
                    meta,
                    inner_span(flow.text, d.node, *at..end),
                ));
            }
            Parsed::Error(..) => {}
        }
    }
}

/// Reports what is wrong with one reference; returns its type when it resolves.
fn report_ref(
    ctx: &Ctx<'_, '_>,
    flow: &Flow<'_, '_>,
    d: &DynStr<'_>,
    r: &Ref<'_>,
    out: &mut Vec<Finding>,
) -> Option<VType> {
    let screen = &flow.screens[d.screen];
    if r.source == Source::Form
        && r.screen.is_none()
        && d.place == Place::Prop
        && flow.version < V4_0
    {
        out.push(ctx.at_focus(
            &FORM_REFERENCE_IN_PROPERTY,
            format!(
                "Property '{}' can't read {} before Flow JSON 4.0; only action payloads may",
                d.prop,
                &d.text[r.range.clone()]
            ),
            None,
            d.node.span,
            span(flow, d, r.range.clone()),
        ));
    }
    match resolve(flow, d.screen, r, matches!(d.place, Place::Payload { .. })) {
        Ok(t) => {
            let comp = d.comp.map(|c| &screen.comps[c]);
            if let (Some(c), Source::Form, None) = (comp, r.source, &r.screen) {
                if c.ty == "Footer" && c.form.is_none() {
                    let input = screen.input(r.path[0].0);
                    if input.is_some_and(|i| i.form.is_some()) {
                        out.push(ctx.at_focus(
                            &FOOTER_READS_FORM_FROM_OUTSIDE,
                            format!(
                                "This Footer sits outside the Form but reads its input '{}'",
                                r.path[0].0
                            ),
                            Some("Move the Footer into the Form's children".into()),
                            d.node.span,
                            span(flow, d, r.range.clone()),
                        ));
                    }
                }
            }
            t
        }
        Err(Fault(rule, message, help, range)) => {
            // Meta's code and place depend on where the reference sits (see the rules'
            // docs): a payload value, a backtick expression of a property (its key), or a
            // property / condition value.
            let (rule, message) = match (d.place, &d.parsed) {
                (Place::Payload { .. }, _) => (&UNRESOLVED_PAYLOAD_REFERENCE, message),
                (Place::Prop, Parsed::Expr(..)) => (
                    &UNRESOLVED_EXPRESSION_REFERENCE,
                    format!("{}: {message}", &d.text[r.range.clone()]),
                ),
                _ => (rule, message),
            };
            out.push(ctx.at_focus(rule, message, help, d.meta_span(), span(flow, d, range)));
            None
        }
    }
}

fn span(flow: &Flow<'_, '_>, d: &DynStr<'_>, range: Range<usize>) -> Span {
    inner_span(flow.text, d.node, range)
}
