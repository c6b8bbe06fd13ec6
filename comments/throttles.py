"""Rate limits as DRF throttles on the shared cache (Redis in production).

Rates come from the policy through the comments adapter, so admins change
them at runtime. ``PARLEY_RATE_LIMITS=off`` switches them all off.
"""

from __future__ import annotations

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from . import cache as thread_cache
from .adapter import get_adapter


class PolicyRateThrottle(SimpleRateThrottle):
    """Per signed-in user (per IP for anonymous); the rate is read per request."""

    policy_field = ""  # attribute of comments.adapter.RateLimits

    def __init__(self) -> None:  # the rate is resolved in allow_request
        pass

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            ident = f"u{request.user.pk}"
        else:
            ident = f"ip{self.get_ident(request)}"
        return f"throttle:{self.policy_field}:{ident}"

    def allow_request(self, request, view):
        if not settings.PARLEY_RATE_LIMITS:
            return True
        self.rate = getattr(get_adapter().rate_limits(), self.policy_field)
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class CommentMinuteThrottle(PolicyRateThrottle):
    policy_field = "comment_per_minute"


class CommentDayThrottle(PolicyRateThrottle):
    policy_field = "comment_per_day"


class ReportHourThrottle(PolicyRateThrottle):
    policy_field = "report_per_hour"


class ReactMinuteThrottle(PolicyRateThrottle):
    policy_field = "react_per_minute"


class CommentPostingThrottle(BaseThrottle):
    """The per-minute and per-day posting limits in one Redis round trip.

    DRF's ``SimpleRateThrottle`` keeps a pickled list of timestamps per limit:
    a GET and a SET each, four round trips per post for the two limits, and two
    posts at once can both read the same list and both pass. On Redis this keeps
    one sorted set per limit and checks both in one MULTI (drop expired entries,
    add this attempt, count, oldest); an attempt over either limit is taken out
    again (a second round trip, only when refusing), so refusals do not count,
    as with DRF. Without Redis the two DRF throttles run as before.
    """

    fallback = (CommentMinuteThrottle, CommentDayThrottle)

    def __init__(self) -> None:
        self._wait: float | None = None

    def allow_request(self, request, view) -> bool:
        if not settings.PARLEY_RATE_LIMITS:
            return True
        client = thread_cache.redis_client()
        if client is None:
            waits = []
            for cls in self.fallback:  # each one runs, as in DRF's own loop
                throttle = cls()
                if not throttle.allow_request(request, view):
                    waits.append(throttle.wait())
            self._wait = max((w for w in waits if w is not None), default=None)
            return not waits
        limits = get_adapter().rate_limits()
        parser = SimpleRateThrottle.parse_rate
        windows = []
        for cls in self.fallback:
            rate = getattr(limits, cls.policy_field)
            if rate:
                num, duration = parser(None, rate)
                key = cls().get_cache_key(request, view).replace("throttle:", "throttle-z:", 1)
                windows.append((cache.make_and_validate_key(key), num, duration))
        if not windows:
            return True
        now = time.time()
        member = f"{now:.6f}:{uuid.uuid4().hex[:8]}"
        with client.pipeline(transaction=True) as pipe:
            for key, _, duration in windows:
                pipe.zremrangebyscore(key, "-inf", now - duration)
                pipe.zadd(key, {member: now})
                pipe.zcard(key)
                pipe.zrange(key, 0, 0, withscores=True)
                pipe.expire(key, duration)
            results = pipe.execute()
        waits = []
        for i, (_, num, duration) in enumerate(windows):
            count, oldest = results[5 * i + 2], results[5 * i + 3]
            if count > num:
                oldest_at = oldest[0][1] if oldest else now
                waits.append(max(duration - (now - oldest_at), 1))
        if not waits:
            return True
        with client.pipeline(transaction=False) as pipe:
            for key, _, _ in windows:
                pipe.zrem(key, member)
            pipe.execute()
        self._wait = max(waits)
        return False

    def wait(self) -> float | None:
        return self._wait
