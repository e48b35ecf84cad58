#!/usr/bin/env python3
"""Writes the semantic-stage testdata: one folder per semantic rule with invalid*/valid*
flows. Each flow passes the schema stage (else the semantic stage would not run).

Run from anywhere, then `WAFLOW_BLESS=1 cargo test -p waflow --test testdata` and review
the snapshots. `--check` lists, per flow, the rules that fire, without writing snapshots.
"""
import json
import os

ROOT = os.path.join(os.path.dirname(__file__), "..")

DONE = {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}
EXCHANGE = {"type": "Footer", "label": "Next", "on-click-action": {"name": "data_exchange", "payload": {}}}
IMG = "iVBORw0KGgo="


def txt(t="Hello"):
    return {"type": "TextBody", "text": t}


def ti(name, **kw):
    return {"type": "TextInput", "name": name, "label": name.title(), **kw}


def nav(target="END", payload=None, kind="Footer"):
    action = {"name": "navigate", "next": {"type": "screen", "name": target}, "payload": payload or {}}
    if kind == "Footer":
        return {"type": "Footer", "label": "Next", "on-click-action": action}
    return {"type": "EmbeddedLink", "text": "Go", "on-click-action": action}


def done(payload=None):
    return {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": payload or {}}}


def screen(id, children, terminal=False, **kw):
    s = {"id": id, "title": id.title()}
    if terminal:
        s["terminal"] = True
    s.update(kw)
    s["layout"] = {"type": "SingleColumnLayout", "children": children}
    return s


def has_footer(children):
    return any(c.get("type") == "Footer" or has_footer(c.get("children", [])) for c in children)


def end(children=None, **kw):
    children = children or [txt("All set")]
    return screen("END", children + ([] if has_footer(children) else [DONE]), terminal=True, **kw)


def flow(*screens, version="7.3", **root):
    return {"version": version, **root, "screens": list(screens)}


def start(children, **kw):
    return screen("START", children, **kw)


def basic(children=None, **kw):
    """START (with `children` and a navigate to END) and END."""
    return flow(start((children or [txt()]) + [nav()], **kw), end())


def field(t, example, **kw):
    return {"type": t, "__example__": example, **kw}


NAME = {"name": field("string", "Ada")}


def routed(routing, screens, version="7.3"):
    return flow(*screens, version=version, data_api_version="3.0", routing_model=routing)


def letters(i):
    return "SCREEN_" + "".join(chr(65 + int(d)) for d in str(i))


def options(n=2):
    return [{"id": f"o{i}", "title": f"Option {i}"} for i in range(n)]


def radio(**kw):
    return {"type": "RadioButtonsGroup", "name": "choice", "label": "Pick", "data-source": options(), **kw}


def update(payload):
    return {"name": "update_data", "payload": payload}


def photo(**kw):
    return {"type": "PhotoPicker", "name": "photo", "label": "Photo", **kw}


def nav_list(action=True, item_action=False):
    items = []
    for i in range(2):
        item = {"id": f"item{i}", "main-content": {"title": f"Item {i}"}}
        if item_action:
            item["on-click-action"] = {"name": "navigate", "next": {"type": "screen", "name": "END"}, "payload": {}}
        items.append(item)
    c = {"type": "NavigationList", "name": "menu", "list-items": items}
    if action:
        c["on-click-action"] = {"name": "navigate", "next": {"type": "screen", "name": "END"}, "payload": {}}
    return c


def nested_ifs(depth):
    inner = [txt("Deep")]
    for _ in range(depth):
        inner = [{"type": "If", "condition": "${data.flag}", "then": inner}]
    return inner


FLAG = {"flag": field("boolean", True)}
CASES = {
    # ---- screens -------------------------------------------------------------------
    "duplicate-screen-id": {
        "invalid": flow(start([txt(), nav()]), end(), end()),
        "valid": basic(),
    },
    "reserved-screen-id": {
        "invalid": flow(start([txt(), nav("SUCCESS")]), screen("SUCCESS", [txt(), DONE], terminal=True)),
        "valid": basic(),
    },
    "too-many-screens": {
        "invalid": flow(*[screen(letters(i), [txt(), nav(letters(i + 1))]) for i in range(100)]
                        + [screen(letters(100), [txt(), DONE], terminal=True)]),
        "valid": flow(*[screen(letters(i), [txt(), nav(letters(i + 1))]) for i in range(99)]
                      + [screen(letters(99), [txt(), DONE], terminal=True)]),
    },
    "missing-terminal-screen": {
        "invalid": flow(start([txt("Nothing ends here")])),
        "valid": flow(end()),
    },
    "missing-footer-on-terminal-screen": {
        "invalid": flow(start([txt(), nav()]), screen("END", [txt("No way out")], terminal=True)),
        "valid": basic(),
    },
    "no-successful-terminal-screen": {
        "invalid": flow(start([txt(), nav()]), end(success=False)),
        "valid": flow(start([txt(), nav()]), end(success=True)),
    },
    "invalid-sensitive-field": {
        "invalid": flow(end([ti("password", **{"input-type": "password"})], sensitive=["pasword"])),
        "valid": flow(end([ti("password", **{"input-type": "password"})], sensitive=["password"])),
    },
    # ---- data model ----------------------------------------------------------------
    "data-field-not-object": {
        "invalid": basic(data={"name": "Ada"}),
        "valid": basic(data=NAME),
    },
    "data-field-missing-type": {
        "invalid": basic(data={"name": {"__example__": "Ada"}}),
        "valid": basic(data=NAME),
    },
    "data-field-invalid-type": {
        "invalid": basic(data={"name": field("text", "Ada")}),
        "invalid-type-list": basic(data={"name": field(["string", "null"], "Ada")}),
        "valid": basic(data={"count": field("integer", 3)}),
    },
    "data-field-missing-example": {
        "invalid": basic(data={"name": {"type": "string"}}),
        "valid": basic(data=NAME),
    },
    "nested-data-example": {
        "invalid": basic(data={"tags": field("array", ["a"], items={"type": "string", "__example__": "x"})}),
        "valid": basic(data={"tags": field("array", ["a"], items={"type": "string"})}),
    },
    "data-example-type-mismatch": {
        "invalid": basic(data={"count": field("number", "3")}),
        "invalid-nested": basic(data={"items": field("array", [{"id": 1, "title": "One"}], items={
            "type": "object", "properties": {"id": {"type": "string"}, "title": {"type": "string"}}})}),
        "valid": basic(data={"count": field("number", 3)}),
    },
    "data-array-without-items": {
        "invalid": basic(data={"tags": field("array", ["a"])}),
        "valid": basic(data={"tags": field("array", ["a"], items={"type": "string"})}),
        "valid-before-7-3": basic(data={"tags": field("array", ["a"])}) | {"version": "7.2"},
    },
    "data-object-without-properties": {
        "invalid": basic(data={"address": field("object", {"city": "Paris"})}),
        "valid": basic(data={"address": field("object", {"city": "Paris"}, properties={"city": {"type": "string"}})}),
    },
    "data-required-not-array": {
        "invalid": basic(data={"required": "name", **NAME}),
        "valid": basic(data={"required": ["name"], **NAME}),
    },
    "invalid-data-field-name": {
        "invalid": basic(data={"first-name": field("string", "Ada")}),
        "valid": basic(data={"first_name": field("string", "Ada")}),
    },
    # ---- references ----------------------------------------------------------------
    "invalid-reference": {
        "invalid": basic([txt("${forms.name}")], data=NAME),
        "invalid-empty-segment": basic([txt("${data..name}")], data=NAME),
        "valid": basic([txt("${data.name}")], data=NAME),
    },
    "text-mixed-with-reference": {
        "invalid": basic([txt("Hello ${data.name}!")], data=NAME),
        "valid": basic([txt("`'Hello ' ${data.name} '!'`")], data=NAME),
    },
    "richtext-interpolation": {
        "invalid": basic([{"type": "RichText", "text": "# Hello ${data.name}"}], data=NAME),
        "valid": basic([{"type": "RichText", "text": "${data.name}"}], data=NAME),
    },
    "undeclared-data-reference": {
        "invalid": basic([txt("${data.nmae}")], data=NAME),
        "invalid-nested": basic([txt("${data.address.zip}")], data={"address": field(
            "object", {"city": "Paris"}, properties={"city": {"type": "string"}})}),
        "valid": basic([txt("${data.address.city}")], data={"address": field(
            "object", {"city": "Paris"}, properties={"city": {"type": "string"}})}),
    },
    "unknown-form-reference": {
        "invalid": flow(end([ti("email"), done({"email": "${form.emial}"})])),
        "invalid-form-itself": flow(end([{"type": "Form", "name": "signup", "children": [ti("email"), done({"email": "${form.signup}"})]}])),
        "valid": flow(end([ti("email"), done({"email": "${form.email}"})])),
    },
    "unknown-screen-reference": {
        "invalid": flow(start([ti("name"), nav()]), end([txt("${screen.STRAT.form.name}")])),
        "valid": flow(start([ti("name"), nav()]), end([txt("${screen.START.form.name}")])),
    },
    "self-screen-reference": {
        "invalid": flow(start([ti("name"), nav()]), end([ti("city"), txt("${screen.END.form.city}")])),
        "valid": flow(start([ti("name"), nav()]), end([ti("city"), txt("${form.city}")])),
    },
    "array-element-reference": {
        "invalid": basic([txt("${data.products.title}")], data={"products": field(
            "array", [{"title": "Tea"}], items={"type": "object", "properties": {"title": {"type": "string"}}})}),
        "valid": basic([{"type": "Dropdown", "name": "product", "label": "Product", "data-source": "${data.products}"}], data={"products": field(
            "array", [{"id": "tea", "title": "Tea"}], items={"type": "object", "properties": {"id": {"type": "string"}, "title": {"type": "string"}}})}),
    },
    "reference-type-mismatch": {
        "invalid": basic([ti("email", visible="${data.name}")], data=NAME),
        "invalid-form": flow(end([{"type": "OptIn", "name": "agree", "label": "I agree"}, ti("email", required="${form.email}")])),
        "valid": basic([ti("email", visible="${data.flag}")], data=FLAG),
    },
    "form-reference-in-property": {
        "invalid": flow(end([{"type": "Form", "name": "f", "children": [ti("name"), {"type": "TextBody", "text": "${form.name}"}, done()]}]), version="3.1"),
        "valid": flow(end([{"type": "Form", "name": "f", "children": [ti("name"), done({"name": "${form.name}"})]}]), version="3.1"),
    },
    "footer-reads-form-from-outside": {
        "invalid": flow(end([{"type": "Form", "name": "f", "children": [ti("name")]}, done({"name": "${form.name}"})])),
        "valid": flow(end([{"type": "Form", "name": "f", "children": [ti("name"), done({"name": "${form.name}"})]}])),
    },
    # ---- expressions ---------------------------------------------------------------
    "invalid-expression": {
        "invalid": basic([txt("`'Hi ' (${data.name}`")], data=NAME),
        "invalid-condition": basic([{"type": "If", "condition": "${data.count} = 3", "then": [txt()]}], data={"count": field("number", 3)}),
        "invalid-escaped": basic([txt("`'caf\u00e9 \\t' ${data.name} #`")], data=NAME),
        "valid": basic([txt("`'Hi ' (${data.name})`")], data=NAME),
    },
    "invalid-if-condition": {
        "invalid": basic([{"type": "If", "condition": "${data.count}", "then": [txt()]}], data={"count": field("number", 3)}),
        "invalid-literals": basic([{"type": "If", "condition": "${data.count} > 0 && 1 == 2", "then": [txt()]}], data={"count": field("number", 3)}),
        "valid": basic([{"type": "If", "condition": "${data.count} > 0", "then": [txt()]}], data={"count": field("number", 3)}),
    },
    "expression-type-mismatch": {
        "invalid": basic([ti("email", visible="`${data.name} > 3`")], data=NAME),
        "invalid-result": basic([ti("email", visible="`${data.count} + 3`")], data={"count": field("number", 3)}),
        "valid": basic([ti("email", visible="`${data.count} > 3`")], data={"count": field("number", 3)}),
    },
    "payload-expression-type-mismatch": {
        "invalid": flow(end([ti("name"), done({"next": "`${form.name} - 1`"})])),
        "valid": flow(end([ti("age", **{"input-type": "number"}), done({"next": "`${form.age} + 1`"})])),
        "valid-before-7-2": flow(end([ti("name"), done({"next": "`${form.name} - 1`"})]), version="7.1"),
    },
    # ---- actions -------------------------------------------------------------------
    "unknown-navigate-target": {
        "invalid": flow(start([txt(), nav("ENDD")]), end()),
        "valid": basic(),
    },
    "navigate-to-self": {
        "invalid": flow(start([txt(), nav("START", kind="link"), nav()]), end()),
        "valid": basic(),
    },
    "missing-navigate-payload": {
        "invalid": flow(start([txt(), nav("END", {})]), end([txt("${data.name}")], data=NAME)),
        "valid": flow(start([txt(), nav("END", {"name": "Ada"})]), end([txt("${data.name}")], data=NAME)),
    },
    "unexpected-navigate-payload": {
        "invalid": flow(start([txt(), nav("END", {"name": "Ada", "nmae": "Ada"})]), end(data=NAME)),
        "valid": flow(start([txt(), nav("END", {"name": "Ada"})]), end(data=NAME)),
    },
    "navigate-payload-type-mismatch": {
        "invalid": flow(start([txt(), nav("END", {"count": "3"})]), end(data={"count": field("number", 3)})),
        "valid": flow(start([txt(), nav("END", {"count": 3})]), end(data={"count": field("number", 3)})),
    },
    "complete-outside-terminal-footer": {
        "invalid": flow(start([nav(kind="link"), done()]), end()),
        "valid": basic(),
    },
    "terminal-footer-action": {
        "invalid": flow(start([txt(), nav("MIDDLE")]), screen("MIDDLE", [txt(), nav("END")], terminal=True), end()),
        "valid": flow(start([txt(), nav("MIDDLE")]), screen("MIDDLE", [txt(), nav("END")]), end()),
    },
    "invalid-update-data-payload": {
        "invalid": basic([radio(**{"on-select-action": update({"nmae": "${form.choice}"})})], data=NAME),
        "invalid-type": basic([radio(**{"on-select-action": update({"name": 3})})], data=NAME),
        "invalid-no-data": basic([radio(**{"on-select-action": update({"name": "x"})})]),
        "valid": basic([radio(**{"on-select-action": update({"name": "${form.choice}"})})], data=NAME),
    },
    "update-data-self-assignment": {
        "invalid": basic([radio(**{"on-select-action": update({"name": "${data.name}"})})], data=NAME),
        "valid": basic([radio(**{"on-select-action": update({"name": "${form.choice}"})})], data=NAME),
    },
    "media-in-navigate-payload": {
        "invalid": flow(start([photo(), nav("END", {"photos": "${form.photo}"})]), end(data={"photos": field("array", [], items={"type": "string"})})),
        "valid": flow(start([photo(), nav("END", {"note": "sent"})]), end(data={"note": field("string", "sent")})),
    },
    "media-reference-placement": {
        "invalid": flow(end([photo(**{"max-uploaded-photos": 5}), done({"files": {"photos": "${form.photo}"}})])),
        "valid": flow(end([photo(**{"max-uploaded-photos": 4}), done({"photos": "${form.photo}"})])),
    },
    "too-many-media-in-payload": {
        "invalid": flow(end([photo(), done({"photos": "${form.photo}"})])),
        "invalid-before-5-0": flow(start([photo(), nav()]), end([{"type": "DocumentPicker", "name": "doc", "label": "Doc"}, done({"photos": "${screen.START.form.photo}", "doc": "${form.doc}"})]), version="4.0"),
        "valid": flow(end([photo(**{"max-uploaded-photos": 4}), done({"photos": "${form.photo}"})])),
    },
    "media-payload-too-large": {
        "invalid": flow(end([photo(**{"max-uploaded-photos": 10}), done({"photos": "${form.photo}"})])),
        "valid": flow(end([photo(**{"max-uploaded-photos": 10, "max-file-size-kb": 10240}), done({"photos": "${form.photo}"})])),
    },
    "item-action-with-component-action": {
        "invalid": basic([radio(**{"on-select-action": update({"name": "${form.choice}"}), "data-source": [
            {"id": "a", "title": "A", "on-select-action": update({"name": "a"})}, {"id": "b", "title": "B"}]})], data=NAME),
        "valid": basic([radio(**{"data-source": [
            {"id": "a", "title": "A", "on-select-action": update({"name": "a"})}, {"id": "b", "title": "B"}]})], data=NAME),
    },
    "navigation-list-action": {
        "invalid": flow(start([nav_list(action=True, item_action=True)]), end()),
        "invalid-neither": flow(start([nav_list(action=False, item_action=False)]), end()),
        "valid": flow(start([nav_list(action=False, item_action=True)]), end()),
    },
    # ---- routing -------------------------------------------------------------------
    "routing-unknown-screen": {
        "invalid": routed({"START": ["END", "ENDD"], "FINISH": [], "END": []}, [start([txt(), EXCHANGE]), end()]),
        "valid": routed({"START": ["END"], "END": []}, [start([txt(), EXCHANGE]), end()]),
    },
    "routing-too-many-branches": {
        "invalid": routed({"START": [letters(i) for i in range(11)]}, [start([txt(), EXCHANGE])] + [screen(letters(i), [txt(), DONE], terminal=True) for i in range(11)]),
        "invalid-navigate": flow(start([{"type": "If", "condition": f"${{data.n}} == {i}", "then": [nav(letters(i), kind="link")]} for i in range(11)] + [txt()], data={"n": field("number", 1)}),
                                 *[screen(letters(i), [txt(), DONE], terminal=True) for i in range(11)]),
        "valid": routed({"START": [letters(i) for i in range(10)]}, [start([txt(), EXCHANGE])] + [screen(letters(i), [txt(), DONE], terminal=True) for i in range(10)]),
    },
    "routing-self-loop": {
        "invalid": routed({"START": ["START", "END"], "END": []}, [start([txt(), EXCHANGE]), end()]),
        "valid": routed({"START": ["END"], "END": []}, [start([txt(), EXCHANGE]), end()]),
    },
    "routing-back-edge": {
        "invalid": routed({"START": ["MIDDLE"], "MIDDLE": ["END"], "END": ["MIDDLE"]}, [start([txt(), EXCHANGE]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
        "valid": routed({"START": ["MIDDLE"], "MIDDLE": ["END"], "END": []}, [start([txt(), EXCHANGE]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
    },
    "routing-missing-screen": {
        "invalid": routed({"START": ["MIDDLE", "END"], "END": []}, [start([txt(), EXCHANGE]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
        "valid": routed({"START": ["MIDDLE", "END"], "MIDDLE": ["END"], "END": []}, [start([txt(), EXCHANGE]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
    },
    "routing-no-entry-screen": {
        "invalid": routed({"START": ["MIDDLE"], "MIDDLE": ["END"], "END": ["START"]}, [start([txt(), EXCHANGE]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
        "invalid-navigate": flow(start([txt(), nav("MIDDLE")]), screen("MIDDLE", [nav("START", kind="link"), nav("END")]), end()),
        "valid": routed({"START": ["MIDDLE"], "MIDDLE": ["END"], "END": []}, [start([txt(), EXCHANGE]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
    },
    "routing-disconnected-screens": {
        "invalid": routed({"START": ["END"], "END": [], "LOST": []}, [start([txt(), EXCHANGE]), end(), screen("LOST", [txt(), DONE], terminal=True)]),
        "invalid-navigate": flow(start([txt(), nav()]), end(), screen("LOST", [txt(), DONE], terminal=True)),
        "valid": routed({"START": ["END", "OTHER"], "END": [], "OTHER": []}, [start([txt(), EXCHANGE]), end(), screen("OTHER", [txt(), DONE], terminal=True)]),
    },
    "routing-navigate-not-in-model": {
        "invalid": routed({"START": ["MIDDLE"], "MIDDLE": ["END"], "END": []}, [start([txt(), nav("END")]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
        "valid": routed({"START": ["MIDDLE"], "MIDDLE": ["END"], "END": []}, [start([txt(), nav("MIDDLE")]), screen("MIDDLE", [txt(), EXCHANGE]), end()]),
    },
    "routing-dead-end": {
        # CHOOSE's Footer moves on, but only to DETAILS, which has no way on.
        "invalid": routed({"START": ["CHOOSE", "END"], "CHOOSE": ["DETAILS"], "DETAILS": [], "END": []},
                          [start([txt(), EXCHANGE]), screen("CHOOSE", [txt("Pick a plan"), nav("DETAILS")]),
                           screen("DETAILS", [txt("Plan details")]), end()]),
        # Meta's sign-in template: SIGN_UP ends in a data_exchange (the endpoint routes it,
        # SUCCESS completes the flow); TERMS has no Footer and is left with Back.
        "valid": routed({"START": ["SIGN_UP", "END"], "SIGN_UP": ["TERMS"], "TERMS": [], "END": []},
                        [start([txt("Welcome"), nav("SIGN_UP")]),
                         screen("SIGN_UP", [txt("Create an account"), nav("TERMS", kind="link"), EXCHANGE]),
                         screen("TERMS", [txt("The terms and conditions")]), end()]),
    },
    # ---- layout --------------------------------------------------------------------
    "duplicate-input-name": {
        "invalid": basic([ti("name"), {"type": "If", "condition": "${data.flag}", "then": [ti("name")]}], data=FLAG),
        "valid": basic([ti("name"), {"type": "If", "condition": "${data.flag}", "then": [ti("nickname")]}], data=FLAG),
    },
    "components-outside-form": {
        "invalid": basic([{"type": "Form", "name": "f", "children": [ti("name")]}, ti("city")]),
        "valid": basic([{"type": "Form", "name": "f", "children": [ti("name"), ti("city")]}]),
    },
    "too-many-components": {
        "invalid": basic([txt(f"Line {i}") for i in range(100)]),
        "valid": basic([txt(f"Line {i}") for i in range(99)]),
    },
    "too-many-of-type": {
        "invalid": basic([txt()] + [nav(kind="link")] * 3),
        "invalid-branch": basic([{"type": "If", "condition": "${data.flag}", "then": [nav()], "else": [nav()]}], data=FLAG),
        "valid": basic([txt()] + [nav(kind="link")] * 2),
    },
    "invalid-richtext-placement": {
        "invalid": basic([{"type": "RichText", "text": "# Terms"}, txt("More")]),
        "valid": basic([{"type": "RichText", "text": "# Terms"}]),
    },
    "invalid-navigation-list-placement": {
        "invalid": flow(start([txt("Pick one"), nav_list()]), end()),
        "valid": flow(start([nav_list()]), end()),
    },
    "missing-footer-in-if-branch": {
        "invalid": flow(start([{"type": "If", "condition": "${data.flag}", "then": [nav()], "else": [txt()]}], data=FLAG), end()),
        "valid": flow(start([{"type": "If", "condition": "${data.flag}", "then": [nav()], "else": [nav()]}], data=FLAG), end()),
    },
    "missing-footer-in-switch-case": {
        "invalid": flow(start([{"type": "Switch", "value": "${data.kind}", "cases": {"a": [nav()], "b": [txt()]}}], data={"kind": field("string", "a")}), end()),
        "valid": flow(start([{"type": "Switch", "value": "${data.kind}", "cases": {"a": [nav()], "b": [nav()]}}], data={"kind": field("string", "a")}), end()),
    },
    "empty-switch-cases": {
        "invalid": basic([{"type": "Switch", "value": "${data.kind}", "cases": {}}], data={"kind": field("string", "a")}),
        "valid": basic([{"type": "Switch", "value": "${data.kind}", "cases": {"a": [txt()]}}], data={"kind": field("string", "a")}),
    },
    "invalid-switch-case-key": {
        "invalid": basic([{"type": "Switch", "value": "${data.kind}", "cases": {"1": [txt()], "gold plan": [txt()]}}], data={"kind": field("string", "a")}),
        "valid": basic([{"type": "Switch", "value": "${data.kind}", "cases": {"one": [txt()], "gold_plan-2": [txt()]}}], data={"kind": field("string", "a")}),
    },
    "if-nesting-too-deep": {
        "invalid": basic(nested_ifs(4), data=FLAG),
        "valid": basic(nested_ifs(3), data=FLAG),
    },
    # ---- components ----------------------------------------------------------------
    "min-greater-than-max": {
        "invalid": basic([ti("code", **{"min-chars": 10, "max-chars": 5})]),
        "valid": basic([ti("code", **{"min-chars": 5, "max-chars": 5})]),
    },
    "invalid-min-max-days": {
        "invalid": basic([{"type": "CalendarPicker", "name": "stay", "mode": "range", "label": {"start-date": "In", "end-date": "Out"}, "min-days": 5, "max-days": 2}]),
        "valid": basic([{"type": "CalendarPicker", "name": "stay", "mode": "range", "label": {"start-date": "In", "end-date": "Out"}, "min-days": 2, "max-days": 5}]),
    },
    "invalid-date-range": {
        "invalid": basic([{"type": "DatePicker", "name": "day", "label": "Day", "min-date": "2026-12-31", "max-date": "2026-01-01"}]),
        "invalid-init": basic([{"type": "DatePicker", "name": "day", "label": "Day", "min-date": "2026-01-01", "max-date": "2026-12-31", "init-value": "2027-01-05"}]),
        "valid": basic([{"type": "DatePicker", "name": "day", "label": "Day", "min-date": "2026-01-01", "max-date": "2026-12-31", "init-value": "2026-06-01"}]),
    },
    "invalid-calendar-init-value": {
        "invalid": basic([{"type": "CalendarPicker", "name": "day", "label": "Day", "init-value": "12/31/2026"}]),
        "valid": basic([{"type": "CalendarPicker", "name": "day", "label": "Day", "init-value": "2026-12-31"}]),
    },
    "unexpected-calendar-range-prop": {
        "invalid": basic([{"type": "CalendarPicker", "name": "day", "label": "Day", "min-days": 1}]),
        "valid": basic([{"type": "CalendarPicker", "name": "day", "label": {"start-date": "In", "end-date": "Out"}, "mode": "range", "min-days": 1}]),
    },
    "missing-calendar-range-prop": {
        "invalid": basic([{"type": "CalendarPicker", "name": "stay", "mode": "range", "label": "Dates"}]),
        "valid": basic([{"type": "CalendarPicker", "name": "stay", "mode": "range", "label": {"start-date": "In", "end-date": "Out"}}]),
    },
    "data-source-image-and-color": {
        "invalid": basic([{"type": "CheckboxGroup", "name": "c", "label": "Pick", "data-source": [
            {"id": "a", "title": "A", "image": IMG}, {"id": "b", "title": "B", "color": "#FF0000"}]}]),
        "valid": basic([{"type": "CheckboxGroup", "name": "c", "label": "Pick", "data-source": [
            {"id": "a", "title": "A", "color": "#00FF00"}, {"id": "b", "title": "B", "color": "#FF0000"}]}]),
    },
    "unknown-form-value-key": {
        "invalid": basic([{"type": "Form", "name": "f", "init-values": {"nmae": "Ada"}, "error-messages": {"city": "Wrong"}, "children": [ti("name")]}]),
        "valid": basic([{"type": "Form", "name": "f", "init-values": {"name": "Ada"}, "error-messages": {"name": "Wrong"}, "children": [ti("name")]}]),
    },
    "form-init-value-type-mismatch": {
        "invalid": basic([{"type": "Form", "name": "f", "init-values": {"agree": "yes"}, "children": [{"type": "OptIn", "name": "agree", "label": "I agree"}]}]),
        "valid": basic([{"type": "Form", "name": "f", "init-values": {"agree": True}, "children": [{"type": "OptIn", "name": "agree", "label": "I agree"}]}]),
    },
    "media-picker-in-init-values": {
        "invalid": basic([{"type": "Form", "name": "f", "init-values": {"photo": []}, "children": [photo()]}]),
        "valid": basic([{"type": "Form", "name": "f", "children": [photo()]}]),
    },
    "pattern-needs-text-input-type": {
        "invalid": basic([ti("email", **{"input-type": "email", "pattern": "^.+@example\\.com$"})]),
        "valid": basic([ti("code", **{"input-type": "text", "pattern": "^[A-Z]{3}$"})]),
    },
    "invalid-input-pattern": {
        "invalid": basic([ti("zip", pattern="^([0-9]{5}$")]),
        "valid": basic([ti("zip", pattern="^(?=\\d)([0-9]{5})$")]),
    },
    "navigation-list-end-with-large-media": {
        "invalid": flow(start([nav_list() | {"media-size": "large", "list-items": [
            {"id": "a", "main-content": {"title": "A"}, "end": {"title": "$1"}}]}]), end()),
        "valid": flow(start([nav_list() | {"media-size": "regular", "list-items": [
            {"id": "a", "main-content": {"title": "A"}, "end": {"title": "$1"}}]}]), end()),
    },
    "image-not-base64": {
        "invalid": basic([{"type": "Image", "src": "data:image/png;base64," + IMG}]),
        "invalid-characters": basic([{"type": "Image", "src": "not an image!"}]),
        "valid": basic([{"type": "Image", "src": IMG}]),
    },
}


def main():
    for code, files in CASES.items():
        folder = os.path.join(ROOT, code)
        os.makedirs(folder, exist_ok=True)
        for name, doc in files.items():
            with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2, ensure_ascii=False)
                f.write("\n")


if __name__ == "__main__":
    main()
