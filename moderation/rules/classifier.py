"""``classifier``: Parley's learned bilingual classifier against the policy threshold.

Celery step only (and re-screens). The pipeline scores a whole batch of comments with
``moderation.engine.classifier.score_batch`` and hands each prediction in
``ctx.classifier``; this rule never trains or loads the model itself, so a web
process that imports it stays light. No prediction (the model is switched off for
this process) -> no hit.
"""

from __future__ import annotations

from typing import Any

from moderation.engine.base import Hit
from moderation.engine.rules.classifier import ClassifierRule

from .base import ScreeningContext


class ClassifierScoreRule:
    name = "classifier"

    def __init__(self, policy: Any) -> None:
        self.engine_rule = ClassifierRule(getattr(policy, "data", policy))

    @property
    def enabled(self) -> bool:
        return self.engine_rule.action is not None

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]:
        if ctx.classifier is None:
            return []
        hit = self.engine_rule.hit_for(ctx.classifier, text)
        return [hit] if hit is not None else []
