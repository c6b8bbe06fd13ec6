from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from config.api.formats import iso

from ..claims import claim_release, claim_take
from ..queue import QUEUES, queue_page
from .base import ModeratorApi


class QueueApi(ModeratorApi):
    @extend_schema(
        operation_id="moderation_queue",
        parameters=[
            OpenApiParameter("queue", str, enum=list(QUEUES)),
            OpenApiParameter("article", str, description="Article key."),
            OpenApiParameter("reason", str, description="Report reason, or 'premod'."),
            OpenApiParameter("cursor", str),
            OpenApiParameter("page_size", int),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        q = request.query_params
        return Response(
            queue_page(
                queue=q.get("queue"),
                article_key=q.get("article"),
                reason=q.get("reason"),
                page_size=q.get("page_size"),
                cursor_token=q.get("cursor"),
            )
        )


def _claim_body(comment_id: int, claim) -> dict:
    return {
        "id": comment_id,
        "claimed_by": (
            {"id": claim.moderator_id, "username": claim.moderator.get_username()}
            if claim
            else None
        ),
        "claim_expires_at": iso(claim.expires_at) if claim else None,
    }


class ClaimApi(ModeratorApi):
    @extend_schema(operation_id="moderation_claim", request=None, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, comment_id: int) -> Response:
        claim = claim_take(moderator=request.user, comment_id=comment_id)
        return Response(_claim_body(comment_id, claim))


class ReleaseApi(ModeratorApi):
    @extend_schema(operation_id="moderation_release", request=None, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, comment_id: int) -> Response:
        claim_release(moderator=request.user, comment_id=comment_id)
        return Response(_claim_body(comment_id, None))
