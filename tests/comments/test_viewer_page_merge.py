"""A reader with held or rejected comments on a thread: their first page is merged from
the cached public page and their own comments, and must equal the page read from the
database (``selectors._viewer_page``) on any thread."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from comments import selectors
from comments.models import Comment, Reaction, Report

pytestmark = pytest.mark.django_db

STATUSES = ["published"] * 6 + ["pending", "rejected", "deleted"]
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def build_thread(rng, article, viewer, others):
    people = [viewer, *others]
    tops = []
    for _ in range(rng.randint(0, 14)):
        author = rng.choice(people)
        status = rng.choice(STATUSES)
        tops.append(
            Comment(
                article=article,
                author=author,
                body=f"top {rng.random()}",
                status=status,
                reaction_count=rng.randint(0, 3),  # ties on purpose
            )
        )
    Comment.objects.bulk_create(tops)
    replies = []
    for _ in range(rng.randint(0, 30)):
        if not tops:
            break
        # Most replies on a few comments, so that some hold more than the first three.
        parent = rng.choice(tops[:3]) if rng.random() < 0.6 else rng.choice(tops)
        replies.append(
            Comment(
                article=article,
                parent=parent,
                author=rng.choice(people),
                body=f"reply {rng.random()}",
                status=rng.choice(STATUSES),
                reaction_count=rng.randint(0, 2),
            )
        )
    Comment.objects.bulk_create(replies)
    everything = [*tops, *replies]
    for comment in everything:
        # Few distinct times, so ties are broken by id as keyset pagination does.
        created = T0 + timedelta(minutes=rng.randint(0, 6), microseconds=rng.choice([0, 250000]))
        published_replies = sum(
            1 for r in replies if r.parent_id == comment.pk and r.status == "published"
        )
        Comment.objects.filter(pk=comment.pk).update(
            created_at=created,
            reply_count=published_replies,
            is_public=Comment.compute_is_public(comment.status, published_replies),
        )
    for comment in everything:
        if comment.author_id != viewer.pk and rng.random() < 0.3:
            Reaction.objects.create(comment=comment, user=viewer)
        if comment.author_id != viewer.pk and rng.random() < 0.1:
            Report.objects.create(comment=comment, reporter=viewer, reason="spam")


@pytest.mark.parametrize("seed", range(25))
def test_merged_first_page_equals_the_page_read_from_the_database(
    seed, make_user, make_article, monkeypatch
):
    rng = random.Random(seed)
    article = make_article(f"merge-{seed}")
    viewer = make_user(f"viewer{seed}")
    others = [make_user(f"other{seed}-{i}") for i in range(3)]
    build_thread(rng, article, viewer, others)
    # The viewer always has something held, so the merge (not the plain public page)
    # runs: a top-level comment, or (every other seed) only a reply.
    public_tops = list(Comment.objects.filter(article=article, parent=None, is_public=True))
    parent = rng.choice(public_tops) if public_tops and seed % 2 else None
    if parent is not None:  # only replies held: the viewer's held top-level ones go public
        Comment.objects.filter(
            article=article, author=viewer, parent=None, status__in=["pending", "rejected"]
        ).update(status="published", is_public=True)
    Comment.objects.create(
        article=article,
        author=viewer,
        parent=parent,
        body="held",
        status="pending",
        is_public=False,
    )
    reference_page = selectors._viewer_page
    for sort, ordering in selectors.SORTS.items():
        for page_size in (1, 2, 3, 5, 50):
            cache.clear()
            selectors._cached_public_page(article.pk, sort, page_size, None, rendered=False)
            expected = reference_page(viewer, article.pk, ordering, page_size, None)

            def not_read(*args, **kwargs):
                raise AssertionError("the merge fell back to reading the page")

            monkeypatch.setattr(selectors, "_viewer_page", not_read)
            got = selectors.comment_thread(
                article_id=article.pk,
                viewer=viewer,
                sort=sort,
                page_size=page_size,
                cursor_token=None,
            )
            monkeypatch.setattr(selectors, "_viewer_page", reference_page)
            assert got == expected, (seed, sort, page_size)


def test_later_pages_and_too_many_held_comments_read_the_database(
    make_article, reader, monkeypatch
):
    article = make_article("merge-limits")
    for i in range(4):
        Comment.objects.create(article=article, author=reader, body=f"held {i}", status="pending")
    Comment.objects.filter(article=article).update(is_public=False)
    first = selectors.comment_thread(
        article_id=article.pk, viewer=reader, sort="newest", page_size=2, cursor_token=None
    )
    assert [c["body"] for c in first["results"]] == ["held 3", "held 2"]
    second = selectors.comment_thread(
        article_id=article.pk,
        viewer=reader,
        sort="newest",
        page_size=2,
        cursor_token=first["next"],
    )
    assert [c["body"] for c in second["results"]] == ["held 1", "held 0"]
    assert second["next"] is None and second["previous"] is not None

    monkeypatch.setattr(selectors, "MERGE_LIMIT", 3)
    cache.clear()
    selectors._cached_public_page(article.pk, "newest", 2, None, rendered=False)
    read = []
    reference_page = selectors._viewer_page
    monkeypatch.setattr(
        selectors, "_viewer_page", lambda *a, **k: read.append(1) or reference_page(*a, **k)
    )
    again = selectors.comment_thread(
        article_id=article.pk, viewer=reader, sort="newest", page_size=2, cursor_token=None
    )
    assert again == first and read == [1]  # four held comments, limit three: read, not merged
