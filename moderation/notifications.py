"""E-mails to authors about decisions on their comments (Django's e-mail backend).

Sent by the Celery task ``moderation.tasks.notifications.decision_notice_send``,
enqueued on commit of the decision. Readers without an e-mail address, and
deleted or inactive accounts, get nothing.

Once per decision: the task claims a :class:`~moderation.models.DecisionNotice`
row with a conditional UPDATE before sending and marks it sent after, so a
duplicate delivery or a retry after a later failure sends nothing more. The one
window left is a worker dying after the mail server accepted the message and
before ``sent_at`` is written; its claim expires after ``CLAIM_TIMEOUT`` and the
redelivered task sends again (at least once beats at most once for a notice the
reader needs in order to appeal).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F, Q
from django.utils import timezone

from accounts.selectors import mail_address

from .access import reason_labels
from .models import Decision, DecisionNotice

CLAIM_TIMEOUT = timedelta(minutes=10)


class NoticeBusy(Exception):
    """Another worker holds a fresh claim on this notice: try again later."""


EXCERPT = 120


def _excerpt(body: str) -> str:
    return body if len(body) <= EXCERPT else body[: EXCERPT - 1] + "…"


def decision_notice(decision: Decision) -> tuple[str, str] | None:
    """(subject, body) for the author, or None when the decision needs no e-mail."""
    comment = decision.comment
    label = reason_labels().get(decision.reason_code, decision.reason_code or "our standards")
    where = f'"{comment.article.title}"'
    quoted = _excerpt(comment.body)
    if decision.source == Decision.Source.APPEALS:
        if decision.action == Decision.Action.APPROVE:
            return (
                "Your appeal was granted",
                f"A moderator reviewed your appeal about your comment on {where}:\n\n"
                f"  {quoted}\n\nThe comment is published again. Thank you for your patience.",
            )
        return (
            "Your appeal was reviewed",
            f"A moderator reviewed your appeal about your comment on {where}:\n\n"
            f"  {quoted}\n\nThe rejection stands. Reason: {label} "
            f"(policy version {decision.policy_version}).",
        )
    if decision.action == Decision.Action.REJECT:
        return (
            "Your comment was removed",
            f"A moderator removed your comment on {where}:\n\n  {quoted}\n\n"
            f"Reason: {label} (policy version {decision.policy_version}).\n"
            "You can appeal once from your comment history if you think this is wrong.",
        )
    return None


def send_decision_notice(decision_id: int) -> str:
    decision = (
        Decision.objects.select_related("comment__author", "comment__article")
        .filter(pk=decision_id)
        .first()
    )
    if decision is None:
        return "gone"
    address = mail_address(decision.comment.author)
    if address is None:
        return "no_address"
    message = decision_notice(decision)
    if message is None:
        return "nothing_to_send"
    if not _claim(decision.pk):
        if DecisionNotice.objects.filter(pk=decision.pk, sent_at__isnull=False).exists():
            return "already_sent"
        raise NoticeBusy(decision.pk)
    subject, body = message
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except BaseException:
        DecisionNotice.objects.filter(pk=decision.pk).update(claimed_at=None)
        raise
    DecisionNotice.objects.filter(pk=decision.pk).update(sent_at=timezone.now())
    return "sent"


def _claim(decision_id: int) -> bool:
    """True when this worker may send: the notice is unsent and unclaimed (or its
    claim is older than CLAIM_TIMEOUT). One conditional UPDATE, so two workers
    delivered the same task never both win."""
    now = timezone.now()
    DecisionNotice.objects.get_or_create(decision_id=decision_id)
    won = (
        DecisionNotice.objects.filter(pk=decision_id, sent_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT))
        .update(claimed_at=now, attempts=F("attempts") + 1)
    )
    return won == 1
