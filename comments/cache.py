"""A per-article generation number that versions cached public thread pages.

Any write that could change what the public sees of an article bumps its
generation; cached pages carry the generation in their key, so stale pages
are never served and need no explicit deletion. Lives in the shared cache
(Redis in production) so every web process agrees.
"""

from __future__ import annotations

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


def page_key(article_id: int, *parts: object) -> str:
    suffix = ":".join(str(p) for p in parts)
    return f"thread-page:{article_id}:{generation(article_id)}:{suffix}"


def get_page(key: str):
    return cache.get(key)


def set_page(key: str, value) -> None:
    cache.set(key, value, PAGE_TTL_SECONDS)
