from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.errors import DomainError

from .selectors import me_dict


class MeApi(APIView):
    @extend_schema(operation_id="me_get")
    def get(self, request: Request) -> Response:
        if not request.user.is_authenticated:
            raise DomainError("not_authenticated", "Sign in to see your account.")
        return Response(me_dict(request.user))
