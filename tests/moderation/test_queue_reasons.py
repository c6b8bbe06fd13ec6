"""Filtering the pending queue by the rule that held a comment (real pipeline)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

QUEUE = "/api/v1/moderation/queue/"


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_pending_queue_filters_by_screening_reason(
    use_policy, client_for, moderator, make_user, article, make_comment
):
    use_policy()
    author = make_user("author")
    phone = make_comment(author, article, "call me on 010-2345-6789 tonight")
    spam = make_comment(author, article, "best grimbo in town")
    clean = make_comment(author, article, "a perfectly ordinary remark")
    for comment in (phone, spam, clean):
        comment.refresh_from_db()
    assert (phone.status, spam.status, clean.status) == ("pending", "pending", "published")

    mod = client_for(moderator)
    assert ids(mod.get(QUEUE + "?queue=pending")) == [phone.pk, spam.pk]
    assert ids(mod.get(QUEUE + "?queue=pending&reason=personal_info")) == [phone.pk]
    assert ids(mod.get(QUEUE + "?queue=pending&reason=spam")) == [spam.pk]
    assert ids(mod.get(QUEUE + "?queue=pending&reason=threat")) == []
    bad = mod.get(QUEUE + "?queue=pending&reason=nonsense")
    assert bad.status_code == 400


def test_an_edit_that_clears_the_reason_leaves_the_filter(
    use_policy, client_for, moderator, make_user, article, make_comment
):
    use_policy()
    author = make_user("author")
    comment = make_comment(author, article, "call me on 010-2345-6789 tonight")
    response = client_for(author).patch(
        f"/api/v1/comments/{comment.pk}/", {"body": "call me tonight"}, format="json"
    )
    assert response.status_code == 200
    # Still held (an edit never escapes a hold), but no longer for personal_info.
    mod = client_for(moderator)
    assert ids(mod.get(QUEUE + "?queue=pending")) == [comment.pk]
    assert ids(mod.get(QUEUE + "?queue=pending&reason=personal_info")) == []


def test_a_decision_on_a_stale_revision_is_refused(
    use_policy, client_for, moderator, make_user, article, make_comment
):
    use_policy()
    author = make_user("author")
    comment = make_comment(author, article, "call me on 010-2345-6789 tonight")
    mod = client_for(moderator)
    item = mod.get(QUEUE + "?queue=pending").json()["results"][0]
    seen = item["comment"]["revision"]
    client_for(author).patch(
        f"/api/v1/comments/{comment.pk}/", {"body": "call me on 010-2345-6789 today"}, format="json"
    )
    url = f"/api/v1/moderation/comments/{comment.pk}/decision/"
    stale = mod.post(
        url,
        {"action": "approve", "from_status": "pending", "revision": seen},
        format="json",
    )
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "already_decided"
    assert stale.json()["error"]["revision"] == seen + 1
    fresh = mod.post(
        url,
        {"action": "approve", "from_status": "pending", "revision": seen + 1},
        format="json",
    )
    assert fresh.status_code == 200, fresh.content
