"""Django admin for moderation, one module per area; writes always go through services."""

from . import policy, queue  # noqa: F401
