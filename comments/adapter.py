"""The seam between comments and whatever enforces the publication's policy.

``comments`` never imports ``moderation``. Every decision that depends on the
standards policy goes through the adapter named by the
``PARLEY_COMMENTS_ADAPTER`` setting (an import string, like allauth's
``ACCOUNT_ADAPTER``). The default below publishes everything under fixed
limits; ``moderation.adapter.ModerationCommentsAdapter`` fills it with the
versioned policy, the rule engine and the queue.

Hooks for the reader's account (``/api/v1/me/...``), all overridable:

- ``active_sanction(user) -> dict | None``: the sanction in force, shown in
  ``GET /me/`` (e.g. ``{"kind": "suspended", "until": "...", "reason": "..."}``).
- ``check_display_name(name) -> str``: the cleaned public name, or DomainError
  (``too_short``, ``too_long``, ``invalid_characters``; moderation adds banned terms).
- ``comment_decisions(comments) -> dict[int, dict]``: a moderation decision per
  comment id, shown as ``decision`` in ``GET /me/comments/`` when present.
- ``export_user_data(user) -> dict``: what the policy side holds about a reader
  (decisions, sanctions, appeals), merged into ``GET /me/export/``.
- ``on_account_deleted(user) -> None``: erase the policy side's personal data
  about a reader whose account is being deleted (inside the same transaction).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.module_loading import import_string

from config.errors import DomainError

from .text import clean_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from accounts.models import User

    from .models import Article, Comment, Report


@dataclass(frozen=True)
class Limits:
    max_length: int = 250
    edit_window_seconds: int = 300


@dataclass(frozen=True)
class ScreeningVerdict:
    """What the in-request screening decided for a new or edited comment.

    ``status`` is ``published``, ``pending`` or ``rejected``. To refuse a
    comment without saving it, the adapter raises ``DomainError`` instead.
    ``payload`` is the adapter's own record, handed back to ``record()``.
    """

    status: str
    payload: Any = None


@dataclass(frozen=True)
class RateLimits:
    """DRF-style rates ("5/min"), or None for no limit."""

    comment_per_minute: str | None = "5/min"
    comment_per_day: str | None = "200/day"
    report_per_hour: str | None = "30/hour"
    react_per_minute: str | None = "60/min"
    extra: dict[str, str | None] = field(default_factory=dict)


DEFAULT_REPORT_REASONS: tuple[tuple[str, str], ...] = (
    ("offensive", "Offensive language"),
    ("insult", "Insults or personal attacks"),
    ("hate", "Hate speech or discrimination"),
    ("threat", "Threats or incitement to violence"),
    ("sexual", "Sexual content"),
    ("spam", "Spam or advertising"),
    ("personal_info", "Someone's personal information"),
    ("off_topic", "Off topic"),
    ("other", "Something else"),
)


DISPLAY_NAME_MIN = 2
DISPLAY_NAME_MAX = 40


class DefaultCommentsAdapter:
    """Publish everything; fixed limits. Good for tests of comments alone."""

    # --- reader-facing policy -------------------------------------------
    def limits(self) -> Limits:
        return Limits()

    def rate_limits(self) -> RateLimits:
        return RateLimits()

    def report_reasons(self) -> list[tuple[str, str]]:
        return list(DEFAULT_REPORT_REASONS)

    def reader_policy(self) -> dict[str, Any]:
        limits = self.limits()
        return {
            "version": 0,
            "max_length": limits.max_length,
            "edit_window_seconds": limits.edit_window_seconds,
            "report_reasons": [
                {"code": code, "label": label} for code, label in self.report_reasons()
            ],
            "sections": [],
        }

    # --- participation --------------------------------------------------
    def check_participation(self, *, user: User, action: str) -> None:
        """Raise DomainError (``banned``, ``suspended``) when ``user`` may not ``action``.

        ``action`` is one of ``post``, ``edit``, ``react``, ``report``.
        """

    def active_sanction(self, user: User) -> dict[str, Any] | None:
        """The sanction in force against ``user`` (``{"kind": "banned"|"suspended", ...}``)."""
        return None

    # --- the reader's account -------------------------------------------
    def check_display_name(self, name: object) -> str:
        """Return the cleaned public name or raise DomainError: 2..40 characters, one line."""
        text = clean_text(name, max_length=10_000, field="display_name", allow_empty=True)
        if any(ch in "\n\t" for ch in text):
            raise DomainError(
                "invalid_characters",
                "A name is one line of text.",
                fields={"display_name": ["Newlines and tabs are not allowed."]},
            )
        text = " ".join(text.split())
        if len(text) < DISPLAY_NAME_MIN:
            raise DomainError(
                "too_short",
                f"A name has at least {DISPLAY_NAME_MIN} characters.",
                fields={"display_name": [f"At least {DISPLAY_NAME_MIN} characters."]},
            )
        if len(text) > DISPLAY_NAME_MAX:
            raise DomainError(
                "too_long",
                f"A name has at most {DISPLAY_NAME_MAX} characters.",
                fields={"display_name": [f"At most {DISPLAY_NAME_MAX} characters."]},
                extra={"max_length": DISPLAY_NAME_MAX, "length": len(text)},
            )
        return text

    def comment_decisions(self, comments: Sequence[Comment]) -> dict[int, dict[str, Any]]:
        """Moderation decisions about ``comments`` for their author, by comment id."""
        return {}

    def export_user_data(self, user: User) -> dict[str, Any]:
        """The policy side's records about ``user`` for the data export (no secrets)."""
        return {}

    def on_account_deleted(self, user: User) -> None:
        """Erase the policy side's personal data about ``user`` (inside the deletion)."""

    def article_closes_at(self, article: Article) -> datetime | None:
        return article.closes_at

    def posting_cache_keys(self) -> Sequence[str]:
        """Shared-cache keys a post will read through this adapter (policy state, say).

        They are fetched in the same round trip as the article (``comments.cache``)
        and handed to the adapter's reads through ``config.request_scope.read_ahead``.
        """
        return ()

    # --- screening ------------------------------------------------------
    def screen(
        self,
        *,
        author: User,
        article: Article,
        body: str,
        parent: Comment | None,
        comment: Comment | None,
        event: str,
    ) -> ScreeningVerdict:
        """Decide a new (``event="create"``) or edited (``"edit"``) comment in the request."""
        return ScreeningVerdict(status="published")

    def record(self, *, comment: Comment, verdict: ScreeningVerdict, event: str) -> None:
        """Persist the adapter's own record of a verdict, inside the same transaction."""

    def record_statement(
        self, *, comment: Comment, verdict: ScreeningVerdict, event: str, source: str
    ) -> tuple[str, list[Any]] | None:
        """``record()`` as one data-modifying statement, for a new comment not saved yet.

        On PostgreSQL a new top-level comment, its article counter and this record
        are written by one statement (``comments.services``): the comment's INSERT
        is the CTE named ``source``, whose ``id`` column is the new comment's id.
        Return ``(sql, params)``: an ``INSERT ... SELECT ... FROM <source>`` that
        stores exactly what ``record()`` would (``comment`` carries every other
        value), or None when ``record()`` would store nothing.

        An adapter that overrides ``record()`` and not this method keeps the
        transaction path (``records_in_one_statement``), so nothing goes unrecorded.
        """
        return None

    def records_in_one_statement(self) -> bool:
        """Whether ``record_statement`` stands for ``record()`` (see there)."""
        cls = type(self)
        return (
            cls.record is DefaultCommentsAdapter.record
            or cls.record_statement is not DefaultCommentsAdapter.record_statement
        )

    def screen_async(self, *, comment: Comment) -> None:
        """Slow screening, run by a Celery worker after commit. May hold the comment."""

    def screen_async_many(self, *, comments: Sequence[Comment]) -> None:
        """Slow screening of several comments (a hand-off batch); override to batch work."""
        for comment in comments:
            self.screen_async(comment=comment)

    def on_report(self, *, report: Report) -> None:
        """Called inside the report's transaction (e.g. to hide a comment past a threshold)."""


@lru_cache(maxsize=4)
def _load(path: str) -> DefaultCommentsAdapter:
    return import_string(path)()


def get_adapter() -> DefaultCommentsAdapter:
    return _load(settings.PARLEY_COMMENTS_ADAPTER)


def check_display_name(name: object) -> str:
    """The display-name policy as a plain callable, for ``PARLEY_DISPLAY_NAME_CHECK``."""
    return get_adapter().check_display_name(name)
