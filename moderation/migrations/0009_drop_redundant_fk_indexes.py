"""Drop single-column foreign-key indexes that a composite index already leads with:
auditlog.actor_id (audit_actor), decision.comment_id (decision_comment),
sanction.user_id (sanction_user_open), screeningrecord.comment_id
(screening_comment; a post writes a record). Only the indexes go, concurrently
on PostgreSQL; see comments 0004 for why not AlterField's database side.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from config.migration_ops import DropIndexes


INDEXES = [  # (name, table, column): the names Django gave them
    ("moderation_auditlog_actor_id_7964475b", "moderation_auditlog", "actor_id"),
    ("moderation_decision_comment_id_64a73931", "moderation_decision", "comment_id"),
    ("moderation_sanction_user_id_b32ec15e", "moderation_sanction", "user_id"),
    ("moderation_screeningrecord_comment_id_88a32488", "moderation_screeningrecord", "comment_id"),
]


class Migration(migrations.Migration):
    atomic = False  # CREATE/DROP INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("comments", "0004_drop_redundant_fk_indexes"),
        ("moderation", "0008_sanctions_until_backfill"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[DropIndexes(INDEXES)],
            state_operations=[
                migrations.AlterField(
                    model_name="auditlog",
                    name="actor",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="decision",
                    name="comment",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="decisions",
                        to="comments.comment",
                    ),
                ),
                migrations.AlterField(
                    model_name="sanction",
                    name="user",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sanctions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="screeningrecord",
                    name="comment",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="screenings",
                        to="comments.comment",
                    ),
                ),
            ],
        )
    ]
