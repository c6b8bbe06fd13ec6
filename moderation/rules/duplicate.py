"""``duplicate``: the same text posted more than ``duplicate_max`` times within
``duplicate_window_minutes`` (by anyone, on any article) is held as spam.

Texts are compared by a fingerprint of their folded form (case, width,
punctuation and spacing ignored), stored on each ScreeningRecord when the
comment is saved; finding copies is one indexed count in the database, so it
works across nodes. Very short texts ("Agreed!") are never fingerprinted:
readers legitimately repeat those.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import timedelta
from typing import Any

from moderation.engine.base import HOLD, Hit

from .base import ScreeningContext

MIN_FOLDED_LENGTH = 16


def fingerprint(text: str) -> str:
    folded = "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())
    if len(folded) < MIN_FOLDED_LENGTH:
        return ""
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


class DuplicateRule:
    name = "duplicate"

    def __init__(self, policy: Any) -> None:
        self.max = int(policy.get("duplicate_max") or 0)
        self.window = timedelta(minutes=int(policy.get("duplicate_window_minutes") or 60))

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        from moderation.models import ScreeningRecord

        if not self.max or ctx.comment is None:
            return []
        fp = fingerprint(text)
        if not fp:
            return []
        anchor = ctx.anchor
        copies = (
            ScreeningRecord.objects.filter(
                fingerprint=fp,
                event__in=("create", "edit"),
                created_at__gte=anchor - self.window,
                created_at__lte=anchor,
            )
            .exclude(comment_id=ctx.comment.pk)
            .values("comment_id")
            .distinct()
            .count()
        )
        if copies < self.max:
            return []
        return [
            Hit(
                rule=self.name,
                code="spam",
                action=HOLD,
                span=(0, len(text)),
                matched=text,
                severity=50,
                detail={
                    "copies": copies,
                    "duplicate_max": self.max,
                    "window_minutes": int(self.window.total_seconds() // 60),
                },
            )
        ]
