"""The `waflow` console script is the waflow CLI itself: every subcommand, its output
formats and exit codes; `python -m waflow` and `waflow.run_cli` run the same."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import waflow
from conftest import TESTDATA

GOOD = TESTDATA / "examples/valid-survey.json"
BAD = TESTDATA / "examples/book-a-call.json"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["waflow", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": str(Path(sys.executable).parent), "NO_COLOR": "1"},
    )


def test_check_a_valid_file_exits_0(waflow_command: str) -> None:
    out = run("check", str(GOOD))
    assert (out.returncode, out.stdout, out.stderr) == (0, "Checked 1 file: no problems found.\n", "")


def test_check_a_broken_file_exits_1_with_code_frames(waflow_command: str) -> None:
    out = run("check", str(BAD))
    assert out.returncode == 1, out.stderr
    assert "error[INVALID_ROUTING_MODEL/routing-disconnected-screens]" in out.stdout
    assert f"{BAD}:5:13" in out.stdout
    assert "warning[WAFLOW_DUPLICATE_KEY/duplicate-key]" in out.stdout
    assert "3 errors" in out.stdout and "1 warning" in out.stdout


def test_check_format_meta_and_stdin(waflow_command: str) -> None:
    out = run("check", "--format", "meta", "--stdin-filename", "flow.json", "-", stdin=BAD.read_text())
    assert out.returncode == 1
    (file,) = json.loads(out.stdout)
    assert file["file"] == "flow.json"
    assert [f["error"] for f in file["validation_errors"]] == [
        "INVALID_ROUTING_MODEL",
        "MISSING_REQUIRED_PROPERTY",
        "INVALID_PROPERTY_VALUE",
    ]
    assert file["validation_errors"][0]["pointers"][0]["path"] == "screens[0].id"


def test_usage_and_io_failures_exit_2(tmp_path: Path, waflow_command: str) -> None:
    missing = run("check", str(tmp_path / "missing.json"))
    assert missing.returncode == 2
    assert "waflow: error:" in missing.stderr and "missing.json" in missing.stderr
    usage = run("chek")
    assert usage.returncode == 2
    assert "unrecognized subcommand 'chek'" in usage.stderr and usage.stdout == ""
    assert run("check").returncode == 2
    # --exit-zero: errors found, exit 0.
    assert run("check", "--exit-zero", str(BAD)).returncode == 0


def test_every_subcommand_is_there(waflow_command: str) -> None:
    out = run("--help")
    assert out.returncode == 0
    for sub in ["check", "migrate", "endpoint", "schema", "rules", "explain", "server", "completions", "push", "list", "status"]:
        assert f"\n  {sub} " in out.stdout, sub
    version = run("--version")
    assert (version.returncode, version.stdout) == (0, f"waflow {waflow.__version__}\n")
    explain = run("explain", "duplicate-key")
    assert explain.returncode == 0 and "duplicate-key" in explain.stdout
    rules = run("rules", "--format", "json")
    assert [r["code"] for r in json.loads(rules.stdout)] == [r["code"] for r in waflow.rules()]
    schema = run("schema", waflow.LATEST)
    assert schema.returncode == 0 and json.loads(schema.stdout)["$schema"].startswith("http://json-schema.org/draft-07")


def test_fix_in_place(tmp_path: Path, waflow_command: str) -> None:
    flow = tmp_path / "flow.json"
    source = TESTDATA / "version-not-exact/invalid-leading-zero.json"
    flow.write_bytes(source.read_bytes())
    assert run("check", "--fix", str(flow)).returncode == 0
    assert flow.read_text() == source.with_suffix(".fixed").read_text()


def test_python_dash_m_waflow_is_the_same_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "waflow", "check", str(BAD)], capture_output=True, text=True, env={"NO_COLOR": "1"}
    )
    assert out.returncode == 1
    assert "routing-disconnected-screens" in out.stdout
    usage = subprocess.run([sys.executable, "-m", "waflow", "--bogus"], capture_output=True, text=True)
    assert usage.returncode == 2
    # The program is named `waflow` in usage lines, not `__main__.py`.
    assert "Usage: waflow <COMMAND>" in usage.stderr


def test_run_cli_in_process(capfd: pytest.CaptureFixture[str]) -> None:
    assert waflow.run_cli(["check", str(GOOD)]) == 0
    assert capfd.readouterr().out == "Checked 1 file: no problems found.\n"
    assert waflow.run_cli(["check", "--format", "meta", str(BAD)]) == 1
    (file,) = json.loads(capfd.readouterr().out)
    assert len(file["validation_errors"]) == 3
    assert waflow.run_cli(["--bogus"]) == 2
    assert "unexpected argument '--bogus'" in capfd.readouterr().err
    with pytest.raises(TypeError):
        waflow.run_cli("check")


def test_ctrl_c_ends_a_running_command() -> None:
    # The language server runs until its client leaves; Ctrl-C (SIGINT) must end it as
    # it ends the native binary, although the CLI runs in Rust, outside the interpreter.
    import signal

    proc = subprocess.Popen(
        ["waflow", "server"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PATH": str(Path(sys.executable).parent)},
    )
    try:
        assert proc.stdin is not None and proc.stdout is not None
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n{body}".encode())
        proc.stdin.flush()
        # The answer proves the server (Rust) is running, past Python's start-up.
        assert proc.stdout.readline().startswith(b"Content-Length: ")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == -signal.SIGINT
    finally:
        proc.kill()
        proc.wait()
