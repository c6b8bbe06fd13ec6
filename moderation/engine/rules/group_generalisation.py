"""``group_generalisation``: hate speech that uses no slur.

"<group> are all criminals", "<group> don't belong here", "조선족은 다 범죄자": a group
noun and a generalising or dehumanising predicate close together. Either word alone
is ordinary news vocabulary, so only the pair is held (never refused) for a
moderator. Policy keys: ``generalisation_groups``, ``generalisation_predicates``
(lists in the term syntax), ``generalisation_window`` (characters between the two,
default 60), ``generalisation_action`` (hold|reject|off).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..base import HOLD, REJECT, Context, Hit
from ..normalize import Normalized, normalize
from ..terms import shared_matcher


class GroupGeneralisationRule:
    name = "group_generalisation"

    def __init__(self, policy: Mapping[str, Any]) -> None:
        self.window = int(policy.get("generalisation_window", 60))
        mode = str(policy.get("generalisation_action", "hold")).lower()
        self.action = {"hold": HOLD, "reject": REJECT}.get(mode)
        self.matcher = shared_matcher(policy)
        # a negator between the group and the predicate, or right after the predicate,
        # turns the pair into counter-speech: "immigrants are not criminals",
        # "난민이 범죄자 취급 받는 건 문제다"
        self.negators = tuple(n.lower() for n in policy.get("generalisation_negators") or ())
        self.enabled = bool(policy.get("generalisation_groups")) and bool(
            policy.get("generalisation_predicates")
        )

    def check(self, text: str, context: Context | None = None) -> list[Hit]:
        return self.check_normalized(normalize(text), context or Context())

    def check_normalized(self, norm: Normalized, context: Context) -> list[Hit]:
        if self.action is None or not self.enabled:
            return []
        found = self.matcher.find(norm)
        groups = [m for m in found if m.list_name == "group"]
        if not groups:
            return []
        preds = [m for m in found if m.list_name == "predicate"]
        text = norm.original
        hits: list[Hit] = []
        for g in groups:
            for p in preds:
                if p.span[0] < g.span[1] and g.span[0] < p.span[1]:
                    continue  # the same words
                gap = max(p.span[0] - g.span[1], g.span[0] - p.span[1])
                if gap > self.window:
                    continue
                if self.negators and self._negated(text, g.span, p.span):
                    continue
                a, b = min(g.span[0], p.span[0]), max(g.span[1], p.span[1])
                hits.append(
                    Hit(
                        rule=self.name,
                        code="hate",
                        action=self.action,
                        span=(a, b),
                        matched=text[a:b],
                        term=f"{g.pattern.core} + {p.pattern.core}",
                        severity=65,
                        detail={"group": g.span, "predicate": p.span},
                    )
                )
                break
            if hits:
                break
        return hits

    def _negated(self, text: str, g: tuple[int, int], p: tuple[int, int]) -> bool:
        a, b = min(g[1], p[1]), max(g[0], p[0])
        gap = " " + text[a:b].lower() + " "
        after = text[p[1] : p[1] + 12].lower()
        for n in self.negators:
            if not n.isascii():  # Korean: in the gap or right after (범죄자 취급)
                if n in gap or n in after:
                    return True
            elif not n[0].isalpha():  # "n't"
                if n in gap:
                    return True
            elif re.search(rf"(?<![a-z']){re.escape(n)}(?![a-z])", gap):
                return True
        return False
