"""Posting a top-level comment on PostgreSQL: one statement instead of a transaction.

``comments.services`` writes the comment, the article counter and the
ScreeningRecord with one data-modifying CTE. These tests hold it to the
transaction path (the one SQLite and replies take): the same rows, nothing
left behind when a part fails, and the after-commit work only once the row is
committed.
"""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from comments import handoff, services
from comments.models import Article, Comment
from moderation.models import ScreeningRecord

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement post is PostgreSQL's"
)

CLOCKS = ("created_at", "status_changed_at")


def _comment_row(comment_id):
    comment = Comment.objects.get(pk=comment_id)
    names = [f.attname for f in Comment._meta.concrete_fields if f.attname not in ("id", *CLOCKS)]
    return {n: getattr(comment, n) for n in names}, comment


def _record_row(comment_id):
    record = ScreeningRecord.objects.get(comment_id=comment_id, event="create")
    names = [
        f.attname
        for f in ScreeningRecord._meta.concrete_fields
        if f.attname not in ("id", "comment_id", "created_at")
    ]
    return {n: getattr(record, n) for n in names}, record


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body", ["A fair point about the summit, 확인.", "That is rather quuxly of them."]
)
def test_one_statement_stores_what_the_transaction_path_stores(
    reader, article, test_policy, monkeypatch, django_capture_on_commit_callbacks, body
):
    def post(one_statement: bool) -> Comment:
        if not one_statement:
            monkeypatch.setattr(services, "_one_statement_connection", lambda adapter: None)
        before = Article.objects.get(pk=article.pk).comment_count
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            with CaptureQueriesContext(connection) as queries:
                comment = services.comment_create(author=reader, article=article, body=body)
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if not q["sql"].startswith(("SELECT", "SAVEPOINT", "RELEASE SAVEPOINT"))
        ]
        assert (len(writes) == 1) is one_statement, writes
        assert len(callbacks) == 1
        comment.counted = Article.objects.get(pk=article.pk).comment_count - before
        return comment

    written = post(one_statement=True)
    via_orm = post(one_statement=False)
    assert written.status == via_orm.status
    assert written.counted == via_orm.counted == (1 if written.status == "published" else 0)

    written_row, written_db = _comment_row(written.pk)
    orm_row, orm_db = _comment_row(via_orm.pk)
    assert written_row == orm_row
    for name in CLOCKS:
        assert abs(getattr(written_db, name) - getattr(orm_db, name)) < timedelta(seconds=5)
        assert getattr(written_db, name) == getattr(written, name)  # the object returned
    assert (written.pk, written._state.adding) == (written_db.pk, False)

    written_record, written_rec_db = _record_row(written.pk)
    orm_record, orm_rec_db = _record_row(via_orm.pk)
    assert written_record == orm_record
    assert written_record["event"] == "create"
    assert written_rec_db.hits == orm_rec_db.hits
    assert abs(written_rec_db.created_at - orm_rec_db.created_at) < timedelta(seconds=5)


@pytest.mark.django_db(transaction=True)
def test_a_failing_counter_update_leaves_no_comment_and_no_after_commit_work(
    reader, article, test_policy, monkeypatch
):
    handed_off = []
    monkeypatch.setattr(handoff, "after_write", lambda **kw: handed_off.append(kw))
    # comment_count is a PositiveIntegerField (CHECK >= 0): this bump cannot succeed.
    monkeypatch.setattr(
        services,
        "_ARTICLE_COUNT_SQL",
        "UPDATE comments_article SET comment_count = -1 - comment_count + (%s * 0) WHERE id = %s",
    )
    assert not connection.in_atomic_block
    with pytest.raises(IntegrityError):
        services.comment_create(author=reader, article=article, body="A fair point.")
    assert Comment.objects.count() == 0
    assert ScreeningRecord.objects.count() == 0
    assert Article.objects.get(pk=article.pk).comment_count == 0
    assert handed_off == []


@pytest.mark.django_db(transaction=True)
def test_after_commit_work_sees_the_post_committed(reader, article, test_policy, monkeypatch):
    """In autocommit the hand-off runs after the statement: another connection sees it all."""
    settings_dict = connection.settings_dict
    seen = []

    def after_write(*, comment_id, revision, article_id):
        with (
            psycopg.connect(
                dbname=settings_dict["NAME"],
                user=settings_dict["USER"],
                password=settings_dict["PASSWORD"] or None,
                host=settings_dict["HOST"] or None,
                port=settings_dict["PORT"] or None,
                autocommit=True,
            ) as other,
            other.cursor() as cursor,
        ):
            cursor.execute(
                "SELECT c.revision, a.comment_count,"
                " (SELECT count(*) FROM moderation_screeningrecord r WHERE r.comment_id = c.id)"
                " FROM comments_comment c JOIN comments_article a ON a.id = c.article_id"
                " WHERE c.id = %s",
                [comment_id],
            )
            seen.append((cursor.fetchone(), revision, article_id))

    monkeypatch.setattr(handoff, "after_write", after_write)
    assert not connection.in_atomic_block
    with CaptureQueriesContext(connection) as queries:
        comment = services.comment_create(author=reader, article=article, body="A fair point.")
    assert not [q for q in queries.captured_queries if q["sql"] in ("BEGIN", "COMMIT")]
    assert seen == [((1, 1, 1), 1, article.pk)]
    assert comment.status == "published"
