from __future__ import annotations

from comments.models import Comment


class QueuedComment(Comment):
    """A proxy of ``comments.Comment`` so the Django admin can show the queue to moderators."""

    class Meta:
        proxy = True
        verbose_name = "comment in a moderation queue"
        verbose_name_plural = "moderation queue"
