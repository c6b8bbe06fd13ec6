"""The production adapter (moderation's pipeline) screening in a real worker process."""

from __future__ import annotations

import pytest

from comments.models import Comment
from moderation.models import ScreeningRecord

from .helpers import post, screened
from .support import unique_queue, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PRODUCTION_ADAPTER = "moderation.adapter.ModerationCommentsAdapter"


def test_the_moderation_pipeline_screens_in_a_real_worker(
    start_worker, web_broker, broker_url, settings, client_for, reader, article
):
    settings.PARLEY_COMMENTS_ADAPTER = PRODUCTION_ADAPTER
    queue = unique_queue("moderation")
    worker = start_worker(
        broker=broker_url, queue=queue, PARLEY_COMMENTS_ADAPTER=PRODUCTION_ADAPTER
    )
    web_broker.use(broker_url, queue)

    comment_id = post(
        client_for(reader), article, "The council vote was closer than the headline says."
    )

    # In the worker, out of process and not eager: the pipeline's slow rules run there.
    wait_for(screened(comment_id), timeout=60, what="the pipeline's slow screening", worker=worker)
    events = set(
        ScreeningRecord.objects.filter(comment_id=comment_id, revision=1).values_list(
            "event", flat=True
        )
    )
    assert events == {"create", "async"}
    assert Comment.objects.get(pk=comment_id).status == "published"
