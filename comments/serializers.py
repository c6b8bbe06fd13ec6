"""Input validation for the comments API, and the output shape for the schema."""

from __future__ import annotations

from rest_framework import serializers

from config.api.serializers import StrictCharField, StrictInputSerializer, StrictIntegerField


class CommentCreateInput(StrictInputSerializer):
    body = StrictCharField()
    parent = StrictIntegerField(required=False, allow_null=True, min_value=1)


class CommentEditInput(StrictInputSerializer):
    body = StrictCharField()


class ReportInput(StrictInputSerializer):
    reason = StrictCharField()
    note = StrictCharField(required=False)


class ArticleUpsertInput(StrictInputSerializer):
    url = serializers.URLField(max_length=1000)
    title = StrictCharField()
    comments_open = serializers.BooleanField(required=False)
    closes_at = serializers.DateTimeField(required=False, allow_null=True)


# --- output (documentation of comments.presenters) -----------------------------


class AuthorOutput(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    display_name = serializers.CharField()
    avatar_url = serializers.CharField()


class ViewerOutput(serializers.Serializer):
    reacted = serializers.BooleanField()
    is_author = serializers.BooleanField()
    reported = serializers.BooleanField()


class ReplyOutput(serializers.Serializer):
    id = serializers.IntegerField()
    article = serializers.CharField()
    parent = serializers.IntegerField(allow_null=True)
    author = AuthorOutput(allow_null=True)
    body = serializers.CharField()
    status = serializers.ChoiceField(choices=["published", "pending", "rejected", "deleted"])
    created_at = serializers.DateTimeField()
    edited_at = serializers.DateTimeField(allow_null=True)
    reaction_count = serializers.IntegerField()
    reply_count = serializers.IntegerField()
    viewer = ViewerOutput(required=False)


class CommentOutput(ReplyOutput):
    # Only top-level comments embed their first replies (a reply's detail has none).
    replies = ReplyOutput(many=True, required=False)


class CommentPageOutput(serializers.Serializer):
    results = CommentOutput(many=True)
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)


class ArticleOutput(serializers.Serializer):
    key = serializers.CharField()
    url = serializers.URLField()
    title = serializers.CharField()
    comments_open = serializers.BooleanField()
    comment_count = serializers.IntegerField()


class ReactionOutput(serializers.Serializer):
    reaction_count = serializers.IntegerField()
    reacted = serializers.BooleanField()


class ReportOutput(serializers.Serializer):
    id = serializers.IntegerField()
    comment = serializers.IntegerField()
    reason = serializers.CharField()
    note = serializers.CharField()
    created_at = serializers.DateTimeField()


class ReasonOutput(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class SectionOutput(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField()


class PolicyOutput(serializers.Serializer):
    version = serializers.IntegerField()
    max_length = serializers.IntegerField()
    edit_window_seconds = serializers.IntegerField()
    report_reasons = ReasonOutput(many=True)
    sections = SectionOutput(many=True)
