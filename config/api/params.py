"""Query-string parameters shared by several endpoints (the views pass raw strings)."""

from __future__ import annotations

from typing import Any

from config.errors import DomainError

ID_MAX = 2**63 - 1  # the largest primary key PostgreSQL's bigint (and SQLite) can hold


def is_id(raw: Any) -> bool:
    """Plain ASCII digits (``str.isdigit`` also accepts ``²`` and other scripts' digits)."""
    return isinstance(raw, str) and raw.isascii() and raw.isdigit()


def query_id(raw: Any, field: str) -> int | None:
    """An optional id-like query parameter: None when absent, else 1..2**63-1, else 400."""
    if raw in (None, ""):
        return None
    if is_id(raw) and len(raw) <= 19 and 1 <= int(raw) <= ID_MAX:
        return int(raw)
    raise DomainError(
        "validation_error",
        "The request is not valid.",
        fields={field: [f"A whole number from 1 to {ID_MAX}."]},
    )
