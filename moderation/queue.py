"""The moderation queues: what waits for a moderator, why, and how long it has waited.

Three disjoint queues, so an item's id is simply its comment's id:

* ``pending``  - held comments (screening, pre-moderation) with no open reports;
* ``reported`` - published or held comments with open reader reports;
* ``appeals``  - rejected comments whose author appealed.

Oldest first (by the time the item entered its queue), keyset-paginated. A
page costs a fixed number of queries whatever its size: the page itself
(comment, author and article joined), open reports of its comments, the
reporters' track records, the authors' records, sanctions in force, claims,
appeals and rule hits.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from comments.models import Comment, Report
from comments.pagination import decode_cursor, keyset_page
from comments.selectors import parse_page_size
from config.api.formats import iso as _iso
from config.errors import DomainError

from . import app_settings
from .access import reason_labels
from .claims import claims_for
from .engine.base import ACTION_STRENGTH
from .models import Appeal, Decision, Sanction, ScreeningRecord
from .policy import get_active_policy
from .reports import reporter_records
from .sanctions import sanction_dict

QUEUES = ("pending", "reported", "appeals")
ORDERING = ("queued_at", "id")
PREMOD_REASON = "premod"


def _open_reports():
    return Report.objects.filter(comment=OuterRef("pk"), status=Report.Status.OPEN)


def _premod_in_force():
    now = timezone.now()
    return Sanction.objects.filter(
        user=OuterRef("author_id"), kind=Sanction.Kind.PREMOD, lifted_at__isnull=True
    ).filter(Q(until__isnull=True) | Q(until__gt=now))


def queue_queryset(queue: str) -> QuerySet:
    """Comments in ``queue``, each annotated with ``queued_at`` (when it entered)."""
    if queue == "pending":
        return (
            Comment.objects.filter(status=Comment.Status.PENDING)
            .exclude(Exists(_open_reports()))
            .annotate(queued_at=F("status_changed_at"))
        )
    if queue == "reported":
        first_report = _open_reports().order_by("created_at").values("created_at")[:1]
        return Comment.objects.filter(
            pk__in=Report.objects.filter(status=Report.Status.OPEN).values("comment_id"),
            status__in=[Comment.Status.PUBLISHED, Comment.Status.PENDING],
        ).annotate(queued_at=Subquery(first_report))
    if queue == "appeals":
        return Comment.objects.filter(appeal__status=Appeal.Status.OPEN).annotate(
            queued_at=F("appeal__created_at")
        )
    raise DomainError(
        "validation_error",
        "The request is not valid.",
        fields={"queue": [f"One of: {', '.join(QUEUES)}."]},
    )


def queue_of(comment: Comment) -> str | None:
    """Which queue ``comment`` waits in, or None (published and unreported, decided, deleted)."""
    if Appeal.objects.filter(comment_id=comment.pk, status=Appeal.Status.OPEN).exists():
        return "appeals"
    if comment.status in (Comment.Status.PUBLISHED, Comment.Status.PENDING):
        if Report.objects.filter(comment_id=comment.pk, status=Report.Status.OPEN).exists():
            return "reported"
    if comment.status == Comment.Status.PENDING:
        return "pending"
    return None


def queued_since(comment: Comment, queue: str | None):
    """When ``comment`` entered ``queue`` (for the time-to-decision figure)."""
    if queue == "appeals":
        return Appeal.objects.filter(comment_id=comment.pk).values_list("created_at", flat=True)[0]
    if queue == "reported":
        return (
            Report.objects.filter(comment_id=comment.pk, status=Report.Status.OPEN)
            .order_by("created_at")
            .values_list("created_at", flat=True)
            .first()
        )
    if queue == "pending":
        return comment.status_changed_at
    return None


# --- reasons ------------------------------------------------------------------------


def _rule_hits(comment_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Why screening holds each comment: {comment_id: {policy_version, action, hits}}.

    Every ScreeningRecord of the comment's current revision counts (the
    in-request verdict, the async step, re-screens): their hits are combined,
    and ``action`` / ``policy_version`` come from the strongest verdict (the
    latest among equals), so a later "nothing more found" async record never
    hides the rule that held the comment.
    """
    if not comment_ids:
        return {}
    out: dict[int, dict[str, Any]] = {}
    rows = (
        ScreeningRecord.objects.filter(comment_id__in=comment_ids, revision=F("comment__revision"))
        .order_by("comment_id", "-id")
        .values("comment_id", "policy_version", "action", "hits")
    )
    for row in rows:
        entry = out.get(row["comment_id"])
        if entry is None:
            entry = out[row["comment_id"]] = {
                "policy_version": row["policy_version"],
                "action": row["action"],
                "hits": [],
            }
        elif ACTION_STRENGTH.get(row["action"], 0) > ACTION_STRENGTH.get(entry["action"], 0):
            entry["action"] = row["action"]
            entry["policy_version"] = row["policy_version"]
        seen = {(h.get("rule"), tuple(h.get("span") or ()), h.get("term")) for h in entry["hits"]}
        for hit in row["hits"] or []:
            key = (hit.get("rule"), tuple(hit.get("span") or ()), hit.get("term"))
            if key not in seen:
                seen.add(key)
                entry["hits"].append(hit)
    return out


def reasons_by_comment(comment_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Rule hits, open-report groups and open appeals for many comments at once (admin list)."""
    hits, reports = _rule_hits(comment_ids), _report_groups(comment_ids)
    appeals = dict(
        Appeal.objects.filter(comment_id__in=comment_ids, status=Appeal.Status.OPEN).values_list(
            "comment_id", "message"
        )
    )
    return {
        pk: {
            "hits": (hits.get(pk) or {}).get("hits", []),
            "reports": reports.get(pk),
            "appeal": appeals.get(pk),
        }
        for pk in comment_ids
    }


def _report_groups(comment_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Open reports grouped by reason, with the reporters' weights (two queries)."""
    rows = list(
        Report.objects.filter(comment_id__in=comment_ids, status=Report.Status.OPEN)
        .order_by("created_at", "id")
        .values("comment_id", "reason", "reporter_id", "note", "created_at")
    )
    records = reporter_records(r["reporter_id"] for r in rows)
    out: dict[int, dict[str, Any]] = {}
    for row in rows:
        entry = out.setdefault(row["comment_id"], {"count": 0, "weighted": 0.0, "groups": {}})
        weight = float(records[row["reporter_id"]]["weight"])
        group = entry["groups"].setdefault(
            row["reason"],
            {"reason": row["reason"], "count": 0, "weight": 0.0, "notes": [], "reporters": []},
        )
        group["count"] += 1
        group["weight"] = round(group["weight"] + weight, 3)
        group["reporters"].append({"id": row["reporter_id"], **records[row["reporter_id"]]})
        if row["note"] and len(group["notes"]) < 5:
            group["notes"].append(row["note"])
        entry["count"] += 1
        entry["weighted"] = round(entry["weighted"] + weight, 3)
    return out


def _author_records(author_ids: set[int]) -> dict[int, dict[str, int]]:
    statuses = Comment.Status
    rows = (
        Comment.objects.filter(author_id__in=author_ids)
        .values("author_id")
        .annotate(
            published=Count("id", filter=Q(status=statuses.PUBLISHED)),
            pending=Count("id", filter=Q(status=statuses.PENDING)),
            rejected=Count("id", filter=Q(status=statuses.REJECTED)),
            deleted=Count("id", filter=Q(status=statuses.DELETED)),
        )
    )
    return {
        r["author_id"]: {k: r[k] for k in ("published", "pending", "rejected", "deleted")}
        for r in rows
    }


def _sanctions_of(author_ids: set[int]) -> dict[int, list[Sanction]]:
    now = timezone.now()
    out: dict[int, list[Sanction]] = defaultdict(list)
    rows = (
        Sanction.objects.filter(user_id__in=author_ids, lifted_at__isnull=True)
        .filter(Q(until__isnull=True) | Q(until__gt=now))
        .order_by("created_at")
    )
    for sanction in rows:
        out[sanction.user_id].append(sanction)
    return out


def _comment_block(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "article": {
            "key": comment.article.key,
            "title": comment.article.title,
            "url": comment.article.url,
        },
        "parent": comment.parent_id,
        "body": comment.body,
        "status": comment.status,
        "revision": comment.revision,
        "created_at": _iso(comment.created_at),
        "edited_at": _iso(comment.edited_at),
        "reaction_count": comment.reaction_count,
        "reply_count": comment.reply_count,
    }


def queue_items(comments: list[Comment], *, queue: str) -> list[dict[str, Any]]:
    """Render queue items (comments fetched with author and article, annotated ``queued_at``)."""
    ids = [c.pk for c in comments]
    if not ids:
        return []
    author_ids = {c.author_id for c in comments}
    reports = _report_groups(ids)
    records = _author_records(author_ids)
    sanctions = _sanctions_of(author_ids)
    claims = claims_for(ids)
    appeals = {a.comment_id: a for a in Appeal.objects.filter(comment_id__in=ids)}
    hits = _rule_hits(ids)
    policy = get_active_policy()
    threshold = policy.get("report_threshold")
    labels = reason_labels(policy)
    now = timezone.now()

    items = []
    for comment in comments:
        author = comment.author
        in_force = sanctions.get(author.pk, [])
        reasons: list[dict[str, Any]] = []
        verdict = hits.get(comment.pk)
        if verdict:
            for hit in verdict["hits"]:
                reasons.append({"type": "rule", "policy_version": verdict["policy_version"], **hit})
        report_entry = reports.get(comment.pk)
        if report_entry:
            for group in report_entry["groups"].values():
                reasons.append(
                    {"type": "report", "label": labels.get(group["reason"], ""), **group}
                )
        if any(s.kind == Sanction.Kind.PREMOD for s in in_force) and comment.status == "pending":
            reasons.append({"type": "premod"})
        appeal = appeals.get(comment.pk)
        if appeal is not None and appeal.status == Appeal.Status.OPEN:
            reasons.append(
                {"type": "appeal", "message": appeal.message, "created_at": _iso(appeal.created_at)}
            )
        if not reasons and comment.status == Comment.Status.PENDING:
            reasons.append({"type": "held"})  # held by screening whose record is not available
        claim = claims.get(comment.pk)
        queued_at = getattr(comment, "queued_at", None)
        items.append(
            {
                "id": comment.pk,
                "queue": queue,
                "queued_at": _iso(queued_at),
                "age_seconds": int((now - queued_at).total_seconds()) if queued_at else None,
                "comment": _comment_block(comment),
                "author": {
                    "id": author.pk,
                    "username": author.get_username(),
                    "display_name": author.public_name,
                    "date_joined": _iso(author.date_joined),
                    "record": records.get(
                        author.pk, {"published": 0, "pending": 0, "rejected": 0, "deleted": 0}
                    ),
                    "sanctions": [sanction_dict(s) for s in in_force],
                },
                "reasons": reasons,
                "reports": {
                    "count": report_entry["count"] if report_entry else 0,
                    "weighted": report_entry["weighted"] if report_entry else 0.0,
                    "threshold": threshold,
                },
                "claimed_by": (
                    {"id": claim.moderator_id, "username": claim.moderator.get_username()}
                    if claim
                    else None
                ),
                "claim_expires_at": _iso(claim.expires_at) if claim else None,
            }
        )
    return items


def _screened_for(code: str):
    """Comments whose current revision was held (or refused) by a rule with ``code``."""
    return ScreeningRecord.objects.filter(
        comment_id=OuterRef("pk"), revision=OuterRef("revision"), codes__contains=f" {code} "
    )


def _filter_by_reason(qs, queue: str, reason: Any):
    """``reason`` is a policy reason code (or ``premod`` in the pending queue).

    reported: open reports with that reason; pending: screening hits with that
    code; appeals: the rejecting decision's reason or the screening hits.
    """
    labels = reason_labels()
    if queue == "pending" and reason == PREMOD_REASON:
        return qs.filter(Exists(_premod_in_force()))
    if reason not in labels:
        extra = f" or '{PREMOD_REASON}'" if queue == "pending" else ""
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"reason": [f"A reason code of the policy{extra}."]},
        )
    if queue == "reported":
        return qs.filter(Exists(_open_reports().filter(reason=reason)))
    if queue == "appeals":
        decided = Decision.objects.filter(comment_id=OuterRef("pk"), reason_code=reason)
        return qs.filter(Exists(decided) | Exists(_screened_for(reason)))
    return qs.filter(Exists(_screened_for(reason)))


def queue_page(
    *,
    queue: Any,
    article_key: Any = None,
    reason: Any = None,
    page_size: Any = None,
    cursor_token: str | None = None,
) -> dict[str, Any]:
    if queue in (None, ""):
        queue = "pending"
    qs = queue_queryset(queue).select_related("author", "article")
    if article_key:
        qs = qs.filter(article__key=article_key)
    if reason:
        qs = _filter_by_reason(qs, queue, reason)
    page = keyset_page(
        qs,
        ordering=ORDERING,
        page_size=parse_page_size(page_size),
        cursor=decode_cursor(cursor_token, size=len(ORDERING)),
    )
    return {
        "results": queue_items(page.rows, queue=queue),
        "next": page.next.encode() if page.next else None,
        "previous": page.previous.encode() if page.previous else None,
    }


# --- stats -----------------------------------------------------------------------


def moderation_stats() -> dict[str, Any]:
    """Queue sizes and oldest ages, decisions by reason, median time to decision."""
    now = timezone.now()
    queues = {}
    for name in QUEUES:
        qs = queue_queryset(name)
        oldest = qs.order_by(*ORDERING).values_list("queued_at", flat=True).first()
        queues[name] = {
            "size": qs.count(),
            "oldest_age_seconds": int((now - oldest).total_seconds()) if oldest else None,
        }
    days = app_settings.stats_decisions_window_days()
    since = now - timedelta(days=days)
    by_reason = list(
        Decision.objects.filter(created_at__gte=since)
        .values("action", "reason_code")
        .annotate(count=Count("id"))
        .order_by("-count", "action", "reason_code")
    )
    sample = app_settings.stats_median_sample()
    waits = [
        (decided - queued).total_seconds()
        for queued, decided in Decision.objects.filter(queued_at__isnull=False)
        .order_by("-id")
        .values_list("queued_at", "created_at")[:sample]
    ]
    return {
        "queues": queues,
        "decisions": {"window_days": days, "by_reason": by_reason},
        "median_seconds_to_decision": round(statistics.median(waits)) if waits else None,
        "median_sample_size": len(waits),
    }
