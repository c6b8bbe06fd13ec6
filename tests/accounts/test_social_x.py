"""X through ``twitter_oauth2`` (OAuth 2.0 with PKCE): the browser redirect flow."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialToken

from accounts.models import User

from . import fake_providers as fp
from .conftest import me, query, session_status, start_redirect

pytestmark = pytest.mark.django_db


def x_login(browser, fake, *, uid="2244994945", name="Kim Minji", process="login"):
    fake.on("POST", fp.X_TOKEN_URL, fp.x_token())
    fake.on("GET", fp.X_ME_URL, fp.x_me(uid=uid, name=name))
    location = start_redirect(browser, "twitter_oauth2", process=process)
    assert location.startswith("https://x.com/i/oauth2/authorize")
    params = query(location)
    assert params["code_challenge_method"] == "S256"
    return browser.get(
        "/accounts/twitter_oauth2/login/callback/",
        {"code": "x-auth-code", "state": params["state"]},
    )


def test_new_reader_signs_up_without_email_and_gets_generated_username(providers, fake, browser):
    done = x_login(browser, fake)
    assert done.status_code == 302 and done["Location"] == "/done"
    status = session_status(browser)
    assert status["meta"]["is_authenticated"] is True

    user = User.objects.get()
    assert user.email == "" and not EmailAddress.objects.filter(user=user).exists()
    assert user.username.startswith("r") and len(user.username) == 17
    assert "minji" not in user.username.lower()  # the X handle is not our username
    assert not user.has_usable_password()
    body = me(browser)
    assert body["display_name"] == "Kim Minji"
    assert body["avatar_url"] == "https://pbs.twimg.com/profile_images/2244994945/a_normal.jpg"
    assert body["social_accounts"] == [
        {"provider": "twitter_oauth2", "uid": "2244994945", "display": "minji_k"}
    ]
    assert body["sanction"] is None and body["roles"] == ["reader"]
    assert "username" not in body

    # The token exchange used PKCE and the app's credentials (basic auth).
    token_call = fake.called(fp.X_TOKEN_URL)[0]
    assert token_call.data["code"] == "x-auth-code"
    assert len(token_call.data["code_verifier"]) >= 43
    assert SocialToken.objects.get(account__user=user).token == "x-access-token"


def test_returning_reader_gets_the_same_account_and_a_fresh_name(providers, fake, browser):
    x_login(browser, fake, name="Kim Minji")
    browser.delete("/_allauth/browser/v1/auth/session")
    assert session_status(browser)["meta"]["is_authenticated"] is False

    x_login(browser, fake, name="Minji (Seoul)")
    assert User.objects.count() == 1
    assert SocialAccount.objects.count() == 1
    assert me(browser)["display_name"] == "Minji (Seoul)"


def test_reader_cancels_at_x(providers, fake, browser):
    location = start_redirect(browser, "twitter_oauth2")
    state = query(location)["state"]
    done = browser.get(
        "/accounts/twitter_oauth2/login/callback/",
        {"error": "access_denied", "state": state},
    )
    assert done.status_code == 302
    assert query(done["Location"]) == {"error": "cancelled", "error_process": "login"}
    assert done["Location"].startswith("/done?")
    assert not User.objects.exists()
    assert fake.calls == []


def test_x_token_endpoint_error_is_reported_not_a_500(providers, fake, browser):
    fake.on(
        "POST",
        fp.X_TOKEN_URL,
        fp.response(
            400,
            {
                "error": "invalid_request",
                "error_description": "Value passed for the token was invalid.",
            },
        ),
    )
    location = start_redirect(browser, "twitter_oauth2")
    done = browser.get(
        "/accounts/twitter_oauth2/login/callback/",
        {"code": "bad", "state": query(location)["state"]},
    )
    assert done.status_code == 302
    assert query(done["Location"])["error"] == "unknown"
    assert not User.objects.exists()
    assert session_status(browser)["meta"]["is_authenticated"] is False


def test_state_mismatch_is_refused(providers, fake, browser):
    fake.on("POST", fp.X_TOKEN_URL, fp.x_token())
    fake.on("GET", fp.X_ME_URL, fp.x_me())
    start_redirect(browser, "twitter_oauth2")
    # An attacker's callback URL (their own code and state) opened in the victim's browser.
    done = browser.get(
        "/accounts/twitter_oauth2/login/callback/",
        {"code": "attacker-code", "state": "attacker-state"},
    )
    assert not User.objects.exists()
    assert fake.called(fp.X_TOKEN_URL) == []  # the code is never even exchanged
    assert done.status_code == 401  # allauth's "login failure" page, no redirect
    assert session_status(browser)["meta"]["is_authenticated"] is False


def test_state_from_another_browser_is_refused(providers, fake):
    from django.test import Client

    victim, attacker = Client(), Client()
    location = start_redirect(attacker, "twitter_oauth2")
    fake.on("POST", fp.X_TOKEN_URL, fp.x_token())
    fake.on("GET", fp.X_ME_URL, fp.x_me())
    victim.get(
        "/accounts/twitter_oauth2/login/callback/",
        {"code": "attacker-code", "state": query(location)["state"]},
    )
    assert not User.objects.exists()
    assert fake.called(fp.X_TOKEN_URL) == []


def test_server_rendered_site_uses_allauths_own_pages(providers, fake, browser):
    fake.on("POST", fp.X_TOKEN_URL, fp.x_token())
    fake.on("GET", fp.X_ME_URL, fp.x_me())
    start = browser.post("/accounts/twitter_oauth2/login/?next=/news/summit")
    assert start.status_code == 302 and start["Location"].startswith("https://x.com/i/oauth2/")
    done = browser.get(
        "/accounts/twitter_oauth2/login/callback/",
        {"code": "x-auth-code", "state": query(start["Location"])["state"]},
    )
    assert done.status_code == 302 and done["Location"] == "/news/summit"
    assert me(browser)["display_name"] == "Kim Minji"
