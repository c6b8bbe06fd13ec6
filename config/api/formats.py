"""How the API writes values: one place, so every endpoint agrees."""

from __future__ import annotations

from datetime import datetime


def iso(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 in UTC with a ``Z`` (``None`` stays ``None``)."""
    return value.isoformat().replace("+00:00", "Z") if value is not None else None
