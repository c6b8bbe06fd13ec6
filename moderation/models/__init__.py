"""Moderation models, one module per concept; import them all here for Django."""

from .audit import AuditLog
from .policy import PolicyVersion

__all__ = ["AuditLog", "PolicyVersion"]
