"""The reader's account: /api/v1/me/, /me/comments/, /me/export/, sessions and logout."""

from __future__ import annotations

import json

import pytest
from allauth.socialaccount.models import SocialToken
from rest_framework.test import APIClient

from comments.models import Comment

from . import policy_adapter
from .conftest import me
from .test_social_facebook import fb_browser_login
from .test_social_x import x_login

pytestmark = pytest.mark.django_db

ADAPTER = "tests.accounts.policy_adapter.PolicyTestAdapter"


@pytest.fixture
def policy(settings):
    settings.PARLEY_COMMENTS_ADAPTER = ADAPTER
    policy_adapter.SANCTIONS.clear()
    policy_adapter.DECISIONS.clear()
    yield policy_adapter
    policy_adapter.SANCTIONS.clear()
    policy_adapter.DECISIONS.clear()


def test_me_requires_sign_in(api):
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    for method in ("patch", "delete"):
        assert getattr(api, method)("/api/v1/me/").status_code == 401
    assert api.get("/api/v1/me/comments/").status_code == 401
    assert api.get("/api/v1/me/export/").status_code == 401


def test_patch_display_name(client_for, reader):
    client = client_for(reader)
    response = client.patch("/api/v1/me/", {"display_name": "  Reader  One "}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["display_name"] == "Reader One"
    reader.refresh_from_db()
    assert reader.display_name == "Reader One" and reader.display_name_chosen


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("A", "too_short"),
        ("   ", "too_short"),
        ("x" * 41, "too_long"),
        ("Two\nlines", "invalid_characters"),
        ("Bell\x07", "invalid_characters"),
        (42, "validation_error"),
    ],
)
def test_patch_display_name_refused(client_for, reader, name, code):
    response = client_for(reader).patch("/api/v1/me/", {"display_name": name}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    reader.refresh_from_db()
    assert reader.display_name == "Reader One"


def test_patch_unknown_field_refused(client_for, reader):
    response = client_for(reader).patch("/api/v1/me/", {"username": "admin"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"


def test_display_name_checked_against_the_policy(policy, client_for, reader):
    response = client_for(reader).patch("/api/v1/me/", {"display_name": "Badword"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "banned_term"


def test_chosen_name_survives_login_but_avatar_refreshes(providers, fake, browser):
    x_login(browser, fake, name="Kim Minji")
    patched = browser.patch(
        "/api/v1/me/",
        {"display_name": "Minji from Mapo"},
        content_type="application/json",
    )
    assert patched.status_code == 200, patched.content
    browser.delete("/_allauth/browser/v1/auth/session")
    x_login(browser, fake, name="Kim Minji (X)")
    body = me(browser)
    assert body["display_name"] == "Minji from Mapo"
    assert body["display_name_chosen"] is True


def test_provider_name_that_breaks_the_policy_is_not_shown(policy, providers, fake, browser):
    x_login(browser, fake, name="badword king")
    body = me(browser)
    assert body["display_name"] == f"Reader {body['id']}"


def test_my_comments_with_status_and_decision(policy, client_for, reader, reader2, article):
    from comments import services

    published = services.comment_create(author=reader, article=article, body="First")
    held = services.comment_create(author=reader, article=article, body="Second")
    Comment.objects.filter(pk=held.pk).update(status="pending", is_public=False)
    services.comment_create(author=reader2, article=article, body="Not mine")
    policy.DECISIONS[held.pk] = {"outcome": "held", "reason": "insult", "author_id": reader.pk}

    page = client_for(reader).get("/api/v1/me/comments/?page_size=1").json()
    assert [c["id"] for c in page["results"]] == [held.pk]
    item = page["results"][0]
    assert item["status"] == "pending" and item["body"] == "Second"
    assert item["decision"] == {"outcome": "held", "reason": "insult", "author_id": reader.pk}
    page2 = client_for(reader).get(f"/api/v1/me/comments/?page_size=1&cursor={page['next']}")
    second = page2.json()["results"]
    assert [c["id"] for c in second] == [published.pk]
    assert "decision" not in second[0]
    bad = client_for(reader).get("/api/v1/me/comments/?cursor=garbage")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_cursor"


def test_export_has_everything_and_no_secrets(policy, providers, fake, browser, make_user, article):
    from comments import services

    x_login(browser, fake)
    fb_browser_login(browser, fake, process="connect")
    user_id = me(browser)["id"]
    from accounts.models import User

    user = User.objects.get(pk=user_id)
    other = make_user("other", display_name="Other")
    mine = services.comment_create(author=user, article=article, body="My words")
    theirs = services.comment_create(author=other, article=article, body="Their words")
    services.reaction_set(user=user, comment_id=theirs.pk)
    services.report_create(reporter=user, comment_id=theirs.pk, reason="spam", note="ads")
    policy.DECISIONS[mine.pk] = {"outcome": "approved", "author_id": user.pk}

    response = browser.get("/api/v1/me/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "no-store"
    raw = response.content.decode()
    data = json.loads(raw)
    assert data["profile"]["id"] == user_id
    assert {a["provider"] for a in data["social_accounts"]} == {"twitter_oauth2", "facebook"}
    assert [c["body"] for c in data["comments"]] == ["My words"]
    assert data["reactions"] == [
        {"comment": theirs.pk, "created_at": data["reactions"][0]["created_at"]}
    ]
    assert data["reports"][0]["reason"] == "spam" and data["reports"][0]["note"] == "ads"
    assert data["moderation"] == {
        "decisions": [{"comment": mine.pk, "outcome": "approved", "author_id": user.pk}]
    }
    assert "Their words" not in raw

    tokens = list(SocialToken.objects.filter(account__user=user))
    assert len(tokens) == 2
    secrets = [t.token for t in tokens] + [t.token_secret for t in tokens if t.token_secret]
    secrets += ["x-client-secret", "fb-app-secret", "x-refresh-token-secret", user.password]
    for secret in secrets:
        assert secret not in raw


# --- sanctions: sign-in and reading work, posting is refused -------------------------------


@pytest.mark.parametrize("kind", ["banned", "suspended"])
def test_sanctioned_reader_signs_in_reads_but_cannot_post(
    policy, providers, fake, browser, make_user, article, kind
):
    from comments import services

    author = make_user("author", display_name="Author")
    existing = services.comment_create(author=author, article=article, body="Hello")
    x_login(browser, fake)
    reader_id = me(browser)["id"]
    policy.SANCTIONS[reader_id] = kind
    browser.delete("/_allauth/browser/v1/auth/session")

    # Signing in still works.
    done = x_login(browser, fake)
    assert done.status_code == 302 and "error" not in done["Location"]
    body = me(browser)
    assert body["id"] == reader_id and body["sanction"] == {"kind": kind, "reason": "insult"}

    # Reading still works.
    thread = browser.get("/api/v1/articles/summit/comments/")
    assert thread.status_code == 200
    assert [c["id"] for c in thread.json()["results"]] == [existing.pk]
    assert browser.get("/api/v1/me/comments/").status_code == 200

    # Posting, reacting and reporting get a clear 403 with the sanction's code.
    csrf = {"HTTP_X_CSRFTOKEN": browser.cookies["csrftoken"].value}
    for url, payload in (
        ("/api/v1/articles/summit/comments/", {"body": "Let me in"}),
        (f"/api/v1/comments/{existing.pk}/reports/", {"reason": "spam"}),
    ):
        refused = browser.post(url, payload, content_type="application/json", **csrf)
        assert refused.status_code == 403, refused.content
        assert refused.json()["error"]["code"] == kind
    refused = browser.put(f"/api/v1/comments/{existing.pk}/reaction/", **csrf)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == kind
    assert Comment.objects.filter(author_id=reader_id).count() == 0


# --- logout and sessions (allauth's headless endpoints) ------------------------------------


def test_app_sessions_listed_and_ended(providers, fake, reader):
    def app_login():
        client = APIClient()
        response = client.post(
            "/_allauth/app/v1/auth/login",
            {"username": "reader", "password": "pw-for-tests"},
            format="json",
        )
        client.credentials(HTTP_X_SESSION_TOKEN=response.json()["meta"]["session_token"])
        return client

    phone, tablet = app_login(), app_login()
    sessions = phone.get("/_allauth/app/v1/auth/sessions").json()["data"]
    assert len(sessions) == 2
    other = next(s for s in sessions if not s["is_current"])
    ended = phone.delete(
        "/_allauth/app/v1/auth/sessions", {"sessions": [other["id"]]}, format="json"
    )
    assert ended.status_code == 200, ended.content
    assert tablet.get("/api/v1/me/").status_code == 401
    assert phone.get("/api/v1/me/").status_code == 200

    logout = phone.delete("/_allauth/app/v1/auth/session")
    assert logout.status_code == 401  # allauth answers a logout with "not authenticated"
    assert phone.get("/api/v1/me/").status_code == 401
