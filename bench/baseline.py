"""The yardstick: what a plain, textbook DRF app would serve over the same tables.

A ``ListAPIView`` with a ``ModelSerializer`` (nested author), page-number
pagination (page size 50, so a ``COUNT(*)`` per page) and the same visibility
rule as Parley's public thread (published top-level comments of the article,
newest first); and a ``CreateAPIView`` that inserts a comment for the signed-in
user. Same authentication classes, parser, renderer and exception handler as
Parley (the project's REST_FRAMEWORK defaults). No caching, no counters, no
screening: it is deliberately the naive version.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated

from accounts.models import User
from comments.models import Article, Comment


class BaselineAuthor(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "display_name", "avatar_url"]


class BaselineComment(serializers.ModelSerializer):
    author = BaselineAuthor(read_only=True)

    class Meta:
        model = Comment
        fields = [
            "id",
            "article",
            "parent",
            "author",
            "body",
            "status",
            "created_at",
            "edited_at",
            "reaction_count",
            "reply_count",
        ]
        read_only_fields = [
            "article",
            "status",
            "created_at",
            "edited_at",
            "reaction_count",
            "reply_count",
        ]


class BaselinePagination(PageNumberPagination):
    page_size = 50


class BaselineCommentList(generics.ListAPIView):
    serializer_class = BaselineComment
    pagination_class = BaselinePagination

    def get_queryset(self):
        return (
            Comment.objects.filter(
                article__key=self.kwargs["key"],
                parent__isnull=True,
                status=Comment.Status.PUBLISHED,
            )
            .select_related("author")
            .order_by("-created_at", "-id")
        )


class BaselineCommentCreate(generics.CreateAPIView):
    serializer_class = BaselineComment
    permission_classes = [IsAuthenticated]

    def perform_create(self, serializer):
        article = get_object_or_404(Article, key=self.kwargs["key"])
        serializer.save(article=article, author=self.request.user)
