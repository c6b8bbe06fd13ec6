"""Reader reports: weights from each reporter's track record, and the hiding threshold."""

from __future__ import annotations

import pytest

from comments.models import Comment, Report
from moderation.models import AuditLog
from moderation.reports import reporter_weight, weight_formula

from .conftest import err

pytestmark = pytest.mark.django_db


def report(client, comment, reason="insult"):
    return client.post(f"/api/v1/comments/{comment.pk}/reports/", {"reason": reason}, format="json")


def decide(client, comment, action, from_status, reason_code=""):
    return client.post(
        f"/api/v1/moderation/comments/{comment.pk}/decision/",
        {"action": action, "from_status": from_status, "reason_code": reason_code},
        format="json",
    )


def test_weight_formula_is_one_without_history_and_bounded():
    assert weight_formula(0, 0) == 1.0
    assert weight_formula(1, 0) == pytest.approx(4 / 3, abs=1e-3)
    assert weight_formula(0, 1) == pytest.approx(2 / 3, abs=1e-3)
    assert weight_formula(1000, 0) <= 2.0
    assert weight_formula(0, 1000) == 0.2
    assert weight_formula(5, 5) == 1.0


@pytest.fixture
def readers(make_user):
    return [make_user(f"r{i}") for i in range(5)]


def test_three_plain_reports_hide_the_comment_until_decided(
    client_for, readers, article, make_comment, mod_client
):
    author = readers[0]
    comment = make_comment(author, article, "Provocative.")
    assert report(client_for(readers[1]), comment).status_code == 201
    assert report(client_for(readers[2]), comment, "hate").status_code == 201
    comment.refresh_from_db()
    assert comment.status == "published"  # 2 < threshold 3
    assert report(client_for(readers[3]), comment).status_code == 201
    comment.refresh_from_db()
    assert comment.status == "pending" and not comment.is_public
    audit = AuditLog.objects.get(action="comment.hold_reports")
    assert audit.actor is None and audit.actor_label == "system"
    assert audit.new == {"status": "pending", "weighted_reports": 3.0}
    # Hidden from the public thread, still visible to its author.
    public = client_for(readers[4]).get(f"/api/v1/articles/{article.key}/comments/").json()
    assert [c["id"] for c in public["results"]] == []
    # Hidden comments cannot be reported any more.
    assert report(client_for(readers[4]), comment).status_code == 404
    # The moderator sees it in the reported queue and approves it.
    queue = mod_client.get("/api/v1/moderation/queue/?queue=reported").json()["results"]
    assert [item["id"] for item in queue] == [comment.pk]
    assert decide(mod_client, comment, "approve", "pending").status_code == 200
    comment.refresh_from_db()
    assert comment.status == "published"
    assert set(Report.objects.values_list("status", flat=True)) == {"dismissed"}


def test_one_report_per_reader(client_for, readers, article, make_comment):
    comment = make_comment(readers[0], article)
    assert report(client_for(readers[1]), comment).status_code == 201
    again = report(client_for(readers[1]), comment, "spam")
    assert again.status_code == 409 and err(again) == "already_reported"


def test_reporters_with_dismissed_history_weigh_less(
    client_for, readers, article, make_comment, mod_client
):
    author, noisy_a, noisy_b, noisy_c = readers[:4]
    # Each of three readers reports two comments that moderators then approve.
    for i in range(2):
        c = make_comment(author, article, f"fine comment {i}")
        for reader in (noisy_a, noisy_b):
            assert report(client_for(reader), c).status_code == 201
        assert decide(mod_client, c, "approve", "published").status_code == 200
    for reader in (noisy_a, noisy_b):
        assert reporter_weight(reader.pk) == pytest.approx(0.5)
    target = make_comment(author, article, "target")
    for reader in (noisy_a, noisy_b, noisy_c):
        assert report(client_for(reader), target).status_code == 201
    target.refresh_from_db()
    assert target.status == "published"  # 0.5 + 0.5 + 1.0 = 2.0 < 3

    queue = mod_client.get("/api/v1/moderation/queue/?queue=reported").json()["results"]
    item = next(i for i in queue if i["id"] == target.pk)
    assert item["reports"] == {"count": 3, "weighted": 2.0, "threshold": 3}
    (group,) = [r for r in item["reasons"] if r["type"] == "report"]
    assert group["reason"] == "insult" and group["count"] == 3 and group["weight"] == 2.0
    weights = {r["id"]: r["weight"] for r in group["reporters"]}
    assert weights == {noisy_a.pk: 0.5, noisy_b.pk: 0.5, noisy_c.pk: 1.0}


def test_reporters_with_upheld_history_weigh_more(
    client_for, readers, article, make_comment, mod_client
):
    author, good_a, good_b = readers[:3]
    for i in range(2):
        c = make_comment(author, article, f"bad comment {i}")
        for reader in (good_a, good_b):
            report(client_for(reader), c)
        assert decide(mod_client, c, "reject", "published", "insult").status_code == 200
    assert reporter_weight(good_a.pk) == pytest.approx(1.5)
    target = make_comment(author, article, "target")
    report(client_for(good_a), target)
    report(client_for(good_b), target)
    target.refresh_from_db()
    assert target.status == Comment.Status.PENDING  # 1.5 + 1.5 = 3.0 reaches 3


def test_an_approved_revision_is_not_hidden_again_by_reports(
    client_for, readers, make_user, article, make_comment, mod_client
):
    comment = make_comment(readers[0], article)
    for reader in readers[1:4]:
        report(client_for(reader), comment)
    comment.refresh_from_db()
    assert comment.status == "pending"
    decide(mod_client, comment, "approve", "pending")
    for i in range(3):
        report(client_for(make_user(f"late{i}")), comment)
    comment.refresh_from_db()
    assert comment.status == "published"
    queue = mod_client.get("/api/v1/moderation/queue/?queue=reported").json()["results"]
    assert [item["id"] for item in queue] == [comment.pk]  # still waits for a look
