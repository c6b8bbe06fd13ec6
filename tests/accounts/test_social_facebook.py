"""Facebook: the browser redirect flow and the app token flow (access token or Limited Login)."""

from __future__ import annotations

import json
import time

import jwt
import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from rest_framework.test import APIClient

from accounts.models import User

from . import fake_providers as fp
from .conftest import FB_APP_ID, FB_SECRET, me, query, session_status, start_redirect

pytestmark = pytest.mark.django_db

TOKEN_URL = "/_allauth/app/v1/auth/provider/token"
JWKS_URL = "https://limited.facebook.com/.well-known/oauth/openid/jwks/"


def fb_browser_login(browser, fake, *, uid="10158", name="Lee Seojun", process="login"):
    fake.on("GET", fp.FB_ACCESS_TOKEN_URL, fp.fb_user_token())
    fake.on("GET", fp.FB_ME_URL, fp.fb_me(uid=uid, name=name))
    location = start_redirect(browser, "facebook", process=process)
    assert location.startswith("https://www.facebook.com/v19.0/dialog/oauth")
    assert query(location)["client_id"] == FB_APP_ID
    return browser.get(
        "/accounts/facebook/login/callback/",
        {"code": "fb-code", "state": query(location)["state"]},
    )


def fb_token_routes(fake, *, uid="10158", app_id=FB_APP_ID, expired=False, name="Lee Seojun"):
    fake.on("GET", fp.FB_ACCESS_TOKEN_URL, fp.fb_app_token(FB_APP_ID, FB_SECRET))
    fake.on(
        "GET", fp.FB_DEBUG_TOKEN_URL, fp.fb_debug_token(app_id=app_id, user_id=uid, expired=expired)
    )
    fake.on("GET", fp.FB_ME_URL, fp.fb_me(uid=uid, name=name))


def app_token_login(token: dict, *, client=None):
    client = client or APIClient()
    return client, client.post(
        TOKEN_URL, {"provider": "facebook", "process": "login", "token": token}, format="json"
    )


# --- browser redirect flow ---------------------------------------------------------------


def test_new_reader_via_facebook_browser_flow(providers, fake, browser):
    done = fb_browser_login(browser, fake)
    assert done.status_code == 302 and done["Location"] == "/done"
    body = me(browser)
    assert body["display_name"] == "Lee Seojun"
    assert body["avatar_url"].startswith("https://platform-lookaside.fbsbx.com/")
    assert body["social_accounts"][0]["provider"] == "facebook"
    # The Graph call is made with an appsecret_proof, never the bare secret.
    graph = fake.called(fp.FB_ME_URL)[0]
    assert "appsecret_proof" in graph.params and FB_SECRET not in json.dumps(graph.params)
    # Facebook does not vouch for e-mail addresses: Parley keeps none.
    user = User.objects.get()
    assert user.email == "" and not EmailAddress.objects.exists()


def test_reader_cancels_at_facebook(providers, fake, browser):
    location = start_redirect(browser, "facebook")
    done = browser.get(
        "/accounts/facebook/login/callback/",
        {
            "error": "access_denied",
            "error_code": "200",
            "error_description": "Permissions error",
            "error_reason": "user_denied",
            "state": query(location)["state"],
        },
    )
    assert query(done["Location"]) == {"error": "cancelled", "error_process": "login"}
    assert not User.objects.exists()


def test_facebook_graph_error_is_reported(providers, fake, browser):
    fake.on(
        "GET",
        fp.FB_ACCESS_TOKEN_URL,
        fp.response(
            400,
            {
                "error": {
                    "message": "This authorization code has been used.",
                    "type": "OAuthException",
                    "code": 100,
                }
            },
        ),
    )
    location = start_redirect(browser, "facebook")
    done = browser.get(
        "/accounts/facebook/login/callback/", {"code": "used", "state": query(location)["state"]}
    )
    assert query(done["Location"])["error"] == "unknown"
    assert not User.objects.exists()


# --- app token flow ----------------------------------------------------------------------


def test_app_with_facebook_access_token_gets_a_parley_session(providers, fake, article):
    fb_token_routes(fake)
    client, response = app_token_login({"client_id": FB_APP_ID, "access_token": "fb-user-token"})
    assert response.status_code == 200, response.content
    token = response.json()["meta"]["session_token"]
    client.credentials(HTTP_X_SESSION_TOKEN=token)
    assert me(client)["display_name"] == "Lee Seojun"
    posted = client.post(
        "/api/v1/articles/summit/comments/", {"body": "From the app"}, format="json"
    )
    assert posted.status_code == 201
    debug = fake.called(fp.FB_DEBUG_TOKEN_URL)[0]
    assert debug.params["input_token"] == "fb-user-token"

    # The same Facebook user again: the same Parley account.
    _, again = app_token_login({"client_id": FB_APP_ID, "access_token": "fb-user-token"})
    assert again.status_code == 200
    assert User.objects.count() == 1


def test_token_issued_to_another_facebook_app_is_refused(providers, fake):
    # The token names our client id, but Facebook says it was issued to another app.
    fb_token_routes(fake, app_id="999999999")
    _, response = app_token_login({"client_id": FB_APP_ID, "access_token": "stolen-token"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid_token"
    assert fake.called(fp.FB_ME_URL) == []
    assert not User.objects.exists()


def test_another_apps_client_id_is_refused(providers, fake):
    _, response = app_token_login({"client_id": "999999999", "access_token": "fb-user-token"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid_token"
    assert fake.calls == []
    assert not User.objects.exists()


def test_expired_facebook_token_is_refused(providers, fake):
    fb_token_routes(fake, expired=True)
    _, response = app_token_login({"client_id": FB_APP_ID, "access_token": "expired-token"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid_token"
    assert fake.called(fp.FB_ME_URL) == []
    assert not User.objects.exists()


# --- Limited Login (iOS without tracking consent): an OIDC id token ------------------------


@pytest.fixture
def limited_login_key(fake):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": "fb-test-kid", "alg": "RS256", "use": "sig"})
    fake.on("GET", JWKS_URL, fp.response(200, {"keys": [jwk]}))
    return key


def limited_login_token(key, *, aud=FB_APP_ID, exp_in=3600, sub="10159") -> str:
    now = int(time.time())
    claims = {
        "iss": "https://www.facebook.com",
        "aud": aud,
        "sub": sub,
        "iat": now,
        "exp": now + exp_in,
        "jti": f"jti-{sub}-{aud}-{exp_in}",
        "nonce": "app-nonce",
        "name": "Choi Yuna",
        "given_name": "Yuna",
        "family_name": "Choi",
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "fb-test-kid"})


def test_limited_login_id_token_gets_a_session(providers, limited_login_key):
    id_token = limited_login_token(limited_login_key)
    client, response = app_token_login({"client_id": FB_APP_ID, "id_token": id_token})
    assert response.status_code == 200, response.content
    client.credentials(HTTP_X_SESSION_TOKEN=response.json()["meta"]["session_token"])
    assert me(client)["display_name"] == "Choi Yuna"
    assert SocialAccount.objects.get().uid == "10159"


def test_limited_login_for_another_app_or_expired_is_refused(providers, limited_login_key):
    for id_token in (
        limited_login_token(limited_login_key, aud="999999999"),
        limited_login_token(limited_login_key, exp_in=-60),
    ):
        _, response = app_token_login({"client_id": FB_APP_ID, "id_token": id_token})
        assert response.status_code == 400
        assert response.json()["errors"][0]["code"] == "invalid_token"
    assert not User.objects.exists()


def test_browser_session_status_after_facebook(providers, fake, browser):
    fb_browser_login(browser, fake)
    assert session_status(browser)["data"]["user"]["id"] == User.objects.get().pk
