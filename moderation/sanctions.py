"""Sanctions: which one is in force for a reader, what it forbids, and creating/lifting them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from config import request_scope
from config.api.formats import iso as _iso
from config.errors import DomainError

from .access import require_moderator, require_reason
from .audit import audit_record
from .models import Sanction
from .policy import get_active_policy

# What each kind forbids. A warning forbids nothing; premod holds every comment
# for review (the pipeline reads it) but lets the reader take part.
BLOCKING = {Sanction.Kind.BAN: "banned", Sanction.Kind.SUSPEND: "suspended"}


def sanctions_in_force(user_id: int, *, now=None):
    now = now or timezone.now()
    return Sanction.objects.filter(user_id=user_id, lifted_at__isnull=True).filter(
        Q(until__isnull=True) | Q(until__gt=now)
    )


def _scope_key(user_id: int) -> tuple[str, int]:
    return ("sanctions-in-force", user_id)


# ``User.sanctions_until`` for a sanction without an end (far enough from the
# largest date to survive any time zone conversion).
NO_END = datetime(9000, 1, 1, tzinfo=UTC)
_UNKNOWN = object()


def none_in_force(user: Any) -> bool:
    """The user row says no sanction can be in force now, so there is nothing to read.

    ``User.sanctions_until`` is the latest end of the reader's sanctions that were
    in force when it was last written (``sync_sanctions_until``, in the transaction
    of every sanction save): NULL or past means none is in force now. Expiry needs
    no write; lifting and creating rewrite it. A user object without the field
    (not loaded) proves nothing.
    """
    until = getattr(user, "sanctions_until", _UNKNOWN)
    if until is _UNKNOWN:
        return False
    return until is None or until <= timezone.now()


def in_force_list(user_id: int, *, user: Any = None) -> list[Sanction]:
    """Every sanction in force for ``user_id`` (by id), read once per request.

    Posting checks participation (bans, suspensions) and then the premoderation
    rule: one query for both, and none when ``user`` (the loaded row) shows that
    no sanction is in force. A sanction saved in the same request drops the memo.
    """
    if user is not None and none_in_force(user):
        return []
    return request_scope.memo(_scope_key(user_id), lambda: _read_in_force(user_id))


# The filter of ``sanctions_in_force`` written out: this runs on every post, and
# compiling the queryset cost ~0.9 ms of CPU against ~0.06 ms in PostgreSQL
# (bench/queries.py). A test keeps the two in step.
_IN_FORCE_SQL = (
    f"SELECT * FROM {Sanction._meta.db_table}"  # noqa: S608 - table name only
    " WHERE user_id = %s AND lifted_at IS NULL AND (until IS NULL OR until > %s) ORDER BY id"
)


def _read_in_force(user_id: int) -> list[Sanction]:
    return list(Sanction.objects.raw(_IN_FORCE_SQL, [user_id, timezone.now()]))


def forget_in_force(**kwargs) -> None:
    request_scope.forget(lambda key: isinstance(key, tuple) and key[:1] == ("sanctions-in-force",))


def sync_sanctions_until(sender=None, instance: Sanction | None = None, **kwargs) -> None:
    """Rewrite ``User.sanctions_until`` after a sanction is saved or deleted.

    Connected to Sanction's ``post_save`` / ``post_delete`` (``moderation.apps``),
    so it runs inside the transaction that writes the sanction, whoever writes
    it (the services, the admin, a shell). The user row is locked before the
    sanctions are read, so two sanction writes for one reader at once cannot
    leave it short: the second one reads after the first one committed.
    """
    if instance is None:
        return
    user_model = get_user_model()
    with transaction.atomic():
        locked = list(
            user_model.objects.select_for_update().filter(pk=instance.user_id).values_list("pk")
        )
        if not locked:
            return  # the user is being deleted
        ends = list(sanctions_in_force(instance.user_id).values_list("until", flat=True))
        until = max((end or NO_END for end in ends), default=None)
        user_model.objects.filter(pk=instance.user_id).update(sanctions_until=until)
    # The caller's own user object (``Sanction(user=reader)``) sees it too.
    if Sanction.user.is_cached(instance):
        instance.user.sanctions_until = until


def premod_sanction(user_id: int, *, user: Any = None) -> Sanction | None:
    """The premoderation sanction in force for ``user_id`` (the oldest), if any."""
    in_force = in_force_list(user_id, user=user)
    return next((s for s in in_force if s.kind == Sanction.Kind.PREMOD), None)


def blocking_sanction(user_id: int, *, user: Any = None) -> Sanction | None:
    """The ban, or else the longest suspension, in force for ``user_id``."""
    in_force = [s for s in in_force_list(user_id, user=user) if s.kind in BLOCKING]
    for sanction in in_force:
        if sanction.kind == Sanction.Kind.BAN:
            return sanction
    if not in_force:
        return None
    return max(in_force, key=lambda s: (s.until is None, s.until))


def sanction_dict(sanction: Sanction | None) -> dict[str, Any] | None:
    if sanction is None:
        return None
    return {
        "id": sanction.pk,
        "kind": sanction.kind,
        "until": _iso(sanction.until),
        "reason_code": sanction.reason_code,
    }


def check_participation(*, user: Any, action: str) -> None:
    """Raise 403 ``banned`` / ``suspended`` (with the end date when there is one)."""
    sanction = blocking_sanction(user.pk, user=user)
    if sanction is None:
        return
    code = BLOCKING[sanction.kind]
    if sanction.until is not None:
        until = _iso(sanction.until)
        message = f"Your account is suspended until {until}."
    else:
        until = None
        message = (
            "Your account is banned from commenting."
            if code == "banned"
            else "Your account is suspended."
        )
    raise DomainError(code, message, extra={"until": until, "reason_code": sanction.reason_code})


# --- writing sanctions (moderators) ---------------------------------------------


def sanction_detail_dict(sanction: Sanction, *, now=None) -> dict[str, Any]:
    """The moderator's view of a sanction (``sanction_dict`` is the reader's)."""
    now = now or timezone.now()
    return {
        "id": sanction.pk,
        "user": sanction.user_id,
        "kind": sanction.kind,
        "until": _iso(sanction.until),
        "reason_code": sanction.reason_code,
        "note": sanction.note,
        "created_by": sanction.created_by.get_username() if sanction.created_by else None,
        "created_at": _iso(sanction.created_at),
        "lifted_at": _iso(sanction.lifted_at),
        "lifted_by": sanction.lifted_by.get_username() if sanction.lifted_by else None,
        "policy_version": sanction.policy_version,
        "in_force": sanction.lifted_at is None and (sanction.until is None or sanction.until > now),
    }


def _target_user(user_id: Any):
    try:
        pk = int(user_id)
    except (TypeError, ValueError):
        raise DomainError("user_not_found", "No such user.") from None
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None:
        raise DomainError("user_not_found", "No such user.")
    return user


def sanction_create(
    *,
    actor: Any,
    user_id: Any,
    kind: str,
    reason_code: object,
    until=None,
    note: str = "",
) -> Sanction:
    """Sanction a reader. Moderators may not sanction moderators or admins (nor themselves)."""
    require_moderator(actor)
    target = _target_user(user_id)
    if target.pk == actor.pk or target.is_moderator or target.is_superuser:
        raise DomainError("permission_denied", "Moderators and admins cannot be sanctioned here.")
    if kind not in Sanction.Kind.values:
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"kind": [f"One of: {', '.join(Sanction.Kind.values)}."]},
        )
    policy = get_active_policy()
    code = require_reason(reason_code, required=True, policy=policy)
    now = timezone.now()
    if kind == Sanction.Kind.SUSPEND and until is None:
        raise DomainError(
            "validation_error",
            "A suspension needs an end date.",
            fields={"until": ["Required for a suspension."]},
        )
    if until is not None:
        until = until.astimezone(UTC)
    if until is not None and until <= now:
        raise DomainError(
            "validation_error",
            "The end date must be in the future.",
            fields={"until": ["Must be in the future."]},
        )
    with transaction.atomic():
        sanction = Sanction.objects.create(
            user=target,
            kind=kind,
            until=until,
            reason_code=code,
            note=note,
            created_by=actor,
            policy_version=policy.version,
        )
        audit_record(
            actor=actor,
            action=f"user.sanction.{kind}",
            target_type="user",
            target_id=target.pk,
            new={"sanction": sanction.pk, "kind": kind, "until": _iso(until)},
            reason_code=code,
            policy_version=policy.version,
            note=note,
        )
    return sanction


def sanction_lift(*, actor: Any, user_id: Any, sanction_id: Any) -> Sanction:
    """Lift a sanction now. Idempotent: lifting a lifted sanction changes nothing."""
    require_moderator(actor)
    target = _target_user(user_id)
    try:
        sid = int(sanction_id)
    except (TypeError, ValueError):
        raise DomainError("not_found", "No such sanction.") from None
    with transaction.atomic():
        sanction = (
            Sanction.objects.select_for_update(of=("self",))
            .select_related("created_by", "lifted_by")
            .filter(pk=sid, user_id=target.pk)
            .first()
        )
        if sanction is None:
            raise DomainError("not_found", "No such sanction.")
        if sanction.lifted_at is not None:
            return sanction
        sanction.lifted_at = timezone.now()
        sanction.lifted_by = actor
        sanction.save(update_fields=["lifted_at", "lifted_by"])
        audit_record(
            actor=actor,
            action="user.sanction.lift",
            target_type="user",
            target_id=target.pk,
            old={"sanction": sanction.pk, "kind": sanction.kind, "until": _iso(sanction.until)},
            new={"sanction": sanction.pk, "lifted": True},
            reason_code=sanction.reason_code,
            policy_version=get_active_policy().version,
        )
    return sanction
