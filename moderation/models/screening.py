from __future__ import annotations

from typing import Any

from django.db import connections, models


class ScreeningRecordManager(models.Manager):
    def record(self, *, hits: list[dict[str, Any]], **fields: Any) -> None:
        """Append one record; ``codes`` is derived from the hits so the queue can filter.

        One written-out INSERT: records are never updated, no signal listens to
        them and nobody needs the new id, and on every post ``create()``'s
        machinery (save, signals, the compiler, ``RETURNING id``) cost about twice
        the statement itself (bench/queries.py --profile). The values are still
        prepared by the model's own fields, so they are stored exactly as
        ``create()`` would store them (a test compares the two).
        """
        connection = connections[self.db]
        table, columns, params = self._prepared(connection, hits=hits, **fields)
        placeholders = ", ".join(["%s"] * len(params))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    def record_statement(
        self, *, source: str, hits: list[dict[str, Any]], **fields: Any
    ) -> tuple[str, list[Any]]:
        """``record()``'s INSERT for a comment being inserted by the same statement.

        ``INSERT ... SELECT <source>.id, %s, ... FROM <source>``: ``source`` is the
        CTE that inserts the comment and returns its ``id``; every other value is
        prepared by the fields as in ``record()``. ``fields`` has no ``comment``.
        """
        connection = connections[self.db]
        table, columns, params = self._prepared(connection, hits=hits, **fields)
        comment_column = connection.ops.quote_name(self.model._meta.get_field("comment").column)
        at = columns.index(comment_column)
        del params[at]
        values = ["%s"] * len(params)
        values.insert(at, f"{source}.id")
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)})"  # noqa: S608
            f" SELECT {', '.join(values)} FROM {source}"
        )
        return sql, params

    def _prepared(
        self, connection: Any, *, hits: list[dict[str, Any]], **fields: Any
    ) -> tuple[str, list[str], list[Any]]:
        """The quoted table, quoted columns and field-prepared values of one new record."""
        codes = sorted({hit.get("code", "") for hit in hits if hit.get("code")})
        record = self.model(hits=hits, codes=f" {' '.join(codes)} " if codes else "", **fields)
        columns, params = [], []
        for field in self.model._meta.concrete_fields:
            if field.primary_key:
                continue
            columns.append(connection.ops.quote_name(field.column))
            params.append(field.get_db_prep_save(field.pre_save(record, True), connection))
        return connection.ops.quote_name(self.model._meta.db_table), columns, params


class ScreeningRecord(models.Model):
    """What the automated policy decided about one revision of a comment, and why.

    Written by ``moderation.pipeline`` in the transaction that saves the
    comment (``create``/``edit``), by the Celery step (``async``) and by the
    re-screen after a policy activation (``rescreen``). ``hits`` lists the rules
    that fired, each with its reason code, span in the original text, matched
    text, policy entry and severity. Rows are never updated.
    """

    class Event(models.TextChoices):
        CREATE = "create", "Posted"
        EDIT = "edit", "Edited"
        ASYNC = "async", "Slow screening"
        RESCREEN = "rescreen", "Re-screened after a policy change"

    class Action(models.TextChoices):
        PUBLISH = "publish", "Publish"
        HOLD = "hold", "Hold for review"
        REJECT = "reject", "Reject"

    comment = models.ForeignKey(  # indexed by screening_comment (one write less per post)
        "comments.Comment", on_delete=models.CASCADE, related_name="screenings", db_index=False
    )
    revision = models.PositiveIntegerField()
    event = models.CharField(max_length=10, choices=Event.choices)
    policy_version = models.PositiveIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    status = models.CharField(max_length=10)  # the comment's status after this screening
    hits = models.JSONField(default=list, blank=True)
    # Hash of the comment's folded text (empty for very short texts): duplicate
    # detection across recent comments is one indexed count on it.
    fingerprint = models.CharField(max_length=32, blank=True)
    # The hits' reason codes, space-separated with a space at each end
    # (" insult personal_info "), so "held for reason X" is a plain LIKE on
    # every database (JSON containment differs between SQLite and PostgreSQL).
    codes = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScreeningRecordManager()

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["comment", "-id"], name="screening_comment"),
            models.Index(
                fields=["fingerprint", "created_at"],
                name="screening_fingerprint",
                condition=~models.Q(fingerprint=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} of comment {self.comment_id} r{self.revision}: {self.action}"

    @property
    def rules(self) -> list[str]:
        return sorted({hit.get("rule", "") for hit in self.hits or []})
