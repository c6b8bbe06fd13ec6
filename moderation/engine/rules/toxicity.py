"""``toxicity``: the English toxicity model's score against the policy threshold.

Slow (a scikit-learn model): run it in Celery workers, batched with
:func:`moderation.engine.toxicity.score_batch`, then turn each score into a hit
with :meth:`ToxicityRule.hit_for`. ``check`` exists for completeness: it uses
``context.extra["toxicity_score"]`` when the caller already has a score, and
otherwise scores the single text (loading the model on first use).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import HOLD, REJECT, Context, Hit

DEFAULT_THRESHOLD = 0.8


class ToxicityRule:
    name = "toxicity"

    def __init__(self, policy: Mapping[str, Any]) -> None:
        self.threshold = float(policy.get("toxicity_threshold", DEFAULT_THRESHOLD))
        mode = str(policy.get("toxicity_action", "hold")).lower()
        self.action = {"hold": HOLD, "reject": REJECT}.get(mode)  # "off" -> None
        self.quote_cues = tuple(policy.get("mention_quote_cues") or ())

    def hit_for(self, score: float, text: str = "") -> Hit | None:
        if self.action is None or score < self.threshold:
            return None
        return Hit(
            rule=self.name,
            code="offensive",
            action=self.action,
            span=None,
            matched="",
            term=None,
            severity=int(20 + 25 * score),  # below explicit term hits
            detail={"score": round(float(score), 4), "threshold": self.threshold},
        )

    def check(self, text: str, context: Context | None = None) -> list[Hit]:
        context = context or Context()
        score = context.extra.get("toxicity_score") if context.extra else None
        if score is None:
            from ..toxicity import score_batch

            score = score_batch([text], quote_cues=self.quote_cues)[0]
        hit = self.hit_for(score, text)
        return [hit] if hit else []
