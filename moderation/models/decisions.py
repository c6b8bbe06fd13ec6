from __future__ import annotations

from django.conf import settings
from django.db import models


class Decision(models.Model):
    """A moderator's decision on a comment: approve or reject, with a reason code.

    Written by ``moderation.decisions.decision_apply`` in the same transaction
    as the status change, the closing of reports and appeals, and the audit
    row. ``queued_at`` is when the comment entered the queue it was decided
    from (held, first open report, or appeal), so the median time to decision
    needs no join.
    """

    class Action(models.TextChoices):
        APPROVE = "approve", "Approve"
        REJECT = "reject", "Reject"

    class Source(models.TextChoices):
        PENDING = "pending", "Held for review"
        REPORTED = "reported", "Reported by readers"
        APPEALS = "appeals", "Appeal"
        POST = "post", "Post-moderation (in no queue)"

    comment = models.ForeignKey(  # indexed by decision_comment
        "comments.Comment", on_delete=models.CASCADE, related_name="decisions", db_index=False
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    reason_code = models.CharField(max_length=40, blank=True)
    note = models.TextField(blank=True)
    from_status = models.CharField(max_length=10)
    to_status = models.CharField(max_length=10)
    source = models.CharField(max_length=10, choices=Source.choices)
    revision = models.PositiveIntegerField(default=1)  # the comment revision decided on
    policy_version = models.PositiveIntegerField(null=True, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["comment", "-id"], name="decision_comment"),
            models.Index(fields=["created_at"], name="decision_created"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.comment_id} ({self.reason_code or '-'})"


class DecisionNotice(models.Model):
    """Delivery state of the e-mail about one decision, so a retried or redelivered
    task does not e-mail the author twice.

    A worker *claims* the notice (``claimed_at``) with a conditional UPDATE before
    sending and marks it ``sent_at`` after; a claim older than the claim timeout
    (a worker that died mid-send) may be taken again. Kept apart from
    :class:`Decision`, which is a record and never changes.
    """

    decision = models.OneToOneField(
        Decision, primary_key=True, on_delete=models.CASCADE, related_name="notice"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"notice for decision {self.decision_id}: {'sent' if self.sent_at else 'pending'}"
