"""Slow screening runs in a real Celery worker process, and survives that worker dying."""

from __future__ import annotations

import os
import signal

import pytest

from comments.models import Article, Comment
from comments.tasks import comment_screen_async

from .adapters import FLAG, HOLD, last_pid, release, runs
from .helpers import post, screened
from .support import unique_queue, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_posted_comment_is_screened_by_the_worker(
    celery_worker, web_broker, client_for, reader, article
):
    client = client_for(reader)
    plain = post(client, article, "A fair point about the summit.")
    flagged = post(client, article, f"Something for a moderator to see {FLAG}")

    wait_for(screened(plain), what="the worker to screen the plain comment", worker=celery_worker)
    wait_for(screened(flagged), what="the worker to screen the flagged one", worker=celery_worker)

    plain_row, flagged_row = Comment.objects.get(pk=plain), Comment.objects.get(pk=flagged)
    assert (plain_row.status, plain_row.screened_revision) == ("published", 1)
    # the worker's adapter held it through the real service: status and counters
    assert (flagged_row.status, flagged_row.screened_revision) == ("pending", 1)
    assert Article.objects.get(pk=article.pk).comment_count == 1
    assert runs(plain, "finished") == runs(flagged, "finished") == 1
    # ... in the worker's pool process, not in this one (no eager fallback)
    assert last_pid(plain) not in (None, os.getpid(), celery_worker.pid)


def test_an_edit_is_screened_again_at_its_new_revision(
    celery_worker, web_broker, client_for, reader, article
):
    client = client_for(reader)
    comment_id = post(client, article, "First thoughts.")
    wait_for(screened(comment_id), what="revision 1 screened", worker=celery_worker)

    response = client.patch(
        f"/api/v1/comments/{comment_id}/", {"body": f"Second thoughts {FLAG}"}, format="json"
    )
    assert response.status_code == 200, response.content

    wait_for(screened(comment_id, 2), what="revision 2 screened", worker=celery_worker)
    row = Comment.objects.get(pk=comment_id)
    assert (row.revision, row.screened_revision, row.status) == (2, 2, "pending")
    assert runs(comment_id, "finished") == 2


def test_duplicate_and_stale_deliveries_do_no_second_screening(
    celery_worker, web_broker, client_for, reader, article
):
    client = client_for(reader)
    comment_id = post(client, article, f"Said once {FLAG}")
    wait_for(screened(comment_id), what="the first delivery", worker=celery_worker)

    comment_screen_async.delay(comment_id, 1)  # a duplicate (e.g. the sweep raced the worker)
    comment_screen_async.delay(comment_id, 1)
    # One worker process, one message at a time, in order: once a later comment is
    # screened, the duplicates before it have been handled.
    later = post(client, article, "Posted after the duplicates.")
    wait_for(screened(later), what="the later comment", worker=celery_worker)

    assert runs(comment_id, "started") == 1
    assert Article.objects.get(pk=article.pk).comment_count == 1  # only `later` is published
    assert Comment.objects.get(pk=comment_id).status == "pending"


def test_a_pool_process_killed_mid_task_loses_nothing(
    celery_worker, web_broker, client_for, reader, article
):
    client = client_for(reader)
    comment_id = post(client, article, f"Slow to judge {HOLD} {FLAG}")
    wait_for(
        lambda: runs(comment_id, "started") == 1, what="the task to start", worker=celery_worker
    )
    child = last_pid(comment_id)
    assert child not in (None, os.getpid(), celery_worker.pid)

    os.kill(child, signal.SIGKILL)  # the pool process dies while it holds the message
    release(comment_id)

    # acks_late + reject_on_worker_lost: the message goes back and a new pool
    # process of the same worker runs it to the end.
    wait_for(screened(comment_id), what="the redelivered task", worker=celery_worker)
    assert celery_worker.alive()
    assert last_pid(comment_id) != child
    assert runs(comment_id, "started") >= 2
    assert runs(comment_id, "finished") == 1
    row = Comment.objects.get(pk=comment_id)
    assert (row.status, row.screened_revision) == ("pending", 1)
    assert Article.objects.get(pk=article.pk).comment_count == 0  # moved once, not twice


def test_a_worker_killed_mid_task_loses_nothing(
    start_worker, web_broker, broker_url, client_for, reader, article
):
    queue = unique_queue("killed")
    first = start_worker(broker=broker_url, queue=queue)
    web_broker.use(broker_url, queue)
    client = client_for(reader)
    comment_id = post(client, article, f"Slow to judge {HOLD} {FLAG}")
    wait_for(lambda: runs(comment_id, "started") == 1, what="the task to start", worker=first)
    child = last_pid(comment_id)

    first.kill()  # SIGKILL to the whole worker (main and pool process): no chance to reject
    release(comment_id)
    row = Comment.objects.get(pk=comment_id)
    assert (row.status, row.screened_revision) == ("published", 0)  # nothing happened yet

    # The message was taken but never acknowledged: after the visibility timeout
    # Redis hands it to the next worker, which screens it.
    second = start_worker(broker=broker_url, queue=queue)
    wait_for(screened(comment_id), timeout=60, what="redelivery to a new worker", worker=second)
    assert last_pid(comment_id) != child
    assert runs(comment_id, "started") == 2
    assert runs(comment_id, "finished") == 1
    row = Comment.objects.get(pk=comment_id)
    assert (row.status, row.screened_revision) == ("pending", 1)
    assert Article.objects.get(pk=article.pk).comment_count == 0
