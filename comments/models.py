from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Article(models.Model):
    """A page that carries a comment thread. Created by admins or the CMS, never readers."""

    class ModerationMode(models.TextChoices):
        INHERIT = "", "Site default"
        POST = "post", "Post-moderation"
        PRE = "pre", "Pre-moderation"

    key = models.CharField(max_length=200, unique=True)
    url = models.URLField(max_length=1000)
    title = models.CharField(max_length=300)
    comments_open = models.BooleanField(default=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    moderation_mode = models.CharField(
        max_length=4, choices=ModerationMode.choices, default="", blank=True
    )
    published_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Published comments (top-level and replies). Maintained by comments.services.
    comment_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.key


class CommentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def visible_to(self, user):
        """What a viewer may see: the public set plus their own held or rejected comments."""
        if user is not None and user.is_authenticated:
            return self.filter(
                Q(is_public=True)
                | Q(author_id=user.pk, status__in=(Comment.Status.PENDING, Comment.Status.REJECTED))
            )
        return self.public()


class Comment(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        PENDING = "pending", "Pending review"
        REJECTED = "rejected", "Rejected"
        DELETED = "deleted", "Deleted"

    # No single-column indexes on article and author: comment_thread_newest and
    # comment_author_recent start with them, and every extra index is one more
    # write on each post.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments", db_index=False
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments", db_index=False
    )
    body = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    # Derived from status and reply_count, kept in the row so the public list
    # is one index range scan: published, or deleted but holding visible replies.
    is_public = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    reaction_count = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)  # published replies
    # Every edit bumps the revision; slow (async) screening records the revision
    # it looked at, so a sweep can find comments whose screening never ran.
    revision = models.PositiveIntegerField(default=1)
    screened_revision = models.PositiveIntegerField(default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["article", "parent", "-created_at", "-id"],
                name="comment_thread_newest",
            ),
            models.Index(
                fields=["article", "parent", "-reaction_count", "-id"],
                name="comment_thread_top",
            ),
            models.Index(fields=["author", "-created_at", "-id"], name="comment_author_recent"),
            models.Index(fields=["status", "created_at"], name="comment_status_created"),
            models.Index(
                fields=["created_at"],
                name="comment_unscreened",
                condition=Q(screened_revision__lt=models.F("revision")),
            ),
            # "Does this reader have held or rejected comments here?" runs on every
            # signed-in page view; only those few rows are indexed.
            models.Index(
                fields=["article", "author"],
                name="comment_held_by_author",
                condition=Q(status__in=["pending", "rejected"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["published", "pending", "rejected", "deleted"]),
                name="comment_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.article_id}"

    @staticmethod
    def compute_is_public(status: str, reply_count: int) -> bool:
        return status == Comment.Status.PUBLISHED or (
            status == Comment.Status.DELETED and reply_count > 0
        )


class Reaction(models.Model):
    comment = models.ForeignKey(  # indexed by reaction_once_per_user
        Comment, on_delete=models.CASCADE, related_name="reactions", db_index=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="reaction_once_per_user"),
        ]

    def __str__(self) -> str:
        return f"Reaction by {self.user_id} on {self.comment_id}"


class Report(models.Model):
    """A reader's report that a comment breaks the policy."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        UPHELD = "upheld", "Upheld"
        DISMISSED = "dismissed", "Dismissed"

    comment = models.ForeignKey(  # indexed by report_comment_status
        Comment, on_delete=models.CASCADE, related_name="reports", db_index=False
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(max_length=40)
    note = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="report_once_per_reader"),
        ]
        indexes = [models.Index(fields=["comment", "status"], name="report_comment_status")]

    def __str__(self) -> str:
        return f"Report ({self.reason}) by {self.reporter_id} on {self.comment_id}"


class DataExport(models.Model):
    """A reader's copy of their data, built by a Celery task and kept for a few days.

    Requested with ``POST /api/v1/me/exports/``, downloaded by its owner only
    (``.../download/``), deleted when it expires or the account is deleted.
    ``content`` is the same JSON as ``GET /api/v1/me/export/``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(  # indexed by export_user_recent
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_exports",
        db_index=False,
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    content = models.TextField(blank=True)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["user", "-requested_at"], name="export_user_recent"),
            models.Index(fields=["status", "requested_at"], name="export_status"),
        ]

    def __str__(self) -> str:
        return f"export {self.pk} of user {self.user_id} ({self.status})"
