"""A moderator and an admin work through the demo data, through the API only.

This is the "done when" of the moderation issue as one story: everything
below is what the README promises a newsroom on a fresh `make run`.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from rest_framework.test import APIClient

from comments.models import Comment

pytestmark = pytest.mark.django_db

ARTICLE = "2018-06-12-trump-kim-summit"


def login(username: str) -> APIClient:
    client = APIClient()
    response = client.post(
        "/_allauth/app/v1/auth/login",
        {"username": username, "password": "demo-pass-123"},
        format="json",
    )
    assert response.status_code == 200, response.content
    client.credentials(HTTP_X_SESSION_TOKEN=response.json()["meta"]["session_token"])
    return client


@pytest.fixture
def demo(settings, django_capture_on_commit_callbacks):
    settings.PARLEY_RATE_LIMITS = False
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", password="demo-pass-123")


def queue(client, name):
    response = client.get(f"/api/v1/moderation/queue/?queue={name}")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_moderator_works_the_demo_queue(demo, django_capture_on_commit_callbacks):
    mod = login("moderator")

    pending = queue(mod, "pending")
    bodies = {item["comment"]["body"]: item for item in pending}
    held = next(item for body, item in bodies.items() if "010-2345-6789" in body)
    hit = next(r for r in held["reasons"] if r.get("rule") == "contact_info")
    span = hit["span"]
    assert held["comment"]["body"][span[0] : span[1]] == "010-2345-6789"

    reported = queue(mod, "reported")
    assert len(reported) == 1
    assert reported[0]["comment"]["status"] == "pending"  # hidden by three reports
    appeals = queue(mod, "appeals")
    assert len(appeals) == 1

    # Claim, then reject the contact details with a policy reason.
    claim = mod.post(f"/api/v1/moderation/queue/{held['id']}/claim/")
    assert claim.status_code == 200, claim.content
    with django_capture_on_commit_callbacks(execute=True):
        decided = mod.post(
            f"/api/v1/moderation/comments/{held['id']}/decision/",
            {"action": "reject", "reason_code": "personal_info", "from_status": "pending"},
            format="json",
        )
    assert decided.status_code in (200, 201), decided.content
    assert Comment.objects.get(pk=held["id"]).status == "rejected"
    to_author = [m.subject for m in mail.outbox if m.to == ["reader3@example.org"]]
    assert to_author == ["Your comment was removed"]

    # A second moderator who saw the old state loses cleanly.
    again = mod.post(
        f"/api/v1/moderation/comments/{held['id']}/decision/",
        {"action": "approve", "reason_code": "", "from_status": "pending"},
        format="json",
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_decided"

    # Grant the appeal.
    appeal_item = appeals[0]
    granted = mod.post(
        f"/api/v1/moderation/comments/{appeal_item['id']}/decision/",
        {"action": "approve", "reason_code": "other", "from_status": "rejected"},
        format="json",
    )
    assert granted.status_code in (200, 201), granted.content
    assert Comment.objects.get(pk=appeal_item["id"]).status == "published"

    # Suspend the author of the held comment; they can read but not post.
    author_id = held["author"]["id"]
    assert held["author"]["record"]["pending"] == 2
    history = mod.get(f"/api/v1/moderation/users/{author_id}/")
    assert history.status_code == 200
    sanction = mod.post(
        f"/api/v1/moderation/users/{author_id}/sanctions/",
        {"kind": "ban", "reason_code": "personal_info", "note": "repeat offender"},
        format="json",
    )
    assert sanction.status_code == 201, sanction.content
    banned = login("reader3")
    assert banned.get(f"/api/v1/articles/{ARTICLE}/comments/").status_code == 200
    refused = banned.post(f"/api/v1/articles/{ARTICLE}/comments/", {"body": "hi"}, format="json")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "banned"
    assert banned.get("/api/v1/me/").json()["sanction"]["kind"] == "ban"

    audit = mod.get("/api/v1/moderation/audit/").json()["results"]
    actions = {row["action"] for row in audit}
    assert {"comment.reject", "comment.approve", "user.sanction.ban"} <= actions
    stats = mod.get("/api/v1/moderation/stats/")
    assert stats.status_code == 200

    # Moderators cannot change the policy.
    denied = mod.post("/api/v1/moderation/policy/versions/", {"nudge": False}, format="json")
    assert denied.status_code == 403


def test_the_author_sees_why_and_an_admin_changes_the_policy(
    demo, django_capture_on_commit_callbacks
):
    author = login("reader3")
    mine = author.get("/api/v1/me/comments/").json()["results"]
    held = [c for c in mine if c["status"] == "pending"]
    assert held and all(c["decision"]["reason_code"] for c in held)
    assert all(c["decision"]["policy_version"] == 1 for c in held)

    admin = login("admin")
    created = admin.post(
        "/api/v1/moderation/policy/versions/",
        {"suspect_terms": [], "note": "no suspect terms"},
        format="json",
    )
    assert created.status_code == 201, created.content
    version = created.json()["version"]
    with django_capture_on_commit_callbacks(execute=True):
        activated = admin.post(f"/api/v1/moderation/policy/versions/{version}/activate/")
    assert activated.status_code == 200, activated.content
    assert admin.get("/api/v1/policy/").json()["version"] == version

    dry = admin.post(
        "/api/v1/moderation/policy/dry-run/", {"text": "text me at 010-2345-6789"}, format="json"
    )
    assert dry.json()["action"] == "hold"
