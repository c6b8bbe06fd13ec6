"""The Django admin for policy versions and screening records: read-mostly, writes via services."""

from __future__ import annotations

import pytest
from django.test import Client

from moderation.models import AuditLog, PolicyVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def test_admin_lists_versions_and_records(admin_client_, reader, article, make_comment):
    make_comment(reader, article, "hello there")
    assert admin_client_.get("/admin/moderation/policyversion/").status_code == 200
    pk = PolicyVersion.objects.get(version=1).pk  # pks are not reset between tests on PostgreSQL
    assert admin_client_.get(f"/admin/moderation/policyversion/{pk}/change/").status_code == 200
    assert admin_client_.get("/admin/moderation/screeningrecord/").status_code == 200


def test_admin_creates_a_version_through_the_service(admin_client_):
    admin_client_.get("/admin/moderation/policyversion/")  # bootstrap v1
    bad = admin_client_.post(
        "/admin/moderation/policyversion/add/", {"note": "x", "changes": '{"max_length": -1}'}
    )
    assert bad.status_code == 200 and b"max_length" in bad.content
    assert PolicyVersion.objects.count() == 1
    response = admin_client_.post(
        "/admin/moderation/policyversion/add/",
        {"note": "shorter", "changes": '{"max_length": 200}'},
    )
    assert response.status_code == 302
    created = PolicyVersion.objects.get(version=2)
    assert (created.active, created.data["max_length"], created.note) == (False, 200, "shorter")
    assert AuditLog.objects.filter(action="policy.create").count() == 1


def test_admin_action_activates_with_an_audit_row(
    admin_client_, django_capture_on_commit_callbacks
):
    admin_client_.get("/admin/moderation/policyversion/")
    admin_client_.post(
        "/admin/moderation/policyversion/add/", {"note": "", "changes": '{"max_length": 200}'}
    )
    pk = PolicyVersion.objects.get(version=2).pk
    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(
            "/admin/moderation/policyversion/",
            {"action": "activate", "_selected_action": [pk]},
        )
    assert PolicyVersion.objects.get(active=True).version == 2
    assert AuditLog.objects.filter(action="policy.activate").count() == 1
