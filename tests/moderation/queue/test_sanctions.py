"""Sanctions: creating and lifting them, and what a suspended or banned reader may not do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from moderation.models import AuditLog, Sanction

from .conftest import err

pytestmark = pytest.mark.django_db


def sanctions_url(user_id):
    return f"/api/v1/moderation/users/{user_id}/sanctions/"


def future(days=3):
    return (timezone.now() + timedelta(days=days)).isoformat()


def test_suspend_returns_201_and_is_audited(mod_client, moderator, reader):
    until = future()
    response = mod_client.post(
        sanctions_url(reader.pk),
        {"kind": "suspend", "until": until, "reason_code": "insult", "note": "Third warning."},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "suspend" and body["in_force"] is True
    assert body["created_by"] == "moderator" and body["policy_version"] == 1
    sanction = Sanction.objects.get(pk=body["id"])
    assert sanction.until is not None
    audit = AuditLog.objects.get(action="user.sanction.suspend")
    assert audit.actor == moderator and audit.target_id == str(reader.pk)
    assert audit.reason_code == "insult" and audit.new["sanction"] == sanction.pk


@pytest.mark.parametrize(
    "body, code, field",
    [
        ({"kind": "suspend", "reason_code": "insult"}, "validation_error", "until"),
        (
            {"kind": "suspend", "reason_code": "insult", "until": "2001-01-01T00:00:00Z"},
            "validation_error",
            "until",
        ),
        ({"kind": "exile", "reason_code": "insult"}, "validation_error", "kind"),
        ({"kind": "ban", "reason_code": "grumpy"}, "invalid_reason", "reason_code"),
        ({"kind": "ban"}, "validation_error", "reason_code"),
        ({"kind": "ban", "reason_code": "spam", "until": "soon"}, "validation_error", "until"),
    ],
)
def test_bad_sanctions_are_400(mod_client, reader, body, code, field):
    response = mod_client.post(sanctions_url(reader.pk), body, format="json")
    assert response.status_code == 400, response.content
    assert err(response) == code
    assert field in response.json()["error"]["fields"]
    assert not Sanction.objects.exists()


def test_ban_warn_premod_need_no_end_date(mod_client, reader):
    for kind in ("warn", "premod", "ban"):
        response = mod_client.post(
            sanctions_url(reader.pk), {"kind": kind, "reason_code": "spam"}, format="json"
        )
        assert response.status_code == 201
        assert response.json()["until"] is None


def test_unknown_user_and_staff_targets(mod_client, make_user, admin_user, moderator):
    response = mod_client.post(
        sanctions_url(999999), {"kind": "ban", "reason_code": "spam"}, format="json"
    )
    assert response.status_code == 404 and err(response) == "user_not_found"
    other_mod = make_user("mod2", role="moderator")
    for target in (other_mod, admin_user, moderator):
        response = mod_client.post(
            sanctions_url(target.pk), {"kind": "ban", "reason_code": "spam"}, format="json"
        )
        assert response.status_code == 403 and err(response) == "permission_denied"


def test_lift_is_audited_and_idempotent(mod_client, reader, reader2, moderator):
    created = mod_client.post(
        sanctions_url(reader.pk), {"kind": "ban", "reason_code": "hate"}, format="json"
    ).json()
    url = f"{sanctions_url(reader.pk)}{created['id']}/"
    response = mod_client.delete(url)
    assert response.status_code == 200
    assert response.json()["lifted_by"] == "moderator" and response.json()["in_force"] is False
    assert mod_client.delete(url).status_code == 200
    assert AuditLog.objects.filter(action="user.sanction.lift").count() == 1
    # Another reader's id with this sanction: not found.
    wrong = mod_client.delete(f"{sanctions_url(reader2.pk)}{created['id']}/")
    assert wrong.status_code == 404 and err(wrong) == "not_found"


def _blocked(response, code, until):
    assert response.status_code == 403, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert error["until"] == until
    return error


@pytest.mark.parametrize("kind, code", [("suspend", "suspended"), ("ban", "banned")])
def test_sanctioned_reader_cannot_post_react_or_report(
    kind, code, mod_client, client_for, reader, reader2, article, make_comment
):
    other = make_comment(reader2, article, "Someone else's comment.")
    body = {"kind": kind, "reason_code": "insult"}
    if kind == "suspend":
        body["until"] = future(2)
    created = mod_client.post(sanctions_url(reader.pk), body, format="json").json()
    until = created["until"]
    client = client_for(reader)
    posted = client.post(f"/api/v1/articles/{article.key}/comments/", {"body": "hi"}, format="json")
    error = _blocked(posted, code, until)
    assert error["reason_code"] == "insult"
    if until:
        assert until in error["message"]
    _blocked(client.put(f"/api/v1/comments/{other.pk}/reaction/"), code, until)
    reported = client.post(
        f"/api/v1/comments/{other.pk}/reports/", {"reason": "spam"}, format="json"
    )
    _blocked(reported, code, until)
    # Lifted: the reader takes part again.
    mod_client.delete(f"{sanctions_url(reader.pk)}{created['id']}/")
    posted = client.post(f"/api/v1/articles/{article.key}/comments/", {"body": "hi"}, format="json")
    assert posted.status_code == 201


def test_an_ended_suspension_no_longer_blocks(client_for, reader, article):
    Sanction.objects.create(
        user=reader,
        kind="suspend",
        reason_code="spam",
        until=timezone.now() - timedelta(minutes=1),
    )
    response = client_for(reader).post(
        f"/api/v1/articles/{article.key}/comments/", {"body": "back"}, format="json"
    )
    assert response.status_code == 201


def test_warn_and_premod_do_not_block(mod_client, client_for, reader, article):
    for kind in ("warn", "premod"):
        mod_client.post(
            sanctions_url(reader.pk), {"kind": kind, "reason_code": "spam"}, format="json"
        )
    response = client_for(reader).post(
        f"/api/v1/articles/{article.key}/comments/", {"body": "still here"}, format="json"
    )
    assert response.status_code == 201


def test_user_history(mod_client, client_for, reader, reader2, article, make_comment, hold):
    held = hold(make_comment(reader, article, "held"))
    make_comment(reader, article, "fine")
    mod_client.post(
        f"/api/v1/moderation/comments/{held.pk}/decision/",
        {"action": "reject", "reason_code": "spam", "from_status": "pending"},
        format="json",
    )
    mod_client.post(
        sanctions_url(reader.pk), {"kind": "warn", "reason_code": "spam"}, format="json"
    )
    client_for(reader).post(
        f"/api/v1/comments/{make_comment(reader2, article).pk}/reports/",
        {"reason": "spam"},
        format="json",
    )
    response = mod_client.get(f"/api/v1/moderation/users/{reader.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["user"]["username"] == "reader"
    assert data["record"] == {"total": 2, "published": 1, "pending": 0, "rejected": 1, "deleted": 0}
    assert data["reports_made"] == {"open": 1, "upheld": 0, "dismissed": 0, "weight": 1.0}
    assert [s["kind"] for s in data["sanctions"]] == ["warn"]
    assert data["sanction_in_force"]["kind"] == "warn"
    assert data["decisions"][0]["reason_code"] == "spam"
    assert data["decisions"][0]["moderator"] == "moderator"
    assert [c["body"] for c in data["recent_comments"]] == ["fine", "held"]
    missing = mod_client.get("/api/v1/moderation/users/999999/")
    assert missing.status_code == 404 and err(missing) == "user_not_found"


# --- User.sanctions_until: posting skips the sanctions query for readers without one ---------


def _post(client, article, body="hi"):
    return client.post(f"/api/v1/articles/{article.key}/comments/", {"body": body}, format="json")


def _sanction_queries(client, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = _post(client, article, f"a comment {timezone.now().isoformat()}")
    table = Sanction._meta.db_table
    return response, sum(table in q["sql"] for q in ctx.captured_queries)


def _marker(user):
    user.refresh_from_db(fields=["sanctions_until"])
    return user.sanctions_until


def test_an_unsanctioned_reader_posts_without_a_sanctions_query(client_for, reader, article):
    response, queries = _sanction_queries(client_for(reader), article)
    assert response.status_code == 201 and queries == 0
    assert _marker(reader) is None


def test_the_marker_follows_creating_and_lifting_sanctions(mod_client, client_for, reader, article):
    from moderation.sanctions import NO_END

    client = client_for(reader)
    until = future(2)
    suspension = mod_client.post(
        sanctions_url(reader.pk),
        {"kind": "suspend", "until": until, "reason_code": "insult"},
        format="json",
    ).json()
    assert _marker(reader) == Sanction.objects.get(pk=suspension["id"]).until
    assert err(_post(client, article)) == "suspended"

    ban = mod_client.post(
        sanctions_url(reader.pk), {"kind": "ban", "reason_code": "hate"}, format="json"
    ).json()
    assert _marker(reader) == NO_END
    # Lifting the suspension leaves the ban (no end) in force.
    mod_client.delete(f"{sanctions_url(reader.pk)}{suspension['id']}/")
    assert _marker(reader) == NO_END
    assert err(_post(client, article)) == "banned"

    mod_client.delete(f"{sanctions_url(reader.pk)}{ban['id']}/")
    assert _marker(reader) is None
    response, queries = _sanction_queries(client, article)
    assert response.status_code == 201 and queries == 0


def test_an_expired_suspension_needs_no_write_and_no_query(mod_client, client_for, reader, article):
    created = mod_client.post(
        sanctions_url(reader.pk),
        {"kind": "suspend", "until": future(2), "reason_code": "insult"},
        format="json",
    ).json()
    client = client_for(reader)
    assert err(_post(client, article)) == "suspended"
    # The clock passes the end: what the rows look like then (nobody writes at expiry).
    past = timezone.now() - timedelta(seconds=1)
    Sanction.objects.filter(pk=created["id"]).update(until=past)
    type(reader).objects.filter(pk=reader.pk).update(sanctions_until=past)
    response, queries = _sanction_queries(client, article)
    assert response.status_code == 201 and queries == 0


def test_a_sanction_written_outside_the_services_still_sets_the_marker(
    client_for, reader, moderator, article
):
    Sanction.objects.create(user_id=reader.pk, kind="ban", reason_code="hate", created_by=moderator)
    assert _marker(reader) is not None
    assert err(_post(client_for(reader), article)) == "banned"


def test_the_migration_fills_the_marker_for_sanctions_made_before_it(reader, reader2, moderator):
    import importlib

    from django.apps import apps

    backfill = importlib.import_module("moderation.migrations.0008_sanctions_until_backfill")
    Sanction.objects.create(user_id=reader.pk, kind="premod", reason_code="spam")
    lifted = Sanction.objects.create(user_id=reader2.pk, kind="ban", reason_code="hate")
    Sanction.objects.filter(pk=lifted.pk).update(lifted_at=timezone.now())
    type(reader).objects.update(sanctions_until=None)  # as the column starts out
    backfill.backfill(apps, None)
    assert _marker(reader) == backfill.NO_END
    assert _marker(reader2) is None
