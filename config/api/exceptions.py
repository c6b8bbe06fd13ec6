"""One error shape for the whole API: ``{"error": {"code", "message", "fields"?}}``."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from rest_framework import exceptions as drf
from rest_framework.response import Response

from config.errors import DomainError


def _flatten_fields(detail: Any) -> dict[str, list[str]]:
    """DRF validation detail -> {field: [messages]} (nested paths joined with '.')."""
    out: dict[str, list[str]] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), sub)
        elif isinstance(value, list) and value and not all(isinstance(v, str) for v in value):
            for index, sub in enumerate(value):
                walk(f"{prefix}.{index}" if prefix else str(index), sub)
        elif isinstance(value, list):
            out.setdefault(prefix or "non_field_errors", []).extend(str(v) for v in value)
        else:
            out.setdefault(prefix or "non_field_errors", []).append(str(value))

    walk("", detail)
    return out


def to_domain_error(exc: Exception) -> DomainError | None:
    if isinstance(exc, DomainError):
        return exc
    if isinstance(exc, (Http404, drf.NotFound)):
        return DomainError("not_found", "Not found.")
    if isinstance(exc, (drf.NotAuthenticated, drf.AuthenticationFailed)):
        return DomainError("not_authenticated", "Sign in to do this.")
    if isinstance(exc, (drf.PermissionDenied, DjangoPermissionDenied)):
        message = str(getattr(exc, "detail", "")) or "You may not do this."
        if "CSRF" in message:
            return DomainError("csrf_failed", message, status=403)
        return DomainError("permission_denied", message)
    if isinstance(exc, drf.Throttled):
        wait = math.ceil(exc.wait) if exc.wait is not None else 60
        return DomainError(
            "rate_limited",
            "Too many requests. Try again later.",
            extra={"retry_after": wait},
            headers={"Retry-After": str(wait)},
        )
    if isinstance(exc, RequestDataTooBig):
        return DomainError("payload_too_large", "The request body is too large.")
    if isinstance(exc, drf.UnsupportedMediaType):
        return DomainError("unsupported_media_type", "Send JSON (Content-Type: application/json).")
    if isinstance(exc, drf.ParseError):
        return DomainError("malformed_json", "The request body is not valid JSON.")
    if isinstance(exc, drf.MethodNotAllowed):
        return DomainError("method_not_allowed", "Method not allowed.", status=405)
    if isinstance(exc, drf.NotAcceptable):
        return DomainError("not_acceptable", "Not acceptable.", status=406)
    if isinstance(exc, drf.ValidationError):
        return DomainError(
            "validation_error", "The request is not valid.", fields=_flatten_fields(exc.detail)
        )
    if isinstance(exc, drf.APIException):
        code = exc.default_code if isinstance(exc.default_code, str) else "error"
        return DomainError(code, str(exc.detail), status=exc.status_code)
    return None


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    error = to_domain_error(exc)
    if error is None:
        return None  # a real bug: let Django answer 500 and log it
    response = Response(error.as_payload(), status=error.status)
    for key, value in error.headers.items():
        response[key] = value
    return response
