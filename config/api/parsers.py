"""A JSON parser that refuses huge bodies before reading them into memory.

DRF's parsers read the request stream directly, so Django's
``DATA_UPLOAD_MAX_MEMORY_SIZE`` check on ``request.body`` never runs for JSON.
"""

from __future__ import annotations

import json

from django.conf import settings
from rest_framework.parsers import JSONParser

from config.errors import DomainError


class LimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 64 * 1024
        if stream is None:
            return {}
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise DomainError("payload_too_large", f"The request body exceeds {limit} bytes.")
        try:
            return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except (ValueError, UnicodeDecodeError) as exc:
            raise DomainError("malformed_json", "The request body is not valid JSON.") from exc


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")
