"""``flood``: one reader posting more than ``flood_max`` comments within
``flood_window_seconds`` has the further ones held.

Counted in the database (the author's recent comments, an indexed range), not
in process memory, so it holds across any number of web processes and
workers. The window ends when the screened comment was written, so the same
comment gets the same answer when re-screened later.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Q

from comments.models import Comment
from moderation.engine.base import HOLD, Hit

from .base import ScreeningContext


class FloodRule:
    name = "flood"

    def __init__(self, policy: Any) -> None:
        self.max = int(policy.get("flood_max") or 0)
        self.window = timedelta(seconds=int(policy.get("flood_window_seconds") or 600))

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if not self.max or ctx.author is None or ctx.comment is None:
            return []
        comment = ctx.comment
        # Comments written before this one (ties broken by id), so of a burst
        # the first flood_max stay published whatever order they are screened in.
        earlier = (
            Comment.objects.filter(
                author_id=ctx.author.pk, created_at__gte=comment.created_at - self.window
            )
            .filter(
                Q(created_at__lt=comment.created_at)
                | Q(created_at=comment.created_at, pk__lt=comment.pk)
            )
            .count()
        )
        if earlier < self.max:
            return []
        return [
            Hit(
                rule=self.name,
                code="spam",
                action=HOLD,
                severity=55,
                detail={
                    "earlier": earlier,
                    "flood_max": self.max,
                    "window_seconds": int(self.window.total_seconds()),
                },
            )
        ]
