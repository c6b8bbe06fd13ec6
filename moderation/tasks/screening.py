"""Celery tasks of the screening pipeline: thin, take ids, call ``moderation.pipeline``.

All are ``acks_late`` (a worker killed mid-task has the message redelivered)
and idempotent (the pipeline records what it did per comment and revision).
"""

from __future__ import annotations

from celery import shared_task

from moderation import pipeline


@shared_task(acks_late=True, max_retries=3, default_retry_delay=30)
def moderation_rescreen_pending(version: int) -> dict:
    """Re-screen the pending queue under a newly activated policy version."""
    return pipeline.rescreen_pending(version=version)


@shared_task(acks_late=True)
def moderation_rescreen_sweep() -> int | None:
    """Periodic: finish the active version's re-screen if its task was lost."""
    version = pipeline.rescreen_missed()
    if version is not None:
        moderation_rescreen_pending.delay(version)
    return version
