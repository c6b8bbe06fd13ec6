"""Refuse what the database cannot even compare, before any view sees it."""

from __future__ import annotations

from django.http import JsonResponse

from config.errors import DomainError


class RejectNulMiddleware:
    """A NUL in an ``/api/`` path or query string is 400 ``invalid_characters``.

    PostgreSQL text cannot hold NUL: a lookup such as ``?article=%00`` or
    ``/articles/%00/`` would fail in the database (a 500) instead of matching
    nothing. Bodies are checked by ``config.api.parsers``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if request.path.startswith("/api/") and (
            "\x00" in request.path or "%00" in query or "\x00" in query
        ):
            error = DomainError(
                "invalid_characters",
                "The address contains control or invalid characters.",
                fields={"non_field_errors": ["NUL is not allowed in the path or query."]},
            )
            return JsonResponse(error.as_payload(), status=error.status)
        return self.get_response(request)
