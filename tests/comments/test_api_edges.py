"""Edges of the comments API: states a reader can run into, and their codes."""

from __future__ import annotations

import pytest

from comments import services
from comments.models import Comment

pytestmark = pytest.mark.django_db


def err(response):
    return response.json()["error"]["code"]


@pytest.fixture
def set_status(django_capture_on_commit_callbacks):
    def apply(comment, status):
        with django_capture_on_commit_callbacks(execute=True):
            services.comment_set_status(comment=comment, status=status)

    return apply


def test_rejected_comment_cannot_be_edited(client_for, reader, article, make_comment, set_status):
    comment = make_comment(reader, article)
    set_status(comment, "rejected")
    response = client_for(reader).patch(
        f"/api/v1/comments/{comment.pk}/", {"body": "sneaky rewrite"}, format="json"
    )
    assert response.status_code == 403
    assert err(response) == "not_editable"


def test_cannot_react_to_own_comment(client_for, reader, article, make_comment):
    comment = make_comment(reader, article)
    response = client_for(reader).put(f"/api/v1/comments/{comment.pk}/reaction/")
    assert response.status_code == 400
    assert err(response) == "cannot_react_own"


def test_pending_comment_is_invisible_to_others(
    api, client_for, reader, reader2, article, make_comment, set_status
):
    comment = make_comment(reader, article)
    set_status(comment, "pending")
    url = f"/api/v1/comments/{comment.pk}/"
    assert err(api.get(url)) == "comment_not_found"
    assert err(client_for(reader2).get(url)) == "comment_not_found"
    assert err(client_for(reader2).put(url + "reaction/")) == "comment_not_found"
    assert err(client_for(reader2).patch(url, {"body": "x"}, format="json")) == (
        "comment_not_found"
    )
    own = client_for(reader).get(url)
    assert own.status_code == 200 and own.json()["status"] == "pending"


def test_counters_follow_status_changes(api, reader, reader2, article, make_comment, set_status):
    top = make_comment(reader, article)
    reply = make_comment(reader2, article, "reply", parent=top)
    article.refresh_from_db()
    top.refresh_from_db()
    assert (article.comment_count, top.reply_count) == (2, 1)
    set_status(reply, "pending")
    article.refresh_from_db()
    top.refresh_from_db()
    assert (article.comment_count, top.reply_count) == (1, 0)
    set_status(reply, "published")
    article.refresh_from_db()
    top.refresh_from_db()
    assert (article.comment_count, top.reply_count) == (2, 1)


def test_placeholder_disappears_when_its_last_reply_is_hidden(
    api, client_for, reader, reader2, article, make_comment, set_status
):
    top = make_comment(reader, article)
    reply = make_comment(reader2, article, "reply", parent=top)
    client_for(reader).delete(f"/api/v1/comments/{top.pk}/")
    assert [c["id"] for c in api.get("/api/v1/articles/summit/comments/").json()["results"]] == [
        top.pk
    ]
    set_status(reply, "rejected")
    assert api.get("/api/v1/articles/summit/comments/").json()["results"] == []
    assert Comment.objects.get(pk=top.pk).is_public is False


def test_signed_in_reader_sees_a_deleted_comment_that_holds_replies(
    client_for, reader, reader2, article, make_comment
):
    top = make_comment(reader, article)
    reply = make_comment(reader2, article, "reply", parent=top)
    client_for(reader).delete(f"/api/v1/comments/{top.pk}/")
    for viewer in (reader, reader2):
        response = client_for(viewer).get("/api/v1/articles/summit/comments/")
        assert response.status_code == 200
        [placeholder] = response.json()["results"]
        assert (placeholder["author"], placeholder["body"]) == (None, "")
        assert placeholder["viewer"]["is_author"] is False
        assert [r["id"] for r in placeholder["replies"]] == [reply.pk]
        assert placeholder["replies"][0]["viewer"]["is_author"] is (viewer == reader2)


def test_anonymous_page_cache_sees_new_comments(api, reader, article, make_comment):
    url = "/api/v1/articles/summit/comments/"
    assert api.get(url).json()["results"] == []
    comment = make_comment(reader, article)
    assert [c["id"] for c in api.get(url).json()["results"]] == [comment.pk]


def test_edit_of_identical_text_is_a_no_op(client_for, reader, article, make_comment):
    comment = make_comment(reader, article, "same")
    response = client_for(reader).patch(
        f"/api/v1/comments/{comment.pk}/", {"body": " same "}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["edited_at"] is None
