"""X for publishers with OAuth 1.0a keys: the legacy ``twitter`` provider."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount, SocialToken

from accounts.models import User

from . import fake_providers as fp
from .conftest import me, query, session_status, start_redirect

pytestmark = pytest.mark.django_db


def twitter_login(browser, fake, *, uid="783214", name="Park Jisoo"):
    fake.on("POST", fp.TW_REQUEST_TOKEN_URL, fp.tw_request_token())
    fake.on("POST", fp.TW_ACCESS_TOKEN_URL, fp.tw_access_token(uid))
    fake.on("GET", fp.TW_VERIFY_URL, fp.tw_verify(uid, name))
    location = start_redirect(browser, "twitter")
    assert location.startswith("https://api.x.com/oauth/authenticate")
    assert query(location)["oauth_token"] == "tw-request-token"
    return browser.get(
        "/accounts/twitter/login/callback/",
        {"oauth_token": "tw-request-token", "oauth_verifier": "tw-verifier"},
    )


def test_new_reader_via_oauth1(providers, fake, browser):
    done = twitter_login(browser, fake)
    assert done.status_code == 302 and done["Location"] == "/done"
    assert session_status(browser)["meta"]["is_authenticated"] is True
    body = me(browser)
    assert body["display_name"] == "Park Jisoo"
    # The https avatar, full size (never the http one).
    assert body["avatar_url"] == "https://pbs.twimg.com/profile_images/783214/b.png"
    assert body["social_accounts"] == [
        {"provider": "twitter", "uid": "783214", "display": "parley_reader"}
    ]
    user = User.objects.get()
    assert user.username != "parley_reader" and user.email == ""
    token = SocialToken.objects.get(account__user=user)
    assert token.token == "783214-tw-access-token" and token.token_secret == "tw-access-secret"


def test_returning_reader_via_oauth1(providers, fake, browser):
    twitter_login(browser, fake, name="Park Jisoo")
    browser.delete("/_allauth/browser/v1/auth/session")
    twitter_login(browser, fake, name="Jisoo P.")
    assert User.objects.count() == 1 and SocialAccount.objects.count() == 1
    assert me(browser)["display_name"] == "Jisoo P."


def test_reader_denies_at_twitter(providers, fake, browser):
    fake.on("POST", fp.TW_REQUEST_TOKEN_URL, fp.tw_request_token())
    # Twitter refuses to trade a denied request token.
    fake.on("POST", fp.TW_ACCESS_TOKEN_URL, fp.response(401, text="Invalid request token."))
    start_redirect(browser, "twitter")
    done = browser.get("/accounts/twitter/login/callback/", {"denied": "tw-request-token"})
    assert done.status_code == 302
    assert done["Location"].startswith("/done?")  # back to the front end, not an HTML page
    assert query(done["Location"]) == {"error": "cancelled", "error_process": "login"}
    assert not User.objects.exists()


def test_request_token_failure_is_an_error_not_a_500(providers, fake, browser):
    fake.on("POST", fp.TW_REQUEST_TOKEN_URL, fp.response(401, {"errors": [{"code": 32}]}))
    response = browser.post(
        "/_allauth/browser/v1/auth/provider/redirect",
        {"provider": "twitter", "callback_url": "/done", "process": "login"},
    )
    assert response.status_code == 302
    assert query(response["Location"]) == {"error": "unknown", "error_process": "login"}
    assert not User.objects.exists()
