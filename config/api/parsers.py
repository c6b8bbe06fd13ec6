"""A JSON parser that refuses huge bodies before reading them into memory.

DRF's parsers read the request stream directly, so Django's
``DATA_UPLOAD_MAX_MEMORY_SIZE`` check on ``request.body`` never runs for JSON.

It also refuses, for every endpoint at once, what no field can hold: documents
nested deeper than ``MAX_DEPTH`` (they would blow the stack in ``json.loads``
or in later code that walks them) and strings with NUL or lone UTF-16
surrogates (PostgreSQL cannot store NUL, and a lone surrogate cannot even be
encoded as UTF-8 for the database, a hash or the response).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from rest_framework.parsers import JSONParser

from config.errors import DomainError

MAX_DEPTH = 32
NOT_STORABLE = "NUL and lone surrogates are not allowed."


class LimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 64 * 1024
        if stream is None:
            return {}
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise DomainError("payload_too_large", f"The request body exceeds {limit} bytes.")
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise DomainError("malformed_json", "The request body is not valid JSON.") from exc
        check_json_document(data)
        return data


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _bad_string(text: str) -> bool:
    return "\x00" in text or any("\ud800" <= ch <= "\udfff" for ch in text)


def check_json_document(data: Any) -> None:
    """Refuse too-deep nesting and unstorable characters (iteratively: no recursion)."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise DomainError(
                "malformed_json", f"The request body is nested deeper than {MAX_DEPTH} levels."
            )
        if isinstance(value, str):
            if _bad_string(value):
                raise DomainError(
                    "invalid_characters",
                    "The text contains control or invalid characters.",
                    fields={path or "non_field_errors": [NOT_STORABLE]},
                )
        elif isinstance(value, dict):
            for key, sub in value.items():
                if _bad_string(key):
                    raise DomainError(
                        "invalid_characters",
                        "A field name contains control or invalid characters.",
                        fields={"non_field_errors": [NOT_STORABLE]},
                    )
                stack.append((sub, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                stack.append((sub, f"{path}.{index}" if path else str(index), depth + 1))
