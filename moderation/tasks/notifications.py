"""Thin task: e-mail the author about a decision (ids in; notifications does the work)."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

from ..notifications import CLAIM_TIMEOUT, NoticeBusy, send_decision_notice


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError, SMTPException),
    retry_backoff=True,
    max_retries=5,
)
def decision_notice_send(self, decision_id: int) -> str:
    try:
        return send_decision_notice(decision_id)
    except NoticeBusy as exc:
        # Another delivery holds the claim (or died holding it): look again once
        # the claim can have expired, rather than drop the notice.
        raise self.retry(exc=exc, countdown=CLAIM_TIMEOUT.total_seconds() + 5) from exc
