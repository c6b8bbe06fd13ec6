"""Shared implementation of the two term-list rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import Context, Hit
from ..normalize import Normalized, normalize
from ..terms import shared_matcher

# Severity orders the moderation queue and the result's codes: the more specific and
# more harmful code leads ("fuck her" is sexual before it is offensive).
_CODE_SEVERITY = {
    "threat": 92,
    "hate": 88,
    "personal_info": 85,
    "sexual": 84,
    "insult": 82,
    "offensive": 80,
    "other": 75,
    "off_topic": 72,
    "spam": 70,
}


class TermListRule:
    name = "terms"
    list_key = ""
    action = ""
    base_severity = 50

    def __init__(self, policy: Mapping[str, Any]) -> None:
        self.matcher = shared_matcher(policy)

    def check(self, text: str, context: Context | None = None) -> list[Hit]:
        return self.check_normalized(normalize(text), context or Context())

    def check_normalized(self, norm: Normalized, context: Context) -> list[Hit]:
        hits = []
        text = norm.original
        for m in self.matcher.find(norm):
            if m.list_name != self.list_key:
                continue
            code = m.pattern.code
            sev = _CODE_SEVERITY.get(code, 75) - (80 - self.base_severity)
            hits.append(
                Hit(
                    rule=self.name,
                    code=code,
                    action=self.action,
                    span=m.span,
                    matched=text[m.span[0] : m.span[1]],
                    term=m.pattern.entry,
                    severity=sev,
                    detail={"list": m.list_name, "key": m.key},
                )
            )
        return hits
