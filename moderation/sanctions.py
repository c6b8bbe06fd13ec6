"""Reading sanctions: which one is in force for a reader, and what it forbids."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from config.errors import DomainError

from .models import Sanction

# What each kind forbids. A warning forbids nothing; premod holds every comment
# for review (the pipeline reads it) but lets the reader take part.
BLOCKING = {Sanction.Kind.BAN: "banned", Sanction.Kind.SUSPEND: "suspended"}


def sanctions_in_force(user_id: int, *, now=None):
    now = now or timezone.now()
    return Sanction.objects.filter(user_id=user_id, lifted_at__isnull=True).filter(
        Q(until__isnull=True) | Q(until__gt=now)
    )


def blocking_sanction(user_id: int) -> Sanction | None:
    """The ban, or else the longest suspension, in force for ``user_id``."""
    in_force = list(
        sanctions_in_force(user_id).filter(kind__in=[Sanction.Kind.BAN, Sanction.Kind.SUSPEND])
    )
    for sanction in in_force:
        if sanction.kind == Sanction.Kind.BAN:
            return sanction
    if not in_force:
        return None
    return max(in_force, key=lambda s: (s.until is None, s.until))


def is_premoderated(user_id: int) -> bool:
    return sanctions_in_force(user_id).filter(kind=Sanction.Kind.PREMOD).exists()


def sanction_dict(sanction: Sanction | None) -> dict[str, Any] | None:
    if sanction is None:
        return None
    return {
        "id": sanction.pk,
        "kind": sanction.kind,
        "until": sanction.until.isoformat().replace("+00:00", "Z") if sanction.until else None,
        "reason_code": sanction.reason_code,
    }


def check_participation(*, user: Any, action: str) -> None:
    """Raise 403 ``banned`` / ``suspended`` (with the end date when there is one)."""
    sanction = blocking_sanction(user.pk)
    if sanction is None:
        return
    code = BLOCKING[sanction.kind]
    if sanction.until is not None:
        until = sanction.until.isoformat().replace("+00:00", "Z")
        message = f"Your account is suspended until {until}."
    else:
        until = None
        message = (
            "Your account is banned from commenting."
            if code == "banned"
            else "Your account is suspended."
        )
    raise DomainError(code, message, extra={"until": until, "reason_code": sanction.reason_code})
