"""The ``waflow`` command: the waflow CLI itself (every subcommand), run in this process.

The ``waflow`` console script of this package and ``python -m waflow`` both run
`main`, which hands the arguments to the CLI compiled into the extension module and
exits with its status.
"""

from __future__ import annotations

import signal
import sys
import threading
from typing import NoReturn

from . import run_cli


def main() -> NoReturn:
    """Run ``waflow`` with ``sys.argv`` and exit with its status (0, 1 or 2)."""
    # The CLI runs in Rust without the GIL, so Python's own Ctrl-C handler (which only
    # sets a flag for the interpreter to notice) would never run: let SIGINT end the
    # process at once, as it ends the native binary.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(run_cli(sys.argv[1:]))


if __name__ == "__main__":
    main()
