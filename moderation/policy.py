"""The standards policy as data: defaults, and the active version.

A policy version's ``data`` holds every field below. Reading the active
policy costs one shared-cache lookup (Redis in production); activating a
version clears that entry after commit, so every web process and worker
switches at once.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction

from .models import PolicyVersion

ACTIVE_CACHE_KEY = "moderation:policy:active"
ACTIVE_CACHE_TTL = 300

REASON_CODES: list[dict[str, str]] = [
    {"code": "offensive", "label": "Offensive language"},
    {"code": "insult", "label": "Insults or personal attacks"},
    {"code": "hate", "label": "Hate speech or discrimination"},
    {"code": "threat", "label": "Threats or incitement to violence"},
    {"code": "sexual", "label": "Sexual content"},
    {"code": "spam", "label": "Spam or advertising"},
    {"code": "personal_info", "label": "Someone's personal information"},
    {"code": "off_topic", "label": "Off topic"},
    {"code": "other", "label": "Something else"},
]

SECTIONS: list[dict[str, str]] = [
    {
        "code": "civility",
        "title": "Be civil",
        "text": "Criticise ideas, not people. No insults, name-calling or personal attacks, "
        "and no offensive or obscene language.",
    },
    {
        "code": "hate",
        "title": "No hate speech",
        "text": "No attacks on people for their nationality, ethnicity, religion, gender, "
        "sexual orientation, disability or age.",
    },
    {
        "code": "threats",
        "title": "No threats",
        "text": "No threats of violence, and no encouragement of violence or self-harm.",
    },
    {
        "code": "privacy",
        "title": "Respect privacy",
        "text": "Do not post anyone's phone number, e-mail address, resident registration "
        "number, messenger ID or home address, including your own.",
    },
    {
        "code": "spam",
        "title": "No spam",
        "text": "No advertising, promotion, repeated posts or links to unrelated sites.",
    },
    {
        "code": "relevance",
        "title": "Stay on topic",
        "text": "Comments should relate to the article. Moderators may remove off-topic "
        "comments and close threads.",
    },
    {
        "code": "moderation",
        "title": "How moderation works",
        "text": "Comments are screened automatically and may be held for review. Moderators "
        "decide with a reason from this policy; you will see the reason and may appeal once.",
    },
]


def _text_defaults() -> dict[str, Any]:
    """The rule engine's default term lists and text-rule settings, when available."""
    try:
        from .engine.defaults import default_text_policy
    except ImportError:  # the engine's defaults are not installed on this branch yet
        return {
            "banned_terms": [],
            "suspect_terms": [],
            "term_exceptions": {},
            "link_max": 2,
            "link_allow_domains": [],
            "link_action": "hold",
            "contact_info_action": "hold",
            "toxicity_threshold": 0.9,
            "toxicity_action": "hold",
        }
    return default_text_policy()


def default_policy_data() -> dict[str, Any]:
    """A sensible default policy that keeps a fresh demo predictable."""
    data: dict[str, Any] = {
        "sections": copy.deepcopy(SECTIONS),
        "reason_codes": copy.deepcopy(REASON_CODES),
        "max_length": 250,
        "moderation_mode": "post",  # "post" or "pre"; articles may override
        "new_user_hold": 0,  # hold the first N comments of new readers
        "report_threshold": 3,  # weighted reports that hide a comment pending review
        "rate_comments_per_minute": 5,
        "rate_comments_per_day": 200,
        "rate_reports_per_hour": 30,
        "edit_window_seconds": 300,
        "close_after_days": 30,  # 0: threads never close by age
        "nudge": True,  # refuse banned content with an explanation instead of saving it
    }
    data.update(_text_defaults())
    return data


@dataclass(frozen=True)
class ActivePolicy:
    version: int
    data: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


def _bootstrap() -> PolicyVersion:
    """Create version 1 from the defaults when no policy exists yet."""
    from .audit import audit_record

    try:
        with transaction.atomic():
            policy = PolicyVersion.objects.create(
                version=1, active=True, data=default_policy_data(), note="Default policy"
            )
            audit_record(
                actor=None,
                action="policy.bootstrap",
                target_type="policy",
                target_id=policy.version,
                new={"version": policy.version},
                policy_version=policy.version,
            )
            return policy
    except IntegrityError:  # another process bootstrapped first
        return PolicyVersion.objects.get(active=True)


def get_active_policy() -> ActivePolicy:
    cached = cache.get(ACTIVE_CACHE_KEY)
    if cached is not None:
        return ActivePolicy(version=cached["version"], data=cached["data"])
    policy = PolicyVersion.objects.filter(active=True).first() or _bootstrap()
    value = {"version": policy.version, "data": policy.data}
    cache.set(ACTIVE_CACHE_KEY, value, ACTIVE_CACHE_TTL)
    return ActivePolicy(version=policy.version, data=policy.data)


def forget_active_policy() -> None:
    """Call on commit of an activation so every process reloads."""
    cache.delete(ACTIVE_CACHE_KEY)
