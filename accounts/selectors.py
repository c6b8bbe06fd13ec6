"""Reads of a user's own account data (never tokens or secrets)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from config.api.formats import iso as _iso


def social_accounts_of(user: Any) -> list[dict[str, Any]]:
    """``[{provider, uid, display}]``: which provider accounts sign this reader in."""
    out = []
    for account in SocialAccount.objects.filter(user=user).order_by("pk"):
        try:
            display = account.get_provider_account().to_str()
        except Exception:  # a provider removed from settings must not break /me/
            display = account.uid
        out.append({"provider": account.provider, "uid": account.uid, "display": str(display)})
    return out


def me_dict(user: Any, *, sanction: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": user.pk,
        "display_name": user.public_name,
        "display_name_chosen": user.display_name_chosen,
        "avatar_url": user.avatar_url,
        "roles": user.roles,
        "social_accounts": social_accounts_of(user),
        "sanction": sanction,
    }


def account_export(user: Any) -> dict[str, Any]:
    """What accounts holds about ``user``: profile, e-mail addresses, social accounts.

    Social accounts are exported with the profile data the provider sent
    (``extra_data``) but never with tokens or token secrets.
    """
    return {
        "profile": {
            "id": user.pk,
            "username": user.username,
            "display_name": user.display_name,
            "display_name_chosen": user.display_name_chosen,
            "avatar_url": user.avatar_url,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "roles": user.roles,
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "social_accounts": [
            {
                "provider": a.provider,
                "uid": a.uid,
                "date_joined": _iso(a.date_joined),
                "last_login": _iso(a.last_login),
                "extra_data": a.extra_data,
            }
            for a in SocialAccount.objects.filter(user=user).order_by("pk")
        ],
    }


def mail_address(user: Any) -> str | None:
    """Where to e-mail ``user`` about their own comments and data, or None: no
    address, a deactivated account or a deleted one get no mail."""
    if not user.email or not user.is_active or user.deleted_at is not None:
        return None
    return user.email
