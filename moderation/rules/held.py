"""``held``: editing a comment that is held for review keeps it held.

Without it a reader could escape a hold (a suspect term, reports, a
moderator's look) by changing one character; the moderator reviews the new
text instead.
"""

from __future__ import annotations

from typing import Any

from moderation.engine.base import HOLD, Hit

from .base import ScreeningContext


class HeldCommentRule:
    name = "held"

    def __init__(self, policy: Any) -> None:
        pass

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if ctx.event != "edit" or ctx.comment is None or ctx.comment.status != "pending":
            return []
        return [
            Hit(rule=self.name, code="other", action=HOLD, severity=30, detail={"was": "pending"})
        ]
