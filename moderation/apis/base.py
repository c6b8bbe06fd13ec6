from __future__ import annotations

from rest_framework.request import Request
from rest_framework.views import APIView

from ..access import require_moderator


class ModeratorApi(APIView):
    """Anonymous: 401 ``not_authenticated``; readers: 403 ``permission_denied``."""

    def check_permissions(self, request: Request) -> None:
        require_moderator(request.user)


def validated(serializer_class, request: Request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
