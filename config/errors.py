"""The one exception type for domain errors.

Services raise :class:`DomainError` with a stable, machine-readable ``code``;
the API layer (``config.api.exceptions``) turns it into
``{"error": {"code", "message", "fields"?}}`` with the right HTTP status.
Codes are part of the public contract: never rename one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# code -> HTTP status: the catalogue of every code the API answers with (the
# OpenAPI schema lists them per status; a test keeps it complete).
STATUS_BY_CODE: dict[str, int] = {
    "validation_error": 400,
    "malformed_json": 400,
    "empty": 400,
    "too_short": 400,
    "too_long": 400,
    "invalid_characters": 400,
    "invalid_cursor": 400,
    "invalid_reason": 400,
    "parent_not_found": 400,
    "reply_depth": 400,
    "cannot_report_own": 400,
    "cannot_react_own": 400,
    "not_appealable": 400,
    "invalid_code": 400,
    "invalid_code_challenge": 400,
    "invalid_callback_url": 400,
    "unknown_provider": 400,
    "app_login_not_started": 400,
    "not_authenticated": 401,
    "permission_denied": 403,
    "not_author": 403,
    "edit_window_closed": 403,
    "article_closed": 403,
    "banned": 403,
    "not_editable": 403,
    "csrf_failed": 403,
    "suspended": 403,
    "article_not_found": 404,
    "comment_not_found": 404,
    "user_not_found": 404,
    "export_not_found": 404,
    "not_found": 404,
    "already_claimed": 409,
    "already_decided": 409,
    "already_appealed": 409,
    "already_reported": 409,
    "not_in_queue": 409,
    "conflict": 409,
    "export_not_ready": 409,
    "method_not_allowed": 405,
    "not_acceptable": 406,
    "payload_too_large": 413,
    "unsupported_media_type": 415,
    "policy_violation": 422,
    "rate_limited": 429,
}


class DomainError(Exception):
    def __init__(
        self,
        code: str,
        message: str,
        *,
        fields: Mapping[str, list[str]] | None = None,
        status: int | None = None,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = dict(fields) if fields else None
        self.status = status or STATUS_BY_CODE.get(code, 400)
        self.extra = dict(extra) if extra else {}
        self.headers = dict(headers) if headers else {}

    def as_payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fields:
            body["fields"] = self.fields
        body.update(self.extra)
        return {"error": body}

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"DomainError({self.code!r}, {self.message!r})"
