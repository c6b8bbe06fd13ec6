"""``text``: the rule engine's text rules (terms, links, contact information).

The compiled screener is cached per process by policy version and content
hash (``get_screener``), so only the first comment after an activation pays
for compiling the term lists.
"""

from __future__ import annotations

from typing import Any

from moderation.engine.base import Hit
from moderation.engine.screener import get_screener, policy_hash

from .base import ScreeningContext


class TextRules:
    name = "text"

    def __init__(self, policy: Any) -> None:
        data = getattr(policy, "data", policy)
        version = getattr(policy, "version", None)
        digest = getattr(policy, "digest", "") or policy_hash(data)
        self.screener = get_screener((version, digest), data)

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        return list(self.screener.screen(text, ctx.engine_context()).hits)
