"""The periodic sweep, run by a worker, re-enqueues only comments whose screening never ran."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from comments.tasks import comment_screen_async, comments_sweep_unscreened

from .adapters import runs
from .helpers import screened
from .support import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_the_sweep_in_the_worker_picks_only_what_needs_screening(
    celery_worker, web_broker, reader, article
):
    # Rows written straight to the database: no screening was ever enqueued for them.
    def make(body, **fields):
        return Comment.objects.create(article=article, author=reader, body=body, **fields).pk

    lost = make("Old and never screened.")
    fresh = make("New: its screening may still be on its way.")
    done = make("Old and screened.", screened_revision=1)
    edited = make("Old, edited a moment ago.", revision=2, screened_revision=1)
    deleted = make("", status=Comment.Status.DELETED, is_public=False)
    now = timezone.now()
    Comment.objects.filter(pk__in=[lost, done, edited, deleted]).update(
        created_at=now - timedelta(minutes=10)
    )
    Comment.objects.filter(pk=edited).update(edited_at=now)

    comments_sweep_unscreened.delay()  # as beat sends it; the worker's grace is the default
    wait_for(screened(lost), what="the sweep to enqueue the lost comment", worker=celery_worker)

    # Whatever the sweep enqueued is ahead of this in the queue: once it is done, all is.
    sentinel = make("Sentinel.")
    comment_screen_async.delay(sentinel, 1)
    wait_for(screened(sentinel), what="the sentinel", worker=celery_worker)

    assert runs(lost, "finished") == 1
    for left_alone in (fresh, done, edited, deleted):
        assert runs(left_alone, "started") == 0
    assert Comment.objects.get(pk=fresh).screened_revision == 0
    assert Comment.objects.get(pk=edited).screened_revision == 1
