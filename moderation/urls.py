"""Moderation API under /api/v1/moderation/ (moderators and admins only)."""

from django.urls import path

from .apis import audit, decisions, queue, sanctions, stats, users
from .apis import policy as policy_apis

urlpatterns: list = [
    path("queue/", queue.QueueApi.as_view(), name="moderation-queue"),
    path("queue/<int:comment_id>/claim/", queue.ClaimApi.as_view(), name="moderation-claim"),
    path("queue/<int:comment_id>/release/", queue.ReleaseApi.as_view(), name="moderation-release"),
    path(
        "comments/<int:comment_id>/decision/",
        decisions.DecisionApi.as_view(),
        name="moderation-decision",
    ),
    path("decisions/", decisions.BulkDecisionApi.as_view(), name="moderation-decisions"),
    path("users/<int:user_id>/", users.UserHistoryApi.as_view(), name="moderation-user"),
    path(
        "users/<int:user_id>/sanctions/",
        sanctions.SanctionsApi.as_view(),
        name="moderation-sanctions",
    ),
    path(
        "users/<int:user_id>/sanctions/<int:sanction_id>/",
        sanctions.SanctionLiftApi.as_view(),
        name="moderation-sanction",
    ),
    path("audit/", audit.AuditApi.as_view(), name="moderation-audit"),
    path("stats/", stats.StatsApi.as_view(), name="moderation-stats"),
    path(
        "policy/versions/",
        policy_apis.PolicyVersionsApi.as_view(),
        name="moderation-policy-versions",
    ),
    path(
        "policy/versions/<int:version>/",
        policy_apis.PolicyVersionApi.as_view(),
        name="moderation-policy-version",
    ),
    path(
        "policy/versions/<int:version>/activate/",
        policy_apis.PolicyVersionActivateApi.as_view(),
        name="moderation-policy-version-activate",
    ),
    path(
        "policy/dry-run/",
        policy_apis.PolicyDryRunApi.as_view(),
        name="moderation-policy-dry-run",
    ),
]
