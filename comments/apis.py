"""Thin HTTP views for the public comments API: validate, call one service or selector."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.formats import iso
from config.errors import DomainError
from config.sessions import read_ahead_keys

from . import selectors, services
from .adapter import get_adapter
from .serializers import (
    ArticleOutput,
    ArticleUpsertInput,
    CommentCreateInput,
    CommentEditInput,
    CommentOutput,
    CommentPageOutput,
    PolicyOutput,
    ReactionOutput,
    ReportInput,
    ReportOutput,
)
from .throttles import (
    CommentPostingThrottle,
    ReactMinuteThrottle,
    ReportHourThrottle,
)

PAGE_PARAMS = [
    OpenApiParameter("cursor", str, description="Opaque cursor from `next` or `previous`."),
    OpenApiParameter("page_size", int, description="1..100, default 20."),
]


def _validated(serializer_class, request: Request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _article_dict(article) -> dict:
    return {
        "key": article.key,
        "url": article.url,
        "title": article.title,
        "comments_open": services.article_is_open(article),
        "comment_count": article.comment_count,
    }


def _plain_json(request: Request) -> bool:
    """The client negotiated DRF's JSON renderer with no parameters (e.g. no ``indent``)."""
    return isinstance(
        request.accepted_renderer, JSONRenderer
    ) and request.accepted_media_type.strip() in ("application/json", "*/*")


def _cms_actor(request: Request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header.startswith("Token "):
        presented = header[len("Token ") :].encode()
        for token in settings.PARLEY_CMS_TOKENS:
            if token and hmac.compare_digest(presented, token.encode()):
                return services.SERVICE_ACTOR
        raise DomainError("not_authenticated", "Invalid service token.")
    return None


class ArticleApi(APIView):
    public_read = True  # anyone may GET (documents no 401/403 for reads)

    @extend_schema(responses=ArticleOutput, operation_id="article_get")
    def get(self, request: Request, key: str) -> Response:
        return Response(_article_dict(selectors.article_get(key)))

    @extend_schema(request=ArticleUpsertInput, responses=ArticleOutput, operation_id="article_put")
    def put(self, request: Request, key: str) -> Response:
        actor = _cms_actor(request) or request.user
        if actor != services.SERVICE_ACTOR and not request.user.is_authenticated:
            raise DomainError("not_authenticated", "Sign in to do this.")
        data = _validated(ArticleUpsertInput, request)
        article, created = services.article_upsert(actor=actor, key=key, **data)
        return Response(
            _article_dict(article),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ArticleCommentsApi(APIView):
    public_read = True  # anyone may GET (documents no 401/403 for reads)

    def get_throttles(self):
        if self.request.method == "POST":
            return [CommentPostingThrottle()]
        return []

    @extend_schema(
        parameters=[
            OpenApiParameter("sort", str, enum=list(selectors.SORTS)),
            *PAGE_PARAMS,
        ],
        responses=CommentPageOutput,
        operation_id="article_comments_list",
    )
    def get(self, request: Request, key: str) -> HttpResponse:
        article_id = selectors.article_id_get(key)
        sort = selectors.parse_sort(request.query_params.get("sort"))
        page_size = selectors.parse_page_size(request.query_params.get("page_size"))
        cursor_token = request.query_params.get("cursor")
        if not request.user.is_authenticated and _plain_json(request):
            # Anonymous readers get the cached page's JSON bytes as they are.
            body = selectors.public_thread_json(
                article_id=article_id, sort=sort, page_size=page_size, cursor_token=cursor_token
            )
            return HttpResponse(body, content_type="application/json")
        page = selectors.comment_thread(
            article_id=article_id,
            viewer=request.user,
            sort=sort,
            page_size=page_size,
            cursor_token=cursor_token,
        )
        return Response(page)

    def initial(self, request: Request, *args, **kwargs) -> None:
        # Before authentication (which loads the session) and the rate limits (which
        # read the policy): what this request will read from the cache, in one trip.
        session_keys = read_ahead_keys(request)
        if request.method == "POST":
            selectors.read_ahead_for_posting(kwargs["key"], also=session_keys)
        elif request.method == "GET":
            selectors.read_ahead_for_thread(kwargs["key"], also=session_keys)
        super().initial(request, *args, **kwargs)

    @extend_schema(
        request=CommentCreateInput, responses={201: CommentOutput}, operation_id="comment_create"
    )
    def post(self, request: Request, key: str) -> Response:
        if not request.user.is_authenticated:
            raise DomainError("not_authenticated", "Sign in to comment.")
        article = selectors.article_for_posting(key)
        data = _validated(CommentCreateInput, request)
        comment = services.comment_create(
            author=request.user, article=article, body=data["body"], parent_id=data.get("parent")
        )
        return Response(
            selectors.comment_created(viewer=request.user, comment=comment),
            status=status.HTTP_201_CREATED,
        )


class CommentApi(APIView):
    public_read = True  # anyone may GET (documents no 401/403 for reads)

    @extend_schema(responses=CommentOutput, operation_id="comment_get")
    def get(self, request: Request, comment_id: int) -> Response:
        return Response(selectors.comment_detail(viewer=request.user, comment_id=comment_id))

    @extend_schema(request=CommentEditInput, responses=CommentOutput, operation_id="comment_edit")
    def patch(self, request: Request, comment_id: int) -> Response:
        data = _validated(CommentEditInput, request)
        comment = services.comment_edit(
            actor=request.user, comment_id=comment_id, body=data["body"]
        )
        return Response(selectors.comment_detail(viewer=request.user, comment_id=comment.pk))

    @extend_schema(responses={204: None}, operation_id="comment_delete")
    def delete(self, request: Request, comment_id: int) -> Response:
        services.comment_delete(actor=request.user, comment_id=comment_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommentRepliesApi(APIView):
    public_read = True  # anyone may GET (documents no 401/403 for reads)

    @extend_schema(parameters=PAGE_PARAMS, responses=CommentPageOutput, operation_id="replies")
    def get(self, request: Request, comment_id: int) -> Response:
        return Response(
            selectors.comment_replies(
                viewer=request.user,
                comment_id=comment_id,
                page_size=selectors.parse_page_size(request.query_params.get("page_size")),
                cursor_token=request.query_params.get("cursor"),
            )
        )


class ReactionApi(APIView):
    throttle_classes = [ReactMinuteThrottle]

    @extend_schema(request=None, responses=ReactionOutput, operation_id="reaction_set")
    def put(self, request: Request, comment_id: int) -> Response:
        comment, reacted = services.reaction_set(user=request.user, comment_id=comment_id)
        return Response({"reaction_count": comment.reaction_count, "reacted": reacted})

    @extend_schema(request=None, responses={200: ReactionOutput}, operation_id="reaction_unset")
    def delete(self, request: Request, comment_id: int) -> Response:
        comment, reacted = services.reaction_unset(user=request.user, comment_id=comment_id)
        return Response({"reaction_count": comment.reaction_count, "reacted": reacted})


class ReportCreateApi(APIView):
    throttle_classes = [ReportHourThrottle]

    @extend_schema(request=ReportInput, responses={201: ReportOutput}, operation_id="report")
    def post(self, request: Request, comment_id: int) -> Response:
        if not request.user.is_authenticated:
            raise DomainError("not_authenticated", "Sign in to report a comment.")
        data = _validated(ReportInput, request)
        report = services.report_create(
            reporter=request.user,
            comment_id=comment_id,
            reason=data["reason"],
            note=data.get("note", ""),
        )
        return Response(
            {
                "id": report.pk,
                "comment": report.comment_id,
                "reason": report.reason,
                "note": report.note,
                "created_at": iso(report.created_at),
            },
            status=status.HTTP_201_CREATED,
        )


class PolicyApi(APIView):
    public_read = True  # anyone may GET (documents no 401/403 for reads)

    @extend_schema(responses=PolicyOutput, operation_id="policy_get")
    def get(self, request: Request) -> Response:
        return Response(get_adapter().reader_policy())
