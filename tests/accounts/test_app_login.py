"""Mobile X sign-in: browser redirect flow -> app callback with a one-time code -> session token."""

from __future__ import annotations

import secrets

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from accounts.app_login import CACHE_PREFIX, challenge_for
from accounts.models import User

from . import fake_providers as fp
from .conftest import APP_CALLBACK, me, query

pytestmark = pytest.mark.django_db

REDIRECT = "/api/v1/auth/app/redirect"
EXCHANGE = "/api/v1/auth/app/exchange"


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    return verifier, challenge_for(verifier)


def app_browser_flow(fake, *, provider="twitter_oauth2", challenge=None, error=None):
    """What the system browser does; returns (verifier, the final redirect to the app)."""
    verifier, default_challenge = pkce()
    fake.on("POST", fp.X_TOKEN_URL, fp.x_token())
    fake.on("GET", fp.X_ME_URL, fp.x_me())
    browser = Client()
    start = browser.get(
        REDIRECT,
        {
            "provider": provider,
            "callback_url": APP_CALLBACK,
            "code_challenge": challenge or default_challenge,
        },
    )
    assert start.status_code == 302, start.content
    assert start["Location"].startswith("https://x.com/i/oauth2/authorize")
    state = query(start["Location"])["state"]
    params = {"error": error, "state": state} if error else {"code": "x-code", "state": state}
    back = browser.get("/accounts/twitter_oauth2/login/callback/", params)
    assert back.status_code == 302 and back["Location"].startswith("/api/v1/auth/app/finish")
    final = browser.get(back["Location"])
    assert final.status_code == 302
    return browser, verifier, final["Location"]


def test_app_signs_in_with_x_through_a_one_time_code(providers, fake, article):
    browser, verifier, location = app_browser_flow(fake)
    assert location.startswith(APP_CALLBACK + "?code=")
    code = query(location)["code"]
    # The browser that carried the flow is signed out again.
    assert browser.get("/api/v1/me/").status_code == 401

    app = APIClient()
    response = app.post(EXCHANGE, {"code": code, "code_verifier": verifier}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["me"]["display_name"] == "Kim Minji"
    app.credentials(HTTP_X_SESSION_TOKEN=body["session_token"])
    assert me(app)["id"] == User.objects.get().pk
    assert (
        app.post(
            "/api/v1/articles/summit/comments/", {"body": "From the X app"}, format="json"
        ).status_code
        == 201
    )
    # The app session is an ordinary allauth app session.
    sessions = app.get("/_allauth/app/v1/auth/sessions").json()["data"]
    assert len(sessions) == 1 and sessions[0]["is_current"] is True

    # Single use.
    again = APIClient().post(EXCHANGE, {"code": code, "code_verifier": verifier}, format="json")
    assert again.status_code == 400 and again.json()["error"]["code"] == "invalid_code"


def test_code_lives_in_the_shared_cache_hashed(providers, fake):
    _, _, location = app_browser_flow(fake)
    code = query(location)["code"]
    import hashlib

    assert cache.get(CACHE_PREFIX + hashlib.sha256(code.encode()).hexdigest()) is not None
    assert cache.get(CACHE_PREFIX + code) is None


def test_wrong_verifier_burns_the_code(providers, fake):
    _, verifier, location = app_browser_flow(fake)
    code = query(location)["code"]
    wrong, _ = pkce()
    refused = APIClient().post(EXCHANGE, {"code": code, "code_verifier": wrong}, format="json")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid_code"
    late = APIClient().post(EXCHANGE, {"code": code, "code_verifier": verifier}, format="json")
    assert late.status_code == 400


def test_expired_code_is_refused(providers, fake, settings):
    _, verifier, location = app_browser_flow(fake)
    code = query(location)["code"]
    # Expiry is the cache's TTL; an evicted/expired entry is exactly a missing key.
    import hashlib

    cache.delete(CACHE_PREFIX + hashlib.sha256(code.encode()).hexdigest())
    refused = APIClient().post(EXCHANGE, {"code": code, "code_verifier": verifier}, format="json")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid_code"


def test_code_ttl_comes_from_settings(providers, fake, settings, monkeypatch):
    settings.PARLEY_APP_LOGIN_CODE_TTL = 17
    seen = {}
    original = cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith(CACHE_PREFIX):
            seen["timeout"] = timeout
        return original(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    app_browser_flow(fake)
    assert seen["timeout"] == 17


def test_reader_cancels_at_x_and_the_app_hears_it(providers, fake):
    _, _, location = app_browser_flow(fake, error="access_denied")
    assert location == APP_CALLBACK + "?error=cancelled"
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"callback_url": "https://evil.example/steal"}, "invalid_callback_url"),
        ({"callback_url": APP_CALLBACK + "/other"}, "invalid_callback_url"),
        ({"code_challenge": "too-short"}, "invalid_code_challenge"),
        ({"provider": "github"}, "unknown_provider"),
    ],
)
def test_bad_start_requests_are_refused(providers, fake, params, code):
    _, challenge = pkce()
    query_params = {"callback_url": APP_CALLBACK, "code_challenge": challenge, **params}
    response = Client().get(REDIRECT, query_params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert fake.calls == []


def test_finish_without_a_started_flow_issues_nothing(providers, reader, monkeypatch):
    written = []
    original = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *a, **kw: (written.append(key), original(key, *a, **kw))[1]
    )
    browser = Client()
    browser.force_login(reader)
    response = browser.get("/api/v1/auth/app/finish")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "app_login_not_started"
    assert not [key for key in written if key.startswith(CACHE_PREFIX)]


def test_exchange_input_is_validated(providers):
    client = APIClient()
    missing = client.post(EXCHANGE, {"code": "x"}, format="json")
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "validation_error"
    unknown = client.post(EXCHANGE, {"code": "nope", "code_verifier": "v" * 43}, format="json")
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == "invalid_code"


def test_deleted_reader_cannot_redeem_a_code(providers, fake):
    from comments.services import account_delete

    _, verifier, location = app_browser_flow(fake)
    account_delete(user=User.objects.get())
    refused = APIClient().post(
        EXCHANGE, {"code": query(location)["code"], "code_verifier": verifier}, format="json"
    )
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "invalid_code"


def test_legacy_oauth1_x_works_the_same_way(providers, fake):
    verifier, challenge = pkce()
    fake.on("POST", fp.TW_REQUEST_TOKEN_URL, fp.tw_request_token())
    fake.on("POST", fp.TW_ACCESS_TOKEN_URL, fp.tw_access_token())
    fake.on("GET", fp.TW_VERIFY_URL, fp.tw_verify())
    browser = Client()
    start = browser.get(
        REDIRECT, {"provider": "twitter", "callback_url": APP_CALLBACK, "code_challenge": challenge}
    )
    assert start["Location"].startswith("https://api.x.com/oauth/authenticate")
    back = browser.get(
        "/accounts/twitter/login/callback/",
        {"oauth_token": "tw-request-token", "oauth_verifier": "v"},
    )
    final = browser.get(back["Location"])
    code = query(final["Location"])["code"]
    response = APIClient().post(EXCHANGE, {"code": code, "code_verifier": verifier}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["me"]["display_name"] == "Park Jisoo"
