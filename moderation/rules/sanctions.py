"""``sanctions``: a reader under a pre-moderation sanction has every comment held.

Bans and suspensions refuse the request earlier (``check_participation``);
this rule handles the sanction that lets the reader take part.
"""

from __future__ import annotations

from typing import Any

from moderation.engine.base import HOLD, Hit
from moderation.sanctions import premod_sanction

from .base import ScreeningContext


class PremodSanctionRule:
    name = "sanctions"

    def __init__(self, policy: Any) -> None:
        self.codes = {r["code"] for r in policy.get("reason_codes") or ()}

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if ctx.author is None or ctx.author.pk is None:
            return []
        found = premod_sanction(ctx.author.pk, user=ctx.author)
        if found is None:
            return []
        sanction = {"pk": found.pk, "reason_code": found.reason_code}
        code = sanction["reason_code"] if sanction["reason_code"] in self.codes else "other"
        return [
            Hit(
                rule=self.name,
                code=code,
                action=HOLD,
                severity=40,
                detail={"sanction": sanction["pk"], "kind": "premod"},
            )
        ]
