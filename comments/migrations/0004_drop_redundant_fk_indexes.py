"""Drop single-column foreign-key indexes that a composite index already leads with.

Each costs a write on every insert (a post writes a comment) and buys no query:
comment.article_id and comment.author_id lead comment_thread_newest and
comment_author_recent, reaction.comment_id leads reaction_once_per_user,
report.comment_id report_comment_status, dataexport.user_id export_user_recent
(``tests/test_indexes.py`` finds such indexes in PostgreSQL's catalogue).

Only the indexes go, with DROP INDEX CONCURRENTLY on PostgreSQL so a live site
keeps posting: the database side of AlterField would also drop and re-add each
foreign key, re-checking every row under lock.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from config.migration_ops import DropIndexes


INDEXES = [  # (name, table, column): the names Django gave them
    ("comments_comment_article_id_94fe60a2", "comments_comment", "article_id"),
    ("comments_comment_author_id_334ce9e2", "comments_comment", "author_id"),
    ("comments_dataexport_user_id_a7de8085", "comments_dataexport", "user_id"),
    ("comments_reaction_comment_id_988700cd", "comments_reaction", "comment_id"),
    ("comments_report_comment_id_bbaf98e5", "comments_report", "comment_id"),
]


class Migration(migrations.Migration):
    atomic = False  # CREATE/DROP INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("comments", "0003_data_export"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[DropIndexes(INDEXES)],
            state_operations=[
                migrations.AlterField(
                    model_name="comment",
                    name="article",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="comments",
                        to="comments.article",
                    ),
                ),
                migrations.AlterField(
                    model_name="comment",
                    name="author",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="comments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="dataexport",
                    name="user",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="data_exports",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="reaction",
                    name="comment",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reactions",
                        to="comments.comment",
                    ),
                ),
                migrations.AlterField(
                    model_name="report",
                    name="comment",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reports",
                        to="comments.comment",
                    ),
                ),
            ],
        )
    ]
