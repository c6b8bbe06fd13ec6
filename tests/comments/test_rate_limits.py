"""Rate limits: DRF throttles on the shared cache, switchable off for load tests."""

from __future__ import annotations

import pytest

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
