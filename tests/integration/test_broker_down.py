"""Nothing is lost when the broker is down: the sweep screens what never reached a worker."""

from __future__ import annotations

import logging

import pytest
from django.core.cache import cache

from comments import handoff
from comments.models import Comment
from comments.tasks import comments_sweep_unscreened

from .adapters import FLAG, runs
from .helpers import post, screened
from .support import unique_queue, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_comments_saved_while_the_broker_is_down_are_screened_once_it_is_back(
    own_redis, start_worker, web_broker, client_for, reader, article, caplog
):
    own_redis.start()
    queue = unique_queue("outage")
    web_broker.use(own_redis.url, queue)
    client = client_for(reader)

    # Handed off and a drain enqueued fine, but no worker took it before the broker
    # died without a trace; then the cache Redis is flushed too (the hand-off list).
    queued = post(client, article, f"Queued, then the broker went down {FLAG}")
    assert own_redis.queue_length(queue) == 1
    assert handoff.pending() == 1
    own_redis.stop()
    cache.clear()

    # The broker is down: posting still succeeds; the failed enqueue is logged, and
    # the drain flag is dropped so that the next post tries to publish again.
    with caplog.at_level(logging.ERROR, logger="comments.handoff"):
        unsent = post(client, article, "Posted while the broker is down.")
    assert f"could not enqueue slow screening of comment {unsent}" in caplog.text
    assert cache.get(handoff.DRAIN_FLAG_KEY) is None
    assert Comment.objects.filter(pk__in=[queued, unsent], screened_revision=0).count() == 2
    cache.clear()  # the hand-off list is lost as well: only the sweep is left

    # The broker comes back (empty); a worker starts; beat sends the sweep.
    own_redis.start()
    worker = start_worker(
        broker=own_redis.url, queue=queue, PARLEY_SCREENING_SWEEP_GRACE_SECONDS="0"
    )
    comments_sweep_unscreened.delay()

    wait_for(screened(queued), what="the sweep to recover the lost message", worker=worker)
    wait_for(screened(unsent), what="the sweep to recover the unsent one", worker=worker)
    assert runs(queued, "finished") == runs(unsent, "finished") == 1
    assert Comment.objects.get(pk=queued).status == "pending"
    assert Comment.objects.get(pk=unsent).status == "published"
