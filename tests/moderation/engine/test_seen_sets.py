"""Retiring a measured set into the training data: whole, once, with its ids."""

import json

import pytest

from moderation.engine import seen_sets


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def test_add_appends_the_learnable_lines_once(tmp_path):
    training = tmp_path / "training"
    training.mkdir()
    _write(training / "train.jsonl", [{"id": "t-1", "text": "already known", "category": "spam"}])
    seen = training / "seen_sets.jsonl"
    seen.touch()
    measured = tmp_path / "heldout99.jsonl"
    _write(
        measured,
        [
            {"id": "h99-001", "text": "buy followers now", "label": "violating",
             "category": "spam", "evasion": "none", "lang": "en"},
            {"id": "h99-002", "text": "already known", "label": "violating",
             "category": "spam", "evasion": "none", "lang": "en", "note": ""},
            {"id": "h99-003", "text": "a fake account", "label": "violating",
             "category": "impersonation_or_flood", "evasion": "none", "lang": "en", "note": ""},
            {"id": "h99-004", "text": "좋은 기사네요", "label": "clean",
             "category": "clean_other", "evasion": "none", "lang": "ko", "note": "plain"},
        ],
    )  # fmt: skip
    dev = tmp_path / "dev.jsonl"
    left_out = tmp_path / "left_out.tsv"
    _write(dev, [{"id": "d-1", "text": "not this exact twenty-char phrase", "category": "spam"}])
    assert seen_sets.add(measured, seen, dev, left_out) == (2, 2)
    rows = [json.loads(line) for line in seen.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["h99-001", "h99-004"]
    assert all(tuple(r) == seen_sets.KEYS for r in rows)
    assert rows[0]["note"] == "" and rows[1]["text"] == "좋은 기사네요"
    with pytest.raises(ValueError, match="ids already"):
        seen_sets.add(measured, seen, dev, left_out)  # a set is retired once
    other = tmp_path / "heldout98.jsonl"
    _write(
        other,
        [
            {"id": "h98-001", "text": "NOT THIS   exact twenty-char phrase, sorry",
             "label": "violating", "category": "spam"},
            {"id": "h98-002", "text": "a new line", "label": "clean", "category": "clean_other"},
        ],
    )  # fmt: skip
    assert seen_sets.add(other, seen, dev, left_out) == (1, 1)  # shares a phrase with dev
    assert seen_sets.read_left_out(left_out) == {"h98-001": "dev"}  # and says why
    assert json.loads(seen.read_text("utf-8").splitlines()[-1])["id"] == "h98-002"


def test_before_measuring_drops_overlaps_and_retiring_brings_them_back(tmp_path):
    """A fresh set is measured unseen; once it is retired, what was dropped for it returns."""
    training = tmp_path / "training"
    training.mkdir()
    bench = tmp_path / "bench"
    bench.mkdir()
    dev = tmp_path / "dev.jsonl"
    _write(dev, [{"id": "d-1", "text": "nothing in common with the rest", "category": "spam"}])
    left_out = tmp_path / "left_out.tsv"
    seen = training / "seen_sets.jsonl"
    old = {
        "id": "h50-001",
        "text": "call me on telegram for the best odds tonight",
        "label": "violating",
        "category": "spam",
        "evasion": "none",
        "lang": "en",
        "note": "",
    }
    _write(bench / "heldout50.jsonl", [old])
    _write(seen, [old])
    _write(training / "train.jsonl", [
        {"id": "t-1", "text": "a written line about the best odds tonight", "category": "spam"},
        {"id": "t-2", "text": "an unrelated clean line", "category": "clean_other"},
    ])  # fmt: skip
    fresh = bench / "heldout51.jsonl"
    _write(fresh, [{"id": "h51-001", "text": "DM for the best odds tonight, guaranteed",
                    "label": "violating", "category": "spam"}])  # fmt: skip

    assert seen_sets.drop_overlap(fresh, training, left_out) == 2  # one written, one retired
    assert seen.read_text("utf-8") == ""
    assert seen_sets.read_left_out(left_out) == {"h50-001": "phrase of heldout51"}

    # measured; now retired: its own line goes in, and the dropped retired line comes back
    assert seen_sets.add(fresh, seen, dev, left_out) == (1, 0)
    assert seen_sets.restore("heldout51", bench, seen, left_out, dev) == 1
    ids = [json.loads(line)["id"] for line in seen.read_text("utf-8").splitlines()]
    assert ids == ["h51-001", "h50-001"]
    assert seen_sets.read_left_out(left_out) == {}
