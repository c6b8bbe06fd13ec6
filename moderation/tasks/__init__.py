"""Celery tasks of the moderation app, one module per concern.

Celery's autodiscovery imports ``moderation.tasks``; each module below
registers its tasks when imported here.
"""

from . import screening  # noqa: E402,F401
