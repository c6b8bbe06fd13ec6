"""Fill ``User.sanctions_until`` for the sanctions that exist before it did."""

from datetime import UTC, datetime

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

# moderation.sanctions.NO_END, copied: a migration must not import app code.
NO_END = datetime(9000, 1, 1, tzinfo=UTC)


def backfill(apps, schema_editor):
    Sanction = apps.get_model("moderation", "Sanction")
    User = apps.get_model("accounts", "User")
    now = timezone.now()
    until: dict[int, datetime] = {}
    in_force = Sanction.objects.filter(lifted_at__isnull=True).filter(
        Q(until__isnull=True) | Q(until__gt=now)
    )
    for user_id, end in in_force.values_list("user_id", "until"):
        end = end or NO_END
        until[user_id] = max(until.get(user_id, end), end)
    for user_id, end in until.items():
        User.objects.filter(pk=user_id).update(sanctions_until=end)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_sanctions_until"),
        ("moderation", "0007_decision_notice"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
