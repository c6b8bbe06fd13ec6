"""Claiming queue items: a short, database-held lock a moderator takes on a comment.

The item id is the comment id (the three queues are disjoint). A claim lasts
``PARLEY_CLAIM_TTL_SECONDS`` (default 300); claiming again extends one's own
claim; an expired claim is free for anyone. Taking a claim locks the comment
row first (the same lock a decision takes), so two moderators claiming at
once are serialised by the database: one wins, the other gets 409
``already_claimed``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from comments.models import Comment
from config.api.formats import iso as _iso
from config.errors import DomainError

from . import app_settings
from .access import require_moderator
from .models import Claim


def claim_dict(claim: Claim | None, *, now=None) -> dict[str, Any] | None:
    now = now or timezone.now()
    if claim is None or claim.expires_at <= now:
        return None
    return {
        "moderator": {"id": claim.moderator_id, "username": claim.moderator.get_username()},
        "claimed_at": _iso(claim.claimed_at),
        "expires_at": _iso(claim.expires_at),
    }


def _locked_item(comment_id: Any) -> Comment:
    try:
        pk = int(comment_id)
    except (TypeError, ValueError):
        raise DomainError("comment_not_found", "No such comment.") from None
    comment = Comment.objects.select_for_update(of=("self",)).filter(pk=pk).first()
    if comment is None:
        raise DomainError("comment_not_found", "No such comment.")
    return comment


def already_claimed(claim: Claim) -> DomainError:
    return DomainError(
        "already_claimed",
        f"{claim.moderator.get_username()} is working on this item.",
        extra={"claimed_by": claim_dict(claim)},
    )


def active_claim_of_other(comment_id: int, moderator: Any, *, now=None) -> Claim | None:
    """The unexpired claim someone other than ``moderator`` holds on the item, if any."""
    now = now or timezone.now()
    return (
        Claim.objects.select_related("moderator")
        .filter(comment_id=comment_id, expires_at__gt=now)
        .exclude(moderator_id=moderator.pk)
        .first()
    )


def claim_take(*, moderator: Any, comment_id: Any) -> Claim:
    from .queue import queue_of  # the queue reads claims too

    require_moderator(moderator)
    with transaction.atomic():
        comment = _locked_item(comment_id)
        if queue_of(comment) is None:
            raise DomainError("not_in_queue", "This comment is in no moderation queue.", status=409)
        now = timezone.now()
        held = active_claim_of_other(comment.pk, moderator, now=now)
        if held is not None:
            raise already_claimed(held)
        expires = now + timedelta(seconds=app_settings.claim_ttl_seconds())
        claim, _ = Claim.objects.update_or_create(
            comment_id=comment.pk,
            defaults={"moderator": moderator, "claimed_at": now, "expires_at": expires},
        )
    return claim


def claim_release(*, moderator: Any, comment_id: Any) -> None:
    """Give an item back. Releasing an item one does not hold is a no-op;
    releasing someone else's live claim is 409 ``already_claimed``."""
    require_moderator(moderator)
    with transaction.atomic():
        comment = _locked_item(comment_id)
        held = active_claim_of_other(comment.pk, moderator)
        if held is not None:
            raise already_claimed(held)
        Claim.objects.filter(comment_id=comment.pk).delete()


def claims_for(comment_ids: list[int]) -> dict[int, Claim]:
    now = timezone.now()
    return {
        c.comment_id: c
        for c in Claim.objects.select_related("moderator").filter(
            comment_id__in=comment_ids, expires_at__gt=now
        )
    }
