"""Decisions: approve/reject, reason codes, stale views, post-moderation, bulk, audit, e-mail."""

from __future__ import annotations

import pytest
from django.core import mail

from comments.models import Comment, Report
from moderation.models import AuditLog, Claim, Decision

from .conftest import err

pytestmark = pytest.mark.django_db


def decide(client, comment_id, **body):
    return client.post(f"/api/v1/moderation/comments/{comment_id}/decision/", body, format="json")


@pytest.fixture
def author(make_user):
    return make_user("author", email="author@example.com")


@pytest.fixture
def held(author, article, make_comment, hold):
    return hold(make_comment(author, article, "Held for a moderator."))


def test_approve_publishes_a_held_comment_and_records_everything(mod_client, moderator, held):
    response = decide(mod_client, held.pk, action="approve", from_status="pending")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["from_status"] == "pending" and body["to_status"] == "published"
    assert body["queue"] == "pending" and body["moderator"] == "moderator"
    held.refresh_from_db()
    assert held.status == "published" and held.is_public
    assert held.article.comments.filter(status="published").count() == 1
    held.article.refresh_from_db()
    assert held.article.comment_count == 1
    audit = AuditLog.objects.get(action="comment.approve")
    assert audit.actor == moderator
    assert audit.old == {"status": "pending"}
    assert audit.new["status"] == "published"
    assert audit.policy_version == 1
    decision = Decision.objects.get()
    assert decision.policy_version == 1 and decision.queued_at is not None


def test_reject_needs_a_policy_reason_code(mod_client, held):
    response = decide(mod_client, held.pk, action="reject", from_status="pending")
    assert response.status_code == 400 and err(response) == "invalid_reason"
    response = decide(
        mod_client, held.pk, action="reject", from_status="pending", reason_code="rude"
    )
    assert response.status_code == 400 and err(response) == "invalid_reason"
    assert "insult" in response.json()["error"]["fields"]["reason_code"][0]
    held.refresh_from_db()
    assert held.status == "pending"
    assert (
        not Decision.objects.exists()
        and not AuditLog.objects.filter(action__startswith="comment.").exists()
    )


@pytest.mark.parametrize(
    "body, field",
    [
        ({"action": "delete", "from_status": "pending"}, "action"),
        ({"action": "approve", "from_status": "hidden"}, "from_status"),
        ({"action": "approve"}, "from_status"),
        ({"action": "approve", "from_status": "pending", "extra": 1}, "extra"),
        ({"action": 1, "from_status": "pending"}, "action"),
    ],
)
def test_bad_decision_input_is_a_400(mod_client, held, body, field):
    response = decide(mod_client, held.pk, **body)
    assert response.status_code == 400
    assert err(response) == "validation_error"
    assert field in response.json()["error"]["fields"]


def test_reject_with_reason_hides_it_and_emails_the_author(
    mod_client, held, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(
            mod_client,
            held.pk,
            action="reject",
            reason_code="insult",
            note="Name-calling in the second sentence.",
            from_status="pending",
        )
    assert response.status_code == 200, response.content
    held.refresh_from_db()
    assert held.status == "rejected" and not held.is_public
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["author@example.com"]
    assert message.subject == "Your comment was removed"
    assert "Insults or personal attacks" in message.body
    assert "Held for a moderator." in message.body
    assert "appeal" in message.body
    assert "Name-calling" not in message.body  # the moderator's note stays internal


def test_stale_from_status_is_already_decided(mod_client, held):
    assert decide(mod_client, held.pk, action="approve", from_status="pending").status_code == 200
    response = decide(
        mod_client, held.pk, action="reject", reason_code="spam", from_status="pending"
    )
    assert response.status_code == 409
    assert err(response) == "already_decided"
    assert response.json()["error"]["status"] == "published"
    assert Decision.objects.count() == 1


def test_approving_a_published_comment_in_no_queue_is_already_decided(
    mod_client, author, article, make_comment
):
    comment = make_comment(author, article)
    response = decide(mod_client, comment.pk, action="approve", from_status="published")
    assert response.status_code == 409 and err(response) == "already_decided"


def test_post_moderation_rejects_a_published_comment_in_no_queue(
    mod_client, author, article, make_comment
):
    comment = make_comment(author, article)
    response = decide(
        mod_client, comment.pk, action="reject", reason_code="off_topic", from_status="published"
    )
    assert response.status_code == 200
    assert response.json()["queue"] == "post"
    comment.refresh_from_db()
    assert comment.status == "rejected"
    article.refresh_from_db()
    assert article.comment_count == 0


def test_rejecting_an_already_rejected_comment_without_appeal_is_already_decided(mod_client, held):
    decide(mod_client, held.pk, action="reject", reason_code="spam", from_status="pending")
    response = decide(
        mod_client, held.pk, action="reject", reason_code="spam", from_status="rejected"
    )
    assert response.status_code == 409 and err(response) == "already_decided"


def test_deleted_or_missing_comments(mod_client, author, article, make_comment, client_for):
    comment = make_comment(author, article)
    client_for(author).delete(f"/api/v1/comments/{comment.pk}/")
    response = decide(
        mod_client, comment.pk, action="reject", reason_code="spam", from_status="deleted"
    )
    assert response.status_code == 409 and err(response) == "already_decided"
    response = decide(mod_client, 999999, action="approve", from_status="pending")
    assert response.status_code == 404 and err(response) == "comment_not_found"


def test_decisions_close_reports_upheld_or_dismissed(
    mod_client, client_for, make_user, article, make_comment
):
    a, b = make_user("a"), make_user("b")
    first = make_comment(a, article, "first")
    second = make_comment(a, article, "second")
    for comment in (first, second):
        r = client_for(b).post(
            f"/api/v1/comments/{comment.pk}/reports/", {"reason": "insult"}, format="json"
        )
        assert r.status_code == 201
    decide(mod_client, first.pk, action="reject", reason_code="insult", from_status="published")
    decide(mod_client, second.pk, action="approve", from_status="published")
    assert Report.objects.get(comment=first).status == "upheld"
    assert Report.objects.get(comment=second).status == "dismissed"
    assert Report.objects.get(comment=second).resolved_at is not None
    second.refresh_from_db()
    assert second.status == "published"  # approving a reported comment keeps it up
    # Approving it again: reports are closed, it is in no queue any more.
    response = decide(mod_client, second.pk, action="approve", from_status="published")
    assert response.status_code == 409 and err(response) == "already_decided"


def test_a_claim_held_by_someone_else_blocks_a_decision_and_a_decision_drops_claims(
    make_user, client_for, mod_client, held
):
    other = client_for(make_user("other_mod", role="moderator"))
    assert other.post(f"/api/v1/moderation/queue/{held.pk}/claim/").status_code == 200
    response = decide(mod_client, held.pk, action="approve", from_status="pending")
    assert response.status_code == 409 and err(response) == "already_claimed"
    response = decide(other, held.pk, action="approve", from_status="pending")
    assert response.status_code == 200
    assert not Claim.objects.exists()


def test_bulk_decisions_report_each_item(mod_client, author, article, make_comment, hold):
    a = hold(make_comment(author, article, "one"))
    b = hold(make_comment(author, article, "two"))
    c = make_comment(author, article, "three")
    response = mod_client.post(
        "/api/v1/moderation/decisions/",
        {
            "items": [
                {"comment_id": a.pk, "from_status": "pending"},
                {"comment_id": b.pk, "from_status": "pending"},
                {"comment_id": b.pk, "from_status": "pending"},
                {"comment_id": c.pk, "from_status": "pending"},
                {"comment_id": 999999, "from_status": "pending"},
            ],
            "action": "reject",
            "reason_code": "spam",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    results = [(r["comment_id"], r["result"]) for r in response.json()["results"]]
    assert results == [
        (a.pk, "decided"),
        (b.pk, "decided"),
        (b.pk, "already_decided"),
        (c.pk, "already_decided"),
        (999999, "comment_not_found"),
    ]
    assert set(Comment.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {
        "rejected"
    }
    assert Decision.objects.count() == 2


def test_bulk_validates_the_shared_fields_once(mod_client, held):
    response = mod_client.post(
        "/api/v1/moderation/decisions/",
        {"items": [{"comment_id": held.pk, "from_status": "pending"}], "action": "reject"},
        format="json",
    )
    assert response.status_code == 400 and err(response) == "invalid_reason"
    response = mod_client.post(
        "/api/v1/moderation/decisions/",
        {"items": [], "action": "approve"},
        format="json",
    )
    assert response.status_code == 400 and err(response) == "validation_error"
    held.refresh_from_db()
    assert held.status == "pending"


def test_no_email_for_an_author_without_an_address(
    mod_client, make_user, article, make_comment, hold, django_capture_on_commit_callbacks
):
    silent = make_user("silent")  # no e-mail address
    comment = hold(make_comment(silent, article))
    with django_capture_on_commit_callbacks(execute=True):
        decide(mod_client, comment.pk, action="reject", reason_code="spam", from_status="pending")
    assert mail.outbox == []


def test_approval_sends_no_email(mod_client, held, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decide(mod_client, held.pk, action="approve", from_status="pending")
    assert mail.outbox == []


def test_bulk_is_limited_by_the_setting(mod_client, settings):
    settings.PARLEY_BULK_DECISION_MAX = 2
    items = [{"comment_id": n, "from_status": "pending"} for n in (1, 2, 3)]
    response = mod_client.post(
        "/api/v1/moderation/decisions/", {"items": items, "action": "approve"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"items": ["At most 2 comments in one call."]}
