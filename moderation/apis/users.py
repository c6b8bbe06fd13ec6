from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from ..history import user_history
from .base import ModeratorApi


class UserHistoryApi(ModeratorApi):
    @extend_schema(operation_id="moderation_user", responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, user_id: int) -> Response:
        return Response(user_history(user_id=user_id))
