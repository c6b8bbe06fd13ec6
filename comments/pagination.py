"""Keyset (cursor) pagination.

A cursor names the position of a row in a fixed total order (the sort keys
plus the primary key), never an offset: page 1,000 costs the same index range
scan as page 1, and rows arriving meanwhile never shift or repeat a page.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

from config.errors import DomainError


@dataclass(frozen=True)
class Cursor:
    values: tuple[Any, ...]
    reverse: bool = False  # True: the page *before* this position

    def encode(self) -> str:
        raw = json.dumps({"v": [_dump(v) for v in self.values], "r": int(self.reverse)})
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _dump(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    return value


def _load(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"t"} and isinstance(value["t"], str):
        return datetime.fromisoformat(value["t"])
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError("bad cursor value")
    return value


def decode_cursor(token: str | None, *, size: int) -> Cursor | None:
    if not token:
        return None
    try:
        if len(token) > 512:
            raise ValueError("too long")
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        values = tuple(_load(v) for v in data["v"])
        if len(values) != size:
            raise ValueError("wrong size")
        return Cursor(values=values, reverse=bool(data.get("r", 0)))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise _invalid_cursor() from None


def _invalid_cursor() -> DomainError:
    return DomainError(
        "invalid_cursor", "The cursor is not valid.", fields={"cursor": ["Invalid cursor."]}
    )


INT64 = (-(2**63), 2**63 - 1)


def _output_field(qs: QuerySet, name: str):
    annotation = qs.query.annotations.get(name)
    if annotation is not None:
        return annotation.output_field
    try:
        return qs.model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _checked(field: Any, value: Any) -> Any:
    """A cursor value the database can compare with ``field``, or ValueError.

    A cursor is client input: its values must have the type of the column they
    stand for (a forged ``"x"`` for a date or ``2**70`` for an id is a 400, not
    a database error).
    """
    if isinstance(field, models.DateTimeField):
        if not isinstance(value, datetime):
            raise ValueError("not a datetime")
        if timezone.is_naive(value):
            value = timezone.make_aware(value, UTC)
        return value.astimezone(UTC)  # OverflowError at the ends of the calendar
    if isinstance(field, (models.IntegerField, models.AutoField, models.ForeignKey)):
        if not isinstance(value, int) or not INT64[0] <= value <= INT64[1]:
            raise ValueError("not a 64-bit integer")
        return value
    if isinstance(field, (models.CharField, models.TextField)):
        if not isinstance(value, str) or "\x00" in value:
            raise ValueError("not a string")
        return value
    if field is not None:
        return field.to_python(value)
    return value


def _checked_values(qs: QuerySet, ordering: Sequence[str], values: Sequence[Any]) -> tuple:
    try:
        return tuple(
            _checked(_output_field(qs, _field(order)[0]), value)
            for order, value in zip(ordering, values, strict=True)
        )
    except (ValueError, TypeError, OverflowError, ValidationError):
        raise _invalid_cursor() from None


def _field(order: str) -> tuple[str, bool]:
    return (order[1:], True) if order.startswith("-") else (order, False)


def _after(ordering: Sequence[str], values: Sequence[Any]) -> Q:
    """Rows strictly after ``values`` in ``ordering`` (a lexicographic comparison)."""
    q = Q()
    for i, order in enumerate(ordering):
        name, desc = _field(order)
        step = Q(**{f"{name}__{'lt' if desc else 'gt'}": values[i]})
        for j in range(i):
            prev, _ = _field(ordering[j])
            step &= Q(**{prev: values[j]})
        q |= step
    return q


def _flip(ordering: Sequence[str]) -> list[str]:
    return [o[1:] if o.startswith("-") else f"-{o}" for o in ordering]


@dataclass
class Page:
    rows: list[Any]
    next: Cursor | None
    previous: Cursor | None


def keyset_page(
    qs: QuerySet, *, ordering: Sequence[str], page_size: int, cursor: Cursor | None
) -> Page:
    reverse = bool(cursor and cursor.reverse)
    order = _flip(ordering) if reverse else list(ordering)
    if cursor is not None:
        qs = qs.filter(_after(order, _checked_values(qs, order, cursor.values)))
    rows = list(qs.order_by(*order)[: page_size + 1])
    more = len(rows) > page_size
    rows = rows[:page_size]
    if reverse:
        rows.reverse()

    def position(row: Any) -> tuple[Any, ...]:
        return tuple(getattr(row, _field(o)[0]) for o in ordering)

    has_next = more if not reverse else cursor is not None
    has_prev = more if reverse else cursor is not None
    return Page(
        rows=rows,
        next=Cursor(position(rows[-1])) if rows and has_next else None,
        previous=Cursor(position(rows[0]), reverse=True) if rows and has_prev else None,
    )
