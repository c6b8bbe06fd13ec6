from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ..models import Sanction
from ..sanctions import _target_user, sanction_create, sanction_detail_dict, sanction_lift
from .base import ModeratorApi, validated
from .serializers import SanctionInput


class SanctionsApi(ModeratorApi):
    @extend_schema(operation_id="moderation_sanctions_list", responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, user_id: int) -> Response:
        user = _target_user(user_id)
        rows = Sanction.objects.filter(user=user).select_related("created_by", "lifted_by")
        return Response({"results": [sanction_detail_dict(s) for s in rows.order_by("-id")]})

    @extend_schema(
        operation_id="moderation_sanction_create",
        request=SanctionInput,
        responses={201: OpenApiTypes.OBJECT},
    )
    def post(self, request: Request, user_id: int) -> Response:
        data = validated(SanctionInput, request)
        sanction = sanction_create(actor=request.user, user_id=user_id, **data)
        return Response(sanction_detail_dict(sanction), status=status.HTTP_201_CREATED)


class SanctionLiftApi(ModeratorApi):
    @extend_schema(operation_id="moderation_sanction_lift", responses=OpenApiTypes.OBJECT)
    def delete(self, request: Request, user_id: int, sanction_id: int) -> Response:
        sanction = sanction_lift(actor=request.user, user_id=user_id, sanction_id=sanction_id)
        return Response(sanction_detail_dict(sanction))
