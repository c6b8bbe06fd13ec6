"""Handing saved comments to the slow screening, after commit, in one Redis round trip.

A Celery publish per post cost about 12 % of a post (``bench/queries.py``),
so on Redis a write does not publish a task of its own. After commit it sends
one MULTI that

* bumps the article's thread-cache generation (``comments.cache.bump``),
* appends ``"<comment id>:<revision>"`` to the hand-off list, and
* sets the drain flag (``SET NX`` with a short expiry),

and publishes ``comments_screen_drain`` only when the flag was not set yet, that
is when no drain is scheduled. The drain task deletes the flag *before* it pops
the list, then pops it in batches and publishes one ``comments_screen_batch``
per batch (``acks_late``: a killed worker's batch is delivered again). So a
comment pushed while the flag is set is popped by the drain that set it
(which has not deleted the flag yet, so it pops later); one pushed after the
delete sets the flag again and schedules another drain. The flag's expiry
only bounds how long a lost drain (broker flushed, publish failed) blocks the
next publish. Under load many comments share one drain and one batch, which
also batches the toxicity model.

What can still be lost - the list when the cache Redis is flushed, a batch
popped by a drain that died before publishing it - is what the periodic sweep
(``comments_sweep_unscreened``) exists for: it re-enqueues every comment not
screened ``PARLEY_SCREENING_SWEEP_GRACE_SECONDS`` after its save or edit.

Without Redis as the cache, or with tasks run in-process (the embedded
default: no broker), each write enqueues ``comment_screen_async`` as before.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import cache

from . import cache as thread_cache

log = logging.getLogger(__name__)

QUEUE_KEY = "screening:handoff"
DRAIN_FLAG_KEY = "screening:drain-scheduled"
DRAIN_FLAG_SECONDS = 10
DRAIN_BATCH = 100


def _tasks_in_process() -> bool:
    from config.celery import app

    return bool(app.conf.task_always_eager)


def _client():
    """The cache's Redis client when the hand-off applies, else None."""
    if _tasks_in_process():
        return None
    return thread_cache.redis_client()


def after_write(*, comment_id: int, revision: int, article_id: int) -> None:
    """After commit: bump the thread cache and hand the revision to the slow screening."""
    if _client() is None:
        thread_cache.bump(article_id)
        send_one(comment_id, revision)
        return
    queue_key = cache.make_and_validate_key(QUEUE_KEY)
    flag_key = cache.make_and_validate_key(DRAIN_FLAG_KEY)

    def hand_off(pipe: Any) -> None:
        pipe.rpush(queue_key, f"{comment_id}:{revision}")
        pipe.set(flag_key, 1, nx=True, ex=DRAIN_FLAG_SECONDS)

    _, flag_was_unset = thread_cache.bump(article_id, also=hand_off) or (None, False)
    if flag_was_unset:
        schedule_drain(comment_id=comment_id, revision=revision)


def schedule_drain(*, comment_id: int, revision: int) -> None:
    """Publish a drain; never fail the (already committed) write.

    With the broker down ``delay()`` raises after its publish retries. The
    comment stays in the list, and the flag is dropped so that the next write
    tries again; the sweep screens it if none does.
    """
    from .tasks import comments_screen_drain

    try:
        comments_screen_drain.delay()
    except Exception:
        log.exception(
            "could not enqueue slow screening of comment %s revision %s; the sweep will retry",
            comment_id,
            revision,
        )
        client = _client()
        if client is not None:
            try:
                client.delete(cache.make_and_validate_key(DRAIN_FLAG_KEY))
            except Exception:  # noqa: BLE001 - the flag expires by itself
                log.exception("could not clear the drain flag")


def send_one(comment_id: int, revision: int) -> None:
    """One task for one revision (in-process tasks, no Redis cache, the sweep's path).

    With the broker down, ``delay()`` raises after its publish retries. The comment
    is saved by then, so the request must still succeed: the periodic sweep
    (``comments_sweep_unscreened``) finds it once the broker is back.
    """
    from .tasks import comment_screen_async

    try:
        comment_screen_async.delay(comment_id, revision)
    except Exception:
        log.exception(
            "could not enqueue slow screening of comment %s revision %s; the sweep will retry",
            comment_id,
            revision,
        )


def drain(publish) -> int:
    """Pop the hand-off list in batches, ``publish(pairs)`` each; how many were popped.

    The flag goes first: a write after this point schedules a drain of its own.
    """
    client = thread_cache.redis_client()
    if client is None:
        return 0
    client.delete(cache.make_and_validate_key(DRAIN_FLAG_KEY))
    queue_key = cache.make_and_validate_key(QUEUE_KEY)
    popped = 0
    while True:
        items = client.lpop(queue_key, DRAIN_BATCH)
        if not items:
            return popped
        pairs = []
        for item in items:
            try:
                comment_id, revision = (int(x) for x in item.decode().split(":"))
            except ValueError:
                log.error("dropping a malformed screening hand-off %r", item)
                continue
            pairs.append([comment_id, revision])
        popped += len(pairs)
        if pairs:
            try:
                publish(pairs)
            except Exception:
                # Put them back for the next drain (or the sweep) and let the task retry.
                client.rpush(queue_key, *(f"{c}:{r}" for c, r in pairs))
                raise


def pending() -> int:
    """How many revisions wait in the hand-off list (tests, the bench)."""
    client = thread_cache.redis_client()
    if client is None:
        return 0
    return int(client.llen(cache.make_and_validate_key(QUEUE_KEY)))
