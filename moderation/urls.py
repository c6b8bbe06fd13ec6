"""Moderation API under /api/v1/moderation/ (moderators and admins only)."""

from django.urls import path

from .apis import policy as policy_apis

urlpatterns: list = [
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
