"""Every read of comments that has rules: visibility, ordering, pagination.

Listing a page costs a fixed number of queries whatever its size: one for the
page (authors joined), one for the first replies of all its comments (a
window function), and for a signed-in viewer one for their reactions and
reports on those comments (and whether they have held comments there). The
public page is cached in the shared cache under the article's generation
number (see ``comments.cache``), for anonymous and signed-in readers alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from config.api.formats import iso
from config.errors import DomainError

from . import cache as thread_cache
from .models import Article, Comment, Reaction, Report
from .pagination import Cursor, decode_cursor, keyset_page
from .presenters import comment_dict

SORTS: dict[str, tuple[str, ...]] = {
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "top": ("-reaction_count", "-id"),
}
REPLIES_ORDER = ("created_at", "id")
EMBEDDED_REPLIES = 3
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def parse_page_size(raw: Any, default: int = DEFAULT_PAGE_SIZE) -> int:
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= MAX_PAGE_SIZE:
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"page_size": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]},
        )
    return value


def parse_sort(raw: Any) -> str:
    if raw in (None, ""):
        return "newest"
    if raw not in SORTS:
        raise DomainError(
            "validation_error",
            "The request is not valid.",
            fields={"sort": [f"One of: {', '.join(SORTS)}."]},
        )
    return raw


def article_get(key: str) -> Article:
    article = Article.objects.filter(key=key).first()
    if article is None:
        raise DomainError("article_not_found", "No such article.")
    return article


def read_ahead_for_posting(key: str, *, also: Sequence[str] = ()) -> None:
    """Before a post is checked: the cached article row, the cache entries the
    screening adapter will read (``posting_cache_keys``: the active policy, which
    the rate limits read first) and ``also`` (the session: ``config.sessions``)
    in one round trip instead of one each."""
    from .adapter import get_adapter

    thread_cache.read_ahead_article_row(key, also=[*get_adapter().posting_cache_keys(), *also])


def read_ahead_for_thread(key: str, *, also: Sequence[str] = ()) -> None:
    """Before a thread page is read: the article reference and ``also`` (the
    session) in one round trip."""
    thread_cache.read_ahead_article_ref(key, also=also)


def article_for_posting(key: str) -> Article:
    """The article with ``key`` for a new comment, from the shared cache when it is there.

    Everything a post reads of the article (open or closed, closing date,
    moderation mode) changes only through ``Article.save()``, which drops the
    cached copy (``comments.cache``). The counter is deferred: it changes with
    every post, so reading it from this copy goes to the database.
    """
    article = thread_cache.article_row(key)
    if isinstance(article, Article):
        return article
    article = Article.objects.defer("comment_count").filter(key=key).first()
    if article is None:
        raise DomainError("article_not_found", "No such article.")
    thread_cache.remember_article_row(article)
    return article


def article_id_get(key: str) -> int:
    """The id of the article with ``key``, from the shared cache when it is there.

    Reading a thread needs only the id; ``comments.cache`` drops the entry when
    the article is saved or deleted.
    """
    article_id = thread_cache.article_id_for(key)
    if article_id is None:
        article_id = Article.objects.filter(key=key).values_list("pk", flat=True).first()
        if article_id is None:
            raise DomainError("article_not_found", "No such article.")
        thread_cache.remember_article(key, article_id)
    return article_id


def _is_signed_in(viewer: Any) -> bool:
    return viewer is not None and viewer.is_authenticated


def _base(viewer: Any):
    return Comment.objects.visible_to(viewer).select_related("author", "article")


def _first_replies(parent_ids: list[int], viewer: Any) -> dict[int, list[Comment]]:
    if not parent_ids:
        return {}
    ranked = (
        _base(viewer)
        .filter(parent_id__in=parent_ids)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("parent_id")],
                order_by=[F(name).asc() for name in REPLIES_ORDER],
            )
        )
        .filter(rank__lte=EMBEDDED_REPLIES)
        .order_by("parent_id", *REPLIES_ORDER)
    )
    grouped: dict[int, list[Comment]] = {}
    for reply in ranked:
        grouped.setdefault(reply.parent_id, []).append(reply)
    return grouped


def viewer_state(viewer: Any, comment_ids: list[int]) -> tuple[set[int], set[int]]:
    """(ids the viewer reacted to, ids the viewer reported) among ``comment_ids``."""
    if not _is_signed_in(viewer) or not comment_ids:
        return set(), set()
    reacted = set(
        Reaction.objects.filter(user_id=viewer.pk, comment_id__in=comment_ids).values_list(
            "comment_id", flat=True
        )
    )
    reported = set(
        Report.objects.filter(reporter_id=viewer.pk, comment_id__in=comment_ids).values_list(
            "comment_id", flat=True
        )
    )
    return reacted, reported


def _page_ids(items: list[dict]) -> list[int]:
    ids = [item["id"] for item in items]
    for item in items:
        ids.extend(reply["id"] for reply in item.get("replies", ()))
    return ids


def _decorate(items: list[dict], viewer: Any, reacted: set[int], reported: set[int]) -> list[dict]:
    """Add the per-viewer ``viewer`` block to (copies of) cached public items."""

    def decorate(item: dict) -> dict:
        out = dict(item)
        out["viewer"] = {
            "reacted": item["id"] in reacted,
            "is_author": item["author"] is not None and item["author"]["id"] == viewer.pk,
            "reported": item["id"] in reported,
        }
        if "replies" in item:
            out["replies"] = [decorate(reply) for reply in item["replies"]]
        return out

    return [decorate(item) for item in items]


def _with_viewer(items: list[dict], viewer: Any) -> list[dict]:
    if not _is_signed_in(viewer):
        return items
    reacted, reported = viewer_state(viewer, _page_ids(items))
    return _decorate(items, viewer, reacted, reported)


def _render_page(rows: list[Comment], viewer: Any, *, with_replies: bool) -> list[dict]:
    replies = _first_replies([c.pk for c in rows], viewer) if with_replies else {}
    items = []
    for comment in rows:
        item = comment_dict(comment)
        if with_replies:
            item["replies"] = [comment_dict(r) for r in replies.get(comment.pk, [])]
        items.append(item)
    return items


def _viewer_has_hidden(viewer: Any, article_id: int) -> bool:
    return Comment.objects.filter(
        article_id=article_id,
        author_id=viewer.pk,
        status__in=(Comment.Status.PENDING, Comment.Status.REJECTED),
    ).exists()


def _viewer_on_public_page(
    viewer: Any, article_id: int, comment_ids: list[int]
) -> tuple[bool, set[int], set[int]]:
    """(viewer has held or rejected comments on the article, reacted ids, reported ids).

    One UNION ALL query instead of three round trips: this runs on every
    signed-in page view. Written as SQL (the same query the ORM built from
    three querysets and a union) because building it through the ORM cost
    more CPU than the database spent answering it.
    """
    ids = [int(i) for i in comment_ids] or [0]
    if connection.vendor == "postgresql":
        # One array parameter: a list of ~150 literals cost PostgreSQL more to plan
        # (a selectivity estimate per element) than to run.
        in_ids, id_params = "IN (SELECT unnest(%s::bigint[]))", [ids]
    else:
        in_ids, id_params = "IN (" + ", ".join(["%s"] * len(ids)) + ")", ids
    # Only table names and placeholders are formatted in; every value is a parameter.
    sql = (
        f"SELECT 0, id FROM {Comment._meta.db_table}"  # noqa: S608
        " WHERE article_id = %s AND author_id = %s AND status IN (%s, %s)"
        f" UNION ALL SELECT 1, comment_id FROM {Reaction._meta.db_table}"
        f" WHERE user_id = %s AND comment_id {in_ids}"
        f" UNION ALL SELECT 2, comment_id FROM {Report._meta.db_table}"
        f" WHERE reporter_id = %s AND comment_id {in_ids}"
    )
    params = [
        article_id,
        viewer.pk,
        Comment.Status.PENDING.value,
        Comment.Status.REJECTED.value,
        viewer.pk,
        *id_params,
        viewer.pk,
        *id_params,
    ]
    found: dict[int, set[int]] = {0: set(), 1: set(), 2: set()}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for k, comment_id in cursor.fetchall():
            found[k].add(comment_id)
    return bool(found[0]), found[1], found[2]


def _page_result(rows: list[dict], page) -> dict[str, Any]:
    return {
        "results": rows,
        "next": page.next.encode() if page.next else None,
        "previous": page.previous.encode() if page.previous else None,
    }


def _public_page(
    article_id: int, ordering: tuple[str, ...], page_size: int, cursor: Cursor | None
) -> dict[str, Any]:
    page = keyset_page(
        Comment.objects.public()
        .select_related("author", "article")
        .filter(article_id=article_id, parent__isnull=True),
        ordering=ordering,
        page_size=page_size,
        cursor=cursor,
    )
    return _page_result(_render_page(page.rows, None, with_replies=True), page)


def _cached_public_page(
    article_id: int, sort: str, page_size: int, cursor_token: str | None, *, rendered: bool
) -> tuple[int, Any]:
    """(generation, the public page) from the cache, building and storing it on a miss.

    ``rendered``: the page as JSON bytes (what ``render_json`` makes of it).
    """
    parts = ("top", sort, page_size, cursor_token or "")
    generation, cached = thread_cache.read_page(article_id, *parts, rendered=rendered)
    if cached is None:
        ordering = SORTS[sort]
        cursor = decode_cursor(cursor_token, size=len(ordering))
        page = _public_page(article_id, ordering, page_size, cursor)
        body = render_json(page)
        thread_cache.write_page(article_id, generation, *parts, value=page, rendered=body)
        cached = body if rendered else page
    return generation, cached


def render_json(data: Any) -> bytes:
    """The bytes DRF's JSONRenderer (the API's only renderer) makes of ``data``."""
    from rest_framework.renderers import JSONRenderer

    return JSONRenderer().render(data)


def public_thread_json(
    *, article_id: int, sort: str, page_size: int, cursor_token: str | None
) -> bytes:
    """The public page as rendered JSON, for anonymous readers: no rendering on a hit."""
    decode_cursor(cursor_token, size=len(SORTS[sort]))  # an invalid cursor is a 400 first
    return _cached_public_page(article_id, sort, page_size, cursor_token, rendered=True)[1]


def comment_thread(
    *, article_id: int, viewer: Any, sort: str, page_size: int, cursor_token: str | None
) -> dict[str, Any]:
    """A page of top-level comments with their first replies.

    Everyone whose view is the public one (anonymous readers, and signed-in
    readers without held or rejected comments on the article) gets the cached
    public page; signed-in readers get it with their ``viewer`` blocks added by
    one more query. A cache hit costs one cache round trip, plus that query.
    """
    ordering = SORTS[sort]
    cursor: Cursor | None = decode_cursor(cursor_token, size=len(ordering))
    signed_in = _is_signed_in(viewer)
    if not signed_in:
        return _cached_public_page(article_id, sort, page_size, cursor_token, rendered=False)[1]
    parts = ("top", sort, page_size, cursor_token or "")
    generation, cached = thread_cache.read_page(article_id, *parts)
    if cached is None and not _viewer_has_hidden(viewer, article_id):
        cached = _public_page(article_id, ordering, page_size, cursor)
        thread_cache.write_page(
            article_id, generation, *parts, value=cached, rendered=render_json(cached)
        )
    if cached is not None:
        public_ids = _page_ids(cached["results"])
        hidden, reacted, reported = _viewer_on_public_page(viewer, article_id, public_ids)
        if not hidden:
            return {**cached, "results": _decorate(cached["results"], viewer, reacted, reported)}
        if cursor is None:
            merged = _merged_first_page(cached, viewer, article_id, ordering, page_size)
            if merged is not None:
                seen = set(public_ids)
                extra = [i for i in _page_ids(merged["results"]) if i not in seen]
                more_reacted, more_reported = viewer_state(viewer, extra)
                results = _decorate(
                    merged["results"], viewer, reacted | more_reacted, reported | more_reported
                )
                return {**merged, "results": results}
    return _viewer_page(viewer, article_id, ordering, page_size, cursor)


def _viewer_page(
    viewer: Any, article_id: int, ordering: tuple[str, ...], page_size: int, cursor: Cursor | None
) -> dict[str, Any]:
    """The page as ``viewer`` sees it, read from the database (the reference for the merge)."""
    page = keyset_page(
        _base(viewer).filter(article_id=article_id, parent__isnull=True),
        ordering=ordering,
        page_size=page_size,
        cursor=cursor,
    )
    rows = _render_page(page.rows, viewer, with_replies=True)
    return {**_page_result(rows, page), "results": _with_viewer(rows, viewer)}


# More of the viewer's own held or rejected comments than this on one article: the
# page is read from the database instead (the merge sorts them all in Python).
MERGE_LIMIT = 100
_HIDDEN = (Comment.Status.PENDING, Comment.Status.REJECTED)


def _position(item: dict | Comment, ordering: Sequence[str]) -> tuple[Any, ...]:
    """The sort-key values of a rendered comment (dict) or a row, as keyset_page sees them."""
    values = []
    for order in ordering:
        name = order.lstrip("-")
        if isinstance(item, dict):
            value = item[name]
            if name in ("created_at", "edited_at") and value is not None:
                value = datetime.fromisoformat(value)
        else:
            value = getattr(item, name)
        values.append(value)
    return tuple(values)


def _sorted(items: list, ordering: Sequence[str]) -> list:
    descending = {order.startswith("-") for order in ordering}
    if len(descending) != 1:  # pragma: no cover - every sort here is one direction
        raise ValueError("mixed-direction ordering")
    return sorted(items, key=lambda item: _position(item, ordering), reverse=descending.pop())


def _merged_first_page(
    cached: dict[str, Any], viewer: Any, article_id: int, ordering: tuple[str, ...], page_size: int
) -> dict[str, Any] | None:
    """The first page as a viewer with held or rejected comments here sees it, built from
    the cached public page and those few comments, without reading the thread again.

    The viewer sees the public comments plus their own held or rejected ones. The
    cached page holds the first ``page_size`` public top-level comments, so the first
    ``page_size`` of (those + the viewer's top-level ones) is the viewer's first page;
    a comment's first replies are, likewise, the first ``EMBEDDED_REPLIES`` of (its
    cached public replies + the viewer's replies to it). Comments of the viewer's that
    land on the page get their replies read as the uncached path reads them.
    ``_viewer_page`` is the reference: ``tests/comments/test_viewer_page_merge.py``
    compares the two on random threads. None: too many to merge (``MERGE_LIMIT``).
    """
    own = list(
        _base(viewer).filter(article_id=article_id, author_id=viewer.pk, status__in=_HIDDEN)[
            : MERGE_LIMIT + 1
        ]
    )
    if len(own) > MERGE_LIMIT:
        return None
    own_replies: dict[int, list[Comment]] = {}
    for comment in own:
        if comment.parent_id is not None:
            own_replies.setdefault(comment.parent_id, []).append(comment)
    top = _sorted([*cached["results"], *(c for c in own if c.parent_id is None)], ordering)
    more = cached["next"] is not None or len(top) > page_size
    top = top[:page_size]
    own_on_page = [c.pk for c in top if isinstance(c, Comment)]
    their_replies = _first_replies(own_on_page, viewer)
    results = []
    for item in top:
        if isinstance(item, Comment):
            out = comment_dict(item)
            out["replies"] = [comment_dict(r) for r in their_replies.get(item.pk, [])]
        else:
            out = dict(item)
            extra = own_replies.get(item["id"])
            if extra:
                replies = _sorted([*item["replies"], *extra], REPLIES_ORDER)
                out["replies"] = [
                    r if isinstance(r, dict) else comment_dict(r)
                    for r in replies[:EMBEDDED_REPLIES]
                ]
        results.append(out)
    last = top[-1] if top else None
    return {
        "results": results,
        "next": Cursor(_position(last, ordering)).encode() if last is not None and more else None,
        "previous": None,
    }


def comment_get(*, viewer: Any, comment_id: Any) -> Comment:
    try:
        pk = int(comment_id)
    except (TypeError, ValueError):
        raise DomainError("comment_not_found", "No such comment.") from None
    qs = Comment.objects.select_related("author", "article")
    if not (_is_signed_in(viewer) and getattr(viewer, "is_moderator", False)):
        qs = qs.visible_to(viewer)
    comment = qs.filter(pk=pk).first()
    if comment is None:
        raise DomainError("comment_not_found", "No such comment.")
    return comment


def comment_detail(*, viewer: Any, comment_id: Any) -> dict[str, Any]:
    comment = comment_get(viewer=viewer, comment_id=comment_id)
    items = _render_page([comment], viewer, with_replies=comment.parent_id is None)
    return _with_viewer(items, viewer)[0]


def comment_created(*, viewer: Any, comment: Comment) -> dict[str, Any]:
    """What ``comment_detail`` returns for a comment ``viewer`` has just created.

    Rendered from the object the service returned instead of reading it back
    (that cost five queries per post): the author always sees their own new
    comment whatever its status, it has no replies yet, and nobody can react
    to or report their own comment, so the viewer block is known.
    """
    item = comment_dict(comment)
    if comment.parent_id is None:
        item["replies"] = []
    item["viewer"] = {"reacted": False, "is_author": True, "reported": False}
    return item


def comment_replies(
    *, viewer: Any, comment_id: Any, page_size: int, cursor_token: str | None
) -> dict[str, Any]:
    parent = comment_get(viewer=viewer, comment_id=comment_id)
    cursor = decode_cursor(cursor_token, size=len(REPLIES_ORDER))
    page = keyset_page(
        _base(viewer).filter(parent=parent),
        ordering=REPLIES_ORDER,
        page_size=page_size,
        cursor=cursor,
    )
    rows = _render_page(page.rows, viewer, with_replies=False)
    return {**_page_result(rows, page), "results": _with_viewer(rows, viewer)}


def comments_of_author(
    *, user: Any, page_size: int, cursor_token: str | None
) -> tuple[list[Comment], dict[str, Any]]:
    """The reader's own comments, newest first, every status (for /me/comments/)."""
    ordering = ("-created_at", "-id")
    cursor = decode_cursor(cursor_token, size=len(ordering))
    page = keyset_page(
        Comment.objects.filter(author=user).select_related("author", "article"),
        ordering=ordering,
        page_size=page_size,
        cursor=cursor,
    )
    return page.rows, {
        "next": page.next.encode() if page.next else None,
        "previous": page.previous.encode() if page.previous else None,
    }


# --- the reader's own data (/api/v1/me/...) ------------------------------------------


def my_comments_page(*, user: Any, page_size: int, cursor_token: str | None) -> dict[str, Any]:
    """The reader's own comments, every status, with a moderation ``decision`` when one exists."""
    from .adapter import get_adapter

    rows, links = comments_of_author(user=user, page_size=page_size, cursor_token=cursor_token)
    decisions = get_adapter().comment_decisions(rows) if rows else {}
    results = []
    for comment in rows:
        item = comment_dict(comment)
        # The author sees their own words and status, whatever the status.
        item["author"] = {
            "id": user.pk,
            "display_name": user.public_name,
            "avatar_url": user.avatar_url,
        }
        item["body"] = comment.body
        item["article_title"] = comment.article.title
        decision = decisions.get(comment.pk)
        if decision:
            item["decision"] = decision
        results.append(item)
    return {"results": results, **links}


def reader_export(user: Any) -> dict[str, Any]:
    """Everything Parley holds about ``user`` (the GDPR / PIPA access right), without secrets."""
    from accounts.selectors import account_export

    from .adapter import get_adapter

    comments = [
        {
            "id": c.pk,
            "article": c.article.key,
            "article_url": c.article.url,
            "parent": c.parent_id,
            "body": c.body,
            "status": c.status,
            "created_at": iso(c.created_at),
            "edited_at": iso(c.edited_at),
            "deleted_at": iso(c.deleted_at),
            "reaction_count": c.reaction_count,
            "reply_count": c.reply_count,
        }
        for c in Comment.objects.filter(author=user).select_related("article").order_by("pk")
    ]
    reactions = [
        {"comment": r.comment_id, "created_at": iso(r.created_at)}
        for r in Reaction.objects.filter(user=user).order_by("pk")
    ]
    reports = [
        {
            "comment": r.comment_id,
            "reason": r.reason,
            "note": r.note,
            "status": r.status,
            "created_at": iso(r.created_at),
            "resolved_at": iso(r.resolved_at),
        }
        for r in Report.objects.filter(reporter=user).order_by("pk")
    ]
    return {
        "format": "parley-export/1",
        **account_export(user),
        "comments": comments,
        "reactions": reactions,
        "reports": reports,
        "moderation": get_adapter().export_user_data(user),
    }
