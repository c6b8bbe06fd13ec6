"""OpenAPI: describe the error answers, not only the happy ones.

Every 4xx under ``/api/v1/`` has one shape (``config.api.exceptions``), so the
schema gets one ``Error`` component and, per operation, the error statuses that
operation can answer with. Each status's description lists the stable codes
behind it (from :data:`config.errors.STATUS_BY_CODE`), so a widget or app
developer sees ``403: not_author, edit_window_closed, ...`` next to the call.

Which statuses an operation gets is read off the view, not written by hand:

* every operation: 400 (bad query or body);
* a path with parameters: 404 (the article, comment, user... is not there);
* every operation but the public reads (views with ``public_read = True``):
  401, 403 (writes also answer 403 for sanctions, closed articles, CSRF);
* every write: 409 (already reported/claimed/decided/appealed), 413, 415, 422
  (the policy refused the text) and 429 (rate limits).

The fuzz test (``tests/test_fuzz_api.py``) checks every answer's status and body
against this, so a status the schema does not list fails the suite.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from config.errors import STATUS_BY_CODE

ERROR_REF = {"$ref": "#/components/schemas/Error"}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The one error shape of /api/v1/.",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {
                    "type": "string",
                    "description": "Stable, machine-readable; never renamed.",
                },
                "message": {"type": "string", "description": "For people; may change."},
                "fields": {
                    "type": "object",
                    "description": "Field path -> messages, for validation errors.",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
            # Some codes carry more (rate_limited: retry_after; policy_violation: hits).
            "additionalProperties": True,
        }
    },
}

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
BODY_METHODS = {"POST", "PUT", "PATCH"}


def codes_by_status() -> dict[int, list[str]]:
    table: dict[int, list[str]] = defaultdict(list)
    for code, status in sorted(STATUS_BY_CODE.items()):
        table[status].append(code)
    return table


def _response(status: int, table: dict[int, list[str]]) -> dict[str, Any]:
    codes = table.get(status) or []
    text = f"Error; codes: {', '.join(f'`{c}`' for c in codes)}." if codes else "Error."
    if status == 429:
        text += " The `Retry-After` header says when to try again."
    return {"description": text, "content": {"application/json": {"schema": ERROR_REF}}}


def _public_read(view_cls: Any) -> bool:
    """Views anyone may read say so with ``public_read = True``; authorization is
    checked in the services, so permission classes alone can't tell."""
    return bool(getattr(view_cls, "public_read", False))


def statuses_for(path: str, method: str, view_cls: Any) -> set[int]:
    method = method.upper()
    statuses = {400}
    if "{" in path:
        statuses.add(404)
    if method in WRITE_METHODS or not _public_read(view_cls):
        statuses |= {401, 403}
    if method in WRITE_METHODS:
        statuses |= {404, 409, 422, 429}
    if method in BODY_METHODS:
        statuses |= {413, 415}
    return statuses


def add_error_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular postprocessing hook (``SPECTACULAR_SETTINGS``)."""
    views: dict[tuple[str, str], Any] = {}
    for path, _regex, method, callback in generator.endpoints or []:
        views[(path, method.upper())] = getattr(callback, "cls", None)
    table = codes_by_status()
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in operations.items():
            if method.upper() not in {"GET", "POST", "PUT", "PATCH", "DELETE"}:
                continue
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses_for(path, method, views.get((path, method.upper())))):
                responses.setdefault(str(status), _response(status, table))
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    return result
