"""Two moderators at once, on PostgreSQL with two real connections: exactly one wins.

Each thread has its own database connection (Django's connections are
per thread) and waits at a barrier, so both requests reach the database
together; the comment's row lock (``SELECT ... FOR UPDATE``) decides who goes
first, and the other sees the result and gets 409.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from rest_framework.test import APIClient

from comments.models import Comment
from comments.services import comment_set_status
from moderation.models import AuditLog, Claim, Decision

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency tests need PostgreSQL (row locks); set DATABASE_URL=postgres://...",
    ),
]

ROUNDS = 5


def _race(users, request) -> list:
    """Run ``request(client)`` for each user in its own thread and connection, at once."""
    barrier = threading.Barrier(len(users))
    results: list = [None] * len(users)

    def run(index, user):
        try:
            client = APIClient()
            client.force_authenticate(user=user)
            barrier.wait(timeout=10)
            response = request(client)
            results[index] = (response.status_code, response.json())
        except Exception as exc:  # surfaced by the assertion below
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, u)) for i, u in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert all(not isinstance(r, Exception) for r in results), results
    return results


@pytest.fixture
def two_moderators(make_user):
    return make_user("mod_a", role="moderator"), make_user("mod_b", role="moderator")


def _held(author, article, make_comment, body):
    comment = make_comment(author, article, body)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        comment_set_status(comment=locked, status=Comment.Status.PENDING)
    return comment


@pytest.mark.parametrize("actions", [("approve", "reject"), ("reject", "reject")])
def test_two_decisions_at_once_exactly_one_wins(
    actions, two_moderators, make_user, article, make_comment
):
    author = make_user("author")
    for round_ in range(ROUNDS):
        comment = _held(author, article, make_comment, f"round {round_}")
        bodies = iter(
            {"action": a, "from_status": "pending", "reason_code": "spam"} for a in actions
        )
        payloads = [next(bodies), next(bodies)]
        lock = threading.Lock()

        def request(client, comment=comment, payloads=payloads, lock=lock):
            with lock:
                body = payloads.pop()
            return client.post(
                f"/api/v1/moderation/comments/{comment.pk}/decision/", body, format="json"
            )

        results = _race(list(two_moderators), request)
        statuses = sorted(code for code, _ in results)
        assert statuses == [200, 409], results
        loser = next(body for code, body in results if code == 409)
        assert loser["error"]["code"] == "already_decided"
        assert Decision.objects.filter(comment=comment).count() == 1
        assert (
            AuditLog.objects.filter(target_type="comment", target_id=str(comment.pk)).count() == 1
        )
        comment.refresh_from_db()
        winner = Decision.objects.get(comment=comment)
        assert comment.status == winner.to_status


def test_two_claims_at_once_exactly_one_wins(two_moderators, make_user, article, make_comment):
    author = make_user("author")
    for round_ in range(ROUNDS):
        comment = _held(author, article, make_comment, f"round {round_}")

        def request(client, comment=comment):
            return client.post(f"/api/v1/moderation/queue/{comment.pk}/claim/")

        results = _race(list(two_moderators), request)
        assert sorted(code for code, _ in results) == [200, 409], results
        winner = next(body for code, body in results if code == 200)
        loser = next(body for code, body in results if code == 409)
        assert loser["error"]["code"] == "already_claimed"
        claim = Claim.objects.select_related("moderator").get(comment=comment)
        assert claim.moderator.username == winner["claimed_by"]["username"]
        assert loser["error"]["claimed_by"]["moderator"]["username"] == claim.moderator.username


def test_bulk_and_single_decision_race(two_moderators, make_user, article, make_comment):
    author = make_user("author")
    comment = _held(author, article, make_comment, "contested")
    mod_a, mod_b = two_moderators

    def request(client):
        if client.handler._force_user == mod_a:
            return client.post(
                f"/api/v1/moderation/comments/{comment.pk}/decision/",
                {"action": "approve", "from_status": "pending"},
                format="json",
            )
        return client.post(
            "/api/v1/moderation/decisions/",
            {
                "items": [{"comment_id": comment.pk, "from_status": "pending"}],
                "action": "reject",
                "reason_code": "spam",
            },
            format="json",
        )

    results = _race([mod_a, mod_b], request)
    single = next(body for body in (r[1] for r in results) if "results" not in body)
    bulk = next(body for body in (r[1] for r in results) if "results" in body)
    outcomes = {
        "single": "decided" if "error" not in single else single["error"]["code"],
        "bulk": bulk["results"][0]["result"],
    }
    assert sorted(outcomes.values()) == ["already_decided", "decided"], outcomes
    assert Decision.objects.filter(comment=comment).count() == 1
