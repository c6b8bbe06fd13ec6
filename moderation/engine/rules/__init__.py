"""Rule registry. A policy selects its rules by name or import string.

``policy["rules"]`` is an optional list; each item is a registered name
(``"banned_terms"``) or an import string (``"package.module:ClassName"``). A rule
class is constructed with the policy mapping and must implement the
:class:`~moderation.engine.base.Rule` protocol. Rules that can reuse the
screener's normalisation also expose ``check_normalized(norm, context)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

REGISTRY: dict[str, str] = {
    "banned_terms": "moderation.engine.rules.banned_terms:BannedTermsRule",
    "suspect_terms": "moderation.engine.rules.suspect_terms:SuspectTermsRule",
    "contact_info": "moderation.engine.rules.contact_info:ContactInfoRule",
    "links": "moderation.engine.rules.links:LinksRule",
    "group_generalisation": "moderation.engine.rules.group_generalisation:GroupGeneralisationRule",
    "sexual_remark": "moderation.engine.rules.sexual_remark:SexualRemarkRule",
    "gambling_ad": "moderation.engine.rules.gambling_ad:GamblingAdRule",
    # not in-request rules: they need a model (Celery workers only)
    "toxicity": "moderation.engine.rules.toxicity:ToxicityRule",
    "classifier": "moderation.engine.rules.classifier:ClassifierRule",
}
# Rules that need a model: never in the request, only in Celery workers and dry runs.
MODEL_RULES = ("toxicity", "classifier")
DEFAULT_TEXT_RULES = (
    "banned_terms",
    "suspect_terms",
    "contact_info",
    "links",
    "group_generalisation",
    "sexual_remark",
    "gambling_ad",
)


def resolve(spec: str) -> type:
    target = REGISTRY.get(spec, spec)
    if ":" in target:
        mod_name, _, attr = target.partition(":")
    else:
        mod_name, _, attr = target.rpartition(".")
    if not mod_name or not attr:
        raise ValueError(f"unknown rule {spec!r}")
    return getattr(importlib.import_module(mod_name), attr)


def load_rules(policy: Mapping[str, Any], names: list[str] | tuple[str, ...] | None = None):
    names = names if names is not None else policy.get("rules") or DEFAULT_TEXT_RULES
    return [resolve(n)(policy) for n in names]
