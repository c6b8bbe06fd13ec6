from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Appeal(models.Model):
    """An author's one appeal against the rejection of their comment.

    One per comment, ever (a unique constraint): a second appeal is
    ``already_appealed``. A moderator's decision on the comment closes it:
    approve grants it, reject denies it.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        GRANTED = "granted", "Granted (comment restored)"
        DENIED = "denied", "Denied (rejection stands)"

    comment = models.OneToOneField(
        "comments.Comment", on_delete=models.CASCADE, related_name="appeal"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals"
    )
    message = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.ForeignKey(
        "moderation.Decision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at", "id"], name="appeal_open", condition=Q(status="open")
            ),
        ]

    def __str__(self) -> str:
        return f"Appeal on {self.comment_id} ({self.status})"
