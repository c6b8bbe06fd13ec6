"""Rules that hold a comment for two words close together, neither of which is enough.

A :class:`PairRule` reads two lists of the shared term matcher (so a comment is still
scanned once) and holds the comment, for a moderator, when a match of the first list
and a match of the second lie within ``<prefix>_window`` characters of each other and
do not overlap. Its policy keys are ``<prefix>_action`` (hold|reject|off),
``<prefix>_window`` and, optionally, ``<prefix>_negators``: words that, between the two,
right after the second or (where ``negated_before`` says) just before the pair, turn
it into its denial.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..base import HOLD, REJECT, Context, Hit
from ..normalize import Normalized, normalize
from ..terms import shared_matcher


class PairRule:
    name = ""
    code = ""
    prefix = ""  # policy keys: <prefix>_action, <prefix>_window, <prefix>_negators
    first = ""  # the shared matcher's list names (terms.shared_matcher)
    second = ""
    list_keys: tuple[str, str] = ("", "")  # the policy keys holding the two lists
    window = 60
    severity = 65
    negated_before = 0  # characters before the pair also read for a negator

    def __init__(self, policy: Mapping[str, Any]) -> None:
        self.window = int(policy.get(f"{self.prefix}_window", type(self).window))
        mode = str(policy.get(f"{self.prefix}_action", "hold")).lower()
        self.action = {"hold": HOLD, "reject": REJECT}.get(mode)
        self.matcher = shared_matcher(policy)
        self.negators = tuple(n.lower() for n in policy.get(f"{self.prefix}_negators") or ())
        self.enabled = all(bool(policy.get(k)) for k in self.list_keys)

    def check(self, text: str, context: Context | None = None) -> list[Hit]:
        return self.check_normalized(normalize(text), context or Context())

    def check_normalized(self, norm: Normalized, context: Context) -> list[Hit]:
        if self.action is None or not self.enabled:
            return []
        found = self.matcher.find(norm)
        firsts = [m for m in found if m.list_name == self.first]
        if not firsts:
            return []
        seconds = [m for m in found if m.list_name == self.second]
        text = norm.original
        for f in firsts:
            for s in seconds:
                if s.span[0] < f.span[1] and f.span[0] < s.span[1]:
                    continue  # the same words
                gap = max(s.span[0] - f.span[1], f.span[0] - s.span[1])
                if gap > self.window:
                    continue
                if self.negators and self._negated(text, f.span, s.span):
                    continue
                a, b = min(f.span[0], s.span[0]), max(f.span[1], s.span[1])
                return [
                    Hit(
                        rule=self.name,
                        code=self.code,
                        action=self.action,
                        span=(a, b),
                        matched=text[a:b],
                        term=f"{f.pattern.core} + {s.pattern.core}",
                        severity=self.severity,
                        detail={self.first: f.span, self.second: s.span},
                    )
                ]
        return []

    def _negated(self, text: str, f: tuple[int, int], s: tuple[int, int]) -> bool:
        a, b = min(f[1], s[1]), max(f[0], s[0])
        gap = " " + text[a:b].lower() + " "
        if self.negated_before:  # "I would never want to see ..."
            start = min(f[0], s[0])
            gap = " " + text[max(0, start - self.negated_before) : start].lower() + gap
        after = text[s[1] : s[1] + 12].lower()
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
