"""Moderation models, one module per concept; import them all here for Django."""

from .audit import AuditLog
from .policy import PolicyVersion
from .sanctions import Sanction
from .screening import ScreeningRecord

__all__ = ["AuditLog", "PolicyVersion", "Sanction", "ScreeningRecord"]
