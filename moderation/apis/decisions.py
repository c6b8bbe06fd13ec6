from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from ..decisions import decision_apply, decision_bulk, decision_dict
from .base import ModeratorApi, validated
from .serializers import BulkDecisionInput, DecisionInput


class DecisionApi(ModeratorApi):
    @extend_schema(
        operation_id="moderation_decide", request=DecisionInput, responses=OpenApiTypes.OBJECT
    )
    def post(self, request: Request, comment_id: int) -> Response:
        data = validated(DecisionInput, request)
        decision = decision_apply(moderator=request.user, comment_id=comment_id, **data)
        return Response(decision_dict(decision))


class BulkDecisionApi(ModeratorApi):
    @extend_schema(
        operation_id="moderation_decide_bulk",
        request=BulkDecisionInput,
        responses=OpenApiTypes.OBJECT,
    )
    def post(self, request: Request) -> Response:
        data = validated(BulkDecisionInput, request)
        results = decision_bulk(
            moderator=request.user,
            items=[dict(item) for item in data["items"]],
            action=data["action"],
            reason_code=data.get("reason_code", ""),
            note=data.get("note", ""),
        )
        return Response({"results": results})
