"""Every write to comments, articles, reactions and reports.

Services are keyword-only, own their transaction, lock what they change and
check authorization themselves: a view is only a way in.
"""

from __future__ import annotations

import logging
import re
from contextlib import nullcontext
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, connection, connections, router, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils import timezone

from config.errors import DomainError

from . import cache as thread_cache
from . import handoff
from .adapter import ScreeningVerdict, get_adapter
from .models import Article, Comment, DataExport, Reaction, Report
from .text import clean_text

ARTICLE_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,199}$")
REPORT_NOTE_MAX = 500

log = logging.getLogger(__name__)

# Marker for the CMS service token as an actor on articles.
SERVICE_ACTOR = "service"


# --- articles -----------------------------------------------------------------


def article_upsert(
    *,
    actor: Any,
    key: str,
    url: str,
    title: str,
    comments_open: bool | None = None,
    closes_at: datetime | None = None,
) -> tuple[Article, bool]:
    if actor != SERVICE_ACTOR and not getattr(actor, "is_policy_admin", False):
        raise DomainError("permission_denied", "Only admins and the CMS may change articles.")
    if not ARTICLE_KEY_RE.match(key or ""):
        raise DomainError(
            "validation_error", "The request is not valid.", fields={"key": ["Invalid key."]}
        )
    title = clean_text(title, max_length=300, field="title")
    defaults: dict[str, Any] = {"url": url, "title": title}
    if comments_open is not None:
        defaults["comments_open"] = comments_open
    if closes_at is not None:
        defaults["closes_at"] = closes_at
    with transaction.atomic():
        article, created = Article.objects.select_for_update().get_or_create(
            key=key, defaults=defaults
        )
        if not created:
            for name, value in defaults.items():
                setattr(article, name, value)
            article.save(update_fields=[*defaults, "updated_at"])
        transaction.on_commit(lambda: thread_cache.bump(article.pk))
    return article, created


def article_is_open(article: Article, *, now: datetime | None = None) -> bool:
    if not article.comments_open:
        return False
    closes_at = get_adapter().article_closes_at(article)
    return closes_at is None or (now or timezone.now()) < closes_at


def _require_open(article: Article) -> None:
    if not article_is_open(article):
        raise DomainError("article_closed", "Comments on this article are closed.")


def _require_reader(user: Any) -> None:
    if user is None or not user.is_authenticated:
        raise DomainError("not_authenticated", "Sign in to do this.")
    if not user.is_active or getattr(user, "deleted_at", None) is not None:
        raise DomainError("permission_denied", "This account cannot take part.")


# --- status and counters ---------------------------------------------------------


def _public_expr() -> ExpressionWrapper:
    return ExpressionWrapper(
        Q(status=Comment.Status.PUBLISHED) | Q(status=Comment.Status.DELETED, reply_count__gt=0),
        output_field=BooleanField(),
    )


_ARTICLE_COUNT_SQL = (
    f"UPDATE {Article._meta.db_table} SET comment_count = comment_count + %s"  # noqa: S608
    " WHERE id = %s"
)


def _apply_counters(comment: Comment, old_status: str | None, new_status: str) -> None:
    """Keep article.comment_count and parent.reply_count in step with one change."""
    was = old_status == Comment.Status.PUBLISHED
    now = new_status == Comment.Status.PUBLISHED
    if was == now:
        return
    delta = 1 if now else -1
    # Written out: on every post the ORM's compiling of this UPDATE cost ~0.3 ms of
    # CPU against a few hundredths in the database (bench/queries.py --profile).
    with connection.cursor() as cursor:
        cursor.execute(_ARTICLE_COUNT_SQL, [delta, comment.article_id])
    if comment.parent_id:
        Comment.objects.filter(pk=comment.parent_id).update(reply_count=F("reply_count") + delta)
        Comment.objects.filter(pk=comment.parent_id).update(is_public=_public_expr())


def comment_set_status(*, comment: Comment, status: str) -> Comment:
    """Move a (locked) comment to ``status``, keeping counters right. Idempotent.

    The caller holds the row lock (``select_for_update``) inside its transaction;
    moderation decisions and the policy's screening go through here.
    """
    if status not in Comment.Status.values:
        raise ValueError(status)
    if comment.status == status:
        return comment
    old = comment.status
    comment.status = status
    comment.is_public = Comment.compute_is_public(status, comment.reply_count)
    comment.status_changed_at = timezone.now()
    comment.save(update_fields=["status", "is_public", "status_changed_at"])
    _apply_counters(comment, old, status)
    article_id = comment.article_id
    transaction.on_commit(lambda: thread_cache.bump(article_id))
    return comment


def _locked_comment(comment_id: Any) -> Comment:
    try:
        pk = int(comment_id)
    except (TypeError, ValueError):
        raise DomainError("comment_not_found", "No such comment.") from None
    try:
        return Comment.objects.select_for_update(of=("self",)).select_related("article").get(pk=pk)
    except Comment.DoesNotExist:
        raise DomainError("comment_not_found", "No such comment.") from None


def _after_commit(comment: Comment) -> None:
    """After commit: the thread-cache bump and the slow-screening hand-off (``handoff``)."""
    comment_id, revision, article_id = comment.pk, comment.revision, comment.article_id
    transaction.on_commit(
        lambda: handoff.after_write(comment_id=comment_id, revision=revision, article_id=article_id)
    )


# --- comments -------------------------------------------------------------------------


def comment_create(
    *, author: Any, article: Article, body: object, parent_id: object = None
) -> Comment:
    _require_reader(author)
    adapter = get_adapter()
    adapter.check_participation(user=author, action="post")
    _require_open(article)
    text = clean_text(body, max_length=adapter.limits().max_length)

    conn = _one_statement_connection(adapter) if parent_id is None else None
    if conn is not None:
        comment, verdict = _screened_comment(adapter, author, article, text, parent=None)
        _insert_in_one_statement(conn, comment=comment, adapter=adapter, verdict=verdict)
        _after_commit(comment)
        return comment

    with transaction.atomic():
        parent = None
        if parent_id is not None:
            parent = _reply_parent(article=article, parent_id=parent_id)
        comment, verdict = _screened_comment(adapter, author, article, text, parent=parent)
        comment.save(force_insert=True)
        _apply_counters(comment, None, comment.status)
        adapter.record(comment=comment, verdict=verdict, event="create")
        _after_commit(comment)
    return comment


def _screened_comment(
    adapter: Any, author: Any, article: Article, text: str, *, parent: Comment | None
) -> tuple[Comment, Any]:
    """The new comment (unsaved) with the status the in-request screening gave it."""
    verdict = adapter.screen(
        author=author, article=article, body=text, parent=parent, comment=None, event="create"
    )
    comment = Comment(
        article=article,
        parent=parent,
        author=author,
        body=text,
        status=verdict.status,
        is_public=Comment.compute_is_public(verdict.status, 0),
    )
    return comment, verdict


# The new comment's INSERT, as the CTE the other parts of the statement read its id from.
_NEW_COMMENT = "new_comment"


def _one_statement_connection(adapter: Any) -> Any:
    """The connection a new top-level comment can be written on in one statement, or None.

    PostgreSQL only (data-modifying CTEs), with an adapter whose record can be
    part of it, and in autocommit or inside an atomic block (where on-commit
    work waits for the commit). SQLite and everything else take the transaction.
    """
    alias = router.db_for_write(Comment)
    conn = connections[alias]
    if conn.vendor != "postgresql" or router.db_for_write(Article) != alias:
        return None
    if not adapter.records_in_one_statement():
        return None
    if not (conn.in_atomic_block or conn.get_autocommit()):
        return None
    return conn


def _insert_in_one_statement(conn: Any, *, comment: Comment, adapter: Any, verdict: Any) -> None:
    """Write a new top-level comment, its article counter and its screening record at once.

    ``WITH new_comment AS (INSERT ... RETURNING id), counted AS (UPDATE article),
    recorded AS (INSERT ... SELECT ... FROM new_comment) SELECT id FROM new_comment``:
    one statement is atomic on its own, so a post needs neither ``BEGIN`` nor
    ``COMMIT`` (4 of its 6 SQL round trips were the transaction and the two
    statements beside the INSERT), and any failing part leaves nothing behind.
    The values are prepared by the model's fields as ``create()`` prepares them
    (a test compares the rows with the transaction path's). Inside an outer
    atomic block the statement gets a savepoint, as the transaction path does.
    """
    columns, params = [], []
    for field in Comment._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(conn.ops.quote_name(field.column))
        params.append(field.get_db_prep_save(field.pre_save(comment, True), conn))
    table = conn.ops.quote_name(Comment._meta.db_table)
    pk = conn.ops.quote_name(Comment._meta.pk.column)
    placeholders = ", ".join(["%s"] * len(params))
    parts = [
        f"{_NEW_COMMENT} AS (INSERT INTO {table} ({', '.join(columns)})"  # noqa: S608
        f" VALUES ({placeholders}) RETURNING {pk} AS id)"
    ]
    if comment.status == Comment.Status.PUBLISHED:  # what _apply_counters(None -> status) does
        parts.append(f"counted AS ({_ARTICLE_COUNT_SQL})")
        params += [1, comment.article_id]
    record = adapter.record_statement(
        comment=comment, verdict=verdict, event="create", source=_NEW_COMMENT
    )
    if record is not None:
        record_sql, record_params = record
        parts.append(f"recorded AS ({record_sql})")
        params += record_params
    sql = f"WITH {', '.join(parts)} SELECT id FROM {_NEW_COMMENT}"  # noqa: S608
    with transaction.atomic(using=conn.alias) if conn.in_atomic_block else nullcontext():
        with conn.cursor() as cursor:
            cursor.execute(sql, params)
            (comment.pk,) = cursor.fetchone()
    comment._state.adding = False
    comment._state.db = conn.alias


def _reply_parent(*, article: Article, parent_id: object) -> Comment:
    if isinstance(parent_id, bool) or not isinstance(parent_id, int):
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"parent": ["Must be a comment id."]},
        )
    parent = (
        Comment.objects.select_for_update()
        .filter(pk=parent_id, article=article, status=Comment.Status.PUBLISHED)
        .first()
    )
    if parent is None:
        raise DomainError("parent_not_found", "The comment you reply to does not exist.")
    if parent.parent_id is not None:
        raise DomainError("reply_depth", "Replies can only be made to top-level comments.")
    return parent


def comment_edit(*, actor: Any, comment_id: Any, body: object) -> Comment:
    _require_reader(actor)
    adapter = get_adapter()
    with transaction.atomic():
        comment = _locked_comment(comment_id)
        if comment.author_id != actor.pk:
            if comment.is_public or actor.is_moderator:
                raise DomainError("not_author", "Only the author can edit this comment.")
            raise DomainError("comment_not_found", "No such comment.")
        if comment.status in (Comment.Status.DELETED, Comment.Status.REJECTED):
            raise DomainError("not_editable", "This comment can no longer be edited.", status=403)
        window = timedelta(seconds=adapter.limits().edit_window_seconds)
        if timezone.now() > comment.created_at + window:
            raise DomainError("edit_window_closed", "The time to edit this comment has passed.")
        adapter.check_participation(user=actor, action="edit")
        _require_open(comment.article)
        text = clean_text(body, max_length=adapter.limits().max_length)
        if text == comment.body:
            return comment  # nothing changed: no new screening, no new revision
        verdict: ScreeningVerdict = adapter.screen(
            author=actor,
            article=comment.article,
            body=text,
            parent=comment.parent,
            comment=comment,
            event="edit",
        )
        comment.body = text
        comment.edited_at = timezone.now()
        comment.revision = F("revision") + 1
        comment.save(update_fields=["body", "edited_at", "revision"])
        comment.refresh_from_db(fields=["revision"])
        comment_set_status(comment=comment, status=verdict.status)
        adapter.record(comment=comment, verdict=verdict, event="edit")
        _after_commit(comment)
    return comment


def comment_delete(*, actor: Any, comment_id: Any) -> Comment:
    """Soft delete by the author: the body is wiped, the row (and its replies) stay."""
    _require_reader(actor)
    with transaction.atomic():
        comment = _locked_comment(comment_id)
        if comment.author_id != actor.pk:
            if comment.is_public:
                raise DomainError("not_author", "Only the author can delete this comment.")
            raise DomainError("comment_not_found", "No such comment.")
        if comment.status == Comment.Status.DELETED:
            return comment
        comment.body = ""
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["body", "deleted_at"])
        comment_set_status(comment=comment, status=Comment.Status.DELETED)
    return comment


def comment_wipe_for_deleted_author(*, comment: Comment) -> None:
    """Used when an account is deleted: same as a soft delete, no authorization."""
    if comment.status != Comment.Status.DELETED:
        comment.body = ""
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["body", "deleted_at"])
        comment_set_status(comment=comment, status=Comment.Status.DELETED)
    elif comment.body:
        comment.body = ""
        comment.save(update_fields=["body"])


def mark_screened(*, comment_id: int, revision: int) -> None:
    Comment.objects.filter(pk=comment_id, screened_revision__lt=revision).update(
        screened_revision=revision
    )


# --- reactions -----------------------------------------------------------------------


def _locked_published(comment_id: Any) -> Comment:
    comment = _locked_comment(comment_id)
    if comment.status != Comment.Status.PUBLISHED:
        raise DomainError("comment_not_found", "No such comment.")
    return comment


def reaction_set(*, user: Any, comment_id: Any) -> tuple[Comment, bool]:
    _require_reader(user)
    get_adapter().check_participation(user=user, action="react")
    with transaction.atomic():
        comment = _locked_published(comment_id)
        if comment.author_id == user.pk:
            raise DomainError("cannot_react_own", "You cannot react to your own comment.")
        _, created = Reaction.objects.get_or_create(comment=comment, user=user)
        if created:
            Comment.objects.filter(pk=comment.pk).update(reaction_count=F("reaction_count") + 1)
            article_pk = comment.article_id
            transaction.on_commit(lambda: thread_cache.bump(article_pk))
        comment.refresh_from_db(fields=["reaction_count"])
    return comment, True


def reaction_unset(*, user: Any, comment_id: Any) -> tuple[Comment, bool]:
    _require_reader(user)
    with transaction.atomic():
        comment = _locked_comment(comment_id)
        if not comment.is_public:
            raise DomainError("comment_not_found", "No such comment.")
        deleted, _ = Reaction.objects.filter(comment=comment, user=user).delete()
        if deleted:
            Comment.objects.filter(pk=comment.pk).update(reaction_count=F("reaction_count") - 1)
            article_pk = comment.article_id
            transaction.on_commit(lambda: thread_cache.bump(article_pk))
        comment.refresh_from_db(fields=["reaction_count"])
    return comment, False


# --- reports -------------------------------------------------------------------------


def report_create(*, reporter: Any, comment_id: Any, reason: object, note: object = "") -> Report:
    _require_reader(reporter)
    adapter = get_adapter()
    adapter.check_participation(user=reporter, action="report")
    codes = {code for code, _ in adapter.report_reasons()}
    if not isinstance(reason, str) or reason not in codes:
        raise DomainError(
            "invalid_reason",
            "Choose one of the policy's report reasons.",
            fields={"reason": [f"One of: {', '.join(sorted(codes))}."]},
        )
    note_text = clean_text(note or "", max_length=REPORT_NOTE_MAX, field="note", allow_empty=True)
    with transaction.atomic():
        comment = _locked_comment(comment_id)
        if not comment.is_public or comment.status != Comment.Status.PUBLISHED:
            raise DomainError("comment_not_found", "No such comment.")
        if comment.author_id == reporter.pk:
            raise DomainError("cannot_report_own", "You cannot report your own comment.")
        if Report.objects.filter(comment=comment, reporter=reporter).exists():
            raise DomainError("already_reported", "You have already reported this comment.")
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    comment=comment, reporter=reporter, reason=reason, note=note_text
                )
        except IntegrityError:
            raise DomainError(
                "already_reported", "You have already reported this comment."
            ) from None
        adapter.on_report(report=report)
    return report


# --- deleting a reader's account ----------------------------------------------------


def account_delete(*, user: Any) -> None:
    """Delete a reader's account: personal data gone, the thread around it intact.

    Orchestrated here rather than in ``accounts`` because the data to erase
    lives in the apps above it (comments here, decisions in moderation through
    the adapter): ``accounts`` must not import them, and ``comments`` may
    import ``accounts``. Comment bodies are wiped and their author shows as
    "Deleted user"; replies by others stay. Reactions and reports are personal
    data: they are removed and the counters they fed are fixed. Idempotent.
    """
    from accounts.models import User
    from accounts.services import user_erase_personal_data

    if user is None or not user.is_authenticated:
        raise DomainError("not_authenticated", "Sign in to do this.")
    touched_articles: set[int] = set()
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.deleted_at is not None:
            return
        for comment in (
            Comment.objects.select_for_update(of=("self",)).filter(author=locked).order_by("pk")
        ):
            touched_articles.add(comment.article_id)
            comment_wipe_for_deleted_author(comment=comment)
        for reaction in Reaction.objects.filter(user=locked).select_related("comment"):
            Comment.objects.filter(pk=reaction.comment_id, reaction_count__gt=0).update(
                reaction_count=F("reaction_count") - 1
            )
            touched_articles.add(reaction.comment.article_id)
            reaction.delete()
        Report.objects.filter(reporter=locked).delete()
        DataExport.objects.filter(user=locked).delete()  # copies of what was just erased
        get_adapter().on_account_deleted(locked)
        user_erase_personal_data(user=locked)
        transaction.on_commit(lambda: [thread_cache.bump(pk) for pk in sorted(touched_articles)])
