"""waflow: find what Meta would reject in WhatsApp Flow JSON, before you upload it.

    >>> import waflow
    >>> [f["error"] for f in waflow.validate('{"version": 7.3}')]
    ['INVALID_FLOW_JSON_VERSION']

`validate` returns the findings in the shape Meta's Graph API gives its
``validation_errors`` (snake_case keys, 1-based lines, UTF-16 columns, inclusive end
column), errors first, then warnings; `fix` applies waflow's fixes to a flow's text;
`rules` lists every rule. The ``waflow`` command installed with this package is the
waflow CLI itself (``waflow check flows/``); `run_cli` runs it in this process.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, List, Literal, Optional, Sequence, TypedDict, Union

from . import _waflow

__all__ = [
    "LATEST",
    "Finding",
    "Fix",
    "Pointer",
    "Rule",
    "__version__",
    "fix",
    "rules",
    "run_cli",
    "validate",
]

#: This package's version, which is the waflow crates' version (Cargo.toml).
__version__: str = _waflow.__version__
#: The newest Flow JSON version Meta lets you publish, e.g. ``"7.3"``.
LATEST: str = _waflow.LATEST


class Pointer(TypedDict):
    """One place of a finding, as Meta gives it."""

    line_start: int
    line_end: int
    column_start: int
    column_end: int
    #: Meta's path to the node: ``"screens[0].layout.children[1].label"``.
    path: str


class Finding(TypedDict):
    """One entry of Meta's ``validation_errors``, plus waflow's ``severity`` and ``rule``."""

    error: str
    error_type: str
    message: str
    line_start: int
    line_end: int
    column_start: int
    column_end: int
    pointers: List[Pointer]
    #: waflow's addition: ``"error"`` (Meta rejects the flow) or ``"warning"`` (Meta
    #: accepts it, but it is probably wrong; never in Meta's ``validation_errors``).
    severity: Literal["error", "warning"]
    #: waflow's addition: the rule's code (``"duplicate-screen-id"``); see `rules`.
    rule: Optional[str]


class Fix(TypedDict):
    """The fix a rule offers."""

    applicability: Literal[
        "safe", "unsafe", "safe when sure, else unsafe", "safe or unsafe, by case"
    ]
    what: str


class Rule(TypedDict):
    """One of waflow's rules (``waflow rules --format json``, keys in snake_case)."""

    code: str
    error: str
    error_type: str
    severity: Literal["error", "warning"]
    since: Optional[str]
    until: Optional[str]
    summary: str
    doc: str
    fix: Optional[Fix]
    url: str


Flow = Union[str, bytes, Mapping[str, Any]]


def _text(flow: Flow) -> str | bytes:
    """The flow's text: as given, or a mapping serialised as ``json.dumps(flow, indent=2)``."""
    if isinstance(flow, (str, bytes)):
        return flow
    if isinstance(flow, Mapping):
        return json.dumps(flow, indent=2)
    raise TypeError(
        "flow must be Flow JSON text (str or bytes) or a dict, not "
        + type(flow).__name__
    )


def validate(
    flow: Flow,
    version: Optional[str] = None,
    *,
    warnings: bool = True,
    max_findings: Optional[int] = None,
) -> list[Finding]:
    """Validate a flow; return its findings, errors first, then warnings.

    ``flow`` is Flow JSON text (``str``, or ``bytes`` as read from a file: invalid
    UTF-8 is a finding, as for Meta) or a dict such as pywa's ``FlowJSON.to_dict()``,
    which is validated as ``json.dumps(flow, indent=2)``: positions point into that
    text. Text that is not JSON gives an ``INVALID_FLOW_JSON`` finding, not an
    exception.

    Each finding is a dict with Meta's keys (``error``, ``error_type``, ``message``,
    ``line_start``, ``line_end``, ``column_start``, ``column_end``, ``pointers``: a list
    of ``{line_start, line_end, column_start, column_end, path}``), exactly as
    ``waflow check --format meta`` prints them, plus two keys of waflow's own:
    ``severity`` (``"error"`` or ``"warning"``) and ``rule`` (the rule's code). The
    errors are what Meta would put in ``validation_errors``; an empty list of errors
    means Meta would accept the flow.

    ``version``: judge the flow as this Flow JSON version (``"7.3"``) instead of the one
    it declares, or when it declares none: the findings are those the flow would get
    with ``"version": "7.3"`` in it, at the positions of the text as given, and nothing
    is said about its own ``version`` (absent, malformed or another version). Use it
    for flows whose version is added when they are uploaded, or to see what moving a
    flow to a version would break. A frozen or unreleased version is reported as Meta
    reports a flow declaring it; a string that names no Flow JSON version raises
    ``ValueError``. Default: the version the flow declares, as Meta does.

    ``warnings=False`` leaves the warnings out (as ``waflow check --no-warnings``).

    ``max_findings`` caps the findings kept (default 100,000, the library's cap), to
    bound the time and memory a huge broken flow costs. It counts findings as the
    stages make them, warnings included, so a capped list may hold fewer errors than
    the flow has; it then ends with a ``too-many-findings`` warning counting the rest,
    which is kept even with ``warnings=False``: it says the list is incomplete.
    """
    text = _text(flow)
    data = text.encode("utf-8") if isinstance(text, str) else text
    report, error_rules, warning_rules = _waflow.validate(data, version, max_findings)
    lists = json.loads(report)
    findings: list[Finding] = []
    for f, rule in zip(lists["validation_errors"], error_rules):
        f["severity"] = "error"
        f["rule"] = rule
        findings.append(f)
    for f, rule in zip(lists["warnings"], warning_rules):
        if warnings or rule == "too-many-findings":
            f["severity"] = "warning"
            f["rule"] = rule
            findings.append(f)
    return findings


def fix(flow: Flow, unsafe: bool = False, *, version: Optional[str] = None) -> str:
    """Return the flow's text with waflow's fixes applied.

    The safe fixes, and the unsafe ones too with ``unsafe=True`` (they change what the
    flow does: review them), in rounds until nothing changes, as ``waflow check --fix``
    does; the text keeps its layout outside the edits. Text that is not JSON, or has
    nothing to fix, comes back unchanged. A dict is fixed as ``json.dumps(flow,
    indent=2)``. ``version`` as for `validate`.
    """
    text = _text(flow)
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return _waflow.fix(text, bool(unsafe), version)


def rules() -> list[Rule]:
    """Every rule waflow has: code, Meta's error code and type, severity, the versions
    it applies to, summary, documentation, fix, and the URL of its documentation."""
    result: list[Rule] = json.loads(_waflow.rules())
    return result


def run_cli(argv: Sequence[str]) -> int:
    """Run the ``waflow`` command line in this process and return its exit status.

    ``argv`` holds the arguments after the program name: ``run_cli(["check",
    "flows/"])``. Output goes to the process's stdout and stderr (file descriptors 1
    and 2, not ``sys.stdout``); 0: no errors, 1: errors found, 2: waflow could not do
    its job. The ``waflow`` console script and ``python -m waflow`` call this.
    """
    if isinstance(argv, (str, bytes)):
        raise TypeError("argv must be a sequence of arguments, not a single string")
    return int(_waflow.run_cli(["waflow", *argv]))
