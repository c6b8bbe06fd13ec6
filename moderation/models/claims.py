from __future__ import annotations

from django.conf import settings
from django.db import models


class Claim(models.Model):
    """A moderator's short hold on a queue item (a comment), so two people don't work it twice.

    Stored in the database so every web process sees it. One row per
    comment (the queues are disjoint, so the comment id is the item id);
    a row whose ``expires_at`` has passed is free to take.
    """

    comment = models.OneToOneField(
        "comments.Comment", on_delete=models.CASCADE, related_name="claim"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    claimed_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Claim on {self.comment_id} by {self.moderator_id}"
