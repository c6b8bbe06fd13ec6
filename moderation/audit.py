"""Writing the append-only audit log."""

from __future__ import annotations

from typing import Any

from .models import AuditLog

SYSTEM = "system"


def audit_record(
    *,
    actor: Any,
    action: str,
    target_type: str,
    target_id: Any,
    old: Any = None,
    new: Any = None,
    reason_code: str = "",
    policy_version: int | None = None,
    note: str = "",
) -> AuditLog:
    """Append one audit row. Call it inside the transaction of the act it records.

    ``actor`` is a user, or None / ``SYSTEM`` for the automated policy and tasks.
    """
    user = actor if getattr(actor, "pk", None) is not None else None
    return AuditLog.objects.create(
        actor=user,
        actor_label=user.get_username() if user is not None else SYSTEM,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        old=old,
        new=new,
        reason_code=reason_code,
        policy_version=policy_version,
        note=note,
    )
