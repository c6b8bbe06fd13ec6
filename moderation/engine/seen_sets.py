"""Retire a measured benchmark set into the classifier's training data.

    python -m moderation.engine.seen_sets bench/data/heldout13.jsonl [...]

A fresh set (``bench/data/heldoutN.jsonl``) is written by someone who saw none of the
engine, and measured **once**, with ``make eval``, before anything is tuned on it. After
that its figure is history, and its lines are the most useful labelled text the project
has: each set comes from a different writer, with ordinary clean comments beside the
violations, which the hand-written training rounds lack. So a measured set is appended to
``data/training/seen_sets.jsonl``, whole:

* every line whose category the classifier learns (impersonation/flood lines are not a
  text matter and are left out);
* a text already in the training data is not added twice;
* a line sharing a 20-character phrase with the dev corpus (``../shared/corpus/dev.jsonl``,
  which Parley is measured on and never trains on) is left out, as in every training round;
* the line keeps its id (``h12-035``): the id prefix says which set it came from, and
  :func:`set_of` reads it back, so the threshold rule
  (:mod:`moderation.engine.tune_thresholds`) can score each seen set with a model trained
  without it.

The training-data test then checks each benchmark set is either retired whole or shares
no 20-character phrase with the training data, so a set still reported as unseen is.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from .classifier import DATA_DIR, label_of, read_jsonl, training_files

SEEN_FILE = DATA_DIR / "seen_sets.jsonl"
KEYS = ("id", "lang", "text", "label", "category", "evasion", "note")
PHRASE = 20  # characters: a shared phrase this long counts as overlap


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def phrases(text: str) -> set[str]:
    """Every 20-character stretch; a shorter text is its own single phrase (so a short
    line is matched by equality: no 20-character stretch can equal it)."""
    t = _norm(text)
    if len(t) < PHRASE:
        return {t}
    return {t[i : i + PHRASE] for i in range(len(t) - PHRASE + 1)}


def dev_corpus() -> Path | None:
    """``shared/corpus/dev.jsonl`` beside the checkout (or beside a folder holding it)."""
    for d in Path(__file__).resolve().parents:
        path = d / "shared" / "corpus" / "dev.jsonl"
        if path.exists():
            return path
    return None


def set_of(row_id: str) -> str:
    """The set a line belongs to, by its id prefix (``h12-035`` -> ``h12``)."""
    return row_id.rsplit("-", 1)[0]


def add(path: Path | str, seen_file: Path = SEEN_FILE, dev: Path | None = None) -> tuple[int, int]:
    """Append ``path``'s lines to ``seen_file``; returns (added, skipped). ``dev``: the
    corpus whose phrases training must not share (default: :func:`dev_corpus`)."""
    dev = dev or dev_corpus()
    if dev is None:
        raise FileNotFoundError(
            "the dev corpus (shared/corpus/dev.jsonl) is needed to check overlap"
        )
    banned: set[str] = set()
    for r in read_jsonl([dev]):
        banned |= phrases(r["text"])
    rows = read_jsonl([path])
    known_ids, known_texts = set(), set()
    for r in read_jsonl(training_files(seen_file.parent)):
        known_ids.add(r["id"])
        known_texts.add(r["text"])
    clash = sorted({r["id"] for r in rows} & known_ids)
    if clash:
        raise ValueError(f"{path}: ids already in the training data, e.g. {clash[0]}")
    added, skipped = [], 0
    for r in rows:
        if label_of(r) is None or r["text"] in known_texts or phrases(r["text"]) & banned:
            skipped += 1
            continue
        known_texts.add(r["text"])
        added.append({k: r.get(k, "" if k == "note" else "none") for k in KEYS})
    with open(seen_file, "a", encoding="utf-8") as f:
        for r in added:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(added), skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("sets", nargs="+", help="measured benchmark sets (jsonl)")
    args = ap.parse_args(argv)
    for path in args.sets:
        added, skipped = add(path)
        print(f"{path}: {added} lines added to {SEEN_FILE.name}, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
