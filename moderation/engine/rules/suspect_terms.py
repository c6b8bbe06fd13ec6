"""``suspect_terms``: the policy's suspect list. A hit holds the comment for review."""

from __future__ import annotations

from ..base import HOLD
from ._terms import TermListRule


class SuspectTermsRule(TermListRule):
    name = "suspect_terms"
    list_key = "suspect_terms"
    action = HOLD
    base_severity = 50
