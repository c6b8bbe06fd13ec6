"""``links``: counts links outside the allow-list.

Policy keys: ``link_max`` (more counted links than this -> ``link_action``),
``link_allow_domains`` (never counted), ``link_action`` (hold|reject),
``link_obfuscated_action`` / ``link_shortener_action`` / ``link_suspicious_action``
(hold|reject|off: a single ``hxxp://``, ``example dot com``, ``bit.ly`` or
``prize-now.xyz`` link already triggers it; suspicious = under one of
``links.SUSPICIOUS_TLDS``), ``link_unlisted_action`` (hold|reject|off: any link
outside the allow-list, from anyone), and ``link_trusted_after`` (an author with
fewer published comments than this has any counted link held; 0 disables).

The two newer actions read as ``off`` when a policy lacks them, so a stored policy
version keeps doing what it did; the engine's default policy sets both to ``hold``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base import HOLD, REJECT, Context, Hit
from ..links import domain_allowed, find_links
from ..normalize import Normalized, normalize

_ACTIONS = {"hold": HOLD, "reject": REJECT}


class LinksRule:
    name = "links"

    def __init__(self, policy: Mapping[str, Any]) -> None:
        self.max = int(policy.get("link_max", 2))
        self.allow = tuple(d.lower() for d in policy.get("link_allow_domains") or ())
        self.action = _ACTIONS.get(str(policy.get("link_action", "hold")).lower(), HOLD)
        self.obf_action = _ACTIONS.get(str(policy.get("link_obfuscated_action", "hold")).lower())
        self.short_action = _ACTIONS.get(str(policy.get("link_shortener_action", "hold")).lower())
        self.suspicious_action = _ACTIONS.get(
            str(policy.get("link_suspicious_action", "off")).lower()
        )
        self.unlisted_action = _ACTIONS.get(str(policy.get("link_unlisted_action", "off")).lower())
        self.trusted_after = int(policy.get("link_trusted_after", 0))

    def check(self, text: str, context: Context | None = None) -> list[Hit]:
        return self.check_normalized(normalize(text), context or Context())

    def check_normalized(self, norm: Normalized, context: Context) -> list[Hit]:
        links = [lk for lk in find_links(norm) if not domain_allowed(lk.domain, self.allow)]
        if not links:
            return []
        text = norm.original
        too_many = len(links) > self.max
        new_author = context.author_published_count < self.trusted_after
        hits = []
        for lk in links:
            reasons, action = [], None
            if too_many:
                reasons.append("too_many_links")
                action = self.action
            if lk.obfuscated and self.obf_action:
                reasons.append("obfuscated")
                action = _stronger(action, self.obf_action)
            if lk.shortener and self.short_action:
                reasons.append("shortener")
                action = _stronger(action, self.short_action)
            if lk.suspicious and self.suspicious_action:
                reasons.append("suspicious_tld")
                action = _stronger(action, self.suspicious_action)
            if self.unlisted_action:
                reasons.append("unlisted")
                action = _stronger(action, self.unlisted_action)
            if new_author:
                reasons.append("new_author")
                action = _stronger(action, HOLD)
            if action is None:
                continue
            hits.append(
                Hit(
                    rule=self.name,
                    code="spam",
                    action=action,
                    span=lk.span,
                    matched=text[lk.span[0] : lk.span[1]],
                    term=lk.domain,
                    severity=60 if action == HOLD else 80,
                    detail={"reasons": reasons, "links": len(links), "link_max": self.max},
                )
            )
        return hits


def _stronger(a: str | None, b: str) -> str:
    if a == REJECT or b == REJECT:
        return REJECT
    return b if a is None else a
