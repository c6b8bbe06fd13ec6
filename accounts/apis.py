"""Accounts' own HTTP endpoints: the mobile one-time-code exchange (see app_login.py).

The reader's account (``/api/v1/me/...``) lives in ``comments.account_apis``.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.serializers import StrictCharField, StrictInputSerializer

from .app_login import create_app_session, redeem_code
from .selectors import me_dict


class AppLoginExchangeInput(StrictInputSerializer):
    code = StrictCharField()
    code_verifier = StrictCharField()


class SocialAccountOutput(serializers.Serializer):
    provider = serializers.CharField()
    uid = serializers.CharField()
    display = serializers.CharField()


class MeOutput(serializers.Serializer):
    id = serializers.IntegerField()
    display_name = serializers.CharField()
    display_name_chosen = serializers.BooleanField()
    avatar_url = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField())
    social_accounts = SocialAccountOutput(many=True)
    sanction = serializers.DictField(allow_null=True)


class AppLoginExchangeOutput(serializers.Serializer):
    session_token = serializers.CharField()
    me = MeOutput()


class AppLoginExchangeApi(APIView):
    authentication_classes: list = []  # the code is the credential; no session, no CSRF

    @extend_schema(
        request=AppLoginExchangeInput,
        responses=AppLoginExchangeOutput,
        operation_id="app_login_exchange",
    )
    def post(self, request: Request) -> Response:
        serializer = AppLoginExchangeInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = redeem_code(**serializer.validated_data)
        token = create_app_session(request._request, user)
        return Response({"session_token": token, "me": me_dict(user)})
