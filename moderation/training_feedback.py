"""Moderators' decisions as labelled lines for the classifier (selector, read-only).

Parley's classifier learns from ``moderation/engine/data/training``: comments written for
it, and the measured test sets. Every pre-declared test so far missed what no writer had
yet used (innuendo, an ad that names no product); a deployment's moderators see exactly
those, every day. :func:`decided_lines` turns their decisions into lines of the training
schema, ``python manage.py moderation_export_training --output FILE.jsonl`` writes them,
and a worker reads such files beside the shipped data when ``PARLEY_CLASSIFIER_EXTRA_DATA``
names their folder (see :mod:`moderation.engine.classifier`).

Which decisions teach what:

- a **rejection** whose reason code is one of the classifier's categories' codes
  (``offensive``, ``sexual``, ``spam``, ``personal_info``, ``insult``, ``hate``,
  ``threat``) is a violating line of that category; other codes (``off_topic``,
  ``other`` ...) are no text matter the model can learn and are left out;
- an **approval** (of a held, reported or appealed comment, or a rejection reversed) is a
  clean line: ``clean_tricky`` when the automated policy had held it (the model's own
  false positives, the most useful lines of all), else ``clean_other``.

Only the latest decision on a comment counts (an appeal can overturn a rejection), and
only when it was made on the comment's current revision (an edit after the decision is
text nobody judged). Deleted comments, and comments of readers who erased their data,
have no text left and are never exported. A line carries the comment's text, a
``mod-<comment id>`` id and the decision's date and reason: no reader's name or id.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from comments.models import Comment

from .engine.classifier import CATEGORY_CODE, script_language
from .models import Decision, ScreeningRecord

# a reason code -> the classifier category it teaches
CODE_CATEGORY = {code: category for category, code in CATEGORY_CODE.items()}


def _held_by_policy(ids: list[int], latest: dict[int, dict[str, Any]]) -> set[int]:
    """Which of these comments the automated policy's last screening of the decided
    revision, before the decision, held or refused (one query per chunk)."""
    last: dict[int, str] = {}
    records = (
        ScreeningRecord.objects.filter(comment_id__in=ids)
        .order_by("comment_id", "-id")
        .values_list("comment_id", "revision", "action", "created_at")
    )
    for comment_id, revision, action, created_at in records:
        d = latest[comment_id]
        if comment_id not in last and revision == d["revision"] and created_at <= d["created_at"]:
            last[comment_id] = action
    held = (ScreeningRecord.Action.HOLD, ScreeningRecord.Action.REJECT)
    return {c for c, action in last.items() if action in held}


def decided_lines(*, since: datetime | None = None) -> Iterator[dict[str, Any]]:
    """One training line per comment whose latest decision teaches something (see the
    module's docstring), oldest comment first. ``since``: decisions made from then on."""
    decisions = Decision.objects.order_by("comment_id", "-id").values(
        "id", "comment_id", "action", "reason_code", "source", "revision", "created_at"
    )
    if since is not None:
        decisions = decisions.filter(created_at__gte=since)
    latest: dict[int, dict[str, Any]] = {}
    for d in decisions.iterator(chunk_size=2000):
        latest.setdefault(d["comment_id"], d)  # the first per comment is its latest
    ids = sorted(latest)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        comments = Comment.objects.filter(pk__in=chunk, deleted_at__isnull=True).values(
            "id", "body", "revision"
        )
        held = _held_by_policy(chunk, latest)
        for c in sorted(comments, key=lambda c: c["id"]):
            d = latest[c["id"]]
            text = c["body"] or ""
            if not text.strip() or d["revision"] != c["revision"]:
                continue
            line = _line(c["id"], text, d, c["id"] in held)
            if line is not None:
                yield line


def _line(comment_id: int, text: str, d: dict[str, Any], held: bool) -> dict[str, Any] | None:
    when = d["created_at"].date().isoformat()
    if d["action"] == Decision.Action.REJECT:
        category = CODE_CATEGORY.get(d["reason_code"])
        if category is None:
            return None
        label = "violating"
        note = f"moderator rejected, {when}, reason {d['reason_code']}"
    else:
        category = "clean_tricky" if held else "clean_other"
        label = "clean"
        how = "held by the policy" if held else f"from {d['source']}"
        note = f"moderator approved, {when}, {how}"
    return {
        "id": f"mod-{comment_id}",
        "lang": script_language(text),
        "text": text,
        "label": label,
        "category": category,
        "evasion": "unknown",
        "note": note,
    }
