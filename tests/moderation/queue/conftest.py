"""Moderation fixtures: the real moderation adapter with screening stubbed to "publish".

The screening pipeline lives on another branch; these tests drive comments
into the queues the way production does (reports through the API, holds via
``comment_set_status``), with the moderation adapter's sanctions and reports
hooks live.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from comments import adapter as comments_adapter
from comments.adapter import ScreeningVerdict
from comments.models import Comment
from comments.services import comment_set_status
from moderation.adapter import ModerationCommentsAdapter

ADAPTER = "tests.moderation.queue.conftest.PublishingModerationAdapter"


class PublishingModerationAdapter(ModerationCommentsAdapter):
    """The moderation adapter, with the pipeline's screening replaced by "publish"."""

    def screen(self, *, author, article, body, parent, comment, event) -> ScreeningVerdict:
        return ScreeningVerdict(status="published")

    def record(self, *, comment, verdict, event) -> None:
        pass

    def screen_async(self, *, comment) -> None:
        pass


@pytest.fixture(autouse=True)
def moderation_adapter(settings):
    settings.PARLEY_COMMENTS_ADAPTER = ADAPTER
    settings.PARLEY_RATE_LIMITS = False
    comments_adapter._load.cache_clear()
    yield
    comments_adapter._load.cache_clear()


def _move(comment: Comment, status: str) -> Comment:
    """Change a comment's status through the service, row locked, as screening would."""
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        comment_set_status(comment=locked, status=status)
    comment.refresh_from_db()
    return comment


@pytest.fixture
def hold():
    """Put a comment in the pending queue."""
    return lambda comment: _move(comment, Comment.Status.PENDING)


@pytest.fixture
def reject_directly():
    return lambda comment: _move(comment, Comment.Status.REJECTED)


@pytest.fixture
def mod_client(client_for, moderator):
    return client_for(moderator)


def err(response) -> str:
    return response.json()["error"]["code"]
