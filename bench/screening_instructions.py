"""Instructions per comment for the in-request screening rules, counted by callgrind.

    cd /tmp && valgrind --tool=callgrind --instr-atstart=no \\
        /path/to/parley/.venv/bin/python /path/to/parley/bench/screening_instructions.py [-n 2000]

The default policy's in-request rules (terms, contact information, links, group
generalisation) over ``n`` generated comments, the same generator and seed as
``bench/screening.py``. Comments/s on a shared machine moves with its neighbours; the
instructions one comment costs do not, so this is the figure to compare two commits by
(run it in each checkout). Start-up, policy compilation and a warm-up are not counted.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

from callgrind import callgrind, dump_total  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    import django

    django.setup()
    from bench.screening import make_comments
    from moderation.engine.defaults import default_text_policy
    from moderation.engine.screener import build_screener

    screener = build_screener(default_text_policy())
    comments = make_comments(args.n, random.Random(args.seed))
    for c in comments[:200]:
        screener.screen(c)
    callgrind("--instr=on")
    callgrind("--zero")
    for c in comments:
        screener.screen(c)
    total = dump_total("screening")
    callgrind("--instr=off")
    per_comment = total / args.n / 1e6
    print(f"in-request screening, default policy: {per_comment:.3f} M instructions per comment")


if __name__ == "__main__":
    main()
