"""Thin Celery tasks for comments: take ids, load, call the adapter or a service."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from . import handoff
from .adapter import get_adapter
from .models import Comment
from .services import mark_screened

log = logging.getLogger(__name__)

SWEEP_BATCH = 500


def sweep_grace() -> timedelta:
    """How long after saving a comment's slow screening may still be on its way.

    Older unscreened comments are picked up by the sweep (the broker was down, a
    worker died, ...). ``PARLEY_SCREENING_SWEEP_GRACE_SECONDS``, read per call.
    """
    return timedelta(seconds=settings.PARLEY_SCREENING_SWEEP_GRACE_SECONDS)


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=10)
def comment_screen_async(self, comment_id: int, revision: int) -> str:
    return _screen([(comment_id, revision)])[comment_id]


@shared_task(acks_late=True)
def comments_screen_drain() -> int:
    """Move the hand-off list (``comments.handoff``) into batch tasks."""
    return handoff.drain(publish=comments_screen_batch.delay)


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=10)
def comments_screen_batch(self, pairs: list[list[int]]) -> dict[int, str]:
    """Slow screening of many ``[comment id, revision]`` at once (the adapter may batch)."""
    return _screen([(int(c), int(r)) for c, r in pairs])


def _screen(pairs: list[tuple[int, int]]) -> dict[int, str]:
    wanted: dict[int, int] = {}
    for comment_id, revision in pairs:  # an older revision of the same comment is stale
        wanted[comment_id] = max(revision, wanted.get(comment_id, 0))
    rows = Comment.objects.filter(pk__in=list(wanted)).select_related("article", "author")
    found = {c.pk: c for c in rows}
    results: dict[int, str] = {}
    todo: list[Comment] = []
    for comment_id, revision in wanted.items():
        comment = found.get(comment_id)
        if comment is None:
            results[comment_id] = "gone"
        elif comment.screened_revision >= revision or comment.revision != revision:
            results[comment_id] = "stale"  # already screened, or an edit superseded it
        elif comment.status == Comment.Status.DELETED:
            mark_screened(comment_id=comment_id, revision=revision)
            results[comment_id] = "deleted"
        else:
            todo.append(comment)
    if todo:
        get_adapter().screen_async_many(comments=todo)
        for comment in todo:
            mark_screened(comment_id=comment.pk, revision=comment.revision)
            results[comment.pk] = "screened"
    return results


@shared_task(acks_late=True)
def comments_sweep_unscreened() -> int:
    """Re-enqueue slow screening for comments it never reached."""
    cutoff = timezone.now() - sweep_grace()
    rows = list(
        Comment.objects.filter(screened_revision__lt=F("revision"), created_at__lt=cutoff)
        # an edit restarts the grace: its own screening may still be on its way
        .filter(Q(edited_at__isnull=True) | Q(edited_at__lt=cutoff))
        .exclude(status=Comment.Status.DELETED)
        .order_by("created_at")
        .values_list("pk", "revision")[:SWEEP_BATCH]
    )
    for comment_id, revision in rows:
        comment_screen_async.delay(comment_id, revision)
    if rows:
        log.info("sweep re-enqueued %d comments", len(rows))
    return len(rows)


# --- data exports ----------------------------------------------------------------------


@shared_task(bind=True, acks_late=True, max_retries=3, default_retry_delay=30)
def data_export_build(self, export_id: int) -> str:
    from .exports import export_build, export_fail

    try:
        return export_build(export_id=export_id)
    except Exception as exc:
        if self.request.retries >= self.max_retries:
            export_fail(export_id=export_id)
            raise
        raise self.retry(exc=exc) from exc


@shared_task(acks_late=True)
def data_exports_sweep() -> dict:
    from .exports import exports_sweep

    result = exports_sweep()
    for export_id in result["stalled"]:
        data_export_build.delay(export_id)
    return {**result, "stalled": len(result["stalled"])}
