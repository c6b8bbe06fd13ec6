from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.errors import DomainError

from ..appeals import appeal_create, appeal_dict
from .base import validated
from .serializers import AppealInput


class AppealCreateApi(APIView):
    """The author's appeal (readers, not moderators): ``POST /api/v1/comments/{id}/appeal/``."""

    @extend_schema(
        operation_id="comment_appeal", request=AppealInput, responses={201: OpenApiTypes.OBJECT}
    )
    def post(self, request: Request, comment_id: int) -> Response:
        if not request.user.is_authenticated:
            raise DomainError("not_authenticated", "Sign in to appeal.")
        data = validated(AppealInput, request)
        appeal = appeal_create(author=request.user, comment_id=comment_id, message=data["message"])
        return Response(appeal_dict(appeal), status=status.HTTP_201_CREATED)
