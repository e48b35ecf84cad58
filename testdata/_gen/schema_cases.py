#!/usr/bin/env python3
"""Writes the schema-stage testdata: one folder per schema rule (invalid*/valid* flows)
and testdata/components/ (a valid flow per component using every property at 7.3).

Run from the repository root, then `WAFLOW_BLESS=1 cargo test -p waflow --test testdata`
and review the snapshots. The flows are inputs; this script only keeps them consistent.
"""
import json
import os

ROOT = os.path.join(os.path.dirname(__file__), "..")

DONE = {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}


def end_screen(children=None, **keys):
    s = {"id": "END", "title": "Thanks", "terminal": True, "success": True,
         "layout": {"type": "SingleColumnLayout", "children": children or [{"type": "TextBody", "text": "All set"}, DONE]}}
    s.update(keys)
    return s


def flow(children, version="7.3", screen_keys=None, root_keys=None, extra_screens=None):
    first = {"id": "START", "title": "Start",
             "layout": {"type": "SingleColumnLayout", "children": children}}
    first.update(screen_keys or {})
    doc = {"version": version, "screens": [first] + (extra_screens if extra_screens is not None else [end_screen()])}
    doc.update(root_keys or {})
    return doc


def go(next_screen="END", payload=None):
    return {"type": "Footer", "label": "Next",
            "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": next_screen}, "payload": payload or {}}}


def terminal_flow(children, version="7.3", **kw):
    """A single terminal screen holding `children` and the Footer."""
    return {"version": version, "screens": [end_screen(children + [DONE], **kw)]}


def text_input(**kw):
    c = {"type": "TextInput", "name": "email", "label": "Email"}
    c.update(kw)
    return c


def options(n):
    return [{"id": f"o{i}", "title": f"Option {i}"} for i in range(n)]


CASES = {
    "unknown-property": {
        "invalid-typo-initial-text": terminal_flow([text_input(**{"initial-text": "x"})]),
        "invalid-needs-newer-version": terminal_flow([text_input(pattern="^[a-z]+$")], version="6.1"),
        "invalid-init-value-inside-form": terminal_flow([{"type": "Form", "name": "f", "children": [text_input(**{"init-value": "a@b.c"})]}]),
        "invalid-unknown-root-key": dict(terminal_flow([]), **{"screen": []}),
        "valid-init-value-outside-form": terminal_flow([text_input(**{"init-value": "a@b.c"})]),
    },
    "missing-property": {
        "invalid-text-input-without-label": terminal_flow([{"type": "TextInput", "name": "email"}]),
        "invalid-screen-without-layout": {"version": "7.3", "screens": [{"id": "END", "title": "End", "terminal": True}]},
        "valid-label-present": terminal_flow([text_input()]),
    },
    "wrong-type": {
        "invalid-label-is-a-number": terminal_flow([text_input(label=5)]),
        "invalid-visible-is-a-number": terminal_flow([{"type": "TextBody", "text": "Hi", "visible": 1}]),
        "valid-visible-boolean-and-reference": terminal_flow(
            [{"type": "TextBody", "text": "Hi", "visible": True}, {"type": "TextCaption", "text": "Hi", "visible": "${data.show}"}],
            data={"show": {"type": "boolean", "__example__": True}}),
    },
    "invalid-component-type": {
        "invalid-typo": terminal_flow([{"type": "TextImput", "name": "x", "label": "X"}]),
        "invalid-needs-newer-version": terminal_flow(
            [{"type": "ChipsSelector", "name": "c", "label": "C", "data-source": options(2)}], version="6.2"),
        "invalid-not-allowed-in-if": terminal_flow(
            [{"type": "If", "condition": "${data.ok}", "then": [{"type": "ImageCarousel", "images": [{"src": "aGk=", "alt-text": "x"}]}]}],
            data={"ok": {"type": "boolean", "__example__": True}}),
        "valid-known-components": terminal_flow([{"type": "TextHeading", "text": "Hi"}, text_input()]),
    },
    "component-outside-form": {
        "invalid-input-in-layout-3-1": terminal_flow([text_input()], version="3.1"),
        "valid-input-in-form-3-1": {"version": "3.1", "screens": [end_screen([{"type": "Form", "name": "f", "children": [text_input(), DONE]}])]},
    },
    "invalid-enum-value": {
        "invalid-input-type": terminal_flow([text_input(**{"input-type": "mail"})]),
        "invalid-action-not-allowed-on-footer": {"version": "7.3", "screens": [end_screen([{"type": "Footer", "label": "Go", "on-click-action": {"name": "update_data", "payload": {}}}])]},
        "invalid-action-needs-newer-version": terminal_flow(
            [{"type": "Dropdown", "name": "d", "label": "D", "data-source": options(2), "on-select-action": {"name": "update_data", "payload": {}}}], version="5.1"),
        "valid-listed-values": terminal_flow([text_input(**{"input-type": "email"})]),
    },
    "too-few-items": {
        "invalid-no-screens": {"version": "7.3", "screens": []},
        "invalid-empty-data-source": terminal_flow([{"type": "RadioButtonsGroup", "name": "r", "label": "R", "data-source": []}]),
        "valid-one-option": terminal_flow([{"type": "RadioButtonsGroup", "name": "r", "label": "R", "data-source": options(1)}]),
    },
    "too-many-items": {
        "invalid-four-carousel-images": terminal_flow([{"type": "ImageCarousel", "images": [{"src": "aGk=", "alt-text": f"image {i}"} for i in range(4)]}]),
        "valid-three-carousel-images": terminal_flow([{"type": "ImageCarousel", "images": [{"src": "aGk=", "alt-text": f"image {i}"} for i in range(3)]}]),
    },
    "too-short": {
        "invalid-empty-footer-label": {"version": "7.3", "screens": [end_screen([{"type": "Footer", "label": "", "on-click-action": {"name": "complete", "payload": {}}}])]},
        "valid-footer-label": terminal_flow([]),
    },
    "pattern-mismatch": {
        "invalid-screen-id-with-digit": {"version": "7.3", "screens": [end_screen(id="STEP_1")]},
        "invalid-only-underscores-7-0": {"version": "7.0", "screens": [end_screen(id="___")]},
        "invalid-blank-title": {"version": "7.3", "screens": [end_screen(title="   ")]},
        "invalid-dynamic-name": terminal_flow([text_input(name="${data.field}")], data={"field": {"type": "string", "__example__": "x"}}),
        "invalid-visible-word": terminal_flow([{"type": "TextBody", "text": "Hi", "visible": "yes"}]),
        "invalid-color-name": terminal_flow([{"type": "RadioButtonsGroup", "name": "r", "label": "Colour", "data-source": [
            {"id": "red", "title": "Red", "color": "red"}, {"id": "blue", "title": "Blue", "color": "#0000FF"}]}]),
        "valid-comma-in-id-6-3": {"version": "6.3", "screens": [end_screen(id="A,B")]},
        "valid-letters-and-underscores": {"version": "7.3", "screens": [end_screen(id="THANK_YOU")]},
    },
    "value-too-small": {
        "invalid-zero-file-size": terminal_flow([{"type": "PhotoPicker", "name": "p", "label": "Photo", "max-file-size-kb": 0}]),
        "valid-one-kb": terminal_flow([{"type": "PhotoPicker", "name": "p", "label": "Photo", "max-file-size-kb": 1}]),
    },
    "value-too-large": {
        "invalid-31-photos": terminal_flow([{"type": "PhotoPicker", "name": "p", "label": "Photo", "max-uploaded-photos": 31}]),
        "valid-30-photos": terminal_flow([{"type": "PhotoPicker", "name": "p", "label": "Photo", "max-uploaded-photos": 30}]),
    },
    "invalid-format": {
        "invalid-open-url-not-a-url": terminal_flow([{"type": "EmbeddedLink", "text": "Terms", "on-click-action": {"name": "open_url", "url": "terms page"}}]),
        "valid-https-url": terminal_flow([{"type": "EmbeddedLink", "text": "Terms", "on-click-action": {"name": "open_url", "url": "https://example.com/terms"}}]),
    },
    "forbidden-combination": {
        "invalid-success-on-non-terminal": flow([go()], screen_keys={"success": True}),
        "invalid-center-with-side-captions": {"version": "7.3", "screens": [end_screen([dict(DONE, **{"left-caption": "L", "right-caption": "R", "center-caption": "C"})])]},
        "invalid-next-on-complete": {"version": "7.3", "screens": [end_screen([{"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "next": {"type": "screen", "name": "END"}, "payload": {}}}])]},
        "invalid-payload-on-open-url": terminal_flow([{"type": "EmbeddedLink", "text": "Terms", "on-click-action": {"name": "open_url", "url": "https://example.com", "payload": {}}}]),
        "valid-side-captions": {"version": "7.3", "screens": [end_screen([dict(DONE, **{"left-caption": "L", "right-caption": "R"})])]},
    },
    "missing-dependency": {
        "invalid-left-caption-alone": {"version": "7.3", "screens": [end_screen([dict(DONE, **{"left-caption": "L"})])]},
        "valid-center-caption-alone": {"version": "7.3", "screens": [end_screen([dict(DONE, **{"center-caption": "C"})])]},
    },
    "text-over-display-limit": {
        "invalid-heading-81-characters": terminal_flow([{"type": "TextHeading", "text": "x" * 81}]),
        "valid-heading-80-characters-and-long-reference": terminal_flow(
            [{"type": "TextHeading", "text": "x" * 80}, {"type": "TextSubheading", "text": "${data.a_rather_long_field_name_that_is_longer_than_the_eighty_characters_limit_x}"}],
            data={"a_rather_long_field_name_that_is_longer_than_the_eighty_characters_limit_x": {"type": "string", "__example__": "x"}}),
        # Backticks make an expression only from 6.0; before, they are text and shown as is.
        "invalid-backticks-are-text-before-6-0": terminal_flow([{"type": "TextHeading", "text": "`" + "x" * 80 + "`"}], version="5.1"),
        "valid-backtick-expression-from-6-0": terminal_flow([{"type": "TextHeading", "text": "`'" + "x" * 80 + "'`"}], version="6.0"),
    },
    "too-many-options": {
        "invalid-21-radio-options": terminal_flow([{"type": "RadioButtonsGroup", "name": "r", "label": "R", "data-source": options(21)}]),
        "valid-20-radio-options": terminal_flow([{"type": "RadioButtonsGroup", "name": "r", "label": "R", "data-source": options(20)}]),
    },
}

IMG = "iVBORw0KGgo="
ITEM = {"id": "a", "title": "Alpha", "description": "First", "metadata": "m", "enabled": True,
        "image": IMG, "alt-text": "Alpha", "on-select-action": {"name": "update_data", "payload": {"picked": True}},
        "on-unselect-action": {"name": "update_data", "payload": {"picked": False}}}
ITEM2 = {"id": "b", "title": "Beta"}
# Beside a component that handles on-unselect itself, an item may not (spec 5.3).
ITEM_SELECT = {k: v for k, v in ITEM.items() if k != "on-unselect-action"}
PICKED = {"picked": {"type": "boolean", "__example__": False}}

# Every property of every component at 7.3 (spec section 4), each in a valid flow.
COMPONENTS = {
    "TextHeading": terminal_flow([{"type": "TextHeading", "text": "Hello", "visible": True}]),
    "TextSubheading": terminal_flow([{"type": "TextSubheading", "text": "Hello", "visible": True}]),
    "TextBody": terminal_flow([{"type": "TextBody", "text": ["*Bold*", "plain"], "font-weight": "normal", "strikethrough": False, "markdown": True, "visible": True}]),
    "TextCaption": terminal_flow([{"type": "TextCaption", "text": "Small print", "font-weight": "italic", "strikethrough": False, "markdown": False, "visible": True}]),
    "RichText": terminal_flow([{"type": "RichText", "text": ["# Terms", "Read them."], "visible": True}]),
    "TextInput": terminal_flow([{"type": "TextInput", "name": "code", "label": "Code", "label-variant": "large", "input-type": "text",
                                 "pattern": "^[A-Z]{3}$", "helper-text": "Three letters", "required": True, "min-chars": 3, "max-chars": 3,
                                 "enabled": True, "visible": True, "init-value": "ABC", "error-message": "Three letters"}]),
    "TextArea": terminal_flow([{"type": "TextArea", "name": "notes", "label": "Notes", "label-variant": "large", "max-length": 300,
                                "helper-text": "Anything else?", "required": False, "enabled": True, "visible": True,
                                "init-value": "", "error-message": "Too long"}]),
    "CheckboxGroup": terminal_flow([{"type": "CheckboxGroup", "name": "c", "label": "Pick", "data-source": [ITEM_SELECT, ITEM2],
                                     "description": "Pick some", "media-size": "regular", "min-selected-items": 0, "max-selected-items": 2,
                                     "required": False, "enabled": True, "visible": True,
                                     "on-unselect-action": {"name": "update_data", "payload": {"picked": False}},
                                     "init-value": ["a"], "error-message": "Pick one"}], data=PICKED),
    "RadioButtonsGroup": terminal_flow([{"type": "RadioButtonsGroup", "name": "r", "label": "Pick", "data-source": [{k: v for k, v in ITEM_SELECT.items() if k != "image"} | {"color": "#112233"}, ITEM2],
                                         "description": "Pick one", "media-size": "large", "required": True, "enabled": True, "visible": True,
                                         "on-unselect-action": {"name": "update_data", "payload": {"picked": False}},
                                         "init-value": "a", "error-message": "Pick one"}], data=PICKED),
    "Dropdown": terminal_flow([{"type": "Dropdown", "name": "d", "label": "Pick", "data-source": [ITEM2, {"id": "c", "title": "Gamma"}],
                                "required": True, "enabled": True, "visible": True,
                                "on-select-action": {"name": "update_data", "payload": {"picked": True}},
                                "on-unselect-action": {"name": "update_data", "payload": {"picked": False}},
                                "init-value": "b", "error-message": "Pick one"}], data=PICKED),
    "ChipsSelector": terminal_flow([{"type": "ChipsSelector", "name": "chips", "label": "Topics",
                                     "data-source": [{"id": "a", "title": "Alpha", "enabled": True,
                                                      "on-select-action": {"name": "update_data", "payload": {"picked": True}}}, ITEM2],
                                     "description": "Pick topics", "min-selected-items": 1, "max-selected-items": 2,
                                     "required": True, "enabled": True, "visible": True, "init-value": ["a"], "error-message": "Pick one",
                                     "on-unselect-action": {"name": "update_data", "payload": {"picked": False}}}], data=PICKED),
    # Item-level actions, on components that have none of their own.
    "CheckboxGroup-item-actions": terminal_flow([{"type": "CheckboxGroup", "name": "c", "label": "Pick", "data-source": [ITEM, ITEM2]}], data=PICKED),
    "ChipsSelector-item-actions": terminal_flow([{"type": "ChipsSelector", "name": "chips", "label": "Topics", "data-source": [
        {"id": "a", "title": "Alpha", "on-select-action": {"name": "update_data", "payload": {"picked": True}},
         "on-unselect-action": {"name": "update_data", "payload": {"picked": False}}}, ITEM2]}], data=PICKED),
    "DatePicker": terminal_flow([{"type": "DatePicker", "name": "day", "label": "Day", "helper-text": "When?", "required": True,
                                  "enabled": True, "visible": True, "min-date": "2026-01-01", "max-date": "2026-12-31",
                                  "unavailable-dates": ["2026-12-25"], "init-value": "2026-06-01", "error-message": "Pick a day"}]),
    "CalendarPicker": terminal_flow([{"type": "CalendarPicker", "name": "stay", "mode": "range",
                                      "label": {"start-date": "Check in", "end-date": "Check out"}, "title": "Your stay",
                                      "description": "Pick the nights", "helper-text": {"start-date": "From", "end-date": "To"},
                                      "required": {"start-date": True, "end-date": True}, "enabled": True, "visible": True,
                                      "min-date": "2026-01-01", "max-date": "2026-12-31", "unavailable-dates": ["2026-12-25"],
                                      "include-days": ["Mon", "Tue", "Wed", "Thu", "Fri"], "min-days": 1, "max-days": 14,
                                      "init-value": {"start-date": "2026-06-01", "end-date": "2026-06-03"},
                                      "error-message": {"start-date": "Pick a start", "end-date": "Pick an end"}}]),
    "OptIn": terminal_flow([{"type": "OptIn", "name": "news", "label": "Send me news", "required": False, "visible": True,
                             "on-click-action": {"name": "open_url", "url": "https://example.com/privacy"},
                             "on-select-action": {"name": "update_data", "payload": {"picked": True}},
                             "on-unselect-action": {"name": "update_data", "payload": {"picked": False}},
                             "init-value": False}], data=PICKED),
    "EmbeddedLink": terminal_flow([{"type": "EmbeddedLink", "text": "Read the terms", "visible": True,
                                    "on-click-action": {"name": "open_url", "url": "https://example.com/terms"}}]),
    "Footer": {"version": "7.3", "screens": [
        {"id": "START", "title": "Start", "layout": {"type": "SingleColumnLayout", "children": [
            {"type": "Footer", "label": "Next", "left-caption": "Step 1", "right-caption": "of 2", "enabled": True,
             "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "END"}, "payload": {}}}]}},
        end_screen([{"type": "Footer", "label": "Done", "center-caption": "Last step", "enabled": True,
                     "on-click-action": {"name": "complete", "payload": {}}}])]},
    "Image": terminal_flow([{"type": "Image", "src": IMG, "width": 100, "height": 50, "aspect-ratio": 2, "scale-type": "cover",
                             "alt-text": "Logo", "visible": True}]),
    "ImageCarousel": terminal_flow([{"type": "ImageCarousel", "images": [{"src": IMG, "alt-text": "One"}, {"src": IMG, "alt-text": "Two"}],
                                     "aspect-ratio": "16:9", "scale-type": "contain", "visible": True}]),
    "PhotoPicker": terminal_flow([{"type": "PhotoPicker", "name": "photo", "label": "Photo", "description": "Your receipt",
                                   "photo-source": "camera_gallery", "min-uploaded-photos": 1, "max-uploaded-photos": 2,
                                   "max-file-size-kb": 10240, "enabled": True, "visible": True, "error-message": "Add a photo"}]),
    "DocumentPicker": terminal_flow([{"type": "DocumentPicker", "name": "doc", "label": "Document", "description": "Your invoice",
                                      "allowed-mime-types": ["application/pdf", "image/jpeg"], "min-uploaded-documents": 1,
                                      "max-uploaded-documents": 2, "max-file-size-kb": 10240, "enabled": True, "visible": True,
                                      "error-message": "Add a document"}]),
    "NavigationList": {"version": "7.3", "screens": [
        {"id": "START", "title": "Choose", "layout": {"type": "SingleColumnLayout", "children": [
            {"type": "NavigationList", "name": "plans", "label": "Plans", "description": "Pick a plan", "media-size": "regular",
             "list-items": [
                 {"id": "basic", "main-content": {"title": "Basic", "description": "Cheap", "metadata": "Monthly"},
                  "start": {"image": IMG, "alt-text": "Basic"}, "end": {"title": "$5", "description": "month"},
                  "badge": "Popular", "tags": ["new"], "enabled": True,
                  "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "END"}, "payload": {}}},
                 {"id": "pro", "main-content": {"title": "Pro"},
                  "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "END"}, "payload": {}}}]}]}},
        end_screen()]},
    "If": terminal_flow([{"type": "If", "condition": "${data.show}", "then": [{"type": "TextBody", "text": "Shown"}],
                          "else": [{"type": "TextBody", "text": "Hidden"}]}], data={"show": {"type": "boolean", "__example__": True}}),
    "Switch": terminal_flow([{"type": "Switch", "value": "${data.plan}", "cases": {"basic": [{"type": "TextBody", "text": "Basic"}],
                                                                                  "pro": [{"type": "TextBody", "text": "Pro"}]}}],
                            data={"plan": {"type": "string", "__example__": "basic"}}),
    "Form": terminal_flow([{"type": "Form", "name": "details", "init-values": {"email": "a@b.c"},
                            "error-messages": {"email": "Check the address"}, "children": [text_input()]}]),
}


# Component-level actions that exclude item-level ones (spec 5.3), in flows of their own;
# data_exchange needs a data API version and a routing model (spec 1.2).
ENDPOINT = {"data_api_version": "3.0", "routing_model": {"END": []}}
EXCHANGE = {"name": "data_exchange", "payload": {"picked": "${form.pick}"}}
COMPONENTS.update({
    "CheckboxGroup-component-action": dict(terminal_flow([{"type": "CheckboxGroup", "name": "pick", "label": "Pick", "data-source": [ITEM2], "on-select-action": EXCHANGE}]), **ENDPOINT),
    "RadioButtonsGroup-component-action": dict(terminal_flow([{"type": "RadioButtonsGroup", "name": "pick", "label": "Pick", "data-source": [ITEM2], "on-select-action": EXCHANGE}]), **ENDPOINT),
    "ChipsSelector-component-action": dict(terminal_flow([{"type": "ChipsSelector", "name": "pick", "label": "Pick", "data-source": [ITEM2, {"id": "c", "title": "Gamma"}], "on-select-action": EXCHANGE}]), **ENDPOINT),
    "DatePicker-action": dict(terminal_flow([{"type": "DatePicker", "name": "pick", "label": "Day", "on-select-action": EXCHANGE}]), **ENDPOINT),
    "CalendarPicker-action": dict(terminal_flow([{"type": "CalendarPicker", "name": "pick", "label": "Day", "on-select-action": EXCHANGE}]), **ENDPOINT),
    "NavigationList-component-action": {"version": "7.3", "screens": [
        {"id": "START", "title": "Choose", "layout": {"type": "SingleColumnLayout", "children": [
            {"type": "NavigationList", "name": "plans", "list-items": [{"id": "basic", "main-content": {"title": "Basic"}}],
             "on-click-action": {"name": "navigate", "next": {"type": "screen", "name": "END"}, "payload": {}}}]}},
        end_screen()]},
})


def write(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


for rule, cases in CASES.items():
    for name, doc in cases.items():
        write(os.path.join(ROOT, rule, name + ".json"), doc)
for name, doc in COMPONENTS.items():
    write(os.path.join(ROOT, "components", name + ".json"), doc)
