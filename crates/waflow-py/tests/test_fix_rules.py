"""waflow.fix and waflow.rules."""

from __future__ import annotations

import json

import pytest

import waflow
from conftest import TESTDATA


def test_fix_applies_safe_fixes_and_unsafe_ones_when_asked() -> None:
    # A safe fix: "07.3" -> "7.3".
    safe = TESTDATA / "version-not-exact/invalid-leading-zero.json"
    fixed = waflow.fix(safe.read_text())
    assert fixed == safe.with_suffix(".fixed").read_text()
    assert '"version": "7.3"' in fixed and waflow.validate(fixed) == []
    # An unsafe fix only (the closest property name): nothing without unsafe=True.
    typo = TESTDATA / "unknown-property/invalid-typo-initial-text.json"
    assert waflow.fix(typo.read_text()) == typo.read_text()
    assert waflow.fix(typo.read_text(), unsafe=True) == typo.with_suffix(".fixed").read_text()
    assert waflow.fix(typo.read_bytes(), True) == typo.with_suffix(".fixed").read_text()


def test_fix_of_a_dict_is_the_fixed_json_dumps_text() -> None:
    flow = json.loads((TESTDATA / "unknown-property/invalid-typo-initial-text.json").read_text())
    fixed = waflow.fix(flow, unsafe=True)
    expected = json.dumps(flow, indent=2).replace('"initial-text"', '"init-value"')
    assert fixed == expected


def test_fix_leaves_what_it_cannot_fix() -> None:
    for text in ["{", "", "not json", (TESTDATA / "examples/valid-survey.json").read_text()]:
        assert waflow.fix(text) == text
    with pytest.raises(TypeError):
        waflow.fix(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a Flow JSON version"):
        waflow.fix("{}", version="8")


def test_rules_list_every_rule_with_its_metadata(waflow_command: str) -> None:
    import subprocess

    rules = waflow.rules()
    cli = json.loads(subprocess.run([waflow_command, "rules", "--format", "json"], capture_output=True, text=True).stdout)
    assert len(rules) == len(cli) > 100
    for ours, theirs in zip(rules, cli):
        assert list(ours) == ["code", "error", "error_type", "severity", "since", "until", "summary", "doc", "fix", "url"]
        theirs["error_type"] = theirs.pop("errorType")
        assert {k: v for k, v in ours.items() if k != "url"} == theirs
        assert ours["url"].endswith("docs/rules.md#" + ours["code"])
    by_code = {r["code"]: r for r in rules}
    dup = by_code["duplicate-key"]
    assert (dup["error"], dup["severity"]) == ("WAFLOW_DUPLICATE_KEY", "warning")
    assert dup["fix"] is not None and dup["fix"]["applicability"] == "unsafe"
    assert by_code["duplicate-screen-id"]["severity"] == "error"
    # Every finding names a rule of this list.
    for f in waflow.validate((TESTDATA / "examples/book-a-call.json").read_text()):
        assert f["rule"] in by_code
