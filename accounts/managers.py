"""The user manager, with a written-out statement for the one lookup every request makes.

Every signed-in request loads its user: Django's ``get_user`` asks the
authentication backend, which runs ``User._default_manager.get(pk=...)``.
Through the ORM that lookup builds a QuerySet, clones it, compiles it to SQL
and assembles the row: about a quarter of the CPU a signed-in thread page
costs (``bench/queries.py --profile``). The statement never changes, so it is
written out once per database connection alias here, with the same columns,
the same value conversions (the backend's and the fields' ``from_db_value``,
e.g. aware datetimes on SQLite) and ``Model.from_db``, as the ORM would do.

Only ``User.objects.get(pk=value)`` (the manager itself, one keyword, no other
filter) takes this path; any other call, and any chained QuerySet, is Django's.
``tests/accounts/test_user_lookup.py`` compares both paths field by field.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import connections, router


class _PkStatement:
    """``SELECT <concrete columns> FROM <table> WHERE <pk> = %s`` for one model and alias."""

    def __init__(self, model, alias: str) -> None:
        connection = connections[alias]
        qn = connection.ops.quote_name
        meta = model._meta
        table = meta.db_table
        fields = list(meta.concrete_fields)
        columns = ", ".join(f"{qn(table)}.{qn(f.column)}" for f in fields)
        # Only quoted names are formatted in; the pk value is a parameter.
        pk_column = f"{qn(table)}.{qn(meta.pk.column)}"
        self.sql = f"SELECT {columns} FROM {qn(table)} WHERE {pk_column} = %s"  # noqa: S608
        self.pk = meta.pk
        self.converters = []
        for index, field in enumerate(fields):
            col = field.get_col(table)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if found:
                self.converters.append((index, found, col))

    def fetch(self, model, alias: str, value: Any):
        connection = connections[alias]
        param = self.pk.get_db_prep_value(self.pk.get_prep_value(value), connection)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [param])
            row = cursor.fetchone()
        if row is None:
            raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
        if self.converters:
            row = list(row)
            for index, found, col in self.converters:
                value = row[index]
                for convert in found:
                    value = convert(value, col, connection)
                row[index] = value
        return model.from_db(alias, None, row)


class UserManager(DjangoUserManager):
    use_in_migrations = True

    def get(self, *args: Any, **kwargs: Any):
        if args or len(kwargs) != 1 or "pk" not in kwargs:
            return super().get(*args, **kwargs)
        alias = self._db or router.db_for_read(self.model)
        statements = self.__dict__.setdefault("_pk_statements", {})
        statement = statements.get(alias)
        if statement is None:
            statement = statements[alias] = _PkStatement(self.model, alias)
        return statement.fetch(self.model, alias, kwargs["pk"])
