"""DELETE /api/v1/me/: personal data gone (checked in the database), threads intact."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialToken
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from comments import exports, services
from comments.models import Article, Comment, DataExport, Reaction, Report

from .conftest import me
from .test_social_facebook import fb_browser_login
from .test_social_x import x_login

pytestmark = pytest.mark.django_db


def all_text_in_database() -> str:
    """Every row of every table, as text: what a leak would look like."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_delete_account_leaves_no_personal_data(providers, fake, make_user, article):
    browser = Client()
    x_login(browser, fake, name="Kim Minji")
    fb_browser_login(browser, fake, process="connect", name="Minji Kim FB")
    user = User.objects.get(pk=me(browser)["id"])
    EmailAddress.objects.create(user=user, email="minji@example.kr", verified=True)
    User.objects.filter(pk=user.pk).update(email="minji@example.kr")
    other = make_user("other", display_name="Other Reader")

    top = services.comment_create(author=user, article=article, body="Minji's secret opinion")
    reply_by_other = services.comment_create(
        author=other, article=article, body="A reply by someone else", parent_id=top.pk
    )
    own_reply = services.comment_create(
        author=user, article=article, body="Minji replies again", parent_id=top.pk
    )
    theirs = services.comment_create(author=other, article=article, body="Other's comment")
    services.reaction_set(user=user, comment_id=theirs.pk)
    services.reaction_set(user=other, comment_id=top.pk)
    services.report_create(reporter=user, comment_id=theirs.pk, reason="spam", note="Minji notes")
    exports.export_request(user=user)
    exports.export_build(export_id=DataExport.objects.get(user=user).pk)  # holds the bodies
    assert "Minji's secret opinion" in DataExport.objects.get(user=user).content
    assert Session.objects.count() >= 1
    old_username = User.objects.get(pk=user.pk).username

    response = browser.delete("/api/v1/me/")
    assert response.status_code == 204

    user.refresh_from_db()
    assert user.deleted_at is not None and not user.is_active
    assert not user.has_usable_password()
    assert user.username != old_username and user.username.startswith("deleted-")
    assert (user.display_name, user.avatar_url, user.email) == ("", "", "")
    assert (user.first_name, user.last_name) == ("", "")
    assert not SocialAccount.objects.filter(user=user).exists()
    assert not SocialToken.objects.exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not UserSession.objects.filter(user=user).exists()
    assert not Reaction.objects.filter(user=user).exists()
    assert not Report.objects.filter(reporter=user).exists()
    assert not DataExport.objects.filter(user=user).exists()

    # The thread: bodies wiped, the author shown as a deleted user, others' replies stay.
    top.refresh_from_db()
    assert top.body == "" and top.status == Comment.Status.DELETED
    assert top.is_public  # it still holds a visible reply
    assert Comment.objects.get(pk=own_reply.pk).body == ""
    assert Comment.objects.get(pk=reply_by_other.pk).body == "A reply by someone else"
    assert Comment.objects.get(pk=theirs.pk).reaction_count == 0
    article.refresh_from_db()
    assert article.comment_count == 2  # the other reader's two comments

    thread = Client().get(f"/api/v1/articles/{article.key}/comments/?sort=oldest").json()
    wiped = next(c for c in thread["results"] if c["id"] == top.pk)
    assert wiped["body"] == "" and wiped["author"] is None
    assert wiped["replies"][0]["body"] == "A reply by someone else"
    detail = Client().get(f"/api/v1/comments/{own_reply.pk}/")
    assert detail.status_code == 404

    # Nothing the reader or the providers said about them is left anywhere.
    dump = all_text_in_database()
    for personal in (
        "Kim Minji",
        "Minji Kim FB",
        "minji_k",
        "minji@example.kr",
        "2244994945",
        "10158",
        "x-access-token",
        "fb-user-token",
        "Minji's secret opinion",
        "Minji replies again",
        "Minji notes",
        "pbs.twimg.com",
        old_username,
    ):
        assert personal not in dump, personal

    # The session is over, and the same X account signs up afresh.
    assert browser.get("/api/v1/me/").status_code == 401
    x_login(browser, fake)
    assert me(browser)["id"] != user.pk
    assert Article.objects.count() == 1


def test_delete_ends_app_sessions_too(reader):
    app = APIClient()
    token = app.post(
        "/_allauth/app/v1/auth/login",
        {"username": "reader", "password": "pw-for-tests"},
        format="json",
    ).json()["meta"]["session_token"]
    app.credentials(HTTP_X_SESSION_TOKEN=token)
    other = APIClient()
    other_token = other.post(
        "/_allauth/app/v1/auth/login",
        {"username": "reader", "password": "pw-for-tests"},
        format="json",
    ).json()["meta"]["session_token"]
    assert app.delete("/api/v1/me/").status_code == 204
    other.credentials(HTTP_X_SESSION_TOKEN=other_token)
    assert other.get("/api/v1/me/").status_code == 401
    assert not Session.objects.filter(session_key__in=[token, other_token]).exists()
    login = APIClient().post(
        "/_allauth/app/v1/auth/login",
        {"username": "reader", "password": "pw-for-tests"},
        format="json",
    )
    assert login.status_code == 400


def test_delete_is_idempotent_in_the_service(reader):
    services.account_delete(user=reader)
    first = User.objects.get(pk=reader.pk).username
    services.account_delete(user=reader)
    assert User.objects.get(pk=reader.pk).username == first
