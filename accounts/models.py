from django.contrib.auth.models import AbstractUser
from django.db import models

from .managers import UserManager


class User(AbstractUser):
    """A reader, moderator or admin.

    ``username`` is an internal handle (generated for social sign-ups) and is
    never shown publicly; ``display_name`` is the public name.
    """

    display_name = models.CharField(max_length=40, blank=True)
    avatar_url = models.URLField(max_length=500, blank=True)
    # True once the reader chose their display name: social logins then stop
    # overwriting it with the provider's name (the avatar is still refreshed).
    display_name_chosen = models.BooleanField(default=False)
    # Set when the reader deleted their account: personal data is gone, the
    # row stays so that replies by others keep their thread.
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Until when a sanction of this reader may be in force: NULL when none is, a
    # far-future date for one without an end. Kept by ``moderation.sanctions`` in
    # the transaction that saves a sanction, so that posting, which loads this
    # row anyway, skips the sanctions query for the (usual) reader who has none.
    sanctions_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    MODERATORS_GROUP = "moderators"

    @property
    def public_name(self) -> str:
        if self.deleted_at is not None:
            return "Deleted user"
        return self.display_name or f"Reader {self.pk}"

    @property
    def is_moderator(self) -> bool:
        if not self.is_authenticated or not self.is_active:
            return False
        if self.is_superuser:
            return True
        cached = getattr(self, "_is_moderator_cache", None)
        if cached is None:
            cached = self.groups.filter(name=self.MODERATORS_GROUP).exists()
            self._is_moderator_cache = cached
        return cached

    @property
    def is_policy_admin(self) -> bool:
        return bool(self.is_authenticated and self.is_active and self.is_superuser)

    @property
    def roles(self) -> list[str]:
        roles = ["reader"]
        if self.is_moderator:
            roles.append("moderator")
        if self.is_policy_admin:
            roles.append("admin")
        return roles
