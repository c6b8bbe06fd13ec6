"""Settings of the accounts app, read lazily (the way allauth's app_settings are)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string


def display_name_check() -> Callable[[object], str]:
    """The display-name policy: returns the cleaned name or raises DomainError.

    An import string, so accounts does not import the app that owns the policy
    (``config`` wires it to ``comments.adapter.check_display_name``).
    """
    return import_string(
        getattr(settings, "PARLEY_DISPLAY_NAME_CHECK", "comments.adapter.check_display_name")
    )


def app_callback_urls() -> list[str]:
    """App callback URLs (custom schemes or universal links) the mobile X login may end on."""
    return [url for url in getattr(settings, "PARLEY_APP_CALLBACK_URLS", []) if url]


def app_login_code_ttl() -> int:
    return int(getattr(settings, "PARLEY_APP_LOGIN_CODE_TTL", 60))
