from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks
        from django.db.models.signals import post_delete, post_save

        from .checks import check_classifier_extra_data
        from .models import Sanction
        from .sanctions import forget_in_force, sync_sanctions_until

        checks.register(check_classifier_extra_data)
        post_save.connect(forget_in_force, sender=Sanction, dispatch_uid="sanctions-in-force")
        post_delete.connect(forget_in_force, sender=Sanction, dispatch_uid="sanctions-in-force-del")
        post_save.connect(sync_sanctions_until, sender=Sanction, dispatch_uid="sanctions-until")
        post_delete.connect(
            sync_sanctions_until, sender=Sanction, dispatch_uid="sanctions-until-del"
        )
