"""The standards policy as data: defaults, validation, versions, the active one.

A policy version's ``data`` holds every field of :data:`FIELDS` (the README's
"The standards policy" explains them). Versions are created as a copy of the
active one with some fields changed, validated field by field, and never
edited afterwards; exactly one is active. Reading the active policy costs one
shared-cache lookup (Redis in production); activating a version clears that
entry after commit, so every web process and worker switches at once, and
re-screens the pending queue in Celery.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from config import request_scope
from config.api.formats import iso as _iso
from config.errors import DomainError

from .engine.classifier import DEFAULT_THRESHOLD as CLASSIFIER_THRESHOLD
from .models import PolicyVersion

# The shared cache holds only a pointer to the active version, {version, digest}
# (a new key name: the old one held the whole policy). A version's content never
# changes once made, so each process keeps the few it has read, keyed by
# (version, digest), and a post unpickles a small dict instead of the whole policy.
ACTIVE_CACHE_KEY = "moderation:policy:active-pointer"
ACTIVE_CACHE_TTL = 300
_CONTENTS_MAX = 8
_contents: dict[tuple[int, str], ActivePolicy] = {}

# Each reason code points at the reader-facing section that explains it, so a
# refusal ("nudge") or a decision can name the rule the reader can act on.
REASON_CODES: list[dict[str, str]] = [
    {"code": "offensive", "label": "Offensive language", "section": "civility"},
    {"code": "insult", "label": "Insults or personal attacks", "section": "civility"},
    {"code": "hate", "label": "Hate speech or discrimination", "section": "hate"},
    {"code": "threat", "label": "Threats or incitement to violence", "section": "threats"},
    {"code": "sexual", "label": "Sexual content", "section": "civility"},
    {"code": "spam", "label": "Spam or advertising", "section": "spam"},
    {"code": "personal_info", "label": "Someone's personal information", "section": "privacy"},
    {"code": "off_topic", "label": "Off topic", "section": "relevance"},
    {"code": "other", "label": "Something else", "section": "moderation"},
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
            "rules": ["banned_terms", "suspect_terms", "contact_info", "links"],
            "banned_terms": [],
            "suspect_terms": [],
            "term_exceptions": {},
            "link_max": 2,
            "link_allow_domains": [],
            "link_action": "hold",
            "link_obfuscated_action": "hold",
            "link_shortener_action": "hold",
            "link_trusted_after": 0,
            "contact_info_action": "hold",
            "toxicity_threshold": 0.9,
            "toxicity_action": "hold",
            **LATER_FIELDS,
        }
    return default_text_policy()


# Policy fields added after versions were stored in deployments, with the value a stored
# version without them is read as (the Celery step reads them with the same defaults).
LATER_FIELDS: dict[str, Any] = {
    "classifier_threshold": CLASSIFIER_THRESHOLD,
    "classifier_action": "hold",
    # A stored version had one classifier threshold for every language: null keeps it so.
    "classifier_threshold_ko": None,
    # A stored version had no per-category classifier thresholds: empty keeps it so.
    "classifier_category_thresholds": {},
    # Link holds a stored version never had stay off there (the links rule reads a
    # missing field the same way); new installs and `policy_adopt_defaults` get "hold".
    "link_suspicious_action": "off",
    "link_unlisted_action": "off",
    # A stored version had no public contact points: every e-mail and phone stays held.
    "contact_info_allow_domains": [],
    "contact_info_allow_numbers": [],
    # A stored version had no sexual-remark rule in its "rules" list: empty lists keep it
    # off there; `policy_adopt_defaults` brings the shipped lists and the rule.
    "sexual_remark_words": [],
    "sexual_remark_cues": [],
    "sexual_remark_window": 60,
    "sexual_remark_action": "hold",
    # Likewise the gambling-ad pair rule (added after the sexual-remark one).
    "gambling_ad_words": [],
    "gambling_ad_cues": [],
    "gambling_ad_window": 60,
    "gambling_ad_action": "hold",
}


# The Django-side rules (``moderation.rules``): which run in the request and
# which in the Celery step. Text rules come from the engine (``rules`` above).
DEFAULT_REQUEST_RULES = ["length", "sanctions", "held", "moderation_mode", "new_user_hold", "text"]
DEFAULT_ASYNC_RULES = ["toxicity", "classifier", "flood", "duplicate"]


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
        "flood_max": 10,  # more comments than this by one reader within flood_window -> hold
        "flood_window_seconds": 600,
        "duplicate_max": 3,  # the same text more than this often within the window -> hold
        "duplicate_window_minutes": 60,
        "request_rules": list(DEFAULT_REQUEST_RULES),
        "async_rules": list(DEFAULT_ASYNC_RULES),
    }
    data.update(_text_defaults())
    # No per-reader link trust by default: it costs a count query on every post, and
    # link_unlisted_action already holds links outside the allow-list from anyone
    # (news, government and reference links publish). A site that turns that off
    # can raise link_trusted_after per version to keep new readers' links held.
    data["link_trusted_after"] = 0
    return data


# --- validation -------------------------------------------------------------------

ACTIONS_HOLD_REJECT = ("hold", "reject")
ACTIONS_WITH_OFF = ("hold", "reject", "off")
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}$")
# Per list. The default suspect list alone expands to about 20,000 patterns (phrase
# families written once as "a, b | c, d"), so the cap leaves an admin room to add their own;
# matching cost does not grow with the list (bench/screening.py measures 10 against 10,000).
MAX_TERMS = 50_000
MAX_TERM_LENGTH = 100


class _Invalid(Exception):
    def __init__(self, *messages: str) -> None:
        super().__init__(messages[0] if messages else "")
        self.messages = list(messages)


def _int(lo: int, hi: int) -> Callable[[Any, dict], Any]:
    def check(value: Any, data: dict) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid("Must be a whole number.")
        if not lo <= value <= hi:
            raise _Invalid(f"Must be from {lo} to {hi}.")
        return value

    return check


def _choice(*options: str) -> Callable[[Any, dict], Any]:
    def check(value: Any, data: dict) -> Any:
        if value not in options:
            raise _Invalid(f"One of: {', '.join(options)}.")
        return value

    return check


def _bool(value: Any, data: dict) -> Any:
    if not isinstance(value, bool):
        raise _Invalid("Must be true or false.")
    return value


def _fraction(value: Any, data: dict) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Invalid("Must be a number.")
    if not 0 <= value <= 1:
        raise _Invalid("Must be from 0 to 1.")
    return float(value)


def _fraction_or_null(value: Any, data: dict) -> Any:
    return None if value is None else _fraction(value, data)


def _category_fractions(value: Any, data: dict) -> Any:
    """``{"spam": 0.4, ...}``: a fraction per classifier category (which categories:
    :data:`moderation.engine.classifier.CATEGORIES`)."""
    from .engine.classifier import CATEGORIES

    if not isinstance(value, dict):
        raise _Invalid("Must be an object of category: number.")
    unknown = sorted(str(k) for k in value if k not in CATEGORIES)
    if unknown:
        raise _Invalid(f"Unknown category {unknown[0]!r}; one of: {', '.join(CATEGORIES)}.")
    return {k: _fraction(v, data) for k, v in value.items()}


def _string(value: Any, *, max_length: int, what: str = "Each entry") -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{what} must be a non-empty string.")
    if len(value) > max_length:
        raise _Invalid(f"{what} has at most {max_length} characters.")
    return value.strip()


def _terms(value: Any, data: dict) -> Any:
    if not isinstance(value, list):
        raise _Invalid("Must be a list of strings.")
    if len(value) > MAX_TERMS:
        raise _Invalid(f"At most {MAX_TERMS} entries.")
    codes = {r["code"] for r in data.get("reason_codes") or () if isinstance(r, dict)}
    out, errors = [], []
    for index, entry in enumerate(value):
        try:
            term = _string(entry, max_length=MAX_TERM_LENGTH, what=f"Entry {index}")
        except _Invalid as exc:
            errors.extend(exc.messages)
            continue
        head, sep, rest = term.partition(":")
        if sep and _CODE_RE.match(head) and head not in _engine_codes():
            hint = " (not a reason code the rule engine knows)" if head in codes else ""
            errors.append(f"Entry {index}: unknown reason code {head!r}{hint}.")
            continue
        if sep and not rest.strip("* "):
            errors.append(f"Entry {index}: the pattern after the reason code is empty.")
            continue
        if not term.strip("* "):
            errors.append(f"Entry {index}: a pattern needs more than wildcards.")
            continue
        out.append(term)
    if errors:
        raise _Invalid(*errors[:20])
    return out


def _patterns(value: Any, data: dict) -> Any:
    if not isinstance(value, list):
        raise _Invalid("Must be a list of strings.")
    if len(value) > MAX_TERMS:
        raise _Invalid(f"At most {MAX_TERMS} entries.")
    return [_string(v, max_length=MAX_TERM_LENGTH, what=f"Entry {i}") for i, v in enumerate(value)]


def _engine_codes() -> tuple[str, ...]:
    try:
        from .engine.terms import REASON_CODES as codes
    except ImportError:  # pragma: no cover - engine not installed
        return tuple(r["code"] for r in REASON_CODES)
    return tuple(codes)


def _term_exceptions(value: Any, data: dict) -> Any:
    if not isinstance(value, dict):
        raise _Invalid('Must be an object: {"pattern": ["exception", ...]}.')
    out = {}
    for key, words in value.items():
        if not isinstance(key, str) or not key.strip() or len(key) > MAX_TERM_LENGTH:
            raise _Invalid(f"Invalid pattern {key!r}.")
        if not isinstance(words, list):
            raise _Invalid(f"{key}: must be a list of strings.")
        what = f"{key}: each entry"
        out[key] = [_string(w, max_length=MAX_TERM_LENGTH, what=what) for w in words]
    return out


def _domains(value: Any, data: dict) -> Any:
    if not isinstance(value, list):
        raise _Invalid("Must be a list of domain names.")
    out = []
    for entry in value:
        if not isinstance(entry, str) or not _DOMAIN_RE.match(entry.strip().lower().lstrip(".")):
            raise _Invalid(f"Not a domain name: {entry!r}.")
        out.append(entry.strip().lower().lstrip("."))
    return out


_PHONE_CHARS_RE = re.compile(r"^\+?[0-9][0-9 ().\-]*$")


def _phone_numbers(value: Any, data: dict) -> Any:
    if not isinstance(value, list) or len(value) > 1000:
        raise _Invalid("Must be a list of at most 1,000 phone numbers.")
    out = []
    for entry in value:
        text = entry.strip() if isinstance(entry, str) else ""
        digits = sum(c.isdigit() for c in text)
        if not _PHONE_CHARS_RE.match(text) or not 3 <= digits <= 15:
            raise _Invalid(f"Not a phone number: {entry!r} (digits, spaces, -, ., ( ), +).")
        out.append(text)
    return out


def _sections(value: Any, data: dict) -> Any:
    if not isinstance(value, list) or not value:
        raise _Invalid("Must be a non-empty list of {code, title, text}.")
    out, seen = [], set()
    for index, item in enumerate(value):
        if not isinstance(item, dict) or set(item) != {"code", "title", "text"}:
            raise _Invalid(f"Section {index}: must have exactly code, title and text.")
        code = item["code"]
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise _Invalid(f"Section {index}: code must be lower-case letters, digits or _.")
        if code in seen:
            raise _Invalid(f"Section {index}: duplicate code {code!r}.")
        seen.add(code)
        out.append(
            {
                "code": code,
                "title": _string(item["title"], max_length=120, what=f"Section {index} title"),
                "text": _string(item["text"], max_length=2000, what=f"Section {index} text"),
            }
        )
    return out


def _reason_codes(value: Any, data: dict) -> Any:
    if not isinstance(value, list) or not value:
        raise _Invalid("Must be a non-empty list of {code, label, section?}.")
    sections = {s.get("code") for s in data.get("sections") or () if isinstance(s, dict)}
    out, seen = [], set()
    for index, item in enumerate(value):
        if not isinstance(item, dict) or not {"code", "label"} <= set(item) <= {
            "code",
            "label",
            "section",
        }:
            raise _Invalid(f"Reason {index}: must have code and label (and optionally section).")
        code = item["code"]
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise _Invalid(f"Reason {index}: code must be lower-case letters, digits or _.")
        if code in seen:
            raise _Invalid(f"Reason {index}: duplicate code {code!r}.")
        seen.add(code)
        entry = {"code": code, "label": _string(item["label"], max_length=120, what="label")}
        if "section" in item:
            # (when the sections themselves are invalid, only they are reported)
            if sections and item["section"] not in sections:
                raise _Invalid(f"Reason {index}: no section {item['section']!r} in sections.")
            entry["section"] = item["section"]
        out.append(entry)
    return out


def _engine_rules(value: Any, data: dict) -> Any:
    from .engine.rules import DEFAULT_TEXT_RULES, MODEL_RULES, REGISTRY

    allowed = [name for name in REGISTRY if name not in MODEL_RULES]
    return _names(value, allowed) if value else list(DEFAULT_TEXT_RULES)


def _request_rules(value: Any, data: dict) -> Any:
    from .rules import REQUEST_RULES

    return _names(value, list(REQUEST_RULES))


def _async_rules(value: Any, data: dict) -> Any:
    from .rules import ASYNC_RULES

    return _names(value, list(ASYNC_RULES))


def _names(value: Any, allowed: list[str]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid("Must be a list of rule names.")
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise _Invalid(f"Unknown rules: {', '.join(unknown)}. Known: {', '.join(allowed)}.")
    if len(set(value)) != len(value):
        raise _Invalid("A rule is listed twice.")
    return list(value)


# field -> validator(value, whole_data). Order matters where one field refers
# to another (reason codes to sections, terms to reason codes).
FIELDS: dict[str, Callable[[Any, dict], Any]] = {
    "sections": _sections,
    "reason_codes": _reason_codes,
    "max_length": _int(1, 1000),
    "moderation_mode": _choice("post", "pre"),
    "new_user_hold": _int(0, 1000),
    "report_threshold": _int(1, 1000),
    "rate_comments_per_minute": _int(0, 10_000),
    "rate_comments_per_day": _int(0, 1_000_000),
    "rate_reports_per_hour": _int(0, 10_000),
    "edit_window_seconds": _int(0, 7 * 24 * 3600),
    "close_after_days": _int(0, 3650),
    "nudge": _bool,
    "flood_max": _int(0, 10_000),
    "flood_window_seconds": _int(1, 24 * 3600),
    "duplicate_max": _int(0, 10_000),
    "duplicate_window_minutes": _int(1, 7 * 24 * 60),
    "request_rules": _request_rules,
    "async_rules": _async_rules,
    "rules": _engine_rules,
    "banned_terms": _terms,
    "suspect_terms": _terms,
    "term_exceptions": _term_exceptions,
    "link_max": _int(0, 100),
    "link_allow_domains": _domains,
    "link_action": _choice(*ACTIONS_HOLD_REJECT),
    "link_obfuscated_action": _choice(*ACTIONS_WITH_OFF),
    "link_shortener_action": _choice(*ACTIONS_WITH_OFF),
    "link_suspicious_action": _choice(*ACTIONS_WITH_OFF),
    "link_unlisted_action": _choice(*ACTIONS_WITH_OFF),
    "link_trusted_after": _int(0, 1000),
    "contact_info_action": _choice(*ACTIONS_WITH_OFF),
    "contact_info_allow_domains": _domains,
    "contact_info_allow_numbers": _phone_numbers,
    "toxicity_threshold": _fraction,
    "toxicity_action": _choice(*ACTIONS_WITH_OFF),
    "classifier_threshold": _fraction,
    "classifier_threshold_ko": _fraction_or_null,
    "classifier_action": _choice(*ACTIONS_WITH_OFF),
    "classifier_category_thresholds": _category_fractions,
    "generalisation_groups": _patterns,
    "generalisation_predicates": _patterns,
    "generalisation_window": _int(1, 500),
    "generalisation_action": _choice(*ACTIONS_WITH_OFF),
    "sexual_remark_words": _patterns,
    "sexual_remark_cues": _patterns,
    "sexual_remark_window": _int(1, 500),
    "sexual_remark_action": _choice(*ACTIONS_WITH_OFF),
    "gambling_ad_words": _patterns,
    "gambling_ad_cues": _patterns,
    "gambling_ad_window": _int(1, 500),
    "gambling_ad_action": _choice(*ACTIONS_WITH_OFF),
}


def _later_defaults(data: Mapping[str, Any]) -> dict[str, Any]:
    """Fields added after versions were stored: a stored version without them reads as
    the default (so copying an older active version into a new one still validates)."""
    return {k: copy.deepcopy(v) for k, v in LATER_FIELDS.items() if k not in data}


def engine_fields() -> dict[str, Any]:
    """Settings the engine's defaults carry that this module has no validator for yet.

    The engine grows rules on its own schedule; such a field is accepted when it
    has the same JSON type as the engine's default, rather than refused.
    """
    try:
        from .engine.defaults import default_text_policy
    except ImportError:  # pragma: no cover - engine not installed
        return {}
    return {k: v for k, v in default_text_policy().items() if k not in FIELDS}


def _same_type_as(default: Any) -> Callable[[Any, dict], Any]:
    def check(value: Any, data: dict) -> Any:
        if isinstance(default, bool) or isinstance(value, bool):
            ok = isinstance(value, bool) and isinstance(default, bool)
        elif isinstance(default, (int, float)):
            ok = isinstance(value, (int, float))
        else:
            ok = isinstance(value, type(default))
        if not ok:
            raise _Invalid(f"Must be of the same type as the default ({type(default).__name__}).")
        return value

    return check


def policy_validate(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return a cleaned copy of a whole policy, or raise ``validation_error`` with fields."""
    if not isinstance(data, Mapping):
        raise DomainError("validation_error", "The policy must be an object.")
    data = {**data, **_later_defaults(data)}
    errors: dict[str, list[str]] = {}
    extra = engine_fields()
    for name in sorted(set(data) - set(FIELDS) - set(extra)):
        errors[name] = ["Unknown policy field."]
    cleaned: dict[str, Any] = {}
    checks = {**FIELDS, **{k: _same_type_as(v) for k, v in extra.items()}}
    for name, check in checks.items():
        if name not in data:
            if name in FIELDS:
                errors[name] = ["This field is required."]
            continue
        try:
            cleaned[name] = check(data[name], {**data, **cleaned})
        except _Invalid as exc:
            errors[name] = exc.messages
    if errors:
        raise DomainError("validation_error", "The policy is not valid.", fields=errors)
    return cleaned


# --- reading the active policy ------------------------------------------------------


def policy_digest(data: Mapping[str, Any]) -> str:
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ActivePolicy:
    version: int
    data: dict[str, Any]
    digest: str = ""  # content hash: keys the compiled screener with the version

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @classmethod
    def of(cls, policy: PolicyVersion) -> ActivePolicy:
        return cls(version=policy.version, data=policy.data, digest=policy_digest(policy.data))


def _bootstrap() -> PolicyVersion:
    """Create version 1 from the defaults when no policy exists yet."""
    from .audit import audit_record

    try:
        with transaction.atomic():
            policy = PolicyVersion.objects.create(
                version=1,
                active=True,
                data=default_policy_data(),
                note="Default policy",
                activated_at=timezone.now(),
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
    """The active policy, read from the shared cache once per request (``request_scope``)."""
    return request_scope.memo(ACTIVE_CACHE_KEY, _read_active_policy)


def _read_active_policy() -> ActivePolicy:
    # Posting reads the pointer ahead, with the article (``posting_cache_keys``).
    pointer = request_scope.read_ahead(ACTIVE_CACHE_KEY, lambda: cache.get(ACTIVE_CACHE_KEY))
    if isinstance(pointer, dict) and "version" in pointer and "digest" in pointer:
        known = _contents.get((pointer["version"], pointer["digest"]))
        if known is not None:
            return known
        row = PolicyVersion.objects.filter(version=pointer["version"]).first()
        if row is not None:
            active = ActivePolicy.of(row)
            if active.digest == pointer["digest"]:
                return _remember(active)
    policy = PolicyVersion.objects.filter(active=True).first() or _bootstrap()
    active = _remember(ActivePolicy.of(policy))
    cache.set(
        ACTIVE_CACHE_KEY, {"version": active.version, "digest": active.digest}, ACTIVE_CACHE_TTL
    )
    return active


def _remember(active: ActivePolicy) -> ActivePolicy:
    """Keep a version's content in this process (read-only: it is shared by requests)."""
    if len(_contents) >= _CONTENTS_MAX:
        _contents.pop(next(iter(_contents)))
    _contents[(active.version, active.digest)] = active
    return active


def forget_active_policy() -> None:
    """Call on commit of an activation so every process reloads."""
    cache.delete(ACTIVE_CACHE_KEY)
    request_scope.forget(lambda key: key in (ACTIVE_CACHE_KEY, ("read-ahead", ACTIVE_CACHE_KEY)))


def policy_for_version(version: int | None) -> ActivePolicy:
    """The active policy (``version`` None) or a stored version, for dry runs and re-screens."""
    if version is None:
        return get_active_policy()
    policy = PolicyVersion.objects.filter(version=version).first()
    if policy is None:
        raise DomainError("not_found", f"No policy version {version}.")
    return ActivePolicy.of(policy)


def section_for(policy: ActivePolicy | Mapping[str, Any], code: str) -> dict[str, str] | None:
    """The reader-facing section a reason code points at (for explanations)."""
    reasons = {r["code"]: r for r in policy.get("reason_codes") or ()}
    section_code = (reasons.get(code) or {}).get("section")
    for section in policy.get("sections") or ():
        if section["code"] == section_code:
            return section
    return None


def reason_label(policy: ActivePolicy | Mapping[str, Any], code: str) -> str:
    for reason in policy.get("reason_codes") or ():
        if reason["code"] == code:
            return reason["label"]
    return code


def reader_policy(policy: ActivePolicy) -> dict[str, Any]:
    """What readers see at ``GET /api/v1/policy/``: sections, reasons and their limits."""
    return {
        "version": policy.version,
        "max_length": int(policy["max_length"]),
        "edit_window_seconds": int(policy["edit_window_seconds"]),
        "moderation_mode": policy["moderation_mode"],
        "report_reasons": [
            {"code": r["code"], "label": r["label"]} for r in policy["reason_codes"]
        ],
        "sections": [
            {"code": s["code"], "title": s["title"], "text": s["text"]} for s in policy["sections"]
        ],
    }


# --- versions: create and activate (admins) --------------------------------------------


def require_admin(actor: Any) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise DomainError("not_authenticated", "Sign in to do this.")
    if not getattr(actor, "is_policy_admin", False):
        raise DomainError("permission_denied", "Only admins may change the policy.")


def require_moderator(actor: Any) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise DomainError("not_authenticated", "Sign in to do this.")
    if not getattr(actor, "is_moderator", False):
        raise DomainError("permission_denied", "Only moderators may see this.")


def policy_version_create(
    *, actor: Any, changes: Mapping[str, Any], note: str = ""
) -> PolicyVersion:
    """A new inactive version: a copy of the active one with ``changes`` applied."""
    require_admin(actor)
    if not isinstance(changes, Mapping):
        raise DomainError("validation_error", "The changes must be an object.")
    unknown = sorted(set(changes) - set(FIELDS) - set(engine_fields()))
    if unknown:
        raise DomainError(
            "validation_error",
            "The policy is not valid.",
            fields={name: ["Unknown policy field."] for name in unknown},
        )
    if not isinstance(note, str) or len(note) > 500:
        raise DomainError(
            "validation_error", "The request is not valid.", fields={"note": ["At most 500."]}
        )
    from .audit import audit_record

    base = get_active_policy()
    data = policy_validate({**copy.deepcopy(base.data), **copy.deepcopy(dict(changes))})
    for _attempt in range(3):
        try:
            with transaction.atomic():
                number = (PolicyVersion.objects.aggregate(n=Max("version"))["n"] or 0) + 1
                policy = PolicyVersion.objects.create(
                    version=number, active=False, data=data, note=note, created_by=actor
                )
                audit_record(
                    actor=actor,
                    action="policy.create",
                    target_type="policy",
                    target_id=number,
                    old={"version": base.version},
                    new={"version": number, "changed": sorted(changes)},
                    policy_version=base.version,
                    note=note,
                )
                return policy
        except IntegrityError:  # another admin took the number: try the next one
            continue
    raise DomainError("conflict", "Another version was being created; try again.", status=409)


def policy_version_activate(*, actor: Any, version: Any) -> PolicyVersion:
    """Make ``version`` the one active policy (audited), then re-screen the pending queue."""
    require_admin(actor)
    from .audit import audit_record
    from .tasks.screening import moderation_rescreen_pending

    if isinstance(version, bool) or not isinstance(version, int):
        raise DomainError("not_found", "No such policy version.")
    with transaction.atomic():
        # Lock the current and the target row: two admins activating at once
        # serialise here, and the partial unique index backs it up.
        rows = {
            p.version: p
            for p in PolicyVersion.objects.select_for_update().filter(
                Q(version=version) | Q(active=True)
            )
        }
        target = rows.get(version)
        if target is None:
            raise DomainError("not_found", f"No policy version {version}.")
        if target.active:
            return target  # already active: nothing to do, nothing to audit
        policy_validate(target.data)  # never activate data that would not validate today
        current = next((p for p in rows.values() if p.active), None)
        if current is not None:
            current.active = False
            current.save(update_fields=["active"])
        target.active = True
        target.activated_at = timezone.now()
        target.activated_by = actor
        target.save(update_fields=["active", "activated_at", "activated_by"])
        audit_record(
            actor=actor,
            action="policy.activate",
            target_type="policy",
            target_id=target.version,
            old={"version": current.version if current else None},
            new={"version": target.version},
            policy_version=target.version,
        )
        transaction.on_commit(forget_active_policy)
        moderation_rescreen_pending.delay_on_commit(target.version)
    return target


# --- reading versions (moderators and admins) ------------------------------------------

VERSION_META = ("version", "active", "note", "created_at", "created_by", "activated_at")


def _username(user) -> str | None:
    return user.get_username() if user is not None else None


def version_dict(policy: PolicyVersion, *, rescreen: Any = None) -> dict[str, Any]:
    """A version as the API serves it: its metadata, then every policy field."""
    out: dict[str, Any] = {
        "version": policy.version,
        "active": policy.active,
        "note": policy.note,
        "created_at": _iso(policy.created_at),
        "created_by": _username(policy.created_by),
        "activated_at": _iso(policy.activated_at),
        "activated_by": _username(policy.activated_by),
    }
    out.update(copy.deepcopy(policy.data))
    if rescreen is not None:
        out["rescreen"] = rescreen
    return out


def _rescreen_summary(version: int) -> Any:
    from .models import AuditLog

    return (
        AuditLog.objects.filter(action="policy.rescreen", target_type="policy")
        .filter(target_id=str(version))
        .values_list("new", flat=True)
        .first()
    )


def policy_version_list(*, actor: Any, before: int | None = None, limit: int = 20) -> dict:
    require_moderator(actor)
    get_active_policy()  # a fresh install lists its default version 1
    qs = PolicyVersion.objects.select_related("created_by", "activated_by").order_by("-version")
    if before is not None:
        qs = qs.filter(version__lt=before)
    rows = list(qs[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "results": [version_dict(p) for p in rows],
        "next_before": rows[-1].version if more and rows else None,
    }


def policy_version_detail(*, actor: Any, version: Any) -> dict[str, Any]:
    require_moderator(actor)
    get_active_policy()
    policy = (
        PolicyVersion.objects.select_related("created_by", "activated_by")
        .filter(version=version)
        .first()
    )
    if policy is None:
        raise DomainError("not_found", f"No policy version {version}.")
    return version_dict(policy, rescreen=_rescreen_summary(policy.version))


def policy_dry_run(*, actor: Any, text: str, version: int | None = None) -> dict[str, Any]:
    """What the in-request rules of a version would do with ``text``. Saves nothing."""
    require_moderator(actor)
    from .pipeline import MAX_DRY_RUN_LENGTH, dry_run

    if len(text) > MAX_DRY_RUN_LENGTH:
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"text": [f"At most {MAX_DRY_RUN_LENGTH} characters."]},
        )
    return dry_run(text=text, version=version)
