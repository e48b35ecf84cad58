"""Shared helpers of the wheel's tests. They test the installed `waflow` package (the
wheel), never the sources: `test_the_installed_wheel_is_tested` makes sure."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
TESTDATA = REPO / "testdata"


def source_of(text: str, pointer: dict) -> str:
    """The text a Meta position covers: 1-based lines and columns, columns in UTF-16
    code units, the end column inclusive."""
    lines = text.split("\n")
    first, last = pointer["line_start"] - 1, pointer["line_end"] - 1

    def units(line: str) -> bytes:
        return line.encode("utf-16-le")

    if first == last:
        u = units(lines[first])
        return u[(pointer["column_start"] - 1) * 2 : pointer["column_end"] * 2].decode("utf-16-le")
    parts = [units(lines[first])[(pointer["column_start"] - 1) * 2 :].decode("utf-16-le")]
    parts += lines[first + 1 : last]
    parts.append(units(lines[last])[: pointer["column_end"] * 2].decode("utf-16-le"))
    return "\n".join(parts)


@pytest.fixture(scope="session")
def waflow_command() -> str:
    """The `waflow` console script of the environment running the tests."""
    script = Path(sys.executable).parent / ("waflow.exe" if sys.platform == "win32" else "waflow")
    assert script.is_file(), f"no waflow console script beside {sys.executable}"
    assert shutil.which("waflow") is not None, "waflow is not on PATH"
    return str(script)
