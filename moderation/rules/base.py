"""The context a Django-side rule sees, and the protocol it implements.

Sibling of the engine's ``Rule`` (which is Django-free and sees only
``moderation.engine.base.Context``): a ``ContextRule`` also gets the author,
article and comment, and facts about them that cost a query, computed at most
once per screening and only when a rule asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from django.utils import timezone

from moderation.engine.base import Context, Hit

if TYPE_CHECKING:
    from comments.models import Article, Comment


@dataclass
class ScreeningContext:
    policy: Any  # moderation.policy.ActivePolicy (version, data, digest)
    event: str  # create | edit | async | rescreen | dry_run
    author: Any = None
    article: Article | None = None
    parent: Comment | None = None
    comment: Comment | None = None
    toxicity_score: float | None = None  # filled by the Celery step, batched
    classifier: Any = None  # engine.classifier.Prediction, filled by the Celery step, batched
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def of_saved(
        cls, policy: Any, event: str, comment: Comment, score: float | None = None, clf: Any = None
    ):
        """The context for screening an already saved comment (async step, re-screen)."""
        return cls(
            policy=policy,
            event=event,
            author=comment.author,
            article=comment.article,
            comment=comment,
            toxicity_score=score,
            classifier=clf,
        )

    @property
    def anchor(self) -> datetime:
        """When the screened text was written: windows (flood, duplicates) end here."""
        if self.comment is not None and self.comment.created_at is not None:
            return self.comment.edited_at or self.comment.created_at
        return timezone.now()

    def published_count(self) -> int:
        """How many of the author's comments are published (one indexed count)."""
        if "published" not in self._cache:
            from comments.models import Comment

            if self.author is None or self.author.pk is None:
                self._cache["published"] = 0
            else:
                self._cache["published"] = Comment.objects.filter(
                    author_id=self.author.pk, status=Comment.Status.PUBLISHED
                ).count()
        return self._cache["published"]

    def engine_context(self) -> Context:
        needs_count = int(self.policy.get("link_trusted_after") or 0) > 0
        return Context(
            author_id=getattr(self.author, "pk", None),
            author_published_count=self.published_count() if needs_count else 0,
            article_key=getattr(self.article, "key", None),
            is_edit=self.event == "edit",
        )


@runtime_checkable
class ContextRule(Protocol):
    """``name`` is stable and recorded in every ScreeningRecord hit."""

    name: str

    def __init__(self, policy: Any) -> None: ...

    def check(self, text: str, ctx: ScreeningContext) -> list[Hit]: ...
