from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from ..queue import moderation_stats
from .base import ModeratorApi


class StatsApi(ModeratorApi):
    @extend_schema(operation_id="moderation_stats", responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        return Response(moderation_stats())
