"""The comments adapter that applies the standards policy.

``comments`` calls these methods through ``PARLEY_COMMENTS_ADAPTER``; each
one hands over to the module that owns the concern, so this file stays a
map: policy values (``moderation.policy``), sanctions
(``moderation.sanctions``), screening (``moderation.pipeline``), reports
(``moderation.reports``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings

from comments.adapter import DefaultCommentsAdapter, Limits, RateLimits, ScreeningVerdict

from . import sanctions
from .policy import ACTIVE_CACHE_KEY, get_active_policy, reader_policy


def _rate(value: Any, unit: str) -> str | None:
    return f"{int(value)}/{unit}" if value else None


class ModerationCommentsAdapter(DefaultCommentsAdapter):
    # --- policy values ---------------------------------------------------------
    def limits(self) -> Limits:
        policy = get_active_policy()
        return Limits(
            max_length=int(policy["max_length"]),
            edit_window_seconds=int(policy["edit_window_seconds"]),
        )

    def rate_limits(self) -> RateLimits:
        if not settings.PARLEY_RATE_LIMITS:  # the environment switch wins over the policy
            return RateLimits(None, None, None, None)
        policy = get_active_policy()
        return RateLimits(
            comment_per_minute=_rate(policy.get("rate_comments_per_minute"), "min"),
            comment_per_day=_rate(policy.get("rate_comments_per_day"), "day"),
            report_per_hour=_rate(policy.get("rate_reports_per_hour"), "hour"),
        )

    def report_reasons(self) -> list[tuple[str, str]]:
        return [(r["code"], r["label"]) for r in get_active_policy()["reason_codes"]]

    def reader_policy(self) -> dict[str, Any]:
        return reader_policy(get_active_policy())

    def article_closes_at(self, article) -> datetime | None:
        days = int(get_active_policy().get("close_after_days") or 0)
        by_age = article.published_at + timedelta(days=days) if days else None
        candidates = [d for d in (article.closes_at, by_age) if d is not None]
        return min(candidates) if candidates else None

    def posting_cache_keys(self):
        return (ACTIVE_CACHE_KEY,)

    # --- sanctions -----------------------------------------------------------
    def check_participation(self, *, user, action: str) -> None:
        sanctions.check_participation(user=user, action=action)

    # --- screening -------------------------------------------------------------
    def screen(self, *, author, article, body, parent, comment, event) -> ScreeningVerdict:
        from .pipeline import screen_in_request

        return screen_in_request(
            author=author, article=article, body=body, parent=parent, comment=comment, event=event
        )

    def record(self, *, comment, verdict: ScreeningVerdict, event: str) -> None:
        from .pipeline import record_verdict

        record_verdict(comment=comment, verdict=verdict, event=event)

    def record_statement(self, *, comment, verdict: ScreeningVerdict, event: str, source: str):
        from .pipeline import record_verdict_statement

        return record_verdict_statement(
            comment=comment, verdict=verdict, event=event, source=source
        )

    def screen_async(self, *, comment) -> None:
        from .pipeline import screen_async

        screen_async(comment=comment)

    def screen_async_many(self, *, comments) -> None:
        from .pipeline import screen_async_batch

        screen_async_batch(comment_ids=[c.pk for c in comments])  # one toxicity batch

    # --- reports ---------------------------------------------------------------
    def on_report(self, *, report) -> None:
        from .reports import report_received

        report_received(report=report)

    # --- the reader's account ------------------------------------------------------
    def active_sanction(self, user) -> dict[str, Any] | None:
        in_force = sanctions.blocking_sanction(user.pk, user=user) or sanctions.premod_sanction(
            user.pk, user=user
        )
        return sanctions.sanction_dict(in_force)

    def comment_decisions(self, comments) -> dict[int, dict[str, Any]]:
        from .decisions import comment_decisions

        return comment_decisions(list(comments))

    def export_user_data(self, user) -> dict[str, Any]:
        from .decisions import export_user_data

        return export_user_data(user)

    def on_account_deleted(self, user) -> None:
        """Appeal messages are the reader's own words: wipe them with the account.

        Decisions, sanctions and the audit log stay: they are the publisher's
        record of its own acts and hold no text the reader wrote.
        """
        from .models import Appeal

        Appeal.objects.filter(author=user).update(message="")
