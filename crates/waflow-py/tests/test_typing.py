"""The package is typed: the stub of the extension matches it (mypy's stubtest), and
mypy --strict accepts correct use and rejects wrong use of the API."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is installed by .ci/python")


def mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", str(cwd / ".cache"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_the_py_typed_marker_and_the_stub_ship() -> None:
    import waflow

    here = Path(waflow.__file__).parent
    assert (here / "py.typed").is_file()
    assert (here / "_waflow.pyi").is_file()


def test_the_extension_stub_matches_the_extension(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "waflow._waflow", "--mypy-config-file", str(tmp_path / "none.ini")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_strict_accepts_correct_use_and_rejects_wrong_use(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text(
        textwrap.dedent(
            """
            from __future__ import annotations

            import waflow

            findings: list[waflow.Finding] = waflow.validate({"version": "7.3"}, "7.3", warnings=False, max_findings=10)
            line: int = findings[0]["line_start"]
            path: str = findings[0]["pointers"][0]["path"]
            severity: str = findings[0]["severity"]
            rule: str | None = findings[0]["rule"]
            rules: list[waflow.Rule] = waflow.rules()
            fixable = [r["code"] for r in rules if r["fix"] is not None]
            text: str = waflow.fix(b"{}", unsafe=True, version=waflow.LATEST)
            status: int = waflow.run_cli(["check", "flow.json"])
            version: str = waflow.__version__
            """
        )
    )
    out = mypy("--strict", "--python-version", "3.9", str(good), cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr

    bad = tmp_path / "bad.py"
    bad.write_text(
        textwrap.dedent(
            """
            import waflow

            waflow.validate(42)
            waflow.validate("{}", warnings="no")
            waflow.validate("{}", "7.3", False)
            line: str = waflow.validate("{}")[0]["line_start"]
            waflow.validate("{}")[0]["column"]
            waflow.fix("{}", unsafe="yes")
            waflow.run_cli(1)
            """
        )
    )
    out = mypy("--strict", str(bad), cwd=tmp_path)
    assert out.returncode == 1
    errors = [line for line in out.stdout.splitlines() if ": error:" in line]
    assert [int(line.split(":")[1]) for line in errors] == [4, 5, 6, 7, 8, 9, 10], out.stdout
