"""Instructions per request on the benchmarked paths, in-process, counted by callgrind.

    cd /tmp && valgrind --tool=callgrind --instr-atstart=no \
        /path/to/parley/.venv/bin/python /path/to/parley/bench/instructions.py [-n 200] [CASE ...]

CPU time on a shared 2-core machine moves with whatever else runs; the number of
instructions a request executes does not (the same code, data and inputs give the
same count, give or take the few thousand that timing-dependent paths add). Each
case is warmed up, then callgrind's instrumentation is switched on (with
``callgrind_control``) for ``n`` requests only, so start-up is not counted; the
script prints instructions per request. Uses the data ``bench/run.py`` loaded
(``--reuse-data`` state), like ``bench/queries.py``; posting writes real comments
(``bench/run.py`` deletes them at its next start).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind import callgrind, dump_total  # noqa: E402
from queries import setup_cases  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("cases", nargs="*")
    args = parser.parse_args()
    cases = setup_cases()
    names = args.cases or ["signed-in first page", "post a comment", "baseline post"]
    for name in names:
        call = cases[name]
        for i in range(20):
            call(i)
        callgrind("--instr=on")
        callgrind("--zero")
        for i in range(args.n):
            call(i)
        total = dump_total(name.replace(" ", "-"))
        callgrind("--instr=off")
        print(f"{name:<28} {total / args.n / 1e6:.3f} M instructions per request", flush=True)


if __name__ == "__main__":
    main()
