//! Action constraints (spec 5.3): where each action may be, what its payload holds.

use super::expr::{Source, VType};
use super::model::{literal_type, value_type, Action, Comp, DynStr, Flow, Model, Parsed, Place};
use super::references::vtype;
use super::Ctx;
use crate::catalog::model::{V5_0, V6_0, V6_2};
use crate::finding::Finding;
use crate::rule::{declare_rule, RuleMeta};
use crate::suggest::closest;
use crate::syntax::{Node, Span};

declare_rule! {
    pub(crate) UNKNOWN_NAVIGATE_TARGET {
        code: "unknown-navigate-target",
        error: "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        summary: "A navigate action's `next.name` is not a screen of the flow.",
        doc: "navigate moves to the screen whose id is `next.name`; Meta answers \
         INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME when there is none [B] (spec 5.3). Fix: correct \
         the id or add the screen.",
    }
}
declare_rule! {
    pub(crate) NAVIGATE_TO_SELF {
        code: "navigate-to-self",
        error: "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
        summary: "A navigate action targets the screen it is on.",
        doc: "A screen can't navigate to itself (INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME) [B] (spec \
         5.3, 7.2); to change what the screen shows use update_data (6.0+) or data_exchange. Fix: \
         target another screen.",
    }
}
declare_rule! {
    pub(crate) MISSING_NAVIGATE_PAYLOAD {
        code: "missing-navigate-payload",
        error: "MISSING_NAVIGATION_ACTION_PAYLOAD",
        summary: "A navigate has no `payload` although the target screen declares data.",
        doc: "A navigate's payload becomes the target screen's `data`; with no `payload` at all the \
         builder says 'Property payload is required when the next screen's data model is not \
         empty': MISSING_NAVIGATION_ACTION_PAYLOAD [B] (spec 2.1, 5.3). A payload that lacks only \
         some fields is incomplete-navigate-payload. Fix: add \"payload\": {\"name\": \
         \"${form.name}\"}.",
    }
}
declare_rule! {
    pub(crate) INCOMPLETE_NAVIGATE_PAYLOAD {
        code: "incomplete-navigate-payload",
        error: "INVALID_NAVIGATE_ACTION_PAYLOAD",
        summary: "A navigate `payload` lacks fields the target screen declares.",
        doc: "A navigate's payload becomes the target screen's `data`, so it must provide every field \
         that screen declares. When the `payload` is there but lacks some, Meta's builder answers \
         INVALID_NAVIGATE_ACTION_PAYLOAD, 'Following fields are expected in the next screen's data \
         model but missing in payload', at the payload object (conformance record \
         missing-navigate-payload_invalid); a navigate with no `payload` at all is \
         missing-navigate-payload. Fix: add the missing keys, e.g. \"payload\": {\"name\": \
         \"${form.name}\"}.",
    }
}
declare_rule! {
    pub(crate) UNEXPECTED_NAVIGATE_PAYLOAD {
        code: "unexpected-navigate-payload",
        error: "INVALID_NAVIGATE_ACTION_PAYLOAD",
        summary: "A navigate payload has a key the target screen does not declare.",
        doc: "Every payload key must be a field of the target screen's `data`; Meta answers \
         INVALID_NAVIGATE_ACTION_PAYLOAD with the pointer on the key [B] (spec 5.3). Fix: declare \
         the field on the target screen or drop the key.",
    }
}
declare_rule! {
    pub(crate) NAVIGATE_PAYLOAD_TYPE_MISMATCH {
        code: "navigate-payload-type-mismatch",
        error: "INVALID_NAVIGATE_ACTION_STATIC_DATA",
        summary: "A literal navigate payload value does not match the target field's declared type.",
        doc: "Literal payload values are checked against the type the target screen declares: \
         INVALID_NAVIGATE_ACTION_STATIC_DATA [B] (spec 5.3). Fix: {\"count\": \"3\"} -> \
         {\"count\": 3} for a number field.",
    }
}
declare_rule! {
    pub(crate) COMPLETE_OUTSIDE_TERMINAL_FOOTER {
        code: "complete-outside-terminal-footer",
        error: "INVALID_COMPLETE_ACTION",
        summary: "A complete action is not on the Footer of a terminal screen.",
        doc: "complete ends the flow and sends its payload to the business, which Meta allows only from \
         the Footer of a terminal screen: INVALID_COMPLETE_ACTION [B] (spec 2, 5.3). Fix: mark the \
         screen \"terminal\": true, or use navigate to move to the terminal screen.",
    }
}
declare_rule! {
    pub(crate) TERMINAL_FOOTER_ACTION {
        code: "terminal-footer-action",
        error: "INVALID_PROPERTY_VALUE",
        since: V5_0,
        summary: "The Footer of a terminal screen uses navigate.",
        doc: "On a terminal screen the Footer must end the flow: complete, or (endpoint flows) \
         complete/data_exchange; Meta reports INVALID_PROPERTY_VALUE on the action's `name` listing \
         the allowed names [B] (spec 4.4, 5.3; validator dated 5.0). A data_exchange in a flow \
         without `data_api_version` is reported by data-exchange-needs-data-api-version. Fix: \
         \"name\": \"navigate\" -> \"name\": \"complete\", or drop `terminal` from the screen.",
    }
}
declare_rule! {
    pub(crate) INVALID_UPDATE_DATA_PAYLOAD {
        code: "invalid-update-data-payload",
        error: "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        since: V6_0,
        summary: "An update_data payload does not fit the screen's data model.",
        doc: "update_data (6.0+) overwrites fields of the current screen's `data`, so the screen needs a \
         data model, each key must be one of its fields, a literal value must have the field's type \
         and a literal object must supply every declared property: \
         INVALID_UPDATE_DATA_ACTION_PAYLOAD [B] (spec 5.3). Fix: declare the field in the screen's \
         `data`, or correct the key.",
    }
}
declare_rule! {
    pub(crate) UPDATE_DATA_SELF_ASSIGNMENT {
        code: "update-data-self-assignment",
        error: "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        since: V6_0,
        summary: "An update_data payload sets a field to its own value.",
        doc: "An entry such as \"x\": \"${data.x}\" changes nothing; Meta's builder rejects it as a \
         redundant self-update with the pointer on that entry [B] (spec 5.3). Fix: delete the entry.",
    }
}
declare_rule! {
    pub(crate) MEDIA_IN_NAVIGATE_PAYLOAD {
        code: "media-in-navigate-payload",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A navigate payload passes a PhotoPicker/DocumentPicker value.",
        doc: "Uploaded media can't travel between screens. The spec sheet names \
         INVALID_NAVIGATE_ACTION_PAYLOAD; Meta's builder answers INVALID_ON_CLICK_ACTION_PAYLOAD \
         ('The value of PhotoPicker component is not allowed in the payload of navigate action') \
         at the payload value (conformance record media-in-navigate-payload_invalid), and the \
         record wins [B] (spec 5.3). Fix: send the media in the complete or data_exchange payload of the screen \
         that has the picker.",
    }
}
declare_rule! {
    pub(crate) MEDIA_REFERENCE_PLACEMENT {
        code: "media-reference-placement",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A media picker's value is nested or combined in a complete/data_exchange payload.",
        doc: "A PhotoPicker/DocumentPicker value may only be a top-level payload value that is exactly \
         `${form.picker}` (or `${screen.S.form.picker}`), not inside an object, an array or an \
         expression: INVALID_ON_CLICK_ACTION_PAYLOAD [B] (spec 5.3). Fix: \
         {\"files\": {\"photos\": \"${form.photos}\"}} -> {\"photos\": \"${form.photos}\"}.",
    }
}
declare_rule! {
    pub(crate) TOO_MANY_MEDIA_IN_PAYLOAD {
        code: "too-many-media-in-payload",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "A complete payload may carry more media files than WhatsApp sends in one response.",
        doc: "A response message holds at most 10 files: before 5.0 a complete payload may reference \
         only one media picker; from 5.0 the `max-uploaded-*` of the referenced pickers must add up \
         to at most 10, and an unset maximum counts as 30 [B][D] (spec 5.3, 10). \
         INVALID_ON_CLICK_ACTION_PAYLOAD. Fix: set \"max-uploaded-photos\" (or -documents) so the \
         sum is at most 10.",
    }
}
declare_rule! {
    pub(crate) MEDIA_PAYLOAD_TOO_LARGE {
        code: "media-payload-too-large",
        error: "INVALID_ON_CLICK_ACTION_PAYLOAD",
        summary: "The media a complete payload may carry can exceed 100 MiB.",
        doc: "A response message holds at most 100 MiB of media: over the referenced pickers, the maximum \
         number of files times `max-file-size-kb` (default 25600) must stay within 102400 KB \
         (INVALID_ON_CLICK_ACTION_PAYLOAD) [B][D] (spec 5.3, 10). Fix: lower \"max-file-size-kb\" or \
         the maximum file counts.",
    }
}
declare_rule! {
    pub(crate) ITEM_ACTION_WITH_COMPONENT_ACTION {
        code: "item-action-with-component-action",
        error: "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
        since: V6_0,
        summary: "A data-source item has an on-select/on-unselect action that its component also has.",
        doc: "From 6.0 an option may carry its own update_data action, but not for an event the \
         component itself handles: Meta answers INVALID_UPDATE_DATA_ACTION_PAYLOAD [B] (spec 5.3). \
         Fix: keep the action either on the component or on the items.",
    }
}
declare_rule! {
    pub(crate) NAVIGATION_LIST_ACTION {
        code: "navigation-list-action",
        error: "DUPLICATE_PROPETY_FOR_CONDITION",
        since: V6_2,
        summary: "A NavigationList has on-click-action both on the component and on items.",
        doc: "The click action of a NavigationList (6.2+) lives on the component or on every item, \
         never both [B][D] (spec 4.4, 5.3). Meta's builder answers DUPLICATE_PROPETY_FOR_CONDITION \
         (Meta's spelling) with one pointer at the component's on-click-action and one at each \
         item's (conformance record navigation-list-action_invalid). Fix: remove the item \
         actions, or the component's.",
    }
}
declare_rule! {
    pub(crate) NAVIGATION_LIST_WITHOUT_ACTION {
        code: "navigation-list-without-action",
        error: "MISSING_REQUIRED_PROPERTY",
        since: V6_2,
        summary: "Neither a NavigationList nor one of its items has an on-click-action.",
        doc: "Without an on-click-action on the component, every item needs one; Meta's builder \
         answers MISSING_REQUIRED_PROPERTY 'Required property on-click-action is missing' at the \
         NavigationList (conformance record navigation-list-action_invalid-neither) [B][D] (spec \
         4.4). Fix: add on-click-action to the NavigationList, or to every item.",
    }
}

/// This stage's rules, in documentation order (the registry joins the stages' lists).
pub(super) static RULES: &[&RuleMeta] = &[
    &UNKNOWN_NAVIGATE_TARGET,
    &NAVIGATE_TO_SELF,
    &MISSING_NAVIGATE_PAYLOAD,
    &INCOMPLETE_NAVIGATE_PAYLOAD,
    &UNEXPECTED_NAVIGATE_PAYLOAD,
    &NAVIGATE_PAYLOAD_TYPE_MISMATCH,
    &COMPLETE_OUTSIDE_TERMINAL_FOOTER,
    &TERMINAL_FOOTER_ACTION,
    &INVALID_UPDATE_DATA_PAYLOAD,
    &UPDATE_DATA_SELF_ASSIGNMENT,
    &MEDIA_IN_NAVIGATE_PAYLOAD,
    &MEDIA_REFERENCE_PLACEMENT,
    &TOO_MANY_MEDIA_IN_PAYLOAD,
    &MEDIA_PAYLOAD_TOO_LARGE,
    &ITEM_ACTION_WITH_COMPONENT_ACTION,
    &NAVIGATION_LIST_ACTION,
    &NAVIGATION_LIST_WITHOUT_ACTION,
];

const MEDIA_KB_LIMIT: f64 = 100.0 * 1024.0;
const DEFAULT_FILE_KB: f64 = 25600.0;
const DEFAULT_MAX_FILES: f64 = 30.0;

pub(super) fn check(ctx: &Ctx<'_, '_>, ix: &Model<'_, '_>, out: &mut Vec<Finding>) {
    let flow = &ix.flow;
    // Dynamic payload values per action, so no action scans the whole list.
    let mut by_action: Vec<Vec<&DynStr<'_>>> = vec![Vec::new(); ix.actions.len()];
    for d in &flow.strings {
        if let Place::Payload { action, .. } = d.place {
            if let Some(v) = by_action.get_mut(action) {
                v.push(d);
            }
        }
    }
    for (ai, a) in ix.actions.iter().enumerate() {
        let screen = &flow.screens[a.screen];
        let comp = &screen.comps[a.comp];
        let name_span = a.node.get("name").map_or(a.node.span, |n| n.span);
        match a.name {
            "navigate" => navigate(ctx, flow, a, &by_action[ai], out),
            "complete" if !(comp.ty == "Footer" && screen.terminal && !a.on_item) => {
                let why = if comp.ty != "Footer" {
                    format!("it is on a {}", comp.ty)
                } else {
                    format!("screen {} is not terminal", screen.id_str().unwrap_or("?"))
                };
                out.push(ctx.at(
                    &COMPLETE_OUTSIDE_TERMINAL_FOOTER,
                    format!("A complete action is only allowed on the Footer of a terminal screen; {why}"),
                    Some("Mark the screen \"terminal\": true, or navigate to the terminal screen".into()),
                    &[name_span],
                ));
            }
            "update_data" => update_data(ctx, flow, a, out),
            _ => {}
        }
        if a.name == "navigate" && comp.ty == "Footer" && screen.terminal {
            let allowed = if flow.data_api {
                "complete or data_exchange"
            } else {
                "complete"
            };
            out.push(ctx.at(
                &TERMINAL_FOOTER_ACTION,
                format!(
                    "The Footer of terminal screen {} must use {allowed}, not navigate",
                    screen.id_str().unwrap_or("?")
                ),
                Some("Use \"name\": \"complete\", or drop \"terminal\" from the screen".into()),
                &[name_span],
            ));
        }
        if matches!(a.name, "complete" | "data_exchange") {
            media(ctx, flow, a, &by_action[ai], out);
        }
        if a.on_item && comp.node.get(a.event).is_some() && a.event != "on-click-action" {
            out.push(ctx.at(
                &ITEM_ACTION_WITH_COMPONENT_ACTION,
                format!(
                    "This item has an {} while its {} has one too",
                    a.event, comp.ty
                ),
                Some("Keep the action on the component or on the items, not both".into()),
                &[a.node.span],
            ));
        }
    }
    for s in &flow.screens {
        for c in s.comps.iter().filter(|c| c.ty == "NavigationList") {
            navigation_list(ctx, c, out);
        }
    }
}

fn navigate(
    ctx: &Ctx<'_, '_>,
    flow: &Flow<'_, '_>,
    a: &Action<'_, '_>,
    dyns: &[&DynStr<'_>],
    out: &mut Vec<Finding>,
) {
    let Some(next) = a.next_screen() else { return };
    let Some(target) = next.as_str() else { return };
    // NavigationList actions link anywhere (spec 4.4, 7.1-7.2): only self-navigation is
    // judged. pywa's 6.2 navigation-list example, a copy of Meta's, targets a screen that
    // does not exist and passes a boolean for a string field (corpus/real, MANIFEST).
    let from_list = flow.screens[a.screen].comps[a.comp].ty == "NavigationList";
    let Some(&ti) = flow.ids.get(target) else {
        if from_list {
            return;
        }
        let help =
            closest(target, flow.ids.keys().copied()).map(|c| format!("Did you mean '{c}'?"));
        out.push(ctx.at(
            &UNKNOWN_NAVIGATE_TARGET,
            format!("navigate targets '{target}', which is not a screen of this flow"),
            help,
            &[next.span],
        ));
        // The payload is checked against the next screen's data model, and there is none
        // (conformance: the mutated *__navigate_missing__* flows).
        if let Some(payload) = a
            .node
            .get("payload")
            .filter(|p| p.as_object().is_some_and(|m| !m.is_empty()))
        {
            out.push(ctx.at(
                &UNEXPECTED_NAVIGATE_PAYLOAD,
                format!("The payload is for screen '{target}', which does not exist, so no data model declares its fields"),
                None,
                &[payload.span],
            ));
        }
        return;
    };
    // A NavigationList item may lead back to its own screen: Meta's builder accepts it
    // (conformance: v6_2-navigation_list__navigate_self__0).
    if ti == a.screen && !from_list {
        out.push(
            ctx.at(
                &NAVIGATE_TO_SELF,
                format!("Screen {target} navigates to itself"),
                Some(
                    if flow.version >= V6_0 {
                        "Use update_data to change what the screen shows"
                    } else {
                        "Target another screen"
                    }
                    .into(),
                ),
                &[next.span],
            ),
        );
        // Meta still checks the payload against the screen's own data model.
    }
    if from_list {
        return;
    }
    let there = &flow.screens[ti];
    let payload = a.node.get("payload");
    let members = payload.and_then(Node::as_object).unwrap_or_default();
    let declared: Vec<&str> = there.fields().collect();
    let missing: Vec<&str> = declared
        .iter()
        .copied()
        .filter(|k| !members.iter().any(|m| m.key.name == *k))
        .collect();
    if !missing.is_empty() {
        let rule = if payload.is_some() {
            &INCOMPLETE_NAVIGATE_PAYLOAD
        } else {
            &MISSING_NAVIGATE_PAYLOAD
        };
        out.push(ctx.at(
            rule,
            format!(
                "The navigate to {target} does not supply its data field(s): {}",
                missing.join(", ")
            ),
            Some(format!(
                "Add them to the payload, e.g. \"{}\": ...",
                missing[0]
            )),
            &[payload.map_or(a.node.span, |p| p.span)],
        ));
    }
    for m in members {
        let key = m.key.name;
        let Some(decl) = there.field(key) else {
            let help = closest(key, declared.iter().copied())
                .map(|c| format!("Did you mean '{c}'?"))
                .or_else(|| {
                    Some(format!(
                        "Declare '{key}' in the data of screen {target}, or remove it"
                    ))
                });
            out.push(ctx.at(
                &UNEXPECTED_NAVIGATE_PAYLOAD,
                format!("Screen {target} declares no data field '{key}'"),
                help,
                &[m.key.span],
            ));
            continue;
        };
        if let Some(want) = decl.get("type").and_then(Node::as_str) {
            if let Some(got) = literal_type(&m.value) {
                if vtype(want).is_some_and(|w| w != got) {
                    out.push(ctx.at(
                        &NAVIGATE_PAYLOAD_TYPE_MISMATCH,
                        format!("'{key}' is declared as {want} on screen {target}, but the payload gives a {}", got.as_str()),
                        None,
                        &[m.value.span],
                    ));
                }
            }
        }
    }
    for d in dyns {
        if let Parsed::Ref(r) = &d.parsed {
            if let Some(c) = picker(flow, d.screen, r) {
                out.push(
                    ctx.at(
                        &MEDIA_IN_NAVIGATE_PAYLOAD,
                        format!(
                            "The {} '{}' can't be passed in a navigate payload",
                            c.ty, r.path[0].0
                        ),
                        Some(
                            "Send media in the complete or data_exchange payload of its own screen"
                                .into(),
                        ),
                        &[d.node.span],
                    ),
                );
            }
        }
    }
}

/// The media picker a reference reads, if it reads one.
fn picker<'f, 'a, 's>(
    flow: &'f Flow<'a, 's>,
    si: usize,
    r: &super::expr::Ref<'_>,
) -> Option<&'f Comp<'a, 's>> {
    if r.source != Source::Form {
        return None;
    }
    let screen = match &r.screen {
        Some((id, _)) => &flow.screens[*flow.ids.get(id)?],
        None => &flow.screens[si],
    };
    screen
        .input(r.path[0].0)
        .filter(|c| value_type(c) == Some(VType::Media))
}

fn media(
    ctx: &Ctx<'_, '_>,
    flow: &Flow<'_, '_>,
    a: &Action<'_, '_>,
    dyns: &[&DynStr<'_>],
    out: &mut Vec<Finding>,
) {
    let mut pickers: Vec<&Comp<'_, '_>> = Vec::new();
    for d in dyns {
        let top = matches!(d.place, Place::Payload { top: true, .. });
        let mut refs = Vec::new();
        let whole = match &d.parsed {
            Parsed::Ref(r) => {
                refs.push(r);
                true
            }
            Parsed::Expr(e, _) => {
                e.refs(&mut refs);
                false
            }
            _ => false,
        };
        for r in refs {
            let Some(c) = picker(flow, d.screen, r) else {
                continue;
            };
            if !(top && whole) {
                out.push(ctx.at(
                    &MEDIA_REFERENCE_PLACEMENT,
                    format!("The {} '{}' must be a top-level payload value written exactly as ${{form.{}}}", c.ty, r.path[0].0, r.path[0].0),
                    None,
                    &[d.node.span],
                ));
            }
            if !pickers.iter().any(|p| std::ptr::eq(p.node, c.node)) {
                pickers.push(c);
            }
        }
    }
    if a.name != "complete" || pickers.is_empty() {
        return;
    }
    let at = a.node.get("payload").map_or(a.node.span, |p| p.span);
    if flow.version < V5_0 {
        if pickers.len() > 1 {
            out.push(ctx.at(
                &TOO_MANY_MEDIA_IN_PAYLOAD,
                format!("Before Flow JSON 5.0 a complete payload may reference one media picker; this one references {}", pickers.len()),
                None,
                &[at],
            ));
        }
        return;
    }
    let max_of = |c: &Comp<'_, '_>| {
        let key = if c.ty == "PhotoPicker" {
            "max-uploaded-photos"
        } else {
            "max-uploaded-documents"
        };
        c.get(key)
            .and_then(Node::as_f64)
            .unwrap_or(DEFAULT_MAX_FILES)
    };
    let files: f64 = pickers.iter().map(|c| max_of(c)).sum();
    if files > 10.0 {
        out.push(ctx.at(
            &TOO_MANY_MEDIA_IN_PAYLOAD,
            format!("The media pickers in this complete payload allow up to {files} files; a response carries at most 10 (an unset maximum counts as 30)"),
            Some("Set max-uploaded-photos / max-uploaded-documents so they add up to 10 or less".into()),
            &[at],
        ));
    }
    let kb: f64 = pickers
        .iter()
        .map(|c| {
            max_of(c)
                * c.get("max-file-size-kb")
                    .and_then(Node::as_f64)
                    .unwrap_or(DEFAULT_FILE_KB)
        })
        .sum();
    if kb > MEDIA_KB_LIMIT {
        out.push(ctx.at(
            &MEDIA_PAYLOAD_TOO_LARGE,
            format!("The media pickers in this complete payload allow up to {kb} KB; a response carries at most {MEDIA_KB_LIMIT} KB (100 MiB)"),
            Some("Lower max-file-size-kb (default 25600) or the maximum number of files".into()),
            &[at],
        ));
    }
}

fn update_data(ctx: &Ctx<'_, '_>, flow: &Flow<'_, '_>, a: &Action<'_, '_>, out: &mut Vec<Finding>) {
    let screen = &flow.screens[a.screen];
    let id = screen.id_str().unwrap_or("?");
    let Some(payload) = a.node.get("payload") else {
        return;
    };
    let members = payload.as_object().unwrap_or_default();
    if screen.data.is_none() && !members.is_empty() {
        out.push(ctx.at(
            &INVALID_UPDATE_DATA_PAYLOAD,
            format!("update_data changes the data of screen {id}, which declares none"),
            Some("Declare the fields it updates in the screen's \"data\"".into()),
            &[payload.span],
        ));
        return;
    }
    for m in members {
        let key = m.key.name;
        let Some(decl) = screen.field(key) else {
            out.push(ctx.at(
                &INVALID_UPDATE_DATA_PAYLOAD,
                format!("update_data sets '{key}', which is not a data field of screen {id}"),
                None,
                &[m.key.span],
            ));
            continue;
        };
        if m.value.as_str() == Some(&format!("${{data.{key}}}")) {
            out.push(ctx.at(
                &UPDATE_DATA_SELF_ASSIGNMENT,
                format!("update_data sets '{key}' to its own value ${{data.{key}}}"),
                Some("Delete this entry".into()),
                // Meta points at the value (conformance: update-data-self-assignment_invalid).
                &[m.value.span],
            ));
            continue;
        }
        literal_fits(ctx, key, decl, &m.value, out);
    }
}

/// A literal update_data value against its declaration: type, and every declared property
/// of a literal object.
fn literal_fits(
    ctx: &Ctx<'_, '_>,
    key: &str,
    decl: &Node<'_>,
    v: &Node<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(want) = decl.get("type").and_then(Node::as_str) else {
        return;
    };
    let Some(got) = literal_type(v) else { return };
    if vtype(want).is_some_and(|w| w != got) {
        out.push(ctx.at(
            &INVALID_UPDATE_DATA_PAYLOAD,
            format!(
                "update_data gives '{key}' a {}, but it is declared as {want}",
                got.as_str()
            ),
            None,
            &[v.span],
        ));
        return;
    }
    if let (Some(props), Some(members)) = (
        decl.get("properties").and_then(Node::as_object),
        v.as_object(),
    ) {
        let missing: Vec<&str> = props
            .iter()
            .map(|p| p.key.name)
            .filter(|p| !members.iter().any(|m| m.key.name == *p))
            .collect();
        if !missing.is_empty() {
            out.push(ctx.at(
                &INVALID_UPDATE_DATA_PAYLOAD,
                format!(
                    "update_data's object for '{key}' lacks declared propert(ies): {}",
                    missing.join(", ")
                ),
                None,
                &[v.span],
            ));
        }
        for m in members {
            if let Some(sub) = props.iter().find(|p| p.key.name == m.key.name) {
                literal_fits(
                    ctx,
                    &format!("{key}.{}", m.key.name),
                    &sub.value,
                    &m.value,
                    out,
                );
            }
        }
    }
}

fn navigation_list(ctx: &Ctx<'_, '_>, c: &Comp<'_, '_>, out: &mut Vec<Finding>) {
    let Some(items) = c.get("list-items").and_then(Node::as_array) else {
        return;
    };
    let on_comp = c.get("on-click-action");
    let on_items: Vec<Span> = items
        .iter()
        .filter_map(|i| i.get("on-click-action").map(|a| a.span))
        .collect();
    match on_comp {
        Some(action) if !on_items.is_empty() => {
            let mut spans = vec![action.span];
            spans.extend(on_items);
            out.push(ctx.at(
                &NAVIGATION_LIST_ACTION,
                "This NavigationList has an on-click-action and so do its items; it can be on one or the other, not both".into(),
                Some("Keep on-click-action on the component or on every item, not both".into()),
                &spans,
            ));
        }
        None if on_items.len() < items.len() => out.push(ctx.at(
            &NAVIGATION_LIST_WITHOUT_ACTION,
            "This NavigationList has no on-click-action, and not all of its items have one".into(),
            Some("Add on-click-action to the NavigationList, or to every item".into()),
            &[c.node.span],
        )),
        _ => {}
    }
}
