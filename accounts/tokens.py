"""allauth's session-token strategy, with one session read per request instead of two.

allauth's ``SessionTokenStrategy.lookup_session`` asks the session store
whether the key ``exists()`` and then loads it: two database queries (or two
cache round trips with ``cached_db``) on every request that carries an
``X-Session-Token``. allauth ships the one-read version as
``allauth.headless.internal.sessionkit.lookup_session`` (load the session;
a missing or expired one comes back without a key); this strategy uses it.
Everything else (token creation, what a token is) is allauth's.
"""

from __future__ import annotations

from allauth.headless.internal import sessionkit
from allauth.headless.tokens.strategies.sessions import SessionTokenStrategy
from django.contrib.sessions.backends.base import SessionBase


class SingleReadSessionTokenStrategy(SessionTokenStrategy):
    def lookup_session(self, session_token: str) -> SessionBase | None:
        if not session_token:
            return None
        return sessionkit.lookup_session(session_token)
