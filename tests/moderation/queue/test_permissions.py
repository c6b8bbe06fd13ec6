"""Every moderation endpoint: anonymous 401, reader 403, moderator and admin allowed."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from .conftest import err

pytestmark = pytest.mark.django_db

# (method, url template, body). {c}: a held comment, {u}: a reader, {s}: a sanction of theirs.
ENDPOINTS = [
    ("get", "/api/v1/moderation/queue/", None),
    ("get", "/api/v1/moderation/queue/?queue=reported", None),
    ("get", "/api/v1/moderation/queue/?queue=appeals", None),
    ("post", "/api/v1/moderation/queue/{c}/claim/", None),
    ("post", "/api/v1/moderation/queue/{c}/release/", None),
    (
        "post",
        "/api/v1/moderation/comments/{c}/decision/",
        {"action": "approve", "from_status": "pending"},
    ),
    (
        "post",
        "/api/v1/moderation/decisions/",
        {"items": [{"comment_id": 999999, "from_status": "pending"}], "action": "approve"},
    ),
    ("get", "/api/v1/moderation/users/{u}/", None),
    ("get", "/api/v1/moderation/users/{u}/sanctions/", None),
    (
        "post",
        "/api/v1/moderation/users/{u}/sanctions/",
        {"kind": "warn", "reason_code": "insult"},
    ),
    ("delete", "/api/v1/moderation/users/{u}/sanctions/{s}/", None),
    ("get", "/api/v1/moderation/audit/", None),
    ("get", "/api/v1/moderation/stats/", None),
]


@pytest.fixture
def targets(make_user, article, make_comment, hold):
    from moderation.models import Sanction

    author = make_user("author")
    comment = hold(make_comment(author, article, "Held for review."))
    sanction = Sanction.objects.create(user=author, kind="warn", reason_code="insult")
    return {"c": comment.pk, "u": author.pk, "s": sanction.pk}


def _call(client, method, url, body):
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, body, format="json")


@pytest.mark.parametrize("method, url, body", ENDPOINTS)
@pytest.mark.parametrize("role", ["anonymous", "reader", "moderator", "admin"])
def test_permission_matrix(
    role, method, url, body, targets, client_for, reader, moderator, admin_user
):
    client = {
        "anonymous": APIClient(),
        "reader": client_for(reader),
        "moderator": client_for(moderator),
        "admin": client_for(admin_user),
    }[role]
    response = _call(client, method, url.format(**targets), body)
    if role == "anonymous":
        assert response.status_code == 401, response.content
        assert err(response) == "not_authenticated"
    elif role == "reader":
        assert response.status_code == 403, response.content
        assert err(response) == "permission_denied"
    else:
        assert response.status_code in (200, 201), response.content


def test_appeal_endpoint_needs_sign_in(api, targets):
    response = api.post(f"/api/v1/comments/{targets['c']}/appeal/", {"message": "x"}, format="json")
    assert response.status_code == 401
    assert err(response) == "not_authenticated"
