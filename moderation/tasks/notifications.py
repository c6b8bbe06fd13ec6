"""Thin task: e-mail the author about a decision (ids in; notifications does the work)."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

from ..notifications import send_decision_notice


@shared_task(
    acks_late=True,
    autoretry_for=(OSError, SMTPException),
    retry_backoff=True,
    max_retries=5,
)
def decision_notice_send(decision_id: int) -> str:
    return send_decision_notice(decision_id)
