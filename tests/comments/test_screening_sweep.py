"""The safety net for slow screening: the periodic sweep and its schedule.

These run in-process (tasks eager, as without a broker); tests/integration runs
the same sweep in a real worker.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from comments.models import Comment
from comments.tasks import comments_sweep_unscreened

pytestmark = pytest.mark.django_db


def test_beat_runs_the_sweep_every_minute():
    entries = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "comments.tasks.comments_sweep_unscreened"
    ]
    assert len(entries) == 1
    assert entries[0]["schedule"] == 60.0


def test_beat_schedule_names_registered_tasks():
    from config.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks


@pytest.fixture
def unscreened(reader, article):
    """Rows written straight to the database: no screening was ever enqueued for them."""

    def make(body="Never screened.", *, age=timedelta(minutes=10), **fields):
        comment = Comment.objects.create(article=article, author=reader, body=body, **fields)
        Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - age)
        return comment.pk

    return make


def screened_revision(pk):
    return Comment.objects.get(pk=pk).screened_revision


def test_the_sweep_screens_only_what_never_was(unscreened):
    lost = unscreened()
    fresh = unscreened(age=timedelta(seconds=5))  # its screening may still be on its way
    done = unscreened(screened_revision=1)
    edited = unscreened(revision=2, screened_revision=1, edited_at=timezone.now())
    deleted = unscreened("", status=Comment.Status.DELETED, is_public=False)

    assert comments_sweep_unscreened() == 1

    assert screened_revision(lost) == 1
    assert screened_revision(fresh) == 0
    assert screened_revision(done) == 1
    assert screened_revision(edited) == 1
    assert screened_revision(deleted) == 0
    assert comments_sweep_unscreened() == 0  # nothing left to do


def test_an_edit_past_the_grace_is_swept_at_its_new_revision(unscreened):
    edited = unscreened(
        revision=2, screened_revision=1, edited_at=timezone.now() - timedelta(minutes=5)
    )
    assert comments_sweep_unscreened() == 1
    assert screened_revision(edited) == 2


def test_the_grace_is_a_setting(unscreened, settings):
    fresh = unscreened(age=timedelta(seconds=5))
    assert comments_sweep_unscreened() == 0
    settings.PARLEY_SCREENING_SWEEP_GRACE_SECONDS = 1
    assert comments_sweep_unscreened() == 1
    assert screened_revision(fresh) == 1
