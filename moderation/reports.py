"""Reader reports, weighed by each reporter's track record.

Weight of a reporter (shown to moderators next to every report group)::

    weight = clamp(2 * (upheld + 1) / (upheld + dismissed + 2), 0.2, 2.0)

where ``upheld`` / ``dismissed`` count the reader's *past decided* reports
(a report is upheld when a moderator rejects the comment, dismissed when they
approve it). It is twice the Laplace-smoothed share of upheld reports, so a
reader with no decided reports weighs exactly 1, a reader whose reports are
always upheld tends to 2, and one whose reports are always dismissed falls
towards the floor of 0.2: nobody is ignored entirely, and nobody counts for
more than two readers.

A comment whose open reports weigh at least the policy's
``report_threshold`` leaves the public view (status ``pending``) until a
moderator decides, unless a moderator already approved this revision of it:
then it stays up and simply waits in the reported queue.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q

from comments.models import Comment, Report
from comments.services import comment_set_status

from .audit import audit_record
from .models import Decision
from .policy import get_active_policy

WEIGHT_MIN = 0.2
WEIGHT_MAX = 2.0


def weight_formula(upheld: int, dismissed: int) -> float:
    raw = 2.0 * (upheld + 1) / (upheld + dismissed + 2)
    return round(min(WEIGHT_MAX, max(WEIGHT_MIN, raw)), 3)


def reporter_records(reporter_ids: Iterable[int]) -> dict[int, dict[str, float | int]]:
    """{reporter_id: {upheld, dismissed, weight}} in one query (readers with no record: 1.0)."""
    ids = set(reporter_ids)
    out: dict[int, dict[str, float | int]] = {
        rid: {"upheld": 0, "dismissed": 0, "weight": 1.0} for rid in ids
    }
    if not ids:
        return out
    rows = (
        Report.objects.filter(
            reporter_id__in=ids, status__in=[Report.Status.UPHELD, Report.Status.DISMISSED]
        )
        .values("reporter_id")
        .annotate(
            upheld=Count("id", filter=Q(status=Report.Status.UPHELD)),
            dismissed=Count("id", filter=Q(status=Report.Status.DISMISSED)),
        )
    )
    for row in rows:
        out[row["reporter_id"]] = {
            "upheld": row["upheld"],
            "dismissed": row["dismissed"],
            "weight": weight_formula(row["upheld"], row["dismissed"]),
        }
    return out


def reporter_weight(reporter_id: int) -> float:
    return float(reporter_records([reporter_id])[reporter_id]["weight"])


def weighted_open_reports(comment_id: int) -> float:
    reporters = list(
        Report.objects.filter(comment_id=comment_id, status=Report.Status.OPEN).values_list(
            "reporter_id", flat=True
        )
    )
    records = reporter_records(reporters)
    return round(sum(float(records[r]["weight"]) for r in reporters), 3)


def report_received(*, report: Report) -> None:
    """Called inside the report's transaction, with the comment row locked by comments."""
    comment = Comment.objects.select_for_update(of=("self",)).get(pk=report.comment_id)
    if comment.status != Comment.Status.PUBLISHED:
        return
    approved = Decision.objects.filter(
        comment_id=comment.pk, action=Decision.Action.APPROVE, revision=comment.revision
    ).exists()
    if approved:
        return  # a moderator already stood by this text: it waits in the reported queue
    policy = get_active_policy()
    threshold = float(policy.get("report_threshold") or 0)
    if threshold <= 0:
        return
    score = weighted_open_reports(comment.pk)
    if score < threshold:
        return
    comment_set_status(comment=comment, status=Comment.Status.PENDING)
    audit_record(
        actor=None,
        action="comment.hold_reports",
        target_type="comment",
        target_id=comment.pk,
        old={"status": Comment.Status.PUBLISHED},
        new={"status": Comment.Status.PENDING, "weighted_reports": score},
        reason_code=report.reason,
        policy_version=policy.version,
        note=f"Weighted reports {score} reached the threshold {threshold:g}.",
    )
