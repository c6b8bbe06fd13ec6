"""``new_user_hold``: hold new comments of readers with fewer than N published comments."""

from __future__ import annotations

from typing import Any

from moderation.engine.base import HOLD, Hit

from .base import ScreeningContext


class NewUserHoldRule:
    name = "new_user_hold"

    def __init__(self, policy: Any) -> None:
        self.first_n = int(policy.get("new_user_hold") or 0)

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        # Only new comments: editing an already-published comment is not a new one.
        if not self.first_n or ctx.author is None or ctx.event not in {"create", "rescreen"}:
            return []
        published = ctx.published_count()
        if published >= self.first_n:
            return []
        return [
            Hit(
                rule=self.name,
                code="other",
                action=HOLD,
                severity=10,
                detail={"published": published, "new_user_hold": self.first_n},
            )
        ]
