"""Values remembered for the length of one HTTP request, and no longer.

Some shared state is read several times while one request is served: the
active policy (limits, closing age, screening) and the author's sanctions
(participation check, then the premoderation rule) on every post. Reading it
once per request is as fresh as the request needs and costs no cross-process
invalidation: nothing outlives the request, so no process ever holds a copy
of shared state between requests.

The scope is a ``ContextVar`` opened by ``request_started`` and closed by
``request_finished``: each WSGI thread, and each ASGI request task (asgiref
carries the context into sync views), has its own. Outside a request (Celery
tasks, management commands, services called directly in tests) there is no
scope and ``memo`` just calls ``build`` every time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.signals import request_finished, request_started

T = TypeVar("T")

_scope: ContextVar[dict[Hashable, Any] | None] = ContextVar("parley_request_scope", default=None)


def memo(key: Hashable, build: Callable[[], T]) -> T:
    scope = _scope.get()
    if scope is None:
        return build()
    try:
        return scope[key]
    except KeyError:
        value = scope[key] = build()
        return value


_ABSENT = object()


def keep_read_ahead(found: Mapping[str, Any], keys: Iterable[str]) -> None:
    """Remember cache entries read ahead, in another read's round trip, for this request.

    ``found`` is what ``cache.get_many`` returned (a missing key is a miss).
    Each is handed out once, by ``read_ahead``; outside a request nothing is kept.
    """
    scope = _scope.get()
    if scope is None:
        return
    for key in keys:
        scope[("read-ahead", key)] = found.get(key, _ABSENT)


def read_ahead(key: str, read: Callable[[], Any]) -> Any:
    """The entry ``key`` read ahead in this request (once; a miss is None), else ``read()``."""
    scope = _scope.get()
    if scope is not None:
        value = scope.pop(("read-ahead", key), read)
        if value is not read:
            return None if value is _ABSENT else value
    return read()


def forget(match: Callable[[Hashable], bool] | None = None) -> None:
    """Drop remembered values (those whose key ``match`` accepts, or all) after a write."""
    scope = _scope.get()
    if not scope:
        return
    for key in [k for k in scope if match is None or match(k)]:
        del scope[key]


def _open(**kwargs: Any) -> None:
    _scope.set({})


def _close(**kwargs: Any) -> None:
    _scope.set(None)


request_started.connect(_open, dispatch_uid="parley-request-scope-open")
request_finished.connect(_close, dispatch_uid="parley-request-scope-close")
