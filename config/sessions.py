"""Sessions read from the shared cache, in the same round trip as a view's other reads.

The session engine when Redis is configured: Django's ``cached_db`` (read from
the cache, written through to the database), with one difference. A hot view
that knows which cache entries it will read (the thread page: the article
reference; posting: the article row and the active policy) fetches them in one
``MGET`` before authentication runs, and ``read_ahead_keys`` adds the entry of
the session the request carries (allauth's ``X-Session-Token`` or the session
cookie) to that ``MGET``. ``SessionStore.load`` then takes the entry fetched
ahead (``config.request_scope``) instead of asking the cache again: a signed-in
thread page or post costs one Redis round trip less.

Nothing else changes: a session not fetched ahead, or missing from the cache,
loads exactly as ``cached_db`` loads it (cache, then database); writes,
expiry and deletion are ``cached_db``'s; the cache keys are the same, so
switching between the two engines keeps every session.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.http import HttpRequest

from config import request_scope

# What Django's session keys look like (32 of [a-z0-9]); anything else is loaded
# the ordinary way and never becomes a cache key here.
_SESSION_KEY = re.compile(r"[a-z0-9]{8,64}")


class SessionStore(cached_db.SessionStore):
    def load(self):
        if self.session_key is not None:
            data = request_scope.read_ahead(self.cache_key, lambda: None)
            if data is not None:
                return data
        return super().load()


def read_ahead_keys(request: HttpRequest) -> list[str]:
    """Cache keys of the sessions ``request`` may load, to read ahead with the view's own.

    Empty unless this engine is in use on the default cache (the one views read ahead from).
    """
    if settings.SESSION_ENGINE != __name__ or settings.SESSION_CACHE_ALIAS != "default":
        return []
    keys = []
    for token in (
        request.META.get("HTTP_X_SESSION_TOKEN"),
        request.COOKIES.get(settings.SESSION_COOKIE_NAME),
    ):
        if token and _SESSION_KEY.fullmatch(token):
            key = SessionStore.cache_key_prefix + token
            if key not in keys:
                keys.append(key)
    return keys
