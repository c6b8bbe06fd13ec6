"""``toxicity``: the engine's English toxicity score against the policy threshold.

Celery step only. The pipeline scores a whole batch of comments with
``moderation.engine.toxicity.score_batch`` and hands each score in
``ctx.toxicity_score``; this rule never loads the model itself, so a web
process that imports it stays light. No score (the model is switched off for
this process) -> no hit.
"""

from __future__ import annotations

from typing import Any

from moderation.engine.base import Hit
from moderation.engine.rules.toxicity import ToxicityRule

from .base import ScreeningContext


class ToxicityScoreRule:
    name = "toxicity"

    def __init__(self, policy: Any) -> None:
        self.engine_rule = ToxicityRule(getattr(policy, "data", policy))

    @property
    def enabled(self) -> bool:
        return self.engine_rule.action is not None

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if ctx.toxicity_score is None:
            return []
        hit = self.engine_rule.hit_for(ctx.toxicity_score, text)
        return [hit] if hit is not None else []
