"""waflow.validate: Meta's shape, exact codes, positions and paths; dicts; options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import waflow
from conftest import REPO, TESTDATA, source_of

META_KEYS = [
    "error",
    "error_type",
    "message",
    "line_start",
    "line_end",
    "column_start",
    "column_end",
    "pointers",
]
POINTER_KEYS = ["line_start", "line_end", "column_start", "column_end", "path"]


def test_the_installed_wheel_is_tested() -> None:
    # The package imported is the installed one, with its compiled module, not the
    # sources in crates/waflow-py/python.
    assert "site-packages" in Path(waflow.__file__).parts
    assert waflow.__version__ == waflow._waflow.__version__
    cargo = (REPO / "Cargo.toml").read_text()
    assert f'\nversion = "{waflow.__version__}"\n' in cargo
    # LATEST is a version validate takes.
    assert waflow.validate('{"version": "7.3", "screens": []}', waflow.LATEST)[0]["rule"] != "invalid-version"


def test_a_valid_flow_has_no_findings() -> None:
    text = (TESTDATA / "examples/valid-survey.json").read_text()
    assert waflow.validate(text) == []
    assert waflow.validate(text.encode()) == []
    assert waflow.validate(json.loads(text)) == []


def test_a_broken_flow_gets_meta_codes_positions_and_paths() -> None:
    text = (TESTDATA / "examples/book-a-call.json").read_text()
    findings = waflow.validate(text)
    assert [(f["severity"], f["error"], f["rule"]) for f in findings] == [
        ("error", "INVALID_ROUTING_MODEL", "routing-disconnected-screens"),
        ("error", "MISSING_REQUIRED_PROPERTY", "data-exchange-needs-data-api-version"),
        ("error", "INVALID_PROPERTY_VALUE", "refresh-on-back-needs-data-api-version"),
        ("warning", "WAFLOW_DUPLICATE_KEY", "duplicate-key"),
    ]
    first = findings[0]
    assert list(first) == META_KEYS + ["severity", "rule"]
    assert first["error_type"] == "FLOW_JSON_ERROR"
    assert first["message"].startswith("Screen(s) not connected to the rest of the flow")
    assert (first["line_start"], first["line_end"], first["column_start"], first["column_end"]) == (5, 5, 13, 17)
    assert [list(p) for p in first["pointers"]] == [POINTER_KEYS, POINTER_KEYS]
    assert [p["path"] for p in first["pointers"]] == ["screens[0].id", "screens[1].id"]
    assert [source_of(text, p) for p in first["pointers"]] == ['"ASK"', '"WELCOME"']
    exchange = findings[1]["pointers"][0]
    assert exchange["path"] == "screens[0].layout.children[1].on-click-action.name"
    assert source_of(text, exchange) == '"data_exchange"'


def test_the_version_stage_finding_of_the_library_docs() -> None:
    (f,) = waflow.validate('{"version": 7.3}')
    assert f == {
        "error": "INVALID_FLOW_JSON_VERSION",
        "error_type": "FLOW_JSON_ERROR",
        "message": "Property 'version' should be of type string, found a number",
        "line_start": 1,
        "line_end": 1,
        "column_start": 13,
        "column_end": 15,
        "pointers": [{"line_start": 1, "line_end": 1, "column_start": 13, "column_end": 15, "path": "version"}],
        "severity": "error",
        "rule": "version-not-string",
    }


def test_findings_are_what_waflow_check_format_meta_prints(tmp_path: Path, waflow_command: str) -> None:
    import subprocess

    for name in ["examples/book-a-call.json", "duplicate-key/invalid-repeated-property.json", "invalid-json/invalid-comment.json"]:
        out = subprocess.run(
            [waflow_command, "check", "--format", "meta", str(TESTDATA / name)],
            capture_output=True,
            text=True,
        )
        assert out.returncode in (0, 1), out.stderr
        (file,) = json.loads(out.stdout)
        cli = [dict(f, severity="error") for f in file["validation_errors"]]
        cli += [dict(f, severity="warning") for f in file["warnings"]]
        ours = waflow.validate((TESTDATA / name).read_bytes())
        assert len(ours) == len(cli) > 0, name
        codes = {r["code"] for r in waflow.rules()}
        for mine, theirs in zip(ours, cli):
            assert mine.pop("rule") in codes
            assert mine == theirs, name


# A flow as pywa builds it (`FlowJSON(...).to_dict()`): Python values, no text.
def pywa_flow() -> dict:
    return {
        "version": "7.3",
        "screens": [
            {
                "id": "SIGN_UP",
                "title": "Sign up",
                "terminal": True,
                "success": True,
                "data": {},
                "layout": {
                    "type": "SingleColumnLayout",
                    "children": [
                        {
                            "type": "Form",
                            "name": "form",
                            "children": [
                                {"type": "TextInput", "name": "email", "label": "Email", "required": True},
                                {"type": "OptIn", "name": "news", "label": "Send me news"},
                                {
                                    "type": "Footer",
                                    "label": "Sign up",
                                    "on-click-action": {
                                        "name": "complete",
                                        "payload": {"email": "${form.email}", "news": "${form.news}"},
                                    },
                                },
                            ],
                        }
                    ],
                },
            }
        ],
    }


def test_a_pywa_style_dict_is_validated_as_json_dumps_indent_2() -> None:
    flow = pywa_flow()
    assert waflow.validate(flow) == []
    form = flow["screens"][0]["layout"]["children"][0]["children"]
    form[0]["initial-text"] = "you@example.com"
    form[1]["label"] = "Ünïcode 🎉 news"  # escaped by json.dumps: positions stay ASCII
    form[2]["on-click-action"]["name"] = "navigate"
    findings = waflow.validate(flow)
    text = json.dumps(flow, indent=2)
    assert [(f["error"], f["rule"], f["pointers"][0]["path"]) for f in findings] == [
        ("INVALID_PROPERTY_KEY", "unknown-property", "screens[0].layout.children[0].children[0].initial-text"),
        ("MISSING_REQUIRED_PROPERTY", "missing-property", "screens[0].layout.children[0].children[2].on-click-action"),
    ]
    assert findings[0]["message"] == "Property 'initial-text' is not allowed in a TextInput (Flow JSON 7.3)."
    # The positions point into json.dumps(flow, indent=2).
    key = findings[0]["pointers"][0]
    assert (key["line_start"], key["column_start"], key["column_end"]) == (22, 17, 30)
    assert source_of(text, key) == '"initial-text"'
    action = source_of(text, findings[1]["pointers"][0])
    assert action.startswith("{") and action.endswith("}")
    assert json.loads(action) == form[2]["on-click-action"]


def test_warnings_can_be_left_out() -> None:
    text = (TESTDATA / "examples/book-a-call.json").read_text()
    every = waflow.validate(text)
    errors = waflow.validate(text, warnings=False)
    assert [f["severity"] for f in every] == ["error", "error", "error", "warning"]
    assert errors == every[:3]
    only_warning = (TESTDATA / "duplicate-key/invalid-repeated-property.json").read_text()
    assert [f["rule"] for f in waflow.validate(only_warning)] == ["duplicate-key"]
    assert waflow.validate(only_warning, warnings=False) == []


def test_max_findings_caps_the_report_and_says_so() -> None:
    text = (TESTDATA / "examples/book-a-call.json").read_text()
    assert len(waflow.validate(text, max_findings=4)) == 4
    # The cap counts findings as the stages make them: the parser's duplicate-key
    # warning comes first and takes the only room, and the note counts the rest.
    capped = waflow.validate(text, max_findings=1)
    assert [(f["severity"], f["rule"]) for f in capped] == [
        ("warning", "duplicate-key"),
        ("warning", "too-many-findings"),
    ]
    assert capped[1]["message"].startswith("3 more findings are not reported")
    # Without warnings the note stays: an empty list of errors must not pass for valid.
    (note,) = waflow.validate(text, max_findings=1, warnings=False)
    assert note == capped[1]
    assert [f["rule"] for f in waflow.validate(text, max_findings=2, warnings=False)] == [
        "data-exchange-needs-data-api-version",
        "too-many-findings",
    ]
    with pytest.raises(ValueError, match="at least 1"):
        waflow.validate(text, max_findings=0)
    with pytest.raises(OverflowError):
        waflow.validate(text, max_findings=-1)


def test_version_judges_the_flow_as_that_version() -> None:
    flow = pywa_flow()
    del flow["version"]
    (missing,) = waflow.validate(flow)
    assert (missing["error"], missing["rule"]) == ("MISSING_FLOW_JSON_VERSION", "missing-version")
    # Judged as 7.3, as if it said so: valid, and nothing said about `version`.
    assert waflow.validate(flow, "7.3") == []
    # A TextInput's `pattern` came in 6.2.
    form = flow["screens"][0]["layout"]["children"][0]["children"]
    form[0].update({"pattern": "^.+@.+$", "helper-text": "you@example.com"})
    assert waflow.validate(flow, version="7.3") == []
    (old,) = waflow.validate(flow, version="6.1")
    assert (old["error"], old["pointers"][0]["path"]) == (
        "INVALID_PROPERTY_KEY",
        "screens[0].layout.children[0].children[0].pattern",
    )
    # The flow's own version is replaced, not defaulted: a 6.1 flow judged as 7.3.
    flow = {"version": "6.1", **flow}
    assert [f["rule"] for f in waflow.validate(flow)] == ["unknown-property"]
    assert waflow.validate(flow, "7.3") == []
    # A frozen version is reported as Meta reports a flow declaring it, at `version`
    # (line 2, `"6.1"`), and the flow is still judged by it.
    frozen = waflow.validate(flow, "5.0")
    assert [(f["rule"], f["pointers"][0]["path"]) for f in frozen] == [
        ("frozen-version", "version"),
        ("unknown-property", "screens[0].layout.children[0].children[0].pattern"),
    ]
    assert (frozen[0]["line_start"], frozen[0]["column_start"], frozen[0]["column_end"]) == (2, 14, 18)


@pytest.mark.parametrize("version", ["9.9", "7", "07.3", " 7.3", "latest", ""])
def test_a_version_that_names_no_flow_json_version_raises(version: str) -> None:
    with pytest.raises(ValueError, match="is not a Flow JSON version.*7.3"):
        waflow.validate(pywa_flow(), version)


def test_text_that_is_not_json_is_a_finding_not_an_exception() -> None:
    for text, rule in [
        ("{", "invalid-json"),
        ("", "invalid-json"),
        ("not json", "invalid-json"),
        (b"\xff\xfe{}", "invalid-utf8"),
        ('{"version": "7.3", "screens": [],}', "invalid-json"),
    ]:
        findings = waflow.validate(text)
        assert [(f["error"], f["rule"]) for f in findings][:1] == [("INVALID_FLOW_JSON", rule)], text
    (root,) = waflow.validate("[]")
    assert root["rule"] == "root-not-object"


@pytest.mark.parametrize("flow", [None, 42, 7.3, ["version"], ("{}",), bytearray(b"{}")])
def test_a_flow_of_another_type_raises_type_error(flow: object) -> None:
    with pytest.raises(TypeError, match="flow must be Flow JSON text"):
        waflow.validate(flow)  # type: ignore[arg-type]


def test_bad_arguments_raise() -> None:
    with pytest.raises(TypeError):
        waflow.validate("{}", 7.3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        waflow.validate("{}", None, False)  # type: ignore[misc]
    with pytest.raises(TypeError):
        waflow.validate({"version": "7.3", "screens": [{"id": object()}]})
    # A lone surrogate cannot be sent as UTF-8.
    with pytest.raises(UnicodeEncodeError):
        waflow.validate('{"version": "\ud800"}')


def test_the_package_docstring_example_holds() -> None:
    import doctest

    failed, tried = doctest.testmod(waflow, verbose=False)
    assert tried >= 1 and failed == 0
