"""Every line a measured set got wrong, and what decided it.

    python bench/eval_lines.py bench/data/heldout98.jsonl var/eval/dryrun.jsonl [CORPUS RESULTS ...]

Reads pairs of a labelled corpus and the ``moderation_dry_run`` output for it (``make eval``
writes ``var/eval/dryrun.jsonl``) and prints, after ``evaluate`` has given the figures:

* each clean line held, with every hit that held it (rule, term, the model's score and the
  threshold it passed);
* each violating line missed, by category, with its evasion tag.

Run it only after a set's figures are recorded: it prints the set's texts.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict


def _hit(h: dict) -> str:
    detail = h.get("detail") or {}
    if "score" in detail:
        cat = detail.get("category_threshold")
        why = f" ({cat})" if cat else ""
        return f"{h['rule']} {detail['score']:.2f}{why}"
    return f"{h['rule']}:{h.get('term') or h.get('code')}"


def main(argv: list[str]) -> int:
    if not argv or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    fps, misses = [], defaultdict(list)
    for corpus, results in zip(argv[::2], argv[1::2], strict=True):
        rows = {}
        with open(corpus, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    rows[r["id"]] = r
        with open(results, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                res = json.loads(line)
                row = rows.get(res["id"])
                if row is None:
                    continue
                held = res["action"] != "publish"
                if row["label"] == "clean" and held:
                    hits = ", ".join(_hit(h) for h in res["hits"])
                    fps.append(f"{row['id']} [{row['category']}] {hits} | {row['text']}")
                elif row["label"] == "violating" and not held:
                    misses[row["category"]].append(
                        f"{row['id']} [{row.get('evasion') or 'none'}] {row['text']}"
                    )
    print(f"clean lines held: {len(fps)}")
    for s in fps:
        print("  " + s)
    print(f"violating lines missed: {sum(len(v) for v in misses.values())}")
    for cat in sorted(misses):
        print(f" {cat}: {len(misses[cat])}")
        for s in misses[cat]:
            print("  " + s)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
