"""``config.sessions``: the session rides in the thread page's and the post's first cache
round trip, and loads exactly as Django's cached_db engine would otherwise."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from config import sessions

pytestmark = pytest.mark.django_db

THREAD = "/api/v1/articles/summit/comments/"


@pytest.fixture(autouse=True)
def engine(settings):
    settings.SESSION_ENGINE = "config.sessions"


def app_client(username="reader", password="pw-for-tests") -> tuple[APIClient, str]:
    app = APIClient()
    login = app.post(
        "/_allauth/app/v1/auth/login",
        {"username": username, "password": password},
        format="json",
    )
    assert login.status_code == 200, login.content
    token = login.json()["meta"]["session_token"]
    app.credentials(HTTP_X_SESSION_TOKEN=token)
    return app, token


def session_reads(calls, token):
    return [keys for keys in calls if KEY_PREFIX + token in keys]


def test_thread_page_reads_the_session_with_the_article_reference(
    reader, article, make_comment, cache_calls
):
    make_comment(reader, article)
    app, token = app_client()
    app.get(THREAD)  # warm the article reference and the page
    cache_calls.clear()
    page = app.get(THREAD)
    assert page.status_code == 200
    assert page.json()["results"][0]["viewer"]["is_author"] is True
    reads = session_reads(cache_calls, token)
    assert len(reads) == 1 and len(reads[0]) == 2, cache_calls  # one call: reference + session
    assert any(key.startswith("article-ref:") for key in reads[0])


def test_post_reads_the_session_with_the_article_row_and_policy(reader, article, cache_calls):
    from moderation.policy import ACTIVE_CACHE_KEY

    app, token = app_client()
    assert app.post(THREAD, {"body": "warm"}, format="json").status_code == 201
    cache_calls.clear()
    posted = app.post(THREAD, {"body": "second"}, format="json")
    assert posted.status_code == 201, posted.content
    assert posted.json()["author"]["id"] == reader.pk
    assert session_reads(cache_calls, token) == [
        ["article-row:summit", ACTIVE_CACHE_KEY, KEY_PREFIX + token]
    ], cache_calls


def test_session_missing_from_the_cache_loads_from_the_database(reader, article):
    app, token = app_client()
    cache.delete(KEY_PREFIX + token)  # evicted, or Redis flushed
    me = app.get(THREAD)
    assert me.status_code == 200
    assert app.post(THREAD, {"body": "still me"}, format="json").json()["author"]["id"] == reader.pk
    assert cache.get(KEY_PREFIX + token) is not None  # written back, as cached_db does


def test_ended_session_read_ahead_is_anonymous(reader, article):
    app, token = app_client()
    assert app.delete("/_allauth/app/v1/auth/session").status_code in (200, 401)
    assert cache.get(KEY_PREFIX + token) is None
    assert app.post(THREAD, {"body": "x"}, format="json").status_code == 401
    page = app.get(THREAD)
    assert page.status_code == 200 and "viewer" not in str(page.json())


@pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")  # Django's own load
@pytest.mark.parametrize(
    "token",
    ["short", "A" * 32, "a" * 65, "abc def ghi jkl", "../../etc/passwd", "ab\u00e9cdefghij", ""],
)
def test_malformed_tokens_are_never_read_ahead(token, article, cache_calls):
    from django.test import RequestFactory

    request = RequestFactory().get(THREAD, HTTP_X_SESSION_TOKEN=token)
    assert sessions.read_ahead_keys(request) == []
    app = APIClient()
    app.credentials(HTTP_X_SESSION_TOKEN=token)
    response = app.get(THREAD)
    assert response.status_code in (200, 401)
    # Loaded (or not) the ordinary way: never inside the read-ahead's get_many.
    read_ahead = [keys for keys in cache_calls if any(k.startswith("article-ref:") for k in keys)]
    assert read_ahead and all(len(keys) == 1 for keys in read_ahead), cache_calls


def test_browser_session_cookie_is_read_ahead_and_csrf_still_holds(reader, article, cache_calls):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    token = browser.cookies["sessionid"].value
    cache_calls.clear()
    page = browser.get(THREAD)
    assert page.status_code == 200
    assert len(session_reads(cache_calls, token)) == 1
    refused = browser.post(THREAD, {"body": "no csrf"}, content_type="application/json")
    assert refused.status_code == 403


def test_other_engines_read_nothing_ahead(settings, reader):
    from django.test import RequestFactory

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    request = RequestFactory().get(THREAD, HTTP_X_SESSION_TOKEN="a" * 32)
    assert sessions.read_ahead_keys(request) == []
    settings.SESSION_ENGINE = "config.sessions"
    settings.SESSION_CACHE_ALIAS = "other"
    assert sessions.read_ahead_keys(request) == []
