"""``contact_info``: phone numbers, e-mail addresses, resident registration numbers,
messenger handles and street addresses (policy key ``contact_info_action``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import HOLD, REJECT, Context, Hit
from ..contact import find_contact_info
from ..normalize import Normalized, normalize

_SEVERITY = {"rrn": 95, "address": 85, "phone": 75, "email": 70, "messenger": 60}


class ContactInfoRule:
    name = "contact_info"

    def __init__(self, policy: Mapping[str, Any]) -> None:
        mode = str(policy.get("contact_info_action", "hold")).lower()
        self.action = {"hold": HOLD, "reject": REJECT}.get(mode)  # "off" -> None

    def check(self, text: str, context: Context | None = None) -> list[Hit]:
        return self.check_normalized(normalize(text), context or Context())

    def check_normalized(self, norm: Normalized, context: Context) -> list[Hit]:
        if self.action is None:
            return []
        text = norm.original
        return [
            Hit(
                rule=self.name,
                code=f.code,
                action=self.action,
                span=f.span,
                matched=text[f.span[0] : f.span[1]],
                term=f.kind,
                severity=_SEVERITY.get(f.kind, 60),
                detail={"kind": f.kind, "value": f.value},
            )
            for f in find_contact_info(norm)
        ]
