"""Background data exports: /api/v1/me/exports/ (request, poll, download, expiry)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from comments import exports
from comments.models import DataExport
from comments.tasks import data_export_build, data_exports_sweep

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted(reader, article, make_comment):
    return make_comment(reader, article, "What I said about the summit.")


def code(response) -> str:
    return response.json()["error"]["code"]


def test_request_build_and_download(client_for, reader, posted, django_capture_on_commit_callbacks):
    reader.email = "reader@example.com"
    reader.save(update_fields=["email"])
    client = client_for(reader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/me/exports/")
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "pending" and response.json()["download"] is None
    # The task ran on commit (in-process here: no broker); polling shows the copy.
    export = client.get(f"/api/v1/me/exports/{response.json()['id']}/").json()
    assert export["status"] == "ready" and export["size"] > 0
    assert export["download"] == f"/api/v1/me/exports/{export['id']}/download/"
    assert export["expires_at"] > export["finished_at"]

    listed = client.get("/api/v1/me/exports/").json()
    assert [e["id"] for e in listed] == [export["id"]]
    assert client.get(f"/api/v1/me/exports/{export['id']}/").json() == export

    download = client.get(export["download"])
    assert download.status_code == 200
    assert download["Cache-Control"] == "no-store"
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(download.content)
    assert data["format"] == "parley-export/1"
    assert [c["body"] for c in data["comments"]] == ["What I said about the summit."]

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["reader@example.com"]
    assert str(export["id"]) in mail.outbox[0].body


def test_a_pending_export_is_reused_not_duplicated(client_for, reader, monkeypatch):
    # A broker that has not run the task yet: the export stays pending.
    monkeypatch.setattr(data_export_build, "delay", lambda export_id: None)
    client = client_for(reader)
    first = client.post("/api/v1/me/exports/")
    second = client.post("/api/v1/me/exports/")
    assert first.status_code == second.status_code == 202
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["download"] is None
    assert DataExport.objects.count() == 1
    pending = first.json()["id"]
    assert code(client.get(f"/api/v1/me/exports/{pending}/download/")) == "export_not_ready"


def test_a_recent_ready_export_is_handed_back(
    client_for, reader, settings, django_capture_on_commit_callbacks
):
    client = client_for(reader)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/api/v1/me/exports/").json()
    again = client.post("/api/v1/me/exports/")
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert again.json()["status"] == "ready"
    # Past the minimum interval a new one is built.
    DataExport.objects.filter(pk=first["id"]).update(
        requested_at=timezone.now() - timedelta(hours=settings.PARLEY_EXPORT_MIN_INTERVAL_HOURS + 1)
    )
    assert client.post("/api/v1/me/exports/").json()["id"] != first["id"]


def test_someone_elses_or_a_forged_id_is_not_found(client_for, reader, reader2, api):
    theirs = client_for(reader2).post("/api/v1/me/exports/").json()["id"]
    client = client_for(reader)
    for path in (
        f"/api/v1/me/exports/{theirs}/",
        f"/api/v1/me/exports/{theirs}/download/",
        "/api/v1/me/exports/999999/",
        "/api/v1/me/exports/99999999999999999999/download/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert code(response) in {"export_not_found", "not_found"}
    for method, path in (("get", "/api/v1/me/exports/"), ("post", "/api/v1/me/exports/")):
        response = getattr(api, method)(path)
        assert response.status_code == 401 and code(response) == "not_authenticated"
    assert code(api.get(f"/api/v1/me/exports/{theirs}/download/")) == "not_authenticated"


def test_a_duplicate_delivery_builds_once(reader, monkeypatch):
    monkeypatch.setattr(data_export_build, "delay", lambda export_id: None)
    export, created = exports.export_request(user=reader)
    assert created
    assert data_export_build.apply(args=[export.pk]).get() == "ready"
    built = DataExport.objects.get(pk=export.pk)
    assert data_export_build.apply(args=[export.pk]).get() == "not_pending"
    assert DataExport.objects.get(pk=export.pk).finished_at == built.finished_at


def test_the_sweep_expires_retries_and_gives_up(reader, reader2, monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(data_export_build, "delay", sent.append)
    now = timezone.now()
    expired = DataExport.objects.create(
        user=reader, status="ready", content="{}", expires_at=now - timedelta(minutes=1)
    )
    stalled = DataExport.objects.create(user=reader2)
    ancient = DataExport.objects.create(user=reader2)
    DataExport.objects.filter(pk=stalled.pk).update(requested_at=now - timedelta(minutes=30))
    DataExport.objects.filter(pk=ancient.pk).update(requested_at=now - timedelta(days=2))
    fresh = DataExport.objects.create(user=reader)

    result = data_exports_sweep.apply().get()

    assert result == {"deleted": 1, "failed": 1, "stalled": 1}
    assert not DataExport.objects.filter(pk=expired.pk).exists()
    assert DataExport.objects.get(pk=ancient.pk).status == "failed"
    assert sent == [stalled.pk]
    assert DataExport.objects.get(pk=fresh.pk).status == "pending"


def test_an_expired_export_is_gone_before_the_sweep_runs(
    client_for, reader, django_capture_on_commit_callbacks
):
    client = client_for(reader)
    with django_capture_on_commit_callbacks(execute=True):
        export_id = client.post("/api/v1/me/exports/").json()["id"]
    export = client.get(f"/api/v1/me/exports/{export_id}/").json()
    assert client.get(export["download"]).status_code == 200
    DataExport.objects.filter(pk=export["id"]).update(expires_at=timezone.now())
    assert client.get(export["download"]).status_code == 404


def test_a_build_that_keeps_failing_is_marked_failed(reader, monkeypatch):
    monkeypatch.setattr(data_export_build, "delay", lambda export_id: None)
    export, _ = exports.export_request(user=reader)

    def broken(user):
        raise RuntimeError("database went away")

    monkeypatch.setattr("comments.selectors.reader_export", broken)
    result = data_export_build.apply(args=[export.pk], retries=data_export_build.max_retries)
    with pytest.raises(RuntimeError):
        result.get()
    assert DataExport.objects.get(pk=export.pk).status == "failed"
