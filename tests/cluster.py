"""What the harness tests share: commands run with scripts/lib.sh (stdlib only)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lib(command, timeout=600):
    """Run COMMAND in bash with scripts/lib.sh sourced (PG_BIN set), for this Python."""
    return subprocess.run(
        [
            "bash",
            "-c",
            f'. "$1/scripts/lib.sh" && PG_BIN=$(pg_bindir) && {command}',
            "-",
            ROOT,
        ],
        env=dict(os.environ, PYTHON=sys.executable),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
