"""``classifier``: Parley's learned bilingual classifier against the policy threshold.

Slow (a scikit-learn model, trained at first use): run it in Celery workers and the
dry-run paths, batched with :func:`moderation.engine.classifier.score_batch`, then
turn each prediction into a hit with :meth:`ClassifierRule.hit_for`. ``check`` uses
``context.extra["classifier"]`` (a :class:`~moderation.engine.classifier.Prediction`)
when the caller already has one, and otherwise scores the single text.

Policy fields: ``classifier_threshold`` (0..1; English and any text not mostly in
Hangul), ``classifier_threshold_ko`` (0..1 or null; text mostly in Hangul, see
:func:`~moderation.engine.classifier.script_language`; null: the same as
``classifier_threshold``) and ``classifier_action`` (``hold``, ``reject`` or ``off``;
default ``hold``), and ``classifier_category_thresholds`` (a mapping of category to 0..1,
e.g. ``{"spam": 0.4}``): a comment whose score is under its language's threshold is still
held when the model's probability for one of those categories alone reaches that
category's value (the model is sure *what* it is, if less sure it is not clean; empty:
off). The hit's reason code is the
predicted category's code (``threat``, ``sexual``, ``hate`` ...) when the policy has
that reason code, otherwise ``other``; ``detail`` names the category and the score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..base import HOLD, REJECT, Context, Hit
from ..classifier import (
    CATEGORY_CODE,
    DEFAULT_CATEGORY_THRESHOLDS,
    DEFAULT_THRESHOLD,
    Prediction,
    script_language,
)

LABELS = {
    "profanity": "offensive language",
    "sexual": "sexual remarks",
    "spam": "spam",
    "personal_info": "personal information",
    "insult": "an insult",
    "hate": "hate",
    "threat": "a threat",
}


LANGUAGES = {"en": "English and other text", "ko": "Korean"}


def innocent_variants(texts: Sequence[str], policy: Mapping[str, Any]) -> list[str | None]:
    """Each text as the term rules read it, for a second opinion from the classifier: the
    words an exception clears (``Fucking`` in "Fucking, Austria") blanked, and the quoted
    words the comment names rather than uses (a slur reported, ``'존나' 같은 말``) removed,
    as the toxicity model already reads them; None where nothing is cleared. The
    classifier's score is the lower of the two (:func:`~..classifier.score_batch`), so a
    word the policy calls innocent cannot hold a comment through the model that the term
    lists let through. Blanking only removes evidence; taking the lower score keeps a bag
    of words from reading the rest as worse."""
    from ..normalize import normalize
    from ..terms import shared_matcher
    from ..toxicity import strip_mentions

    matcher = shared_matcher(policy)
    cues = tuple(c.lower() for c in policy.get("mention_quote_cues") or ())
    out: list[str | None] = []
    for text in texts:
        variant = text
        for a, b in matcher.excepted_spans(normalize(text)):
            variant = variant[:a] + " " * (b - a) + variant[b:]
        # strip_mentions skips everything when a policy has no reporting cues; a cue that
        # matches nothing keeps its other half, the short quoted words, for such a policy
        variant = strip_mentions(variant, cues or ("\x00",))
        out.append(None if variant == text else variant)
    return out


class ClassifierRule:
    name = "classifier"

    def __init__(self, policy: Mapping[str, Any]) -> None:
        self.policy = policy
        self.threshold = float(policy.get("classifier_threshold", DEFAULT_THRESHOLD))
        ko = policy.get("classifier_threshold_ko")
        self.thresholds = {"en": self.threshold, "ko": self.threshold if ko is None else float(ko)}
        floors = policy.get("classifier_category_thresholds", DEFAULT_CATEGORY_THRESHOLDS)
        self.category_thresholds = {
            c: float(v) for c, v in (floors or {}).items() if c in CATEGORY_CODE
        }
        mode = str(policy.get("classifier_action", "hold")).lower()
        self.action = {"hold": HOLD, "reject": REJECT}.get(mode)  # "off" -> None
        codes = policy.get("reason_codes")
        self.codes = {r.get("code") for r in codes if isinstance(r, Mapping)} if codes else None

    def code_for(self, category: str) -> str:
        code = CATEGORY_CODE.get(category, "other")
        if self.codes is not None and code not in self.codes:
            return "other"
        return code

    def threshold_for(self, text: str) -> tuple[str, float]:
        """The language the text is read as, and the threshold for it."""
        lang = script_language(text)
        return lang, self.thresholds[lang]

    def sure_category(self, prediction: Prediction) -> str | None:
        """The most probable category whose own probability reaches its category
        threshold, if any."""
        sure = [
            (p, c)
            for c, floor in self.category_thresholds.items()
            if (p := prediction.scores.get(c, 0.0)) >= floor
        ]
        return max(sure)[1] if sure else None

    def hit_for(self, prediction: Prediction | None, text: str) -> Hit | None:
        if self.action is None or prediction is None:
            return None
        lang, threshold = self.threshold_for(text)
        category, why = prediction.category, ""
        if prediction.score < threshold:
            category = self.sure_category(prediction)
            if category is None:
                return None
            p, floor = prediction.scores[category], self.category_thresholds[category]
            why = f"; {LABELS.get(category, category)} alone {p:.2f}, at least {floor:.2f}"
        score = round(float(prediction.score), 4)
        what = LABELS.get(category, category)
        return Hit(
            rule=self.name,
            code=self.code_for(category),
            action=self.action,
            span=None,
            matched="",
            term=None,
            severity=int(20 + 25 * prediction.score),  # below explicit term hits
            detail={
                "category": category,
                "score": score,
                "threshold": threshold,
                "language": lang,
                **({"category_threshold": self.category_thresholds[category]} if why else {}),
                "explanation": (
                    f"Parley's classifier reads this as {what} "
                    f"(score {score:.2f}, threshold {threshold:.2f} for {LANGUAGES[lang]}{why})"
                ),
            },
        )

    def check(self, text: str, context: Context | None = None) -> list[Hit]:
        context = context or Context()
        pred = context.extra.get("classifier") if context.extra else None
        if pred is None:
            if self.action is None:
                return []
            from ..classifier import score_batch

            pred = score_batch([text], variants=innocent_variants([text], self.policy))[0]
        hit = self.hit_for(pred, text)
        return [hit] if hit else []
