"""Accounts' own HTTP endpoints: the mobile one-time-code exchange (see app_login.py).

The reader's account (``/api/v1/me/...``) lives in ``comments.account_apis``.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.serializers import StrictCharField, StrictInputSerializer

from .app_login import create_app_session, redeem_code
from .selectors import me_dict


class AppLoginExchangeInput(StrictInputSerializer):
    code = StrictCharField()
    code_verifier = StrictCharField()


class AppLoginExchangeApi(APIView):
    authentication_classes: list = []  # the code is the credential; no session, no CSRF

    @extend_schema(request=AppLoginExchangeInput, operation_id="app_login_exchange")
    def post(self, request: Request) -> Response:
        serializer = AppLoginExchangeInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = redeem_code(**serializer.validated_data)
        token = create_app_session(request._request, user)
        return Response({"session_token": token, "me": me_dict(user)})
