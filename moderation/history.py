"""Reads for moderators: a reader's history, and the audit log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from comments.models import Comment, Report
from comments.pagination import decode_cursor, keyset_page
from comments.selectors import parse_page_size
from config.api.formats import iso as _iso
from config.api.params import is_id, query_id
from config.errors import DomainError

from .decisions import decision_dict
from .models import Appeal, AuditLog, Decision, Sanction
from .reports import reporter_records
from .sanctions import _target_user, sanction_detail_dict

HISTORY_LIMIT = 50


def user_history(*, user_id: Any) -> dict[str, Any]:
    """Who the reader is, their record, sanctions, recent comments and decisions."""
    user = _target_user(user_id)
    s = Comment.Status
    record = Comment.objects.filter(author=user).aggregate(
        total=Count("id"),
        published=Count("id", filter=Q(status=s.PUBLISHED)),
        pending=Count("id", filter=Q(status=s.PENDING)),
        rejected=Count("id", filter=Q(status=s.REJECTED)),
        deleted=Count("id", filter=Q(status=s.DELETED)),
    )
    reports_made = Report.objects.filter(reporter=user).aggregate(
        open=Count("id", filter=Q(status=Report.Status.OPEN)),
        upheld=Count("id", filter=Q(status=Report.Status.UPHELD)),
        dismissed=Count("id", filter=Q(status=Report.Status.DISMISSED)),
    )
    reports_made["weight"] = reporter_records([user.pk])[user.pk]["weight"]
    now = timezone.now()
    sanctions = [
        sanction_detail_dict(x, now=now)
        for x in Sanction.objects.filter(user=user)
        .select_related("created_by", "lifted_by")
        .order_by("-id")
    ]
    comments = [
        {
            "id": c.pk,
            "article": c.article.key,
            "body": c.body,
            "status": c.status,
            "created_at": _iso(c.created_at),
        }
        for c in Comment.objects.filter(author=user)
        .select_related("article")
        .order_by("-created_at", "-id")[:HISTORY_LIMIT]
    ]
    decisions = [
        decision_dict(d)
        for d in Decision.objects.filter(comment__author=user)
        .select_related("moderator")
        .order_by("-id")[:HISTORY_LIMIT]
    ]
    appeals = [
        {
            "id": a.pk,
            "comment": a.comment_id,
            "message": a.message,
            "status": a.status,
            "created_at": _iso(a.created_at),
        }
        for a in Appeal.objects.filter(author=user).order_by("-id")[:HISTORY_LIMIT]
    ]
    return {
        "user": {
            "id": user.pk,
            "username": user.get_username(),
            "display_name": user.public_name,
            "date_joined": _iso(user.date_joined),
            "is_active": user.is_active,
            "deleted": user.deleted_at is not None,
            "roles": user.roles,
        },
        "record": record,
        "reports_made": reports_made,
        "sanctions": sanctions,
        "sanction_in_force": next((x for x in sanctions if x["in_force"]), None),
        "recent_comments": comments,
        "decisions": decisions,
        "appeals": appeals,
    }


def audit_dict(row: AuditLog) -> dict[str, Any]:
    return {
        "id": row.pk,
        "actor": {"id": row.actor_id, "label": row.actor_label},
        "system": row.actor_id is None and row.actor_label == "system",
        "action": row.action,
        "target": {"type": row.target_type, "id": row.target_id},
        "old": row.old,
        "new": row.new,
        "reason_code": row.reason_code,
        "policy_version": row.policy_version,
        "note": row.note,
        "created_at": _iso(row.created_at),
    }


def _when(raw: Any, field: str) -> datetime | None:
    if raw in (None, ""):
        return None
    invalid = DomainError(
        "validation_error",
        "The request is not valid.",
        fields={field: ["An ISO 8601 date and time, e.g. 2026-01-31T09:00:00Z."]},
    )
    try:
        # parse_datetime raises ValueError for well-formed impossible values
        # (hour 25, offset +99:00); the ends of the calendar overflow in UTC.
        value = parse_datetime(raw) if isinstance(raw, str) else None
        if value is None:
            raise invalid
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.astimezone(UTC)
    except (ValueError, OverflowError):
        raise invalid from None


AUDIT_ORDERING = ("-id",)


def audit_page(
    *,
    actor: Any = None,
    action: Any = None,
    target_type: Any = None,
    target_id: Any = None,
    since: Any = None,
    until: Any = None,
    page_size: Any = None,
    cursor_token: str | None = None,
) -> dict[str, Any]:
    """Newest first. ``actor`` is a user id, a username, or ``system``;
    ``action`` matches exactly or, ending in ``.``/``*``, as a prefix."""
    qs = AuditLog.objects.all()
    if actor:
        if actor == "system":
            qs = qs.filter(actor__isnull=True)
        elif is_id(actor):
            qs = qs.filter(actor_id=query_id(actor, "actor"))
        else:
            qs = qs.filter(actor_label=actor)
    if action:
        action = str(action)
        if action.endswith("*") or action.endswith("."):
            qs = qs.filter(action__startswith=action.rstrip("*"))
        else:
            qs = qs.filter(action=action)
    if target_type:
        qs = qs.filter(target_type=target_type)
    if target_id:
        qs = qs.filter(target_id=str(target_id))
    start, end = _when(since, "since"), _when(until, "until")
    if start:
        qs = qs.filter(created_at__gte=start)
    if end:
        qs = qs.filter(created_at__lt=end)
    page = keyset_page(
        qs,
        ordering=AUDIT_ORDERING,
        page_size=parse_page_size(page_size),
        cursor=decode_cursor(cursor_token, size=len(AUDIT_ORDERING)),
    )
    return {
        "results": [audit_dict(row) for row in page.rows],
        "next": page.next.encode() if page.next else None,
        "previous": page.previous.encode() if page.previous else None,
    }
