"""Social sign-in providers, configured from the environment.

A provider is offered only when its credentials are set: allauth lists a
provider in the headless ``/config`` (and renders its button) only when it has
an app, either here or in the Django admin's "Social applications".
"""

from __future__ import annotations

from typing import Any

# provider id -> (client id variable, secret variable)
PROVIDER_ENV: dict[str, tuple[str, str]] = {
    "twitter_oauth2": ("PARLEY_X_CLIENT_ID", "PARLEY_X_CLIENT_SECRET"),
    "twitter": ("PARLEY_TWITTER_CONSUMER_KEY", "PARLEY_TWITTER_CONSUMER_SECRET"),
    "facebook": ("PARLEY_FACEBOOK_APP_ID", "PARLEY_FACEBOOK_APP_SECRET"),
}

# Per-provider options that do not depend on credentials. Never set
# ``VERIFIED_EMAIL`` here: it would make allauth trust every address the
# provider reports, and auto-connect relies on that mark.
PROVIDER_OPTIONS: dict[str, dict[str, Any]] = {
    "twitter_oauth2": {},
    "twitter": {},
    "facebook": {
        "METHOD": "oauth2",
        "SCOPE": ["public_profile", "email"],
        "FIELDS": ["id", "name", "email", "picture"],
        "EXCHANGE_TOKEN": False,
    },
}


def providers_from_env(environ: Any) -> dict[str, dict[str, Any]]:
    """``SOCIALACCOUNT_PROVIDERS`` with an ``APPS`` entry for each configured provider."""
    providers: dict[str, dict[str, Any]] = {}
    for provider_id, (id_var, secret_var) in PROVIDER_ENV.items():
        options = dict(PROVIDER_OPTIONS[provider_id])
        client_id = (environ.get(id_var) or "").strip()
        secret = (environ.get(secret_var) or "").strip()
        if client_id and secret:
            options["APPS"] = [{"client_id": client_id, "secret": secret, "key": ""}]
        providers[provider_id] = options
    return providers
