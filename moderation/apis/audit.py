from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from ..history import audit_page
from .base import ModeratorApi

FILTERS = ("actor", "action", "target_type", "target_id", "since", "until")


class AuditApi(ModeratorApi):
    @extend_schema(
        operation_id="moderation_audit",
        parameters=[OpenApiParameter(name, str) for name in FILTERS]
        + [OpenApiParameter("cursor", str), OpenApiParameter("page_size", int)],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        q = request.query_params
        return Response(
            audit_page(
                **{name: q.get(name) for name in FILTERS},
                page_size=q.get("page_size"),
                cursor_token=q.get("cursor"),
            )
        )
