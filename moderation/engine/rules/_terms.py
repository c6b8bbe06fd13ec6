"""Shared implementation of the two term-list rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import Context, Hit
from ..normalize import Normalized, normalize
from ..terms import shared_matcher

# Severity for the moderation queue's ordering.
_CODE_SEVERITY = {"threat": 90, "hate": 85, "personal_info": 80, "sexual": 75}


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
            sev = max(self.base_severity, _CODE_SEVERITY.get(code, 0))
            if self.action == "hold":
                sev = min(sev, 70)
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
