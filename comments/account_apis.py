"""The signed-in reader's own account: ``/api/v1/me/...``.

Lives in ``comments`` because a reader's account spans the profile (owned by
``accounts``, which ``comments`` may import) and their participation (owned
here and, through the adapter, by moderation): ``accounts`` may not import
either. Thin views: one service or selector each.
"""

from __future__ import annotations

import json

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services as account_services
from accounts.apis import MeOutput
from accounts.selectors import me_dict
from config.api.serializers import StrictCharField, StrictInputSerializer
from config.errors import DomainError

from . import exports, selectors, services
from .adapter import get_adapter
from .serializers import ReplyOutput


class MePatchInput(StrictInputSerializer):
    display_name = StrictCharField()


class MyCommentOutput(ReplyOutput):
    article_title = serializers.CharField()
    decision = serializers.DictField(required=False)


class MyCommentsPageOutput(serializers.Serializer):
    results = MyCommentOutput(many=True)
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)


def _reader(request: Request):
    user = request.user
    if not user.is_authenticated:
        raise DomainError("not_authenticated", "Sign in to see your account.")
    return user


def _me(user) -> dict:
    return me_dict(user, sanction=get_adapter().active_sanction(user))


class MeApi(APIView):
    @extend_schema(responses=MeOutput, operation_id="me_get")
    def get(self, request: Request) -> Response:
        return Response(_me(_reader(request)))

    @extend_schema(request=MePatchInput, responses=MeOutput, operation_id="me_update")
    def patch(self, request: Request) -> Response:
        user = _reader(request)
        serializer = MePatchInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        account_services.user_set_display_name(
            user=user, display_name=serializer.validated_data["display_name"]
        )
        return Response(_me(user))

    @extend_schema(responses={204: None}, operation_id="me_delete")
    def delete(self, request: Request) -> Response:
        user = _reader(request)
        services.account_delete(user=user)
        # The request's own session is gone with the others: drop its cookie too.
        request._request.session.flush()
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeCommentsApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("cursor", str, description="Opaque cursor from `next`."),
            OpenApiParameter("page_size", int, description="1..100, default 20."),
        ],
        responses=MyCommentsPageOutput,
        operation_id="me_comments",
    )
    def get(self, request: Request) -> Response:
        user = _reader(request)
        return Response(
            selectors.my_comments_page(
                user=user,
                page_size=selectors.parse_page_size(request.query_params.get("page_size")),
                cursor_token=request.query_params.get("cursor"),
            )
        )


class MeExportApi(APIView):
    @extend_schema(
        responses=inline_serializer("MeExport", {"format": serializers.CharField()}),
        operation_id="me_export",
    )
    def get(self, request: Request) -> HttpResponse:
        user = _reader(request)
        body = json.dumps(selectors.reader_export(user), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="parley-export-{user.pk}.json"'
        response["Cache-Control"] = "no-store"
        return response


class DataExportOutput(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=["pending", "ready", "failed"])
    requested_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField(allow_null=True)
    size = serializers.IntegerField()
    download = serializers.CharField(allow_null=True)


class MeDataExportsApi(APIView):
    """Background exports: ask for one (202 while it is prepared), list recent ones."""

    @extend_schema(responses=DataExportOutput(many=True), operation_id="me_exports_list")
    def get(self, request: Request) -> Response:
        return Response(exports.export_list(user=request.user))

    @extend_schema(
        request=None,
        responses={200: DataExportOutput, 202: DataExportOutput},
        operation_id="me_exports_request",
    )
    def post(self, request: Request) -> Response:
        export, _created = exports.export_request(user=request.user)
        export.refresh_from_db(fields=["status", "finished_at", "expires_at", "size"])
        ready = export.status == export.Status.READY
        code = status.HTTP_200_OK if ready else status.HTTP_202_ACCEPTED
        return Response(exports.export_dict(export), status=code)


class MeDataExportApi(APIView):
    @extend_schema(responses=DataExportOutput, operation_id="me_exports_get")
    def get(self, request: Request, export_id: int) -> Response:
        export = exports.export_get(user=request.user, export_id=export_id)
        return Response(exports.export_dict(export))


class MeDataExportDownloadApi(APIView):
    @extend_schema(
        responses=inline_serializer("MeExportFile", {"format": serializers.CharField()}),
        operation_id="me_exports_download",
    )
    def get(self, request: Request, export_id: int) -> HttpResponse:
        export, content = exports.export_content(user=request.user, export_id=export_id)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="parley-export-{export.user_id}-{export.pk}.json"'
        )
        response["Cache-Control"] = "no-store"
        return response
