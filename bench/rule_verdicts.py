"""Which labelled lines a rule change moves, and whether each move is a correction.

    python bench/rule_verdicts.py save before.json      # at the old commit
    python bench/rule_verdicts.py save after.json       # at the new one
    python bench/rule_verdicts.py diff before.json after.json

Screens every labelled line Parley has (``../shared/corpus/dev.jsonl`` when it is beside
the checkout, every ``bench/data/*.jsonl`` and the classifier's training files) with the
default policy's text rules only (no toxicity model, no classifier), so a rule round is
judged on its own. ``diff`` prints each line whose verdict changed as GAIN (now right)
or LOSS (now wrong) and the totals; a training file's copy of a bench line counts again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def labelled_lines() -> list[tuple[str, dict]]:
    paths = [ROOT.parent / "shared" / "corpus" / "dev.jsonl"]
    paths += sorted((ROOT / "bench" / "data").glob("*.jsonl"))
    paths += sorted((ROOT / "moderation" / "engine" / "data" / "training").glob("*.jsonl"))
    out = []
    for path in paths:
        if not path.exists():
            continue
        for n, line in enumerate(path.read_text("utf-8").splitlines()):
            if line.strip():
                row = json.loads(line)
                if row.get("label") in ("violating", "clean") and row.get("text"):
                    out.append((f"{path.name}:{n}", row))
    return out


def save(out_path: str) -> None:
    from moderation.engine.defaults import default_text_policy
    from moderation.engine.dryrun import screen_records

    lines = labelled_lines()
    rows = [row for _, row in lines]
    results = screen_records(
        rows, default_text_policy(), toxicity=False, classifier=False, progress=False
    )
    verdicts = {
        key: [
            res["action"] != "publish",
            res["codes"],
            row["label"],
            row.get("category"),
            row["text"],
        ]
        for (key, row), res in zip(lines, results, strict=True)
    }
    Path(out_path).write_text(json.dumps(verdicts, ensure_ascii=False), "utf-8")
    print(f"{len(verdicts)} labelled lines screened -> {out_path}")


def diff(before_path: str, after_path: str) -> None:
    before = json.loads(Path(before_path).read_text("utf-8"))
    after = json.loads(Path(after_path).read_text("utf-8"))
    gains = losses = 0
    for key, (flagged, codes, label, category, text) in after.items():
        old = before.get(key)
        if old is None or old[4] != text or old[0] == flagged:
            continue
        right = flagged == (label == "violating")
        gains += right
        losses += not right
        shown = codes if flagged else old[1]
        print("GAIN" if right else "LOSS", label, category, shown, "|", text)
    print(f"{gains + losses} of {len(after)} lines changed: {gains} gains, {losses} losses")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "save":
        save(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        diff(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
