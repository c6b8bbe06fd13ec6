"""Retire a measured benchmark set into the classifier's training data.

    python -m moderation.engine.seen_sets --before-measuring bench/data/heldout18.jsonl
    (copy the fresh set to bench/data/heldoutN.jsonl first: the file name is the reason
    recorded for what is dropped)
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
* the line keeps its id (``h12-035``: the prefix says which set it came from). The
  threshold rule (:mod:`moderation.engine.tune_thresholds`) scores each seen set with a
  model trained without that set's texts.

Before a fresh set is measured, ``--before-measuring`` drops every training line that
shares a phrase with it (so the set is unseen), and names the dropped lines of retired sets
in ``data/seen_sets_left_out.tsv``, with the reason; so does :func:`add` for lines left out
for dev. The training-data test then checks that each benchmark set is either retired
whole (every learnable line in training or listed as left out, for a reason it can check)
or shares no phrase with the training data, so a set still reported as unseen is.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from .classifier import DATA_DIR, label_of, read_jsonl, training_files

SEEN_FILE = DATA_DIR / "seen_sets.jsonl"
LEFT_OUT_FILE = DATA_DIR.parent / "seen_sets_left_out.tsv"  # id <TAB> reason
BENCH_DIR = DATA_DIR.parents[3] / "bench" / "data"
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


def _training_row(r: dict) -> dict:
    """A benchmark line in the training schema (a missing note is empty, evasion "none")."""
    return {k: r.get(k, "" if k == "note" else "none") for k in KEYS}


def _record_left_out(entries: list[tuple[str, str]], left_out: Path) -> None:
    if entries:
        with open(left_out, "a", encoding="utf-8") as f:
            f.writelines(f"{row_id}\t{reason}\n" for row_id, reason in entries)


def read_left_out(left_out: Path = LEFT_OUT_FILE) -> dict[str, str]:
    """``{id: reason}``: ``dev``, or ``phrase of <set file stem>``."""
    if not left_out.exists():
        return {}
    rows = (line.split("\t", 1) for line in left_out.read_text("utf-8").splitlines() if line)
    return {row_id: reason for row_id, reason in rows}


def add(
    path: Path | str,
    seen_file: Path = SEEN_FILE,
    dev: Path | None = None,
    left_out: Path = LEFT_OUT_FILE,
) -> tuple[int, int]:
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
    added, skipped, for_dev = [], 0, []
    for r in rows:
        if label_of(r) is None or r["text"] in known_texts:
            skipped += 1
            continue
        if phrases(r["text"]) & banned:
            skipped += 1
            for_dev.append((r["id"], "dev"))
            continue
        known_texts.add(r["text"])
        added.append(_training_row(r))
    with open(seen_file, "a", encoding="utf-8") as f:
        for r in added:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    _record_left_out(for_dev, left_out)
    return len(added), skipped


def restore(
    stem: str,
    bench_dir: Path = BENCH_DIR,
    seen_file: Path = SEEN_FILE,
    left_out: Path = LEFT_OUT_FILE,
    dev: Path | None = None,
) -> int:
    """Once set ``stem`` is retired, the retired-set lines dropped for sharing a phrase
    with it come back, unless they share one with dev or with a set still unseen (none
    of its lines in training or in the left-out list). Returns how many came back."""
    entries = read_left_out(left_out)
    wanted = {i for i, reason in entries.items() if reason == f"phrase of {stem}"}
    if not wanted:
        return 0
    dev = dev or dev_corpus()
    training = {r["text"] for r in read_jsonl(training_files(seen_file.parent))}
    banned: set[str] = set()
    for r in read_jsonl([dev]) if dev else ():
        banned |= phrases(r["text"])
    rows = {}
    for path in sorted(bench_dir.glob("*.jsonl")):
        lines = read_jsonl([path])
        retired = any(r["text"] in training or r["id"] in entries for r in lines)
        if not retired:  # a set still unseen: keep away from it
            for r in lines:
                banned |= phrases(r["text"])
        rows.update((r["id"], r) for r in lines if r["id"] in wanted)
    back = [
        r for i, r in rows.items() if not phrases(r["text"]) & banned and r["text"] not in training
    ]
    with open(seen_file, "a", encoding="utf-8") as f:
        for r in back:
            f.write(json.dumps(_training_row(r), ensure_ascii=False) + "\n")
    gone = {r["id"] for r in back}
    left_out.write_text(
        "".join(f"{i}\t{reason}\n" for i, reason in entries.items() if i not in gone), "utf-8"
    )
    return len(back)


def drop_overlap(
    fresh: Path | str, data_dir: Path = DATA_DIR, left_out: Path = LEFT_OUT_FILE
) -> int:
    """Before measuring ``fresh``: remove every training line sharing a phrase with it
    (rewriting the files); the retired-set lines among them are recorded as left out."""
    banned: set[str] = set()
    for r in read_jsonl([fresh]):
        banned |= phrases(r["text"])
    dropped, recorded = 0, []
    for path in training_files(data_dir):
        lines = path.read_text("utf-8").splitlines(keepends=True)
        keep = []
        for line in lines:
            row = json.loads(line) if line.strip() else None
            if row and phrases(row["text"]) & banned:
                dropped += 1
                if path.name == SEEN_FILE.name:
                    recorded.append((row["id"], f"phrase of {Path(fresh).stem}"))
            else:
                keep.append(line)
        if len(keep) != len(lines):
            path.write_text("".join(keep), "utf-8")
    _record_left_out(recorded, left_out)
    return dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("sets", nargs="+", help="measured benchmark sets (jsonl)")
    ap.add_argument(
        "--before-measuring",
        action="store_true",
        help="the sets are fresh: drop the training lines sharing a phrase with them instead",
    )
    args = ap.parse_args(argv)
    if args.before_measuring:
        for path in args.sets:
            print(f"{path}: {drop_overlap(path)} training lines sharing a phrase dropped")
        return 0
    for path in args.sets:
        added, skipped = add(path)
        back = restore(Path(path).stem)
        print(
            f"{path}: {added} lines added to {SEEN_FILE.name}, {skipped} skipped; "
            f"{back} lines dropped earlier for sharing a phrase with it restored"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
