"""``banned_terms``: the policy's banned list. A hit refuses the comment."""

from __future__ import annotations

from ..base import REJECT
from ._terms import TermListRule


class BannedTermsRule(TermListRule):
    name = "banned_terms"
    list_key = "banned_terms"
    action = REJECT
    base_severity = 80
