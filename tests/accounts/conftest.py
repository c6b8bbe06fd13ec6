"""Social sign-in fixtures: configured providers, faked provider endpoints, flow helpers."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from config.social import providers_from_env

from .fake_providers import FakeProviders

CREDENTIALS = {
    "PARLEY_X_CLIENT_ID": "x-client-id",
    "PARLEY_X_CLIENT_SECRET": "x-client-secret",
    "PARLEY_TWITTER_CONSUMER_KEY": "tw-consumer-key",
    "PARLEY_TWITTER_CONSUMER_SECRET": "tw-consumer-secret",
    "PARLEY_FACEBOOK_APP_ID": "1234567890",
    "PARLEY_FACEBOOK_APP_SECRET": "fb-app-secret",
}
FB_APP_ID = CREDENTIALS["PARLEY_FACEBOOK_APP_ID"]
FB_SECRET = CREDENTIALS["PARLEY_FACEBOOK_APP_SECRET"]
APP_CALLBACK = "kr.example.daily://parley/auth"


@pytest.fixture
def providers(settings):
    """All three providers configured, as from the environment."""
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_env(CREDENTIALS)
    settings.PARLEY_APP_CALLBACK_URLS = [APP_CALLBACK]
    return settings.SOCIALACCOUNT_PROVIDERS


@pytest.fixture
def fake():
    with FakeProviders() as providers_http:
        yield providers_http


@pytest.fixture
def browser():
    return Client()


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def start_redirect(client, provider: str, *, process: str = "login", callback_url="/done"):
    """The SPA's form post to allauth's headless redirect endpoint; returns the provider URL."""
    response = client.post(
        "/_allauth/browser/v1/auth/provider/redirect",
        {"provider": provider, "callback_url": callback_url, "process": process},
    )
    assert response.status_code == 302, response.content
    return response["Location"]


def session_status(client) -> dict:
    return client.get("/_allauth/browser/v1/auth/session").json()


def me(client) -> dict:
    response = client.get("/api/v1/me/")
    assert response.status_code == 200, response.content
    return response.json()
