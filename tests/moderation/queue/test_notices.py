"""Decision e-mails go out once per decision, whatever the task delivery does."""

from __future__ import annotations

from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core import mail
from django.utils import timezone

from moderation.models import Decision, DecisionNotice
from moderation.notifications import CLAIM_TIMEOUT, NoticeBusy, send_decision_notice
from moderation.tasks.notifications import decision_notice_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejection(make_user, article, make_comment, hold, mod_client):
    author = make_user("author", email="author@example.com")
    comment = hold(make_comment(author, article, "Held for a moderator."))
    response = mod_client.post(
        f"/api/v1/moderation/comments/{comment.pk}/decision/",
        {"action": "reject", "reason_code": "insult", "from_status": "pending"},
        format="json",
    )
    assert response.status_code == 200, response.content
    mail.outbox.clear()  # on-commit callbacks did not run: nothing was sent yet
    return Decision.objects.get(comment=comment)


def test_a_duplicate_delivery_sends_nothing_more(rejection):
    assert decision_notice_send.apply(args=[rejection.pk]).get() == "sent"
    assert decision_notice_send.apply(args=[rejection.pk]).get() == "already_sent"
    assert len(mail.outbox) == 1
    notice = DecisionNotice.objects.get(pk=rejection.pk)
    assert notice.sent_at is not None and notice.attempts == 1


def test_a_failed_send_releases_the_claim_and_the_retry_sends_once(rejection, monkeypatch):
    from moderation import notifications

    def refuse(*args, **kwargs):
        raise SMTPException("451 try again later")

    monkeypatch.setattr(notifications, "send_mail", refuse)
    with pytest.raises(SMTPException):
        send_decision_notice(rejection.pk)
    notice = DecisionNotice.objects.get(pk=rejection.pk)
    assert notice.claimed_at is None and notice.sent_at is None
    monkeypatch.undo()
    assert send_decision_notice(rejection.pk) == "sent"
    assert len(mail.outbox) == 1
    assert DecisionNotice.objects.get(pk=rejection.pk).attempts == 2


def test_a_fresh_claim_by_another_worker_is_respected(rejection):
    DecisionNotice.objects.create(decision=rejection, claimed_at=timezone.now())
    with pytest.raises(NoticeBusy):
        send_decision_notice(rejection.pk)
    assert mail.outbox == []


def test_a_claim_left_by_a_dead_worker_expires(rejection):
    stale = timezone.now() - CLAIM_TIMEOUT - timedelta(seconds=1)
    DecisionNotice.objects.create(decision=rejection, claimed_at=stale, attempts=1)
    assert send_decision_notice(rejection.pk) == "sent"
    assert len(mail.outbox) == 1


def test_the_task_retries_later_when_another_worker_holds_the_claim(rejection, monkeypatch):
    from celery.exceptions import Retry

    DecisionNotice.objects.create(decision=rejection, claimed_at=timezone.now())
    seen = {}

    def fake_retry(*, exc, countdown):
        seen["countdown"] = countdown
        return Retry(exc=exc)

    monkeypatch.setattr(decision_notice_send, "retry", fake_retry)
    with pytest.raises(Retry):
        decision_notice_send.run(rejection.pk)
    assert seen["countdown"] > CLAIM_TIMEOUT.total_seconds()
    assert mail.outbox == []
