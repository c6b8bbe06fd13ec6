from __future__ import annotations

from django.conf import settings
from django.db import models


class Sanction(models.Model):
    """A measure against a reader: warn, suspend (until a date), ban, always pre-moderate."""

    class Kind(models.TextChoices):
        WARN = "warn", "Warning"
        SUSPEND = "suspend", "Suspension"
        BAN = "ban", "Ban"
        PREMOD = "premod", "Always pre-moderate"

    user = models.ForeignKey(  # indexed by sanction_user_open
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions", db_index=False
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    until = models.DateTimeField(null=True, blank=True)  # None: until lifted
    reason_code = models.CharField(max_length=40)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    policy_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "lifted_at"], name="sanction_user_open")]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}"
