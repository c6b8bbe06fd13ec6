"""The queue's rule-hit reasons, read from the pipeline's ScreeningRecord."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_rule_hits_with_spans_are_queue_reasons(mod_client, make_user, article, make_comment, hold):
    from moderation.decisions import comment_decisions
    from moderation.models import ScreeningRecord

    comment = hold(make_comment(make_user("author"), article, "call me at 010-1234-5678"))
    hit = {
        "rule": "contact_info",
        "code": "personal_info",
        "span": [11, 24],
        "matched": "010-1234-5678",
        "term": "",
        "severity": "hold",
    }
    ScreeningRecord.objects.record(
        comment=comment, revision=comment.revision, policy_version=1, action="hold", hits=[hit]
    )
    item = mod_client.get("/api/v1/moderation/queue/").json()["results"][0]
    rule = next(r for r in item["reasons"] if r["type"] == "rule")
    assert rule["code"] == "personal_info" and rule["span"] == [11, 24]
    assert comment_decisions([comment])[comment.pk]["reason_code"] == "personal_info"
