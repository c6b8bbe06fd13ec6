"""Django-side screening rules: small units, one module each, chosen by the policy.

Every rule implements :class:`moderation.rules.base.ContextRule`: built with
the policy snapshot, ``check(text, ctx)`` returns the engine's typed
:class:`~moderation.engine.base.Hit` objects (rule, reason code, action, span
in the original text, matched text, severity). The policy lists which rules
run in the request (``request_rules``) and which in the Celery step
(``async_rules``); the text rules themselves (terms, links, contact
information) come from the engine's screener through the ``text`` rule, and
the engine's own ``rules`` field selects those.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

REQUEST_RULES: dict[str, str] = {
    "length": "moderation.rules.length:LengthRule",
    "sanctions": "moderation.rules.sanctions:PremodSanctionRule",
    "held": "moderation.rules.held:HeldCommentRule",
    "moderation_mode": "moderation.rules.moderation_mode:ModerationModeRule",
    "new_user_hold": "moderation.rules.new_user:NewUserHoldRule",
    "text": "moderation.rules.text:TextRules",
}
ASYNC_RULES: dict[str, str] = {
    "toxicity": "moderation.rules.toxicity:ToxicityScoreRule",
    "classifier": "moderation.rules.classifier:ClassifierScoreRule",
    "flood": "moderation.rules.flood:FloodRule",
    "duplicate": "moderation.rules.duplicate:DuplicateRule",
}
STAGES = {"request": ("request_rules", REQUEST_RULES), "async": ("async_rules", ASYNC_RULES)}


def _resolve(target: str) -> type:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def load_rules(policy: Mapping[str, Any], stage: str) -> list[Any]:
    """Instances of the rules the policy names for ``stage`` (``request`` or ``async``)."""
    field, registry = STAGES[stage]
    names = policy.get(field)
    if names is None:
        from moderation.policy import DEFAULT_ASYNC_RULES, DEFAULT_REQUEST_RULES

        names = DEFAULT_REQUEST_RULES if stage == "request" else DEFAULT_ASYNC_RULES
    return [_resolve(registry[name])(policy) for name in names]
