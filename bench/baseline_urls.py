"""The baseline endpoints, mounted only by bench.settings."""

from django.urls import path

from . import baseline

urlpatterns = [
    path(
        "articles/<str:key>/comments/",
        baseline.BaselineCommentList.as_view(),
        name="baseline-comments",
    ),
    path(
        "articles/<str:key>/comments/new/",
        baseline.BaselineCommentCreate.as_view(),
        name="baseline-comment-create",
    ),
]
