"""The caches on the hot paths keep the same answers: pre-rendered pages, article
key -> id and article rows, per-request memos, one-read session tokens."""

from __future__ import annotations

import json

import pytest
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient

from comments.models import Article
from config import request_scope

pytestmark = pytest.mark.django_db


def url_comments(key="summit"):
    return f"/api/v1/articles/{key}/comments/"


def test_anonymous_bytes_are_what_drf_renders_and_match_the_signed_in_page(
    api, client_for, reader, reader2, article, make_comment
):
    top = make_comment(reader, article, "Top <b>comment</b> \u2028 with a separator")
    make_comment(reader2, article, "A reply", parent=top)
    first = api.get(url_comments() + "?page_size=50")
    assert first.status_code == 200
    assert first["Content-Type"] == "application/json"
    from django.db import connection

    with CaptureQueriesContext(connection) as ctx:
        again = api.get(url_comments() + "?page_size=50")
    assert len(ctx.captured_queries) == 0  # key -> id and the page both from the cache
    assert again.content == first.content
    data = json.loads(first.content)
    assert first.content == JSONRenderer().render(data)  # the API's own rendering
    assert b"\\u2028" in first.content  # DRF's escaping for script contexts is kept
    signed = client_for(reader2).get(url_comments() + "?page_size=50").json()
    for item in signed["results"]:
        item.pop("viewer")
        for reply in item.get("replies", []):
            reply.pop("viewer")
    assert signed == data


def test_indent_negotiation_still_rendered_by_drf(api, reader, article, make_comment):
    make_comment(reader, article, "Hello")
    plain = api.get(url_comments())
    pretty = api.get(url_comments(), HTTP_ACCEPT="application/json; indent=2")
    assert pretty.status_code == 200
    assert b"\n  " in pretty.content
    assert json.loads(pretty.content) == json.loads(plain.content)


def test_a_new_comment_shows_on_the_cached_anonymous_page(
    api, client_for, reader, article, make_comment, django_capture_on_commit_callbacks
):
    make_comment(reader, article, "First")
    assert len(api.get(url_comments()).json()["results"]) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client_for(reader).post(url_comments(), {"body": "Second"}, format="json")
    assert [c["body"] for c in api.get(url_comments()).json()["results"]] == ["Second", "First"]


def test_deleted_or_renamed_article_stops_resolving(api, reader, article, make_comment):
    make_comment(reader, article, "Hello")
    assert api.get(url_comments()).status_code == 200  # key -> id now cached
    article.key = "summit-renamed"
    article.save()
    assert api.get(url_comments()).status_code == 404
    assert api.get(url_comments("summit-renamed")).status_code == 200
    Article.objects.filter(pk=article.pk).delete()
    response = api.get(url_comments("summit-renamed"))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "article_not_found"


def test_closing_an_article_reaches_the_cached_row_for_posting(client_for, reader, article):
    client = client_for(reader)
    assert client.post(url_comments(), {"body": "open"}, format="json").status_code == 201
    article.comments_open = False
    article.save()
    refused = client.post(url_comments(), {"body": "closed"}, format="json")
    assert refused.status_code == 403, refused.content
    assert refused.json()["error"]["code"] == "article_closed"


def test_request_scope_remembers_only_inside_a_request():
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    assert request_scope.memo("k", build) == 1
    assert request_scope.memo("k", build) == 2  # no request: no memo
    request_scope._open()
    try:
        assert request_scope.memo("k", build) == 3
        assert request_scope.memo("k", build) == 3
        request_scope.forget(lambda key: key == "k")
        assert request_scope.memo("k", build) == 4
    finally:
        request_scope._close()
    assert request_scope.memo("k", build) == 5


def test_read_ahead_entries_are_handed_out_once_and_only_inside_a_request():
    reads = []

    def read():
        reads.append(1)
        return "from the cache"

    request_scope.keep_read_ahead({"a": 1}, ["a", "b"])  # no request: nothing kept
    assert request_scope.read_ahead("a", read) == "from the cache"
    request_scope._open()
    try:
        request_scope.keep_read_ahead({"a": 1}, ["a", "b"])
        assert request_scope.read_ahead("a", read) == 1
        assert request_scope.read_ahead("b", read) is None  # read ahead as a miss
        assert len(reads) == 1
        assert request_scope.read_ahead("a", read) == "from the cache"  # once only
    finally:
        request_scope._close()
    assert len(reads) == 2


def test_posting_reads_the_article_and_the_policy_pointer_in_one_cache_call(
    client_for, reader, article, cache_calls
):
    from moderation.policy import ACTIVE_CACHE_KEY

    client = client_for(reader)
    assert client.post(url_comments(), {"body": "warm"}, format="json").status_code == 201
    cache_calls.clear()
    posted = client.post(url_comments(), {"body": "second"}, format="json")
    assert posted.status_code == 201, posted.content
    calls = cache_calls
    with_policy = [keys for keys in calls if ACTIVE_CACHE_KEY in keys]
    assert len(with_policy) == 1, calls
    # With the config.sessions engine (Redis) the session rides along: see test_session_read_ahead.
    assert with_policy[0][:2] == ["article-row:summit", ACTIVE_CACHE_KEY], calls
    assert all(k.startswith("django.contrib.sessions.") for k in with_policy[0][2:]), calls


def test_sanction_saved_in_the_request_drops_the_remembered_list(reader, moderator):
    from moderation.models import Sanction
    from moderation.sanctions import blocking_sanction

    request_scope._open()
    try:
        assert blocking_sanction(reader.pk) is None
        Sanction.objects.create(user=reader, kind="ban", reason_code="hate", created_by=moderator)
        assert blocking_sanction(reader.pk) is not None
    finally:
        request_scope._close()


def test_session_token_read_once_and_forged_or_ended_tokens_are_anonymous(reader, article):
    app = APIClient()
    login = app.post(
        "/_allauth/app/v1/auth/login",
        {"username": "reader", "password": "pw-for-tests"},
        format="json",
    )
    token = login.json()["meta"]["session_token"]
    app.credentials(HTTP_X_SESSION_TOKEN=token)
    from django.db import connection

    with CaptureQueriesContext(connection) as ctx:
        assert app.get("/api/v1/me/").json()["id"] == reader.pk
    session_reads = [q for q in ctx.captured_queries if "django_session" in q["sql"]]
    assert len(session_reads) <= 1
    app.delete("/_allauth/app/v1/auth/session")
    assert app.get("/api/v1/me/").status_code == 401
    assert app.post(url_comments(), {"body": "x"}, format="json").status_code in (401, 403)


def test_in_force_sql_matches_the_queryset(reader, moderator):
    from datetime import timedelta

    from django.utils import timezone

    from moderation.models import Sanction
    from moderation.sanctions import _read_in_force, sanctions_in_force

    now = timezone.now()
    make = Sanction.objects.create
    make(user=reader, kind="warning", reason_code="spam", created_by=moderator)
    make(user=reader, kind="premod", reason_code="spam", created_by=moderator)
    make(
        user=reader,
        kind="suspend",
        reason_code="spam",
        created_by=moderator,
        until=now + timedelta(days=1),
    )
    make(
        user=reader,
        kind="suspend",
        reason_code="spam",
        created_by=moderator,
        until=now - timedelta(days=1),
    )
    make(user=reader, kind="ban", reason_code="hate", created_by=moderator, lifted_at=now)
    make(user=moderator, kind="ban", reason_code="hate", created_by=reader)
    expected = list(sanctions_in_force(reader.pk).order_by("pk").values_list("pk", flat=True))
    assert [s.pk for s in _read_in_force(reader.pk)] == expected
    assert len(expected) == 3


def test_the_redis_cache_reuses_one_client_per_pool_and_still_works():
    from django.conf import settings
    from django.core.cache import cache

    if not settings.REDIS_URL:
        pytest.skip("Redis cache only (the PostgreSQL pass)")
    client = cache._cache.get_client("a", write=True)
    assert cache._cache.get_client("b") is client  # one server: reads and writes share it
    cache.set("reuse-check", {"n": 1}, 30)
    assert cache.get_many(["reuse-check", "missing"]) == {"reuse-check": {"n": 1}}
    assert cache._cache.get_client() is client
