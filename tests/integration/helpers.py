"""Small helpers shared by the integration tests."""

from __future__ import annotations

from comments.models import Comment


def post(client, article, body: str) -> int:
    """Post a comment through the public API; the id of the new comment."""
    response = client.post(
        f"/api/v1/articles/{article.key}/comments/", {"body": body}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()["id"]


def screened(comment_id: int, revision: int = 1):
    """A predicate for wait_for: the worker has screened ``revision`` of the comment."""
    return lambda: Comment.objects.filter(pk=comment_id, screened_revision__gte=revision).exists()
