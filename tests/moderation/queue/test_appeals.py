"""Appeals and what the author sees: statement of reasons, one appeal, e-mails."""

from __future__ import annotations

import pytest
from django.core import mail

from comments.models import Comment
from moderation.decisions import comment_decisions, export_user_data
from moderation.models import Appeal, AuditLog

from .conftest import err

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(make_user):
    return make_user("author", email="author@example.com")


@pytest.fixture
def rejected(mod_client, author, article, make_comment, hold):
    comment = hold(make_comment(author, article, "Contested words."))
    response = mod_client.post(
        f"/api/v1/moderation/comments/{comment.pk}/decision/",
        {"action": "reject", "reason_code": "insult", "from_status": "pending"},
        format="json",
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    return comment


def appeal(client, comment_id, message="I was quoting the minister."):
    return client.post(
        f"/api/v1/comments/{comment_id}/appeal/", {"message": message}, format="json"
    )


def test_the_author_sees_a_statement_of_reasons(rejected, author, article, make_comment, hold):
    held = hold(make_comment(author, article, "waiting"))
    published = make_comment(author, article, "fine")
    out = comment_decisions(list(Comment.objects.filter(author=author)))
    assert published.pk not in out
    assert out[rejected.pk] == {
        "status": "rejected",
        "reason_code": "insult",
        "explanation": "A moderator removed your comment: Insults or personal attacks."
        " You may appeal this decision once.",
        "policy_version": 1,
        "appealable": True,
        "automated": False,
        "appeal": None,
    }
    assert out[held.pk]["status"] == "pending" and out[held.pk]["appealable"] is False


def test_statement_costs_a_fixed_number_of_queries(
    rejected, author, article, make_comment, django_assert_max_num_queries, hold
):
    for i in range(5):
        hold(make_comment(author, article, f"held {i}"))
    comments = list(Comment.objects.filter(author=author))
    comment_decisions(comments)  # warm the policy cache
    with django_assert_max_num_queries(3):  # decisions, appeals, screening records
        comment_decisions(comments)


def test_appeal_once_then_moderator_grants_it_and_author_is_emailed(
    rejected, author, client_for, mod_client, django_capture_on_commit_callbacks
):
    client = client_for(author)
    response = appeal(client, rejected.pk)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "open"
    again = appeal(client, rejected.pk, "again")
    assert again.status_code == 409 and err(again) == "already_appealed"
    assert AuditLog.objects.filter(action="comment.appeal", actor=author).count() == 1

    state = comment_decisions([rejected])[rejected.pk]
    assert state["appealable"] is False and state["appeal"]["status"] == "open"

    queue = mod_client.get("/api/v1/moderation/queue/?queue=appeals").json()["results"]
    assert [item["id"] for item in queue] == [rejected.pk]
    assert queue[0]["reasons"][0]["message"] == "I was quoting the minister."

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = mod_client.post(
            f"/api/v1/moderation/comments/{rejected.pk}/decision/",
            {"action": "approve", "from_status": "rejected", "reason_code": "other"},
            format="json",
        )
    assert response.status_code == 200, response.content
    assert response.json()["queue"] == "appeals"
    rejected.refresh_from_db()
    assert rejected.status == "published"
    assert Appeal.objects.get().status == "granted"
    assert [m.subject for m in mail.outbox] == ["Your appeal was granted"]
    assert mod_client.get("/api/v1/moderation/queue/?queue=appeals").json()["results"] == []


def test_a_denied_appeal_keeps_the_rejection(
    rejected, author, client_for, mod_client, django_capture_on_commit_callbacks
):
    appeal(client_for(author), rejected.pk)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = mod_client.post(
            f"/api/v1/moderation/comments/{rejected.pk}/decision/",
            {"action": "reject", "from_status": "rejected", "reason_code": "insult"},
            format="json",
        )
    assert response.status_code == 200
    assert Appeal.objects.get().status == "denied"
    assert [m.subject for m in mail.outbox] == ["Your appeal was reviewed"]
    assert "The rejection stands" in mail.outbox[0].body
    state = comment_decisions([rejected])[rejected.pk]
    assert state["explanation"].startswith("A moderator reviewed your appeal")
    assert state["appealable"] is False and state["appeal"]["status"] == "denied"


def test_not_appealable(client_for, author, reader, article, make_comment, rejected):
    published = make_comment(author, article, "fine")
    response = appeal(client_for(author), published.pk)
    assert response.status_code == 400 and err(response) == "not_appealable"
    response = appeal(client_for(reader), rejected.pk)  # not the reader's
    assert response.status_code == 400 and err(response) == "not_appealable"
    response = appeal(client_for(author), 999999)
    assert response.status_code == 404 and err(response) == "comment_not_found"


@pytest.mark.parametrize(
    "message, code",
    [("", "empty"), ("x" * 1001, "too_long"), ("bell\x07", "invalid_characters"), (5, None)],
)
def test_appeal_message_rules(client_for, author, rejected, message, code):
    response = appeal(client_for(author), rejected.pk, message)
    assert response.status_code == 400
    assert err(response) == (code or "validation_error")
    assert not Appeal.objects.exists()


def test_a_banned_author_may_still_appeal(client_for, author, rejected, mod_client):
    mod_client.post(
        f"/api/v1/moderation/users/{author.pk}/sanctions/",
        {"kind": "ban", "reason_code": "insult"},
        format="json",
    )
    assert appeal(client_for(author), rejected.pk).status_code == 201


def test_export_user_data(rejected, author, client_for):
    appeal(client_for(author), rejected.pk)
    data = export_user_data(author)["moderation"]
    assert [d["reason_code"] for d in data["decisions"]] == ["insult"]
    assert data["appeals"][0]["message"] == "I was quoting the minister."
    assert "moderator" not in data["decisions"][0] and "note" not in data["decisions"][0]
