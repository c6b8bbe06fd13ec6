"""A reader's background data export, built by a real worker process."""

from __future__ import annotations

import json

import pytest

from comments.models import DataExport

from .helpers import post
from .support import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_an_export_is_built_by_the_worker_and_downloaded(
    web_broker, celery_worker, client_for, reader, article
):
    client = client_for(reader)
    post(client, article, "Kept in my export.")

    response = client.post("/api/v1/me/exports/")
    # Not eager: the web process only enqueued; the answer says "being prepared".
    assert response.status_code == 202, response.content
    export_id = response.json()["id"]

    def ready():
        return DataExport.objects.filter(pk=export_id, status="ready").exists()

    wait_for(ready, timeout=60, what="the export task", worker=celery_worker)
    detail = client.get(f"/api/v1/me/exports/{export_id}/").json()
    download = client.get(detail["download"])
    assert download.status_code == 200
    assert [c["body"] for c in json.loads(download.content)["comments"]] == ["Kept in my export."]
