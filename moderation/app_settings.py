"""The moderation app's own settings, with defaults, read lazily (allauth style)."""

from __future__ import annotations

from django.conf import settings


def claim_ttl_seconds() -> int:
    """How long a moderator's claim on a queue item lasts (``PARLEY_CLAIM_TTL_SECONDS``)."""
    return int(getattr(settings, "PARLEY_CLAIM_TTL_SECONDS", 300))


def stats_decisions_window_days() -> int:
    return int(getattr(settings, "PARLEY_STATS_WINDOW_DAYS", 30))


def stats_median_sample() -> int:
    """How many recent decisions the median time to decision is computed over."""
    return int(getattr(settings, "PARLEY_STATS_MEDIAN_SAMPLE", 1000))


def bulk_max_items() -> int:
    """How many comments one bulk decision may cover."""
    return int(getattr(settings, "PARLEY_BULK_DECISION_MAX", 100))
