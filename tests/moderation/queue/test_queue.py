"""The queues: contents, reasons, author records, order, filters, pagination, claims."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import Appeal, Claim, Sanction

from .conftest import err

pytestmark = pytest.mark.django_db

QUEUE = "/api/v1/moderation/queue/"


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_pending_queue_oldest_first_with_author_record_and_claim(
    mod_client, make_user, article, make_comment, hold, reject_directly
):
    author = make_user("author")
    reject_directly(make_comment(author, article, "earlier, rejected"))
    make_comment(author, article, "published one")
    first = hold(make_comment(author, article, "first held"))
    second = hold(make_comment(author, article, "second held"))
    Sanction.objects.create(user=author, kind="premod", reason_code="spam")
    mod_client.post(f"{QUEUE}{second.pk}/claim/")

    response = mod_client.get(QUEUE)
    assert ids(response) == [first.pk, second.pk]
    item = response.json()["results"][1]
    assert item["queue"] == "pending"
    assert item["comment"]["body"] == "second held"
    assert item["comment"]["article"]["key"] == article.key
    assert item["author"]["record"] == {"published": 1, "pending": 2, "rejected": 1, "deleted": 0}
    assert item["author"]["sanctions"][0]["kind"] == "premod"
    assert {"type": "premod"} in item["reasons"]
    assert item["claimed_by"] == {"id": item["claimed_by"]["id"], "username": "moderator"}
    assert item["claim_expires_at"]
    assert response.json()["results"][0]["claimed_by"] is None


def test_queues_are_disjoint(
    mod_client, client_for, make_user, article, make_comment, hold, reject_directly
):
    author, reporter = make_user("author"), make_user("reporter")
    held = hold(make_comment(author, article, "held"))
    reported = make_comment(author, article, "reported")
    client_for(reporter).post(
        f"/api/v1/comments/{reported.pk}/reports/", {"reason": "spam"}, format="json"
    )
    appealed = reject_directly(make_comment(author, article, "appealed"))
    client_for(author).post(
        f"/api/v1/comments/{appealed.pk}/appeal/", {"message": "Please"}, format="json"
    )
    assert ids(mod_client.get(QUEUE + "?queue=pending")) == [held.pk]
    assert ids(mod_client.get(QUEUE + "?queue=reported")) == [reported.pk]
    assert ids(mod_client.get(QUEUE + "?queue=appeals")) == [appealed.pk]
    appeal_item = mod_client.get(QUEUE + "?queue=appeals").json()["results"][0]
    assert {"type": "appeal", "message": "Please"}.items() <= appeal_item["reasons"][0].items()
    bad = mod_client.get(QUEUE + "?queue=everything")
    assert bad.status_code == 400 and err(bad) == "validation_error"


def test_filter_by_article_and_reason(
    mod_client, client_for, make_user, make_article, make_comment
):
    author, reporter = make_user("author"), make_user("reporter")
    one, two = make_article("one"), make_article("two")
    spam = make_comment(author, one, "buy now")
    rude = make_comment(author, two, "you fool")
    client_for(reporter).post(
        f"/api/v1/comments/{spam.pk}/reports/", {"reason": "spam"}, format="json"
    )
    client_for(reporter).post(
        f"/api/v1/comments/{rude.pk}/reports/", {"reason": "insult"}, format="json"
    )
    assert ids(mod_client.get(QUEUE + "?queue=reported&article=two")) == [rude.pk]
    assert ids(mod_client.get(QUEUE + "?queue=reported&reason=spam")) == [spam.pk]
    assert ids(mod_client.get(QUEUE + "?queue=reported&reason=spam&article=two")) == []
    bad = mod_client.get(QUEUE + "?queue=reported&reason=nonsense")
    assert bad.status_code == 400 and err(bad) == "validation_error"


def test_keyset_pagination_walks_every_item_once(
    mod_client, make_user, article, make_comment, hold
):
    author = make_user("author")
    held = [hold(make_comment(author, article, f"held {i}")).pk for i in range(7)]
    seen, cursor = [], None
    while True:
        url = QUEUE + "?page_size=3" + (f"&cursor={cursor}" if cursor else "")
        response = mod_client.get(url)
        seen += ids(response)
        cursor = response.json()["next"]
        if not cursor:
            break
    assert seen == held
    assert err(mod_client.get(QUEUE + "?cursor=garbage")) == "invalid_cursor"


def test_a_page_costs_a_fixed_number_of_queries(
    mod_client, client_for, make_user, article, make_comment
):
    def page_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert mod_client.get(QUEUE + "?queue=reported").status_code == 200
        return len(ctx.captured_queries)

    reporters = [make_user(f"rep{i}") for i in range(3)]

    def add_reported(n: int) -> None:
        author = make_user()
        Sanction.objects.create(user=author, kind="warn", reason_code="spam")
        for i in range(n):
            c = make_comment(author, article, f"c{i}")
            for rep in reporters[:2]:
                r = client_for(rep).post(
                    f"/api/v1/comments/{c.pk}/reports/", {"reason": "spam"}, format="json"
                )
                assert r.status_code == 201

    add_reported(2)
    page_queries()  # warm the policy cache
    small = page_queries()
    add_reported(8)
    assert page_queries() == small


def test_claim_release_and_conflicts(
    mod_client, make_user, client_for, article, make_comment, hold
):
    comment = hold(make_comment(make_user("author"), article))
    other = client_for(make_user("other", role="moderator"))
    response = mod_client.post(f"{QUEUE}{comment.pk}/claim/")
    assert response.status_code == 200
    assert response.json()["claimed_by"]["username"] == "moderator"
    taken = other.post(f"{QUEUE}{comment.pk}/claim/")
    assert taken.status_code == 409 and err(taken) == "already_claimed"
    assert taken.json()["error"]["claimed_by"]["moderator"]["username"] == "moderator"
    release = other.post(f"{QUEUE}{comment.pk}/release/")
    assert release.status_code == 409 and err(release) == "already_claimed"
    # Claiming again extends one's own claim.
    assert mod_client.post(f"{QUEUE}{comment.pk}/claim/").status_code == 200
    assert Claim.objects.count() == 1
    assert mod_client.post(f"{QUEUE}{comment.pk}/release/").status_code == 200
    assert other.post(f"{QUEUE}{comment.pk}/claim/").status_code == 200


def test_an_expired_claim_is_free(mod_client, make_user, client_for, article, make_comment, hold):
    comment = hold(make_comment(make_user("author"), article))
    mod_client.post(f"{QUEUE}{comment.pk}/claim/")
    Claim.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    item = mod_client.get(QUEUE).json()["results"][0]
    assert item["claimed_by"] is None
    other = client_for(make_user("other", role="moderator"))
    assert other.post(f"{QUEUE}{comment.pk}/claim/").json()["claimed_by"]["username"] == "other"


def test_claim_ttl_setting(settings, mod_client, make_user, article, make_comment, hold):
    settings.PARLEY_CLAIM_TTL_SECONDS = 60
    comment = hold(make_comment(make_user("author"), article))
    mod_client.post(f"{QUEUE}{comment.pk}/claim/")
    claim = Claim.objects.get()
    assert timedelta(seconds=59) <= claim.expires_at - claim.claimed_at <= timedelta(seconds=61)


def test_claiming_something_in_no_queue(mod_client, make_user, article, make_comment):
    comment = make_comment(make_user("author"), article)
    response = mod_client.post(f"{QUEUE}{comment.pk}/claim/")
    assert response.status_code == 409 and err(response) == "not_in_queue"
    response = mod_client.post(f"{QUEUE}999999/claim/")
    assert response.status_code == 404 and err(response) == "comment_not_found"


def test_appeal_rows_back_the_appeals_queue(make_user, article, make_comment, reject_directly):
    author = make_user("author")
    comment = reject_directly(make_comment(author, article))
    Appeal.objects.create(comment=comment, author=author, message="m")
    from moderation.queue import queue_of

    assert queue_of(comment) == "appeals"


def test_reported_queue_pages_by_first_report_time(
    mod_client, client_for, make_user, article, make_comment
):
    author, reporter = make_user("author"), make_user("reporter")
    comments = [make_comment(author, article, f"c{i}") for i in range(5)]
    for comment in reversed(comments):  # reported newest comment first
        r = client_for(reporter).post(
            f"/api/v1/comments/{comment.pk}/reports/", {"reason": "spam"}, format="json"
        )
        assert r.status_code == 201
    first = mod_client.get(QUEUE + "?queue=reported&page_size=3")
    second = mod_client.get(f"{QUEUE}?queue=reported&page_size=3&cursor={first.json()['next']}")
    assert ids(first) + ids(second) == [c.pk for c in reversed(comments)]
    assert second.json()["next"] is None
