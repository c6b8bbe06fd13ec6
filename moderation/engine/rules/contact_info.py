"""``contact_info``: phone numbers, e-mail addresses, resident registration numbers,
messenger handles and street addresses (policy key ``contact_info_action``).

Public contact points are not personal information: a reader pointing others to a
ministry's complaints address or the paper's tip line is helping. The policy lists them:
``contact_info_allow_domains`` (an e-mail written plainly at one of these domains or a
subdomain, e.g. ``minwon@seoul.go.kr``) and ``contact_info_allow_numbers`` (phone numbers,
compared by digits, ``+82 2`` read as ``02``). An address written in disguise
(``tips (at) paper dot com``) is still held: hiding it is the spammer's habit, not a
citizen's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import HOLD, REJECT, Context, Hit
from ..contact import Finding, find_contact_info, plain_email_domain
from ..links import domain_allowed
from ..normalize import Normalized, normalize

_SEVERITY = {
    "rrn": 95,
    "id_document": 90,
    "address": 85,
    "whereabouts": 85,  # "I know where you live": a threat, ranked with an address
    "exposure": 80,
    "account": 78,
    "phone": 75,
    "email": 70,
    "messenger": 60,
}


class ContactInfoRule:
    name = "contact_info"

    def __init__(self, policy: Mapping[str, Any]) -> None:
        mode = str(policy.get("contact_info_action", "hold")).lower()
        self.action = {"hold": HOLD, "reject": REJECT}.get(mode)  # "off" -> None
        self.allow_domains = tuple(
            d.lower().lstrip(".") for d in policy.get("contact_info_allow_domains") or ()
        )
        self.allow_numbers = frozenset(
            phone_key(n) for n in policy.get("contact_info_allow_numbers") or ()
        )

    def _public(self, f: Finding, text: str) -> bool:
        if f.kind == "email" and self.allow_domains:
            domain = plain_email_domain(text[f.span[0] : f.span[1]].lower())
            return domain is not None and domain_allowed(domain, self.allow_domains)
        if f.kind == "phone" and self.allow_numbers:
            return phone_key(f.value) in self.allow_numbers
        return False

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
            if not self._public(f, text)
        ]


def phone_key(number: str) -> str:
    """Digits of a phone number in national form: ``+82 2-2133-0000`` -> ``0221330000``."""
    digits = "".join(c for c in number if c.isdigit())
    if digits.startswith("82") and len(digits) >= 10:
        rest = digits[2:]
        digits = rest if rest.startswith("0") else "0" + rest
    return digits
