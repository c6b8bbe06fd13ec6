"""Every write to a user's own data: the public profile and erasing it.

Data that other apps hold about a user (comments, reactions, reports,
moderation records) is theirs to erase; ``comments.services.account_delete``
orchestrates a deletion and calls :func:`user_erase_personal_data` last.
"""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from config.errors import DomainError

from . import app_settings
from .models import User

DELETED_USERNAME_PREFIX = "deleted-"


def generate_username() -> str:
    """A unique, unguessable internal handle (never shown publicly)."""
    while True:
        username = f"r{secrets.token_hex(8)}"
        if not User.objects.filter(username=username).exists():
            return username


def user_set_display_name(*, user: User, display_name: object) -> User:
    """The reader chooses their public name (policy-checked); logins stop overwriting it."""
    if user is None or not user.is_authenticated:
        raise DomainError("not_authenticated", "Sign in to do this.")
    name = app_settings.display_name_check()(display_name)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.deleted_at is not None:
            raise DomainError("permission_denied", "This account cannot take part.")
        locked.display_name = name
        locked.display_name_chosen = True
        locked.save(update_fields=["display_name", "display_name_chosen"])
    user.display_name, user.display_name_chosen = name, True
    return user


def provider_display_name(raw: object) -> str:
    """A provider's name made fit for the public name, or "" when it does not pass the policy."""
    if not isinstance(raw, str):
        return ""
    try:
        return app_settings.display_name_check()(raw.strip()[:40])
    except DomainError:
        return ""


def user_refresh_from_provider(*, user: User, name: object, avatar_url: str | None) -> User:
    """Called on each social login: the provider's name (unless the reader chose one) and avatar.

    Works on unsaved users too (a sign-up in progress): the caller saves.
    """
    changed: list[str] = []
    if not user.display_name_chosen:
        cleaned = provider_display_name(name)
        if cleaned and cleaned != user.display_name:
            user.display_name = cleaned
            changed.append("display_name")
    avatar = avatar_url if isinstance(avatar_url, str) and avatar_url.startswith("https://") else ""
    avatar = avatar[:500]
    if avatar and avatar != user.avatar_url:
        user.avatar_url = avatar
        changed.append("avatar_url")
    if changed and user.pk:
        User.objects.filter(pk=user.pk).update(**{name: getattr(user, name) for name in changed})
    return user


def user_sessions_end(*, user: User) -> int:
    """End every session of ``user`` (browser cookies and app session tokens).

    allauth's ``usersessions`` records each sign-in's session key, so this
    never scans the session table; a session it missed could not authenticate
    anyway once the account is inactive.
    """
    from allauth.usersessions.models import UserSession

    ended = 0
    for user_session in UserSession.objects.filter(user=user):
        user_session.end()
        ended += 1
    return ended


def user_erase_personal_data(*, user: User) -> User:
    """Erase what accounts holds about ``user``; the row stays as "Deleted user".

    Social accounts and their tokens, e-mail addresses, sessions, names,
    avatar, password and username go; the account can no longer sign in.
    The caller owns the transaction (see ``comments.services.account_delete``).
    """
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount, SocialToken

    SocialToken.objects.filter(account__user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    user_sessions_end(user=user)
    user.username = f"{DELETED_USERNAME_PREFIX}{secrets.token_hex(16)}"
    user.first_name = user.last_name = user.email = ""
    user.display_name = user.avatar_url = ""
    user.display_name_chosen = False
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.deleted_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return user
