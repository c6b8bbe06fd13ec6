"""A per-article generation number that versions cached public thread pages.

Any write that could change what the public sees of an article bumps its
generation; cached pages carry the generation they were built at, so stale pages
are never served and need no explicit deletion. Lives in the shared cache
(Redis in production) so every web process agrees. A page is stored beside
the generation it was built at and read together with the current one (one
round trip on a hit).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

PAGE_TTL_SECONDS = 300
GENERATION_TTL_SECONDS = 7 * 24 * 3600


def _gen_key(article_id: int) -> str:
    return f"thread-gen:{article_id}"


def generation(article_id: int) -> int:
    value = cache.get(_gen_key(article_id))
    if value is None:
        # add() so two processes racing here agree on one starting value.
        cache.add(_gen_key(article_id), 1, GENERATION_TTL_SECONDS)
        value = cache.get(_gen_key(article_id), 1)
    return int(value)


def bump(article_id: int) -> None:
    key = _gen_key(article_id)
    try:
        cache.incr(key)
    except ValueError:
        # Missing key: start past any generation a reader could have cached.
        cache.add(key, 2, GENERATION_TTL_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # pragma: no cover - evicted between add and incr
            pass


def _page_key(article_id: int, parts: tuple[object, ...]) -> str:
    return f"thread-page:{article_id}:" + ":".join(str(p) for p in parts)


def read_page(article_id: int, *parts: object) -> tuple[int, Any]:
    """(the article's current generation, its cached page or None), in one round trip.

    A page is stored with the generation that was current *before* it was read
    from the database, and counts only while that is still the current one: a
    page built from rows older than the latest write is never served.
    """
    gen_key, key = _gen_key(article_id), _page_key(article_id, parts)
    found = cache.get_many([gen_key, key])
    gen = found.get(gen_key)
    if gen is None:
        return generation(article_id), None
    cached = found.get(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == int(gen):
        return int(gen), cached[1]
    return int(gen), None


def write_page(article_id: int, gen: int, *parts: object, value: Any) -> None:
    """Store a page built after ``read_page`` returned ``gen``."""
    cache.set(_page_key(article_id, parts), (gen, value), PAGE_TTL_SECONDS)
