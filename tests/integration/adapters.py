"""A comments adapter for the integration tests, loaded by the Celery worker too.

The worker process gets ``PARLEY_COMMENTS_ADAPTER=tests.integration.adapters.RecordingAdapter``.
Its slow screening leaves traces a test can observe from its own process:

* every run is counted in the shared (Redis) cache: ``started`` when it begins,
  ``finished`` when its effect is committed, and the pid of the process running it;
* a body containing ``[flag]`` is moved to ``pending`` through the real service,
  row locked, in a transaction (so the article's published count drops by one);
* a body containing ``[hold]`` waits until the test calls ``release()``, so a test
  can kill the worker while the task is known to be running.
"""

from __future__ import annotations

import os
import time

from django.core.cache import cache
from django.db import transaction

from comments.adapter import DefaultCommentsAdapter
from comments.models import Comment
from comments.services import comment_set_status

FLAG = "[flag]"
HOLD = "[hold]"
HOLD_MAX_SECONDS = 120


def _key(comment_id: int, what: str) -> str:
    return f"integration:screen:{comment_id}:{what}"


def _count(comment_id: int, what: str) -> None:
    key = _key(comment_id, what)
    cache.add(key, 0, timeout=None)
    cache.incr(key)


def runs(comment_id: int, what: str) -> int:
    """How many slow screenings of ``comment_id`` have ``started`` or ``finished``."""
    return cache.get(_key(comment_id, what), 0)


def last_pid(comment_id: int) -> int | None:
    """The pid of the worker process that last started screening ``comment_id``."""
    return cache.get(_key(comment_id, "pid"))


def release(comment_id: int) -> None:
    """Let held screenings of ``comment_id`` (now and later deliveries) go on."""
    cache.set(_key(comment_id, "release"), 1, timeout=None)


class RecordingAdapter(DefaultCommentsAdapter):
    def screen_async(self, *, comment: Comment) -> None:
        cache.set(_key(comment.pk, "pid"), os.getpid(), timeout=None)
        _count(comment.pk, "started")
        if HOLD in comment.body:
            deadline = time.monotonic() + HOLD_MAX_SECONDS
            while not cache.get(_key(comment.pk, "release")):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"comment {comment.pk} was never released")
                time.sleep(0.05)
        if FLAG in comment.body:
            with transaction.atomic():
                locked = Comment.objects.select_for_update().get(pk=comment.pk)
                comment_set_status(comment=locked, status=Comment.Status.PENDING)
        _count(comment.pk, "finished")
