"""A tiny comments adapter standing in for moderation's: sanctions, decisions, export."""

from __future__ import annotations

from typing import Any

from comments.adapter import DefaultCommentsAdapter
from config.errors import DomainError

# user id -> "banned" | "suspended"; comment id -> decision. Tests fill and clear these.
SANCTIONS: dict[int, str] = {}
DECISIONS: dict[int, dict[str, Any]] = {}
BANNED_TERMS = ("badword",)


class PolicyTestAdapter(DefaultCommentsAdapter):
    def check_participation(self, *, user, action: str) -> None:
        kind = SANCTIONS.get(user.pk)
        if kind == "banned":
            raise DomainError("banned", "You are banned from commenting.")
        if kind == "suspended":
            raise DomainError(
                "suspended", "You are suspended.", extra={"until": "2026-12-01T00:00:00Z"}
            )

    def active_sanction(self, user) -> dict[str, Any] | None:
        kind = SANCTIONS.get(user.pk)
        return {"kind": kind, "reason": "insult"} if kind else None

    def check_display_name(self, name: object) -> str:
        text = super().check_display_name(name)
        if any(term in text.lower() for term in BANNED_TERMS):
            raise DomainError(
                "banned_term", "This name breaks the policy.", fields={"display_name": ["No."]}
            )
        return text

    def comment_decisions(self, comments) -> dict[int, dict[str, Any]]:
        return {c.pk: DECISIONS[c.pk] for c in comments if c.pk in DECISIONS}

    def export_user_data(self, user) -> dict[str, Any]:
        return {
            "decisions": [
                {"comment": pk, **decision}
                for pk, decision in sorted(DECISIONS.items())
                if decision.get("author_id") == user.pk
            ]
        }
