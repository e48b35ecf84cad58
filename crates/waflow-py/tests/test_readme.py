"""The README's Python example runs as written, on a broken flow."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, TESTDATA


def test_the_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    (example,) = re.findall(r"```python\n(.*?)```", section, re.S)
    (tmp_path / "flow.json").write_bytes((TESTDATA / "examples/book-a-call.json").read_bytes())
    out = subprocess.run([sys.executable, "-c", example], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("error INVALID_ROUTING_MODEL 5 screens[0].id Screen(s) not connected")
    assert lines[3].startswith("warning WAFLOW_DUPLICATE_KEY ")
