"""Each Django-side rule on its own, and the policy choosing which rules run."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from moderation.models import Sanction
from moderation.pipeline import evaluate
from moderation.policy import get_active_policy
from moderation.rules import load_rules
from moderation.rules.base import ScreeningContext
from moderation.rules.duplicate import DuplicateRule, fingerprint
from moderation.rules.flood import FloodRule
from moderation.rules.held import HeldCommentRule
from moderation.rules.length import LengthRule
from moderation.rules.moderation_mode import ModerationModeRule
from moderation.rules.new_user import NewUserHoldRule
from moderation.rules.sanctions import PremodSanctionRule
from moderation.rules.text import TextRules
from moderation.rules.toxicity import ToxicityScoreRule

pytestmark = pytest.mark.django_db


def ctx(policy=None, event="create", **kw):
    return ScreeningContext(policy=policy or get_active_policy(), event=event, **kw)


def test_length_rule_points_at_the_excess():
    rule = LengthRule({"max_length": 10})
    assert rule.check("0123456789", ctx()) == []
    [hit] = rule.check("0123456789abc", ctx())
    assert (hit.rule, hit.action, hit.span, hit.matched) == ("length", "reject", (10, 13), "abc")


def test_premod_sanction_holds_with_its_reason(reader, moderator):
    policy = get_active_policy()
    rule = PremodSanctionRule(policy)
    assert rule.check("hello", ctx(author=reader)) == []
    Sanction.objects.create(user=reader, kind="premod", reason_code="insult", created_by=moderator)
    [hit] = rule.check("hello", ctx(author=reader))
    assert (hit.rule, hit.code, hit.action) == ("sanctions", "insult", "hold")
    # a lifted or expired one no longer counts
    Sanction.objects.update(until=timezone.now() - timedelta(minutes=1))
    assert rule.check("hello", ctx(author=reader)) == []


def test_held_rule_keeps_an_edited_held_comment_held(reader, article):
    comment = Comment.objects.create(article=article, author=reader, body="x", status="pending")
    rule = HeldCommentRule({})
    [hit] = rule.check("y", ctx(event="edit", comment=comment))
    assert hit.action == "hold"
    assert rule.check("y", ctx(event="create")) == []
    comment.status = "published"
    assert rule.check("y", ctx(event="edit", comment=comment)) == []


def test_moderation_mode_site_wide_and_per_article(make_article):
    inherit, pre, post = (
        make_article(),
        make_article(moderation_mode="pre"),
        make_article(moderation_mode="post"),
    )
    site_post = ModerationModeRule({"moderation_mode": "post"})
    site_pre = ModerationModeRule({"moderation_mode": "pre"})
    assert site_post.check("x", ctx(article=inherit)) == []
    [hit] = site_post.check("x", ctx(article=pre))
    assert hit.detail == {"mode": "pre", "source": "article"}
    [hit] = site_pre.check("x", ctx(article=inherit))
    assert hit.detail == {"mode": "pre", "source": "site"}
    assert site_pre.check("x", ctx(article=post)) == []  # the article overrides the site


def test_new_user_hold_counts_published_comments(reader, article):
    rule = NewUserHoldRule({"new_user_hold": 2})
    [hit] = rule.check("x", ctx(author=reader))
    assert hit.detail == {"published": 0, "new_user_hold": 2}
    Comment.objects.create(article=article, author=reader, body="a")
    Comment.objects.create(article=article, author=reader, body="b", status="pending")
    assert rule.check("x", ctx(author=reader))[0].detail["published"] == 1
    Comment.objects.create(article=article, author=reader, body="c")
    assert rule.check("x", ctx(author=reader)) == []
    assert NewUserHoldRule({"new_user_hold": 0}).check("x", ctx(author=reader)) == []


def test_text_rules_come_from_the_engine_with_spans(test_policy):
    rule = TextRules(test_policy)
    text = "A quuxly remark, you ZORBLAX"
    hits = rule.check(text, ctx(test_policy))
    assert {(h.rule, h.code, h.action) for h in hits} == {
        ("suspect_terms", "other", "hold"),
        ("banned_terms", "offensive", "reject"),
    }
    for hit in hits:
        assert text[hit.span[0] : hit.span[1]] == hit.matched


def test_flood_counts_the_authors_recent_comments(reader, reader2, article):
    rule = FloodRule({"flood_max": 2, "flood_window_seconds": 60})
    comments = [
        Comment.objects.create(article=article, author=reader, body=f"{i}") for i in range(3)
    ]
    Comment.objects.create(article=article, author=reader2, body="someone else")
    assert rule.check("1", ctx(author=reader, comment=comments[1], event="async")) == []
    [hit] = rule.check("2", ctx(author=reader, comment=comments[2], event="async"))
    assert (hit.code, hit.action, hit.detail["earlier"]) == ("spam", "hold", 2)
    # outside the window they no longer count
    Comment.objects.filter(pk__in=[c.pk for c in comments[:2]]).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    assert rule.check("2", ctx(author=reader, comment=comments[2], event="async")) == []


def test_fingerprints_ignore_case_width_and_punctuation_but_not_short_texts():
    assert fingerprint("Buy cheap watches at my shop!!") == fingerprint(
        "buy  CHEAP watches, at my ｓｈｏｐ"
    )
    assert fingerprint("Buy cheap watches at my shop") != fingerprint("Buy cheap clocks at my shop")
    assert fingerprint("Agreed!") == ""


def test_duplicate_counts_copies_by_anyone(reader, reader2, make_comment, make_article):
    rule = DuplicateRule({"duplicate_max": 2, "duplicate_window_minutes": 60})
    text = "Visit my great shop for cheap watches"
    first = make_comment(reader, make_article(), text)
    second = make_comment(reader2, make_article(), text.upper())
    third = make_comment(reader, make_article(), text + "!")
    assert rule.check(text, ctx(comment=second, event="async")) == []
    [hit] = rule.check(text, ctx(comment=third, event="async"))
    assert (hit.rule, hit.code, hit.action, hit.detail["copies"]) == (
        "duplicate",
        "spam",
        "hold",
        2,
    )
    assert first.pk != third.pk


def test_toxicity_rule_uses_the_batch_score_only():
    rule = ToxicityScoreRule({"toxicity_threshold": 0.8, "toxicity_action": "hold"})
    assert rule.check("whatever", ctx(event="async")) == []  # no score, no model loaded here
    assert rule.check("x", ctx(event="async", toxicity_score=0.5)) == []
    [hit] = rule.check("x", ctx(event="async", toxicity_score=0.95))
    assert (hit.rule, hit.code, hit.action) == ("toxicity", "offensive", "hold")
    assert (
        ToxicityScoreRule({"toxicity_action": "off"}).check(
            "x", ctx(event="async", toxicity_score=1.0)
        )
        == []
    )


def test_the_policy_chooses_the_rules(use_policy, reader, make_article):
    policy = use_policy(request_rules=["length", "moderation_mode"], moderation_mode="pre")
    assert [r.name for r in load_rules(policy, "request")] == ["length", "moderation_mode"]
    action, hits = evaluate(
        policy, "request", "you zorblax", ctx(policy, author=reader, article=make_article())
    )
    # the text rules are not configured: the banned term goes unseen, the mode holds
    assert action == "hold"
    assert [h.rule for h in hits] == ["moderation_mode"]
    policy = use_policy(async_rules=[])
    assert load_rules(policy, "async") == []
