"""``moderation_mode``: pre-moderation (site-wide, or per article) holds every comment."""

from __future__ import annotations

from typing import Any

from moderation.engine.base import HOLD, Hit

from .base import ScreeningContext


class ModerationModeRule:
    name = "moderation_mode"

    def __init__(self, policy: Any) -> None:
        self.site_mode = policy.get("moderation_mode") or "post"

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if ctx.article is None:
            return []
        article_mode = ctx.article.moderation_mode or ""
        mode = article_mode or self.site_mode
        if mode != "pre":
            return []
        source = "article" if article_mode else "site"
        return [
            Hit(
                rule=self.name,
                code="other",
                action=HOLD,
                severity=5,
                detail={"mode": "pre", "source": source},
            )
        ]
