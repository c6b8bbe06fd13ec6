"""``length``: longer than the policy's ``max_length`` -> reject (span: the excess)."""

from __future__ import annotations

from typing import Any

from moderation.engine.base import REJECT, Hit

from .base import ScreeningContext


class LengthRule:
    name = "length"

    def __init__(self, policy: Any) -> None:
        self.max_length = int(policy.get("max_length") or 250)

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if len(text) <= self.max_length:
            return []
        return [
            Hit(
                rule=self.name,
                code="other",
                action=REJECT,
                span=(self.max_length, len(text)),
                matched=text[self.max_length :],
                severity=20,
                detail={"max_length": self.max_length, "length": len(text)},
            )
        ]
