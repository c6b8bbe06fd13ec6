"""Celery tasks of the moderation app, one module per concern.

Celery's autodiscovery imports ``moderation.tasks``; each module below
registers its tasks when imported here.
"""

from . import screening  # noqa: F401
from .notifications import decision_notice_send

__all__ = ["decision_notice_send"]
