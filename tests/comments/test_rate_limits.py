"""Rate limits: DRF throttles on the shared cache, switchable off for load tests."""

from __future__ import annotations

import pytest

from comments.adapter import DefaultCommentsAdapter, RateLimits

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/summit/comments/"


def test_sixth_comment_in_a_minute_is_rate_limited(client_for, reader, article, settings):
    settings.PARLEY_RATE_LIMITS = True
    client = client_for(reader)
    for i in range(5):
        assert client.post(URL, {"body": f"comment {i}"}, format="json").status_code == 201
    response = client.post(URL, {"body": "one too many"}, format="json")
    assert response.status_code == 429
    error = response.json()["error"]
    assert error["code"] == "rate_limited"
    assert int(response["Retry-After"]) >= 1
    assert error["retry_after"] == int(response["Retry-After"])


def test_limits_are_per_reader(client_for, reader, reader2, article, settings):
    settings.PARLEY_RATE_LIMITS = True
    for i in range(5):
        client_for(reader).post(URL, {"body": f"comment {i}"}, format="json")
    assert client_for(reader2).post(URL, {"body": "mine"}, format="json").status_code == 201


def test_rate_limits_off(client_for, reader, article, settings):
    settings.PARLEY_RATE_LIMITS = False
    client = client_for(reader)
    for i in range(8):
        assert client.post(URL, {"body": f"comment {i}"}, format="json").status_code == 201


def test_reading_is_not_throttled_by_posting_limits(client_for, reader, article, settings):
    settings.PARLEY_RATE_LIMITS = True
    client = client_for(reader)
    for i in range(5):
        client.post(URL, {"body": f"comment {i}"}, format="json")
    assert client.get(URL).status_code == 200


def test_on_redis_both_limits_live_in_sorted_sets_and_refusals_do_not_count(
    client_for, reader, article, settings
):
    from django.core.cache import cache

    from comments import cache as thread_cache

    client = thread_cache.redis_client()
    if client is None:
        pytest.skip("Redis cache only (the PostgreSQL pass)")
    settings.PARLEY_RATE_LIMITS = True
    api = client_for(reader)
    for i in range(5):
        assert api.post(URL, {"body": f"comment {i}"}, format="json").status_code == 201
    for _ in range(2):
        refused = api.post(URL, {"body": "one too many"}, format="json")
        assert refused.status_code == 429
        assert 55 <= int(refused["Retry-After"]) <= 60
    minute = cache.make_and_validate_key(f"throttle-z:comment_per_minute:u{reader.pk}")
    day = cache.make_and_validate_key(f"throttle-z:comment_per_day:u{reader.pk}")
    assert client.zcard(minute) == client.zcard(day) == 5
    assert 0 < client.ttl(day) <= 24 * 3600


def test_the_day_limit_holds_when_the_minute_limit_is_far(client_for, reader, article, settings):
    from comments import adapter as comments_adapter

    settings.PARLEY_RATE_LIMITS = True
    settings.PARLEY_COMMENTS_ADAPTER = "tests.comments.test_rate_limits.TightDayAdapter"
    comments_adapter._load.cache_clear()
    try:
        api = client_for(reader)
        for i in range(3):
            assert api.post(URL, {"body": f"comment {i}"}, format="json").status_code == 201
        refused = api.post(URL, {"body": "the fourth today"}, format="json")
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 3600  # the day window, not the minute one
    finally:
        comments_adapter._load.cache_clear()


class TightDayAdapter(DefaultCommentsAdapter):
    def rate_limits(self) -> RateLimits:
        return RateLimits(comment_per_minute="100/min", comment_per_day="3/day")
