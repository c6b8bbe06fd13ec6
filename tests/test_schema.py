"""The OpenAPI schema is what widget and app developers build against: keep it clean."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_schema_generates_without_warnings_and_validates(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(out))
    text = out.read_text()
    for path in (
        "/api/v1/articles/{key}/comments/",
        "/api/v1/moderation/queue/",
        "/api/v1/moderation/policy/dry-run/",
        "/api/v1/me/export/",
    ):
        assert path in text


@pytest.mark.django_db
def test_api_docs_use_no_cdn(client):
    page = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page
