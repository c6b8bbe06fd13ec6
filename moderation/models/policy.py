from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class PolicyVersion(models.Model):
    """One version of the publication's standards policy.

    The policy is data (``data``, validated by ``moderation.policy``), so
    admins change it at runtime. Versions are never edited once activated: a
    change is a new version. Exactly one version is active (a partial unique
    constraint enforces it in the database).
    """

    version = models.PositiveIntegerField(unique=True)
    active = models.BooleanField(default=False)
    data = models.JSONField()
    note = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    activated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=Q(active=True), name="one_active_policy"
            ),
        ]

    def __str__(self) -> str:
        return f"Policy v{self.version}{' (active)' if self.active else ''}"
