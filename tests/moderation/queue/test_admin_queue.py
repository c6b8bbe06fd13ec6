"""The Django admin for moderators: read-mostly, and its writes go through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from moderation.models import AuditLog, Decision, Sanction

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_for():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def test_moderator_works_the_queue_in_the_admin(
    admin_client_for, moderator, make_user, article, make_comment, hold
):
    author = make_user("author")
    held = hold(make_comment(author, article, "held in admin"))
    other = hold(make_comment(author, article, "another"))
    client = admin_client_for(moderator)
    page = client.get("/admin/moderation/queuedcomment/")
    assert page.status_code == 200
    assert b"held in admin" in page.content
    response = client.post(
        "/admin/moderation/queuedcomment/",
        {"action": "reject", "_selected_action": [held.pk], "reason_code": "spam"},
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == "rejected"
    decision = Decision.objects.get()
    assert decision.moderator == moderator and decision.reason_code == "spam"
    assert AuditLog.objects.filter(action="comment.reject").count() == 1
    # Reject without a reason is refused by the service; nothing changes.
    client.post(
        "/admin/moderation/queuedcomment/",
        {"action": "reject", "_selected_action": [other.pk], "reason_code": ""},
    )
    other.refresh_from_db()
    assert other.status == "pending"


def test_sanctions_in_the_admin_go_through_the_service(admin_client_for, moderator, reader):
    client = admin_client_for(moderator)
    until = timezone.localtime(timezone.now() + timedelta(days=2))
    response = client.post(
        "/admin/moderation/sanction/add/",
        {
            "user": reader.pk,
            "kind": "suspend",
            "until_0": until.strftime("%Y-%m-%d"),
            "until_1": until.strftime("%H:%M:%S"),
            "reason_code": "insult",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    sanction = Sanction.objects.get()
    assert sanction.created_by == moderator and sanction.policy_version == 1
    assert AuditLog.objects.filter(action="user.sanction.suspend").count() == 1
    # A suspension without an end date: a form error, nothing saved.
    response = client.post(
        "/admin/moderation/sanction/add/",
        {"user": reader.pk, "kind": "suspend", "reason_code": "insult", "note": ""},
    )
    assert response.status_code == 200 and b"Required for a suspension" in response.content
    assert Sanction.objects.count() == 1
    client.post(
        "/admin/moderation/sanction/", {"action": "lift", "_selected_action": [sanction.pk]}
    )
    sanction.refresh_from_db()
    assert sanction.lifted_by == moderator


def test_audit_log_is_read_only_in_the_admin(admin_client_for, admin_user, moderator, reader):
    AuditLog.objects.create(actor_label="system", action="x", target_type="t", target_id="1")
    row = AuditLog.objects.get()
    for user in (moderator, admin_user):
        client = admin_client_for(user)
        assert client.get("/admin/moderation/auditlog/").status_code == 200
        client.post(f"/admin/moderation/auditlog/{row.pk}/delete/", {"post": "yes"})
        client.post(f"/admin/moderation/auditlog/{row.pk}/change/", {"action": "y"})
    assert AuditLog.objects.get().action == "x"
    assert admin_client_for(reader).get("/admin/moderation/auditlog/").status_code == 302
