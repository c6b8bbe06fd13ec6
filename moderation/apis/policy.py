"""Policy administration under /api/v1/moderation/policy/ (thin: validate, call, serialize).

Moderators read versions and use the dry run; only admins create and activate
versions. The services and selectors in ``moderation.policy`` check that
themselves: these views only translate HTTP.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from comments.selectors import parse_page_size
from config.api.params import query_id
from config.api.serializers import StrictCharField, StrictInputSerializer, StrictIntegerField
from config.errors import DomainError

from .. import policy as policy_service


class DryRunInput(StrictInputSerializer):
    text = StrictCharField()
    version = StrictIntegerField(required=False, allow_null=True, min_value=1)


class HitOutput(serializers.Serializer):
    rule = serializers.CharField()
    code = serializers.CharField()
    action = serializers.ChoiceField(choices=["hold", "reject"])
    span = serializers.ListField(child=serializers.IntegerField(), allow_null=True)
    matched = serializers.CharField()
    term = serializers.CharField(allow_null=True)
    severity = serializers.IntegerField()


class ClassifierOutput(serializers.Serializer):
    category = serializers.CharField()
    score = serializers.FloatField()
    code = serializers.CharField(allow_null=True)
    action = serializers.CharField(help_text="publish, hold or reject")
    explanation = serializers.CharField()


class DryRunOutput(serializers.Serializer):
    version = serializers.IntegerField()
    action = serializers.ChoiceField(choices=["publish", "hold", "reject"])
    hits = HitOutput(many=True)
    classifier = ClassifierOutput(allow_null=True)  # the Celery step's model, where it runs


class PolicyVersionOutput(serializers.Serializer):
    """Metadata, then every policy field (see the README's "The standards policy")."""

    version = serializers.IntegerField()
    active = serializers.BooleanField()
    note = serializers.CharField()
    created_at = serializers.DateTimeField()
    created_by = serializers.CharField(allow_null=True)
    activated_at = serializers.DateTimeField(allow_null=True)
    activated_by = serializers.CharField(allow_null=True)
    max_length = serializers.IntegerField()
    moderation_mode = serializers.ChoiceField(choices=["post", "pre"])
    report_threshold = serializers.IntegerField()
    edit_window_seconds = serializers.IntegerField()
    banned_terms = serializers.ListField(child=serializers.CharField())
    suspect_terms = serializers.ListField(child=serializers.CharField())
    rescreen = serializers.DictField(required=False, allow_null=True)


class PolicyVersionPageOutput(serializers.Serializer):
    results = PolicyVersionOutput(many=True)
    next_before = serializers.IntegerField(allow_null=True)


def _body(request: Request) -> dict:
    if not isinstance(request.data, dict):
        raise DomainError("validation_error", "Send a JSON object.")
    return dict(request.data)


class PolicyVersionsApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("before", int, description="Versions older than this one."),
            OpenApiParameter("page_size", int, description="1..100, default 20."),
        ],
        responses=PolicyVersionPageOutput,
        operation_id="moderation_policy_versions_list",
    )
    def get(self, request: Request) -> Response:
        before = query_id(request.query_params.get("before"), "before")
        return Response(
            policy_service.policy_version_list(
                actor=request.user,
                before=before,
                limit=parse_page_size(request.query_params.get("page_size")),
            )
        )

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={201: PolicyVersionOutput},
        operation_id="moderation_policy_version_create",
        description="A new inactive version: a copy of the active one with the fields given "
        "changed (plus an optional `note`).",
    )
    def post(self, request: Request) -> Response:
        policy_service.require_admin(request.user)  # 401/403 before 400 (the service checks too)
        changes = _body(request)
        note = changes.pop("note", "")
        created = policy_service.policy_version_create(
            actor=request.user, changes=changes, note=note
        )
        return Response(policy_service.version_dict(created), status=status.HTTP_201_CREATED)


class PolicyVersionApi(APIView):
    @extend_schema(responses=PolicyVersionOutput, operation_id="moderation_policy_version_get")
    def get(self, request: Request, version: int) -> Response:
        return Response(policy_service.policy_version_detail(actor=request.user, version=version))


class PolicyVersionActivateApi(APIView):
    @extend_schema(
        request=None,
        responses=PolicyVersionOutput,
        operation_id="moderation_policy_version_activate",
    )
    def post(self, request: Request, version: int) -> Response:
        policy_service.policy_version_activate(actor=request.user, version=version)
        # With in-process tasks the re-screen has already run and its summary shows.
        return Response(policy_service.policy_version_detail(actor=request.user, version=version))


class PolicyDryRunApi(APIView):
    @extend_schema(
        request=DryRunInput, responses=DryRunOutput, operation_id="moderation_policy_dry_run"
    )
    def post(self, request: Request) -> Response:
        policy_service.require_moderator(request.user)  # 401/403 before 400 (service too)
        serializer = DryRunInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        return Response(
            policy_service.policy_dry_run(
                actor=request.user, text=data["text"], version=data.get("version")
            )
        )
