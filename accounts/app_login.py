"""Mobile sign-in with X: the browser redirect flow, ending in the app.

allauth's headless ``app`` client has a *token* flow only for providers that
can verify a token the app already holds (Facebook can; X cannot: its OAuth
2.0 tokens are issued to one client and there is no way to check another
client's token). So an app signs in with X through the same browser redirect
flow as the website, and gets its session token through a one-time code:

1. The app creates a PKCE pair (``code_verifier``, a random 43..128 character
   string, and ``code_challenge = BASE64URL(SHA256(code_verifier))``) and opens
   the system browser (ASWebAuthenticationSession / Custom Tabs) on
   ``GET /api/v1/auth/app/redirect?provider=twitter_oauth2``
   ``&callback_url=<app URL>&code_challenge=<challenge>``.
   ``callback_url`` must be one of ``PARLEY_APP_CALLBACK_URLS`` exactly.
2. Parley redirects to X; X redirects back to allauth's standard callback
   (``/accounts/twitter_oauth2/login/callback/``), which signs the reader in
   and ends on ``/api/v1/auth/app/finish``.
3. ``finish`` stores a one-time code in the shared cache (60 s, single use),
   signs the browser session out again and redirects to
   ``<callback_url>?code=<code>`` (or ``?error=<reason>`` when the reader
   cancelled or the provider failed).
4. The app posts ``{"code", "code_verifier"}`` to ``POST /api/v1/auth/app/exchange``
   and receives ``{"session_token", "me"}``: send it as ``X-Session-Token``
   like any allauth app session (logout and session listing work the same).

The code is useless without the verifier, so another app that registered the
same custom URL scheme and intercepted the redirect cannot redeem it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.contrib.auth import login as django_login
from django.contrib.auth import logout as django_logout
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

from config.errors import DomainError

from . import app_settings
from .models import User

SESSION_KEY = "parley_app_login"
CACHE_PREFIX = "parley:app-login:"
CHALLENGE_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")
VERIFIER_RE = re.compile(r"^[A-Za-z0-9._~-]{43,128}$")
AUTH_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


class AppRedirect(HttpResponseRedirect):
    """A redirect that may go to the app's own (allow-listed) URL scheme."""

    def __init__(self, url: str, *args: Any, **kwargs: Any) -> None:
        self.allowed_schemes = ["http", "https", urlsplit(url).scheme]
        super().__init__(url, *args, **kwargs)


def _error(error: DomainError) -> JsonResponse:
    return JsonResponse(error.as_payload(), status=error.status)


def _with_params(url: str, params: dict[str, str]) -> str:
    return f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"


def _code_key(code: str) -> str:
    return CACHE_PREFIX + hashlib.sha256(code.encode()).hexdigest()


def challenge_for(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def app_login_redirect(request: HttpRequest) -> HttpResponse:
    """Step 1: validate the app's request and send the browser to the provider."""
    from allauth.socialaccount.adapter import get_adapter as get_social_adapter

    if request.method != "GET":
        return _error(DomainError("method_not_allowed", "Method not allowed.", status=405))
    callback_url = request.GET.get("callback_url", "")
    if callback_url not in app_settings.app_callback_urls():
        return _error(
            DomainError(
                "invalid_callback_url",
                "callback_url is not one of the app callback URLs this site allows.",
                fields={"callback_url": ["Not allowed."]},
            )
        )
    challenge = request.GET.get("code_challenge", "")
    if not CHALLENGE_RE.match(challenge):
        return _error(
            DomainError(
                "invalid_code_challenge",
                "code_challenge must be BASE64URL(SHA256(code_verifier)) without padding.",
                fields={"code_challenge": ["43 characters of base64url."]},
            )
        )
    provider_id = request.GET.get("provider", "twitter_oauth2")
    try:
        provider = get_social_adapter().get_provider(request, provider_id)
    except ObjectDoesNotExist:
        return _error(
            DomainError(
                "unknown_provider",
                "This provider is not configured on this site.",
                fields={"provider": ["Unknown or not configured."]},
            )
        )
    # Start from a signed-out browser session: allauth would otherwise sign a
    # different reader out mid-flow and drop this pending state with them.
    if request.user.is_authenticated:
        django_logout(request)
    request.session[SESSION_KEY] = {
        "callback_url": callback_url,
        "code_challenge": challenge,
        "provider": provider.id,
    }
    return provider.redirect(
        request, "login", next_url=reverse("v1:app-login-finish"), headless=True
    )


def app_login_finish(request: HttpRequest) -> HttpResponse:
    """Step 3: hand the app a one-time code (or the error) on its callback URL."""
    pending = request.session.pop(SESSION_KEY, None)
    if not pending:
        return _error(DomainError("app_login_not_started", "Start at /api/v1/auth/app/redirect."))
    callback_url = pending["callback_url"]
    if callback_url not in app_settings.app_callback_urls():
        return _error(DomainError("invalid_callback_url", "callback_url is no longer allowed."))
    error = request.GET.get("error")
    user = request.user
    if not error and not (user.is_authenticated and user.is_active):
        error = "unknown"
    if error:
        return AppRedirect(_with_params(callback_url, {"error": error[:64]}))
    code = secrets.token_urlsafe(32)
    cache.set(
        _code_key(code),
        {"user_id": user.pk, "code_challenge": pending["code_challenge"]},
        timeout=app_settings.app_login_code_ttl(),
    )
    # The browser only carried the flow: the app gets its own session.
    django_logout(request)
    return AppRedirect(_with_params(callback_url, {"code": code}))


def redeem_code(*, code: object, code_verifier: object) -> User:
    """Step 4: consume a one-time code (single use, even when the verifier is wrong)."""
    invalid = DomainError("invalid_code", "This sign-in code is unknown, used or expired.")
    if not isinstance(code, str) or not code or len(code) > 128:
        raise invalid
    key = _code_key(code)
    data = cache.get(key)
    # delete() reports whether this caller removed the key: of two racing
    # exchanges only one wins (Redis DEL, and the local caches, are atomic).
    if data is None or not cache.delete(key):
        raise invalid
    if not isinstance(code_verifier, str) or not VERIFIER_RE.match(code_verifier):
        raise invalid
    if not hmac.compare_digest(challenge_for(code_verifier), data["code_challenge"]):
        raise invalid
    user = User.objects.filter(pk=data["user_id"], is_active=True, deleted_at__isnull=True).first()
    if user is None:
        raise invalid
    return user


def create_app_session(request: HttpRequest, user: User) -> str:
    """A new allauth app session for ``user``; returns its ``X-Session-Token``."""
    from allauth.headless import app_settings as headless_settings
    from allauth.headless.internal import sessionkit
    from allauth.usersessions.models import UserSession

    original = request.session
    request.session = sessionkit.new_session()
    try:
        django_login(request, user, backend=AUTH_BACKEND)
        request.session.save()
        # allauth's session list is fed by allauth's own login signal, which
        # Django's login() does not send: record this session the same way.
        UserSession.objects.create_from_request(request, user=user, session=request.session)
        return headless_settings.TOKEN_STRATEGY.create_session_token(request)
    finally:
        request.session = original
