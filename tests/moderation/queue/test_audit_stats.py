"""The audit log API (filters, newest first, pages) and the stats."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from moderation.models import AuditLog, Decision

from .conftest import err

pytestmark = pytest.mark.django_db

AUDIT = "/api/v1/moderation/audit/"


@pytest.fixture
def history(mod_client, client_for, make_user, article, make_comment, hold):
    """Two decisions, a sanction, an appeal and a hold by reports."""
    author = make_user("author")
    a = hold(make_comment(author, article, "a"))
    b = hold(make_comment(author, article, "b"))
    for comment, action in ((a, "approve"), (b, "reject")):
        r = mod_client.post(
            f"/api/v1/moderation/comments/{comment.pk}/decision/",
            {"action": action, "reason_code": "spam", "from_status": "pending"},
            format="json",
        )
        assert r.status_code == 200
    mod_client.post(
        f"/api/v1/moderation/users/{author.pk}/sanctions/",
        {"kind": "warn", "reason_code": "spam"},
        format="json",
    )
    client_for(author).post(f"/api/v1/comments/{b.pk}/appeal/", {"message": "m"}, format="json")
    return {"author": author, "a": a, "b": b}


def actions(response):
    assert response.status_code == 200, response.content
    return [row["action"] for row in response.json()["results"]]


def test_audit_newest_first_with_old_new_reason_and_policy(mod_client, history, moderator):
    response = mod_client.get(AUDIT)
    assert actions(response) == [
        "comment.appeal",
        "user.sanction.warn",
        "comment.reject",
        "comment.approve",
        "policy.bootstrap",
    ]
    reject = response.json()["results"][2]
    assert reject["actor"] == {"id": moderator.pk, "label": "moderator"}
    assert reject["target"] == {"type": "comment", "id": str(history["b"].pk)}
    assert reject["old"] == {"status": "pending"}
    assert reject["new"]["status"] == "rejected"
    assert reject["reason_code"] == "spam" and reject["policy_version"] == 1
    assert response.json()["results"][-1]["system"] is True


def test_audit_filters(mod_client, history, moderator):
    assert actions(mod_client.get(f"{AUDIT}?actor={moderator.pk}")) == [
        "user.sanction.warn",
        "comment.reject",
        "comment.approve",
    ]
    assert actions(mod_client.get(f"{AUDIT}?actor=author")) == ["comment.appeal"]
    assert actions(mod_client.get(f"{AUDIT}?actor=system")) == ["policy.bootstrap"]
    assert actions(mod_client.get(f"{AUDIT}?action=comment.reject")) == ["comment.reject"]
    assert actions(mod_client.get(f"{AUDIT}?action=user.*")) == ["user.sanction.warn"]
    assert actions(mod_client.get(f"{AUDIT}?target_type=comment&target_id={history['b'].pk}")) == [
        "comment.appeal",
        "comment.reject",
    ]
    later = (timezone.now() + timedelta(hours=1)).isoformat().replace("+", "%2B")
    assert actions(mod_client.get(f"{AUDIT}?since={later}")) == []
    assert len(actions(mod_client.get(f"{AUDIT}?until={later}"))) == 5
    bad = mod_client.get(f"{AUDIT}?since=yesterday")
    assert bad.status_code == 400 and err(bad) == "validation_error"


def test_audit_pages(mod_client, history):
    first = mod_client.get(f"{AUDIT}?page_size=2").json()
    second = mod_client.get(f"{AUDIT}?page_size=2&cursor={first['next']}").json()
    third = mod_client.get(f"{AUDIT}?page_size=2&cursor={second['next']}").json()
    ids = [r["id"] for page in (first, second, third) for r in page["results"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 5
    assert third["next"] is None


def test_audit_log_is_append_only(history):
    row = AuditLog.objects.first()
    row.note = "rewritten"
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises(ValueError):
        row.delete()


def test_stats(mod_client, client_for, make_user, article, make_comment, hold, history):
    old = hold(make_comment(history["author"], article, "old"))
    type(old).objects.filter(pk=old.pk).update(
        status_changed_at=timezone.now() - timedelta(hours=2)
    )
    reporter = make_user("reporter")
    reported = make_comment(history["author"], article, "reported")
    client_for(reporter).post(
        f"/api/v1/comments/{reported.pk}/reports/", {"reason": "spam"}, format="json"
    )
    # Make the two decisions took 60 and 180 seconds.
    for seconds, decision in zip((60, 180), Decision.objects.order_by("id"), strict=True):
        Decision.objects.filter(pk=decision.pk).update(
            queued_at=decision.created_at - timedelta(seconds=seconds)
        )
    response = mod_client.get("/api/v1/moderation/stats/")
    assert response.status_code == 200
    data = response.json()
    assert data["queues"]["pending"]["size"] == 1
    assert data["queues"]["pending"]["oldest_age_seconds"] >= 7200
    assert data["queues"]["reported"]["size"] == 1
    assert data["queues"]["appeals"]["size"] == 1
    assert sorted(
        (row["action"], row["reason_code"], row["count"]) for row in data["decisions"]["by_reason"]
    ) == [("approve", "spam", 1), ("reject", "spam", 1)]
    assert data["median_seconds_to_decision"] == 120
    assert data["median_sample_size"] == 2
