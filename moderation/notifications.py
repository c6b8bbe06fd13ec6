"""E-mails to authors about decisions on their comments (Django's e-mail backend).

Sent by the Celery task ``moderation.tasks.notifications.decision_notice_send``,
enqueued on commit of the decision. Readers without an e-mail address, and
deleted or inactive accounts, get nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail

from .access import reason_labels
from .models import Decision

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
    author = decision.comment.author
    if not author.email or not author.is_active or author.deleted_at is not None:
        return "no_address"
    message = decision_notice(decision)
    if message is None:
        return "nothing_to_send"
    subject, body = message
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [author.email])
    return "sent"
