"""``sanctions``: a reader under a pre-moderation sanction has every comment held.

Bans and suspensions refuse the request earlier (``check_participation``);
this rule handles the sanction that lets the reader take part.
"""

from __future__ import annotations

from typing import Any

from moderation.engine.base import HOLD, Hit
from moderation.models import Sanction
from moderation.sanctions import sanctions_in_force

from .base import ScreeningContext


class PremodSanctionRule:
    name = "sanctions"

    def __init__(self, policy: Any) -> None:
        self.codes = {r["code"] for r in policy.get("reason_codes") or ()}

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if ctx.author is None or ctx.author.pk is None:
            return []
        sanction = (
            sanctions_in_force(ctx.author.pk)
            .filter(kind=Sanction.Kind.PREMOD)
            .values("pk", "reason_code", "until")
            .first()
        )
        if sanction is None:
            return []
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
