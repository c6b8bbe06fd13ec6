"""Posts reach the slow screening through the Redis hand-off: one drain, batches, nothing lost."""

from __future__ import annotations

import pytest
import redis
from django.core.cache import cache

from comments import handoff
from comments.models import Comment

from .adapters import FLAG, runs
from .helpers import post, screened
from .support import unique_queue, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_many_posts_share_one_drain_and_are_each_screened_once(
    start_worker, web_broker, broker_url, client_for, reader, article, settings
):
    settings.PARLEY_RATE_LIMITS = False  # seven posts in a minute
    queue = unique_queue("handoff")
    web_broker.use(broker_url, queue)
    client = client_for(reader)
    posted = [post(client, article, f"Comment number {i} on the summit.") for i in range(5)]
    posted.append(post(client, article, f"And one for a moderator {FLAG}"))

    # No worker yet: six revisions wait in the list behind one drain message.
    assert handoff.pending() == 6
    assert redis.Redis.from_url(broker_url).llen(queue) == 1

    worker = start_worker(broker=broker_url, queue=queue)
    for comment_id in posted:
        wait_for(screened(comment_id), what=f"comment {comment_id} screened", worker=worker)
    assert [runs(c, "finished") for c in posted] == [1] * 6
    assert handoff.pending() == 0
    assert Comment.objects.get(pk=posted[-1]).status == "pending"
    assert cache.get(handoff.DRAIN_FLAG_KEY) is None  # the drain cleared it

    # The next post finds no drain scheduled and schedules one.
    later = post(client, article, "Posted after the drain.")
    wait_for(screened(later), what="the later comment", worker=worker)
    assert runs(later, "finished") == 1


def test_a_post_during_a_drain_is_screened(
    start_worker, web_broker, broker_url, client_for, reader, article
):
    queue = unique_queue("handoff-race")
    web_broker.use(broker_url, queue)
    client = client_for(reader)
    first = post(client, article, "The first of two.")

    # A drain runs here (as a worker would) and, while it publishes its first
    # batch, another post arrives: the flag is already gone, so that post
    # schedules a drain of its own (a drain that cleared the flag only at its end
    # would leave a post between its last pop and that point to the sweep). This
    # drain pops the new post too; the extra drain finds the list empty.
    during: list[int] = []

    def publish(pairs):
        from comments.tasks import comments_screen_batch

        comments_screen_batch.delay(pairs)
        if not during:
            during.append(post(client, article, "Posted mid-drain."))

    assert handoff.drain(publish) == 2
    assert handoff.pending() == 0
    # the first post's drain, batch [first], the mid-drain post's drain, batch [during]
    assert redis.Redis.from_url(broker_url).llen(queue) == 4

    worker = start_worker(broker=broker_url, queue=queue)
    wait_for(screened(first), what="the first comment", worker=worker)
    wait_for(screened(during[0]), what="the mid-drain comment", worker=worker)
    assert runs(first, "finished") == runs(during[0], "finished") == 1
