# The extension module (crates/waflow-py/src/lib.rs). Private: use the `waflow` package.
from collections.abc import Sequence

__all__ = ["__version__", "LATEST", "validate", "fix", "rules", "run_cli"]

__version__: str
LATEST: str

def validate(
    data: bytes, version: str | None = None, max_findings: int | None = None
) -> tuple[str, list[str | None], list[str | None]]: ...
def fix(text: str, unsafe_fixes: bool = False, version: str | None = None) -> str: ...
def rules() -> str: ...
def run_cli(argv: Sequence[str]) -> int: ...
