"""A per-article generation number that versions cached public thread pages.

Any write that could change what the public sees of an article bumps its
generation; cached pages carry the generation they were built at, so stale pages
are never served and need no explicit deletion. Lives in the shared cache
(Redis in production) so every web process agrees. A page is stored beside
the generation it was built at and read together with the current one (one
round trip on a hit).

A page is stored twice: as the Python structure (signed-in readers get it with
their ``viewer`` blocks added) and as the JSON bytes the API renders for it
(anonymous readers get those as they are, with no rendering at all).

The article's key -> id is cached too (``article_ref``), so that reading a
cached page needs no SQL: it is dropped when an article is saved or deleted
(signals in ``comments.models``), and an id never changes for a key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

from config import request_scope

PAGE_TTL_SECONDS = 300
GENERATION_TTL_SECONDS = 7 * 24 * 3600
ARTICLE_REF_TTL_SECONDS = 3600


def _gen_key(article_id: int) -> str:
    return f"thread-gen:{article_id}"


def generation(article_id: int) -> int:
    value = cache.get(_gen_key(article_id))
    if value is None:
        # add() so two processes racing here agree on one starting value.
        cache.add(_gen_key(article_id), 1, GENERATION_TTL_SECONDS)
        value = cache.get(_gen_key(article_id), 1)
    return int(value)


def _redis_client(key: str):
    """The raw redis-py client behind Django's RedisCache, or None for other backends."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return backend._cache.get_client(key, write=True)


def bump(article_id: int, also: Callable[[Any], None] | None = None) -> list[Any] | None:
    """Make the article's generation larger than any a reader may have cached a page at.

    On Redis in one round trip: ``SET key 2 NX`` (a missing key starts past
    the 1 a reader would have seen) and ``INCR`` in one MULTI. Django's own
    ``incr`` checks ``exists`` first (two round trips) and fails on a missing key.

    ``also(pipe)`` may queue more commands into the same MULTI (the screening
    hand-off does); their results are returned. Without Redis it is not called
    and the result is None.
    """
    key = _gen_key(article_id)
    raw = cache.make_and_validate_key(key)
    client = _redis_client(raw)
    if client is not None:
        with client.pipeline(transaction=True) as pipe:
            pipe.set(raw, 2, ex=GENERATION_TTL_SECONDS, nx=True)
            pipe.incr(raw)
            if also is not None:
                also(pipe)
            return pipe.execute()[2:]
    try:
        cache.incr(key)
    except ValueError:
        # Missing key: start past any generation a reader could have cached.
        cache.add(key, 2, GENERATION_TTL_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # pragma: no cover - evicted between add and incr
            pass
    return None


def redis_client():
    """The raw redis-py client of the shared cache (for the screening hand-off), or None."""
    return _redis_client(cache.make_and_validate_key("any"))


def _page_key(article_id: int, parts: tuple[object, ...], kind: str = "") -> str:
    return f"thread-page{kind}:{article_id}:" + ":".join(str(p) for p in parts)


def read_page(article_id: int, *parts: object, rendered: bool = False) -> tuple[int, Any]:
    """(the article's current generation, its cached page or None), in one round trip.

    A page is stored with the generation that was current *before* it was read
    from the database, and counts only while that is still the current one: a
    page built from rows older than the latest write is never served. With
    ``rendered`` the page comes as its JSON bytes.
    """
    gen_key = _gen_key(article_id)
    key = _page_key(article_id, parts, ":json" if rendered else "")
    found = cache.get_many([gen_key, key])
    gen = found.get(gen_key)
    if gen is None:
        return generation(article_id), None
    cached = found.get(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == int(gen):
        return int(gen), cached[1]
    return int(gen), None


def write_page(
    article_id: int, gen: int, *parts: object, value: Any, rendered: bytes | None = None
) -> None:
    """Store a page built after ``read_page`` returned ``gen`` (and its JSON bytes)."""
    entries = {_page_key(article_id, parts): (gen, value)}
    if rendered is not None:
        entries[_page_key(article_id, parts, ":json")] = (gen, rendered)
    cache.set_many(entries, PAGE_TTL_SECONDS)


# --- article key -> id ---------------------------------------------------------------


def _ref_key(key: str) -> str:
    # Article keys arrive from the URL: hash them so any key, however odd, makes
    # a short, safe cache key on every backend.
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return f"article-ref:{digest}"


def article_id_for(key: str) -> int | None:
    ref = _ref_key(key)
    value = request_scope.read_ahead(ref, lambda: cache.get(ref))
    return value if isinstance(value, int) else None


def read_ahead_article_ref(key: str, *, also: Sequence[str] = ()) -> None:
    """Fetch the article reference for reading a thread and ``also`` (more cache keys
    the request will read) in one round trip, kept for this request."""
    keys = [_ref_key(key), *also]
    request_scope.keep_read_ahead(cache.get_many(keys), keys)


def remember_article(key: str, article_id: int) -> None:
    cache.set(_ref_key(key), article_id, ARTICLE_REF_TTL_SECONDS)


def _row_key(key: str) -> str:
    return f"article-row:{key}"


def read_ahead_article_row(key: str, *, also: Sequence[str] = ()) -> None:
    """Fetch the article row for posting and ``also`` (more cache keys the post will
    read) in one round trip, kept for this request (``config.request_scope``)."""
    keys = [_row_key(key), *also]
    request_scope.keep_read_ahead(cache.get_many(keys), keys)


def article_row(key: str):
    """The cached Article for posting (``comment_count`` deferred), or None."""
    return request_scope.read_ahead(_row_key(key), lambda: cache.get(_row_key(key)))


def remember_article_row(article) -> None:
    cache.set(_row_key(article.key), article, ARTICLE_REF_TTL_SECONDS)


def forget_article(key: str) -> None:
    cache.delete_many([_ref_key(key), _row_key(key)])


def _article_pre_save(sender, instance, update_fields=None, **kwargs) -> None:
    # A key that changes (the admin) must stop resolving to this id.
    if instance.pk is not None and (update_fields is None or "key" in update_fields):
        old = sender.objects.filter(pk=instance.pk).values_list("key", flat=True).first()
        if old and old != instance.key:
            forget_article(old)


def _article_changed(sender, instance, **kwargs) -> None:
    from django.db import transaction

    key = instance.key
    forget_article(key)
    # Again after commit: a reader may have cached the old row in between.
    transaction.on_commit(lambda: forget_article(key))


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save, pre_save

    from .models import Article

    pre_save.connect(_article_pre_save, sender=Article, dispatch_uid="article-ref-pre-save")
    post_save.connect(_article_changed, sender=Article, dispatch_uid="article-ref-save")
    post_delete.connect(_article_changed, sender=Article, dispatch_uid="article-ref-delete")
