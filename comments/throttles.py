"""Rate limits as DRF throttles on the shared cache (Redis in production).

Rates come from the policy through the comments adapter, so admins change
them at runtime. ``PARLEY_RATE_LIMITS=off`` switches them all off.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

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
