"""Plain-dict output for comments: the public JSON contract in one place.

Built by hand rather than with DRF serializers because thread pages are the
hottest path; ``comments.serializers`` describes the same shape for the
OpenAPI schema and a test keeps the two in step.
"""

from __future__ import annotations

from typing import Any

from config.api.formats import iso as _iso

from .models import Comment


def author_dict(user: Any) -> dict[str, Any] | None:
    if user is None:
        return None
    if user.deleted_at is not None:
        return {"id": None, "display_name": "Deleted user", "avatar_url": ""}
    return {"id": user.pk, "display_name": user.public_name, "avatar_url": user.avatar_url}


def comment_dict(comment: Comment) -> dict[str, Any]:
    deleted = comment.status == Comment.Status.DELETED
    return {
        "id": comment.pk,
        "article": comment.article.key,
        "parent": comment.parent_id,
        "author": None if deleted else author_dict(comment.author),
        "body": "" if deleted else comment.body,
        "status": comment.status,
        "created_at": _iso(comment.created_at),
        "edited_at": _iso(comment.edited_at),
        "reaction_count": comment.reaction_count,
        "reply_count": comment.reply_count,
    }
