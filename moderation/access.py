"""Who may moderate, and the policy's reason codes: checks shared by moderation services."""

from __future__ import annotations

from typing import Any

from config.errors import DomainError

from .policy import ActivePolicy, get_active_policy


def require_moderator(actor: Any) -> None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise DomainError("not_authenticated", "Sign in to do this.")
    if not getattr(actor, "is_moderator", False):
        raise DomainError("permission_denied", "Only moderators may do this.")


def reason_labels(policy: ActivePolicy | None = None) -> dict[str, str]:
    policy = policy or get_active_policy()
    return {r["code"]: r["label"] for r in policy["reason_codes"]}


def require_reason(code: object, *, required: bool, policy: ActivePolicy | None = None) -> str:
    """Return the reason code, or raise 400 ``invalid_reason`` listing the policy's codes."""
    labels = reason_labels(policy)
    if code in (None, "") and not required:
        return ""
    if not isinstance(code, str) or code not in labels:
        raise DomainError(
            "invalid_reason",
            "Choose one of the policy's reason codes.",
            fields={"reason_code": [f"One of: {', '.join(sorted(labels))}."]},
        )
    return code
