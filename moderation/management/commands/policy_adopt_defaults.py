"""Propose the term lists and text-rule settings this release ships, as a new policy version.

    python manage.py policy_adopt_defaults --admin USERNAME [--activate]

Policy versions are immutable, so an upgrade that ships better default term
lists changes nothing on its own: a running site keeps screening with the
version its admins activated. This command copies the active version,
replaces the engine's fields (term lists, exceptions, link/contact/toxicity
settings, the pair rules: group generalisation, sexual remarks and gambling ads) with the
shipped defaults, and saves it as a new inactive version in the admin's name
(audited). Try it with the dry-run, then
activate it in the API or the Django admin, or pass ``--activate``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from config.errors import DomainError
from moderation.engine.defaults import default_text_policy
from moderation.policy import get_active_policy, policy_version_activate, policy_version_create


class Command(BaseCommand):
    help = "Create a policy version with this release's default term lists (optionally activate)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--admin", required=True, help="username of the admin acting")
        parser.add_argument("--activate", action="store_true", help="activate it at once")

    def handle(self, *args, admin: str, activate: bool, **options) -> None:
        actor = get_user_model().objects.filter(username=admin).first()
        if actor is None:
            raise CommandError(f"No user {admin!r}.")
        shipped = default_text_policy()
        active = get_active_policy()
        changed = sorted(k for k, v in shipped.items() if active.get(k) != v)
        if not changed:
            self.stdout.write(f"Version {active.version} already has this release's defaults.")
            return
        try:
            version = policy_version_create(
                actor=actor, changes=shipped, note="This release's default term lists"
            )
            self.stdout.write(
                f"Created version {version.version} from v{active.version}; "
                f"changed: {', '.join(changed)}"
            )
            if activate:
                policy_version_activate(actor=actor, version=version.version)
                self.stdout.write(f"Activated version {version.version}.")
        except DomainError as error:
            raise CommandError(f"{error.code}: {error.message}") from error
