//! Action rules (spec 5.3): where each action may be (complete on a terminal Footer, the
//! action of a terminal Footer, NavigationList and data-source item actions), what a
//! navigate or update_data payload must hold against the screen's data model, and how the
//! value of a media picker may travel in a payload.

use crate::catalog::components::MEDIA_PICKER_MAX_FILES;
use crate::catalog::limits::{DEFAULT_MAX_FILE_SIZE_KB, DEFAULT_MAX_UPLOADED_FILES};
use crate::rules::expr::{Ref, Source, VType};
use crate::rules::model::{value_type, Action, Comp, DynStr, Flow, Model, Parsed, Place, Screen};
use crate::rules::Reporter;
use crate::syntax::{Member, Node, Span};

family!(
    unknown_navigate_target,
    navigate_to_self,
    missing_navigate_payload,
    incomplete_navigate_payload,
    unexpected_navigate_payload,
    navigate_payload_type_mismatch,
    complete_outside_terminal_footer,
    terminal_footer_action,
    invalid_update_data_payload,
    update_data_self_assignment,
    media_in_navigate_payload,
    media_reference_placement,
    too_many_media_in_payload,
    media_payload_too_large,
    item_action_with_component_action,
    navigation_list_action,
    navigation_list_without_action,
);

// ---- actions and where they sit ---------------------------------------------------------

/// The screen and the component an action sits on.
fn place<'m, 'a, 's>(
    m: &'m Model<'a, 's>,
    a: &Action<'a, 's>,
) -> (&'m Screen<'a, 's>, &'m Comp<'a, 's>) {
    let screen = &m.flow.screens[a.screen];
    (screen, &screen.comps[a.comp])
}

/// Where Meta points for a misplaced action: its `name` value.
fn name_span(a: &Action<'_, '_>) -> Span {
    a.node.get("name").map_or(a.node.span, |n| n.span)
}

/// Where Meta points for a payload as a whole: the `payload` object, else the action.
fn payload_span(a: &Action<'_, '_>) -> Span {
    a.node.get("payload").map_or(a.node.span, |p| p.span)
}

/// The members of an action's `payload` object (none when it has none).
fn payload_members<'a, 's>(a: &Action<'a, 's>) -> &'a [Member<'s>] {
    a.node
        .get("payload")
        .and_then(Node::as_object)
        .unwrap_or_default()
}

/// Each action's dynamic payload values, by the action's index, so no action scans every
/// dynamic string of the flow (one pass here).
fn payload_strings<'m>(m: &'m Model<'_, '_>) -> Vec<Vec<&'m DynStr<'m>>> {
    let mut by_action: Vec<Vec<&DynStr<'_>>> = vec![Vec::new(); m.actions.len()];
    for d in &m.flow.strings {
        if let Place::Payload { action, .. } = d.place {
            if let Some(v) = by_action.get_mut(action) {
                v.push(d);
            }
        }
    }
    by_action
}

// ---- navigate ---------------------------------------------------------------------------

/// A navigate action whose target and payload Meta judges.
struct Navigate<'m, 'a, 's> {
    /// Its index in `Model::actions`.
    index: usize,
    action: &'m Action<'a, 's>,
    /// `next.name`, the target's id, and its node.
    target: &'a str,
    next: &'a Node<'s>,
    /// The index of the target screen, if the flow has it.
    to: Option<usize>,
}

/// The navigate actions whose target and payload Meta judges: every navigate to a screen,
/// except on a NavigationList. A NavigationList links anywhere (spec 4.4, 7.1-7.2), and
/// Meta's builder judges none of its targets or payloads: pywa's 6.2 navigation-list
/// example, a copy of Meta's, targets a screen that does not exist and passes a boolean for
/// a string field (corpus/real, MANIFEST), and an item may lead back to its own screen
/// (conformance: v6_2-navigation_list__navigate_self__0).
fn navigates<'m, 'a, 's>(m: &'m Model<'a, 's>) -> impl Iterator<Item = Navigate<'m, 'a, 's>> + 'm {
    m.actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name == "navigate")
        .filter_map(move |(index, action)| {
            let next = action.next_screen()?;
            let target = next.as_str()?;
            if place(m, action).1.ty == "NavigationList" {
                return None;
            }
            Some(Navigate {
                index,
                action,
                target,
                next,
                to: m.flow.ids.get(target).copied(),
            })
        })
}

/// The target screen's data fields that a navigate's payload does not supply.
fn missing_fields<'a>(there: &Screen<'a, '_>, payload: &[Member<'_>]) -> Vec<&'a str> {
    there
        .fields()
        .filter(|k| !payload.iter().any(|m| m.key.name == *k))
        .collect()
}

/// The finding of `missing-navigate-payload` and `incomplete-navigate-payload`: one message,
/// two codes (no `payload` at all, or one that lacks fields).
fn report_missing(n: &Navigate<'_, '_, '_>, missing: &[&str], out: &mut Reporter<'_, '_>) {
    out.at(
        format!(
            "The navigate to {} does not supply its data field(s): {}",
            n.target,
            missing.join(", ")
        ),
        Some(format!(
            "Add them to the payload, e.g. \"{}\": ...",
            missing[0]
        )),
        &[payload_span(n.action)],
    );
}

// ---- media ------------------------------------------------------------------------------

/// The media picker a reference reads, if it reads one.
fn picker<'f, 'a, 's>(flow: &'f Flow<'a, 's>, si: usize, r: &Ref<'_>) -> Option<&'f Comp<'a, 's>> {
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

/// A read of a media picker in a payload value.
struct PickerRead<'f, 'd, 'a, 's> {
    value: &'d DynStr<'d>,
    reference: &'d Ref<'d>,
    picker: &'f Comp<'a, 's>,
    /// Whether Meta accepts it there: the whole value, directly in the payload.
    well_placed: bool,
}

/// Every read of a media picker in `dyns` (one action's payload values), in order.
fn picker_reads<'f, 'd, 'a, 's>(
    flow: &'f Flow<'a, 's>,
    dyns: &[&'d DynStr<'d>],
) -> Vec<PickerRead<'f, 'd, 'a, 's>> {
    let mut reads = Vec::new();
    for &d in dyns {
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
            if let Some(c) = picker(flow, d.screen, r) {
                reads.push(PickerRead {
                    value: d,
                    reference: r,
                    picker: c,
                    well_placed: top && whole,
                });
            }
        }
    }
    reads
}

/// The media pickers a complete action's payload references, each once, in the order of
/// their first reference; `None` for another action or a payload without media.
fn complete_pickers<'f, 'a, 's>(
    flow: &'f Flow<'a, 's>,
    a: &Action<'_, '_>,
    dyns: &[&DynStr<'_>],
) -> Option<Vec<&'f Comp<'a, 's>>> {
    if a.name != "complete" {
        return None;
    }
    let mut pickers: Vec<&Comp<'_, '_>> = Vec::new();
    for read in picker_reads(flow, dyns) {
        if !pickers
            .iter()
            .any(|p| std::ptr::eq(p.node, read.picker.node))
        {
            pickers.push(read.picker);
        }
    }
    (!pickers.is_empty()).then_some(pickers)
}

/// How many files a picker takes at most (an unset maximum counts as the largest).
fn max_files(c: &Comp<'_, '_>) -> f64 {
    MEDIA_PICKER_MAX_FILES
        .iter()
        .find(|(ty, _)| *ty == c.ty)
        .and_then(|(_, key)| c.get(key))
        .and_then(Node::as_f64)
        .unwrap_or(f64::from(DEFAULT_MAX_UPLOADED_FILES))
}

/// How large a file a picker takes at most, in KB (an unset maximum counts as the largest).
fn max_file_kb(c: &Comp<'_, '_>) -> f64 {
    c.get("max-file-size-kb")
        .and_then(Node::as_f64)
        .unwrap_or(f64::from(DEFAULT_MAX_FILE_SIZE_KB))
}

// ---- NavigationList ---------------------------------------------------------------------

/// Every NavigationList with its inline `list-items` (a dynamic list has no item actions to
/// judge).
fn navigation_lists<'m, 'a, 's>(
    m: &'m Model<'a, 's>,
) -> impl Iterator<Item = (&'m Comp<'a, 's>, &'a [Node<'s>])> + 'm {
    m.components_of("NavigationList")
        .filter_map(|c| Some((c, c.get("list-items")?.as_array()?)))
}

/// The on-click-actions of a NavigationList's items.
fn item_actions<'a>(items: &'a [Node<'_>]) -> impl Iterator<Item = Span> + 'a {
    items
        .iter()
        .filter_map(|i| i.get("on-click-action").map(|a| a.span))
}
