"""Fixtures for the comments tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture
def cache_calls(monkeypatch):
    """Every key list the default cache was asked for: one entry per get() or get_many()
    (a backend's own get() under get_many() is not counted twice)."""
    calls, inside = [], []
    get, get_many = cache.get, cache.get_many

    def spy_get(key, *args, **kwargs):
        if not inside:
            calls.append([key])
        return get(key, *args, **kwargs)

    def spy_get_many(keys, *args, **kwargs):
        calls.append(list(keys))
        inside.append(1)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache, "get", spy_get)
    monkeypatch.setattr(cache, "get_many", spy_get_many)
    return calls
