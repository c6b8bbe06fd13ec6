"""Moderation models, one module per concept; import them all here for Django."""

from .appeals import Appeal
from .audit import AuditLog
from .claims import Claim
from .decisions import Decision, DecisionNotice
from .policy import PolicyVersion
from .queue_admin import QueuedComment
from .sanctions import Sanction
from .screening import ScreeningRecord

__all__ = [
    "Appeal",
    "AuditLog",
    "Claim",
    "Decision",
    "DecisionNotice",
    "PolicyVersion",
    "QueuedComment",
    "Sanction",
    "ScreeningRecord",
]
