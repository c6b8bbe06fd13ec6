"""Switch callgrind's counting on and off from inside the measured process, and read totals.

Used by ``bench/instructions.py`` and ``bench/screening_instructions.py``, which run under
``valgrind --tool=callgrind --instr-atstart=no``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

OUT_DIR = os.getcwd()  # where valgrind writes callgrind.out.<pid>.<n>


def callgrind(*command: str) -> str:
    out = subprocess.run(
        ["callgrind_control", *command, str(os.getpid())], capture_output=True, text=True
    )
    return out.stdout + out.stderr


def dump_total(label: str) -> int:
    """Dump the counters since the last zeroing and return their total instructions."""
    text = callgrind("--dump=" + label)
    dumps = sorted(Path(OUT_DIR).glob(f"callgrind.out.{os.getpid()}.*"), key=os.path.getmtime)
    if not dumps:
        sys.exit(f"no callgrind dump: run this under valgrind (see --help)\n{text}")
    for line in dumps[-1].read_text(errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    sys.exit(f"no totals in {dumps[-1]}")
