"""Moderators' decisions as classifier training lines (moderation.training_feedback and
``manage.py moderation_export_training``)."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from comments.models import Comment
from moderation.decisions import decision_apply
from moderation.models import ScreeningRecord
from moderation.training_feedback import decided_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(make_user):
    return make_user("reader_zq")


@pytest.fixture
def post(author, article, make_comment, hold):
    def post(body, held=True):
        comment = make_comment(author, article, body)
        return hold(comment) if held else comment

    return post


def decide(moderator, comment, action, code="", from_status="pending"):
    comment.refresh_from_db()
    return decision_apply(
        moderator=moderator,
        comment_id=comment.pk,
        action=action,
        reason_code=code,
        from_status=from_status,
        revision=comment.revision,
    )


def screened(comment, action):
    ScreeningRecord.objects.create(
        comment=comment,
        revision=comment.revision,
        event=ScreeningRecord.Event.CREATE,
        policy_version=1,
        action=action,
        status=comment.status,
    )


def by_id():
    return {line["id"]: line for line in decided_lines()}


def test_a_rejection_teaches_its_category_and_names_no_reader(moderator, post, author):
    comment = post("Meet me after the broadcast, wear the short skirt")
    decide(moderator, comment, "reject", "sexual")
    [line] = decided_lines()
    assert line["id"] == f"mod-{comment.pk}" and line["text"] == comment.body
    assert (line["label"], line["category"], line["lang"]) == ("violating", "sexual", "en")
    assert "rejected" in line["note"] and "sexual" in line["note"]
    assert set(line) == {"id", "lang", "text", "label", "category", "evasion", "note"}
    assert author.username not in json.dumps(line)


def test_reason_codes_map_to_categories_and_others_are_left_out(moderator, post):
    rude = post("완전 개소리네")
    off = post("Anyway, who won the baseball?")
    decide(moderator, rude, "reject", "offensive")
    decide(moderator, off, "reject", "off_topic")
    lines = by_id()
    assert lines[f"mod-{rude.pk}"]["category"] == "profanity"
    assert lines[f"mod-{rude.pk}"]["lang"] == "ko"
    assert f"mod-{off.pk}" not in lines  # off topic is no text matter for the model


def test_an_approval_is_clean_and_tricky_when_the_policy_had_held_it(moderator, post):
    held = post("The Scunthorpe council voted again")
    screened(held, ScreeningRecord.Action.HOLD)
    reported = post("A perfectly ordinary remark")
    screened(reported, ScreeningRecord.Action.PUBLISH)
    decide(moderator, held, "approve")
    decide(moderator, reported, "approve")
    lines = by_id()
    assert lines[f"mod-{held.pk}"]["category"] == "clean_tricky"
    assert lines[f"mod-{held.pk}"]["label"] == "clean"
    assert lines[f"mod-{reported.pk}"]["category"] == "clean_other"


def test_a_rejection_after_publication_teaches_too(moderator, post):
    published = post("Idiots, the lot of you", held=False)
    decide(moderator, published, "reject", "insult", from_status="published")
    [line] = decided_lines()
    assert (line["label"], line["category"]) == ("violating", "insult")


def test_only_the_latest_decision_counts(moderator, post):
    comment = post("Buy followers cheap, see my profile")
    decide(moderator, comment, "reject", "spam")
    decide(moderator, comment, "approve", from_status="rejected")  # on second thought
    [line] = decided_lines()
    assert line["label"] == "clean"


def test_text_edited_after_the_decision_or_deleted_is_not_exported(moderator, post):
    edited = post("first words")
    deleted = post("words later deleted")
    decide(moderator, edited, "reject", "insult")
    decide(moderator, deleted, "reject", "insult")
    Comment.objects.filter(pk=edited.pk).update(body="other words", revision=2)
    Comment.objects.filter(pk=deleted.pk).update(body="", deleted_at="2026-11-29T00:00Z")
    assert list(decided_lines()) == []


def test_the_command_writes_the_lines_the_classifier_reads(moderator, post, tmp_path, capsys):
    from moderation.engine.classifier import label_of, read_jsonl

    decide(moderator, post("Call 010-2233-4455 for cheap loans"), "reject", "spam")
    decide(moderator, post("good reporting"), "approve")
    out = tmp_path / "decisions.jsonl"
    call_command("moderation_export_training", "--output", str(out))
    rows = read_jsonl([out])
    assert sorted(label_of(r) for r in rows) == ["clean", "spam"]
    assert "2 lines (clean_other 1, spam 1)" in capsys.readouterr().err
    call_command("moderation_export_training", "--output", str(out), "--since", "2999-01-01")
    assert out.read_text() == ""
    with pytest.raises(CommandError):
        call_command("moderation_export_training", "--output", str(out), "--since", "yesterday")


def test_the_export_costs_the_same_queries_for_one_comment_or_many(
    moderator, post, django_assert_num_queries
):
    for i in range(4):
        comment = post(f"held comment number {i}")
        screened(comment, ScreeningRecord.Action.HOLD)
        decide(moderator, comment, "approve")
    # the decisions, then per chunk of 1,000 comments: the comments and their screenings
    with django_assert_num_queries(3):
        lines = list(decided_lines())
    assert [line["category"] for line in lines] == ["clean_tricky"] * 4
