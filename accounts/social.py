"""How a social login becomes a Parley reader (allauth's SocialAccountAdapter).

- Sign-up is automatic and never asks for anything: usernames are generated
  (unique, unguessable, never public) and an e-mail address is optional (X
  gives none).
- The public name and avatar come from the provider and are refreshed on each
  login; a name the reader chose themselves is kept.
- Auto-connect by e-mail happens only when the provider marks the address
  verified AND the existing account has verified that same address. Anything
  else becomes a separate account: two providers reporting the same address
  never silently merge into someone else's account. Unverified addresses are
  not kept at all.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.http import HttpRequest

from . import services


def provider_profile(sociallogin: SocialLogin) -> tuple[str, str]:
    """(name, avatar URL) as the provider reports them in ``extra_data``."""
    account = sociallogin.account
    data: dict[str, Any] = account.extra_data or {}
    name = data.get("name") or ""
    avatar = ""
    picture = data.get("picture")
    if isinstance(picture, dict):  # Facebook Graph: {"data": {"url": ...}}
        avatar = (picture.get("data") or {}).get("url") or ""
    elif isinstance(picture, str):  # Facebook Limited Login id token
        avatar = picture
    if not avatar and account.provider == "twitter":  # OAuth 1.0a verify_credentials
        avatar = str(data.get("profile_image_url_https") or "").replace("_normal", "")
    if not avatar:
        try:
            avatar = account.get_avatar_url() or ""
        except Exception:  # a provider's helper must never break a login
            avatar = ""
    return str(name), str(avatar)


class ParleySocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_auto_signup_allowed(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return True

    def authenticate_by_email(self, sociallogin: SocialLogin):
        """Only through an address verified on both sides (allauth checks only the provider's)."""
        for address in sociallogin.email_addresses:
            if not address.verified:
                continue
            if not self.can_authenticate_by_email(sociallogin, address.email):
                continue
            local = (
                EmailAddress.objects.filter(email__iexact=address.email, verified=True)
                .select_related("user")
                .first()
            )
            if local is not None and local.user.is_active and local.user.deleted_at is None:
                return local.user, address.email
        return None

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        """Send OAuth 1.0a failures back to the headless front end, like OAuth 2.0 ones.

        allauth's OAuth 1.0a callback reports errors without the flow's state,
        so a cancelled X (1.0a) login from the SPA or an app would end on a
        server-rendered error page. The state is in the session: hand it on.
        """
        from allauth.socialaccount.internal import statekit
        from allauth.socialaccount.providers.oauth.provider import OAuthProvider

        if (
            isinstance(provider, OAuthProvider)
            and extra_context is not None
            and extra_context.get("state") is None
        ):
            state = statekit.unstash_last_state(request, provider_id=provider.sub_id)
            if state is not None:
                extra_context["state"] = state
        super().on_authentication_error(
            request, provider, error=error, exception=exception, extra_context=extra_context
        )

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        # Keep only addresses the provider verified and nobody else holds: an
        # unverified or taken address would otherwise stop auto sign-up (allauth
        # then asks for an e-mail) or claim an address that is not the reader's.
        token = sociallogin.token
        if token is not None and token.app_id is None and getattr(token, "app", None) is not None:
            # allauth's Facebook token flow attaches the settings-defined (unsaved)
            # app to the token, which then cannot be saved; allauth's other flows
            # leave the FK empty for such apps, and so do we.
            if not token.app.pk:
                token.app = None
        kept = []
        for address in sociallogin.email_addresses:
            taken = EmailAddress.objects.filter(email__iexact=address.email)
            if sociallogin.user is not None and sociallogin.user.pk:
                taken = taken.exclude(user=sociallogin.user)
            if address.verified and not taken.exists():
                kept.append(address)
        sociallogin.email_addresses = kept
        if sociallogin.user is not None and not sociallogin.user.pk:
            sociallogin.user.email = kept[0].email if kept else ""
        if sociallogin.is_existing:
            name, avatar = provider_profile(sociallogin)
            services.user_refresh_from_provider(user=sociallogin.user, name=name, avatar_url=avatar)

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: dict):
        user = super().populate_user(request, sociallogin, data)
        # The provider's handle is not a Parley username: we generate our own.
        user.username = ""
        user.first_name = user.last_name = ""
        name, avatar = provider_profile(sociallogin)
        services.user_refresh_from_provider(user=user, name=name, avatar_url=avatar)
        return user

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form=None):
        sociallogin.user.username = services.generate_username()
        return super().save_user(request, sociallogin, form)
