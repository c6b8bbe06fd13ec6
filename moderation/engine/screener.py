"""The in-request screener: the fast text rules of one policy snapshot, compiled once.

    screener = get_screener((policy_version, policy_hash(policy)), policy)
    result = screener.screen(text, Context(author_published_count=3))
    result.action, result.hits

``build_screener`` compiles the automata and rules (milliseconds for a few
hundred terms, about a second for 10,000); ``get_screener`` keeps the last few
compiled screeners per process, keyed by whatever identifies the policy version.
The toxicity model is *not* part of it (see :mod:`moderation.engine.toxicity`).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .base import Context, Hit, strongest_action
from .normalize import normalize
from .rules import load_rules

_DEFAULT_CONTEXT = Context()


@dataclass(frozen=True, slots=True)
class ScreenResult:
    action: str
    hits: list[Hit] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        seen: list[str] = []
        for h in sorted(self.hits, key=lambda h: -h.severity):
            if h.code not in seen:
                seen.append(h.code)
        return seen

    def as_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "codes": self.codes,
            "hits": [h.as_dict() for h in self.hits],
        }


class Screener:
    def __init__(self, policy: Mapping[str, Any], rules: list | None = None) -> None:
        self.policy = policy
        self.rules = rules if rules is not None else load_rules(policy)

    def screen(self, text: str, context: Context = _DEFAULT_CONTEXT) -> ScreenResult:
        norm = normalize(text)
        hits: list[Hit] = []
        for rule in self.rules:
            fn = getattr(rule, "check_normalized", None)
            hits.extend(fn(norm, context) if fn else rule.check(text, context))
        return ScreenResult(strongest_action(hits), hits)


def build_screener(policy: Mapping[str, Any]) -> Screener:
    return Screener(policy)


def policy_hash(policy: Mapping[str, Any]) -> str:
    blob = json.dumps(policy, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


_CACHE: OrderedDict[Hashable, Screener] = OrderedDict()
_CACHE_LOCK = threading.Lock()
CACHE_SIZE = 4
builds = 0  # how many screeners this process compiled (observability and tests)


def get_screener(cache_key: Hashable, policy: Mapping[str, Any]) -> Screener:
    """Process-local LRU of compiled screeners, keyed e.g. by ``(version, content_hash)``."""
    global builds
    with _CACHE_LOCK:
        s = _CACHE.get(cache_key)
        if s is not None:
            _CACHE.move_to_end(cache_key)
            return s
    s = build_screener(policy)
    with _CACHE_LOCK:
        builds += 1
        _CACHE[cache_key] = s
        _CACHE.move_to_end(cache_key)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return s


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()
