"""Migration operations Parley's own migrations share.

Kept small and stable: applied migrations import them for as long as they exist.
"""

from __future__ import annotations

from typing import Any

from django.db.migrations.operations.base import Operation


class DropIndexes(Operation):
    """Drop plain indexes by name (``CONCURRENTLY`` on PostgreSQL); recreate them on reverse.

    ``indexes``: ``(name, table, column)`` triples. For indexes the migration state
    does not name, such as the ones Django creates for a foreign key's
    ``db_index=True``: changing the field to ``db_index=False`` with AlterField would
    also drop and re-add the foreign key, re-checking every row under lock. Pair it
    with the AlterField in ``SeparateDatabaseAndState(state_operations=...)`` and set
    ``atomic = False`` on the migration (concurrent index changes cannot run in a
    transaction).
    """

    reversible = True
    reduces_to_sql = True

    def __init__(self, indexes: list[tuple[str, str, str]]) -> None:
        self.indexes = [tuple(index) for index in indexes]

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [self.indexes], {})

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass  # the state side is the AlterField beside it

    @staticmethod
    def _concurrently(schema_editor: Any) -> str:
        return "CONCURRENTLY " if schema_editor.connection.vendor == "postgresql" else ""

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        for name, _table, _column in self.indexes:
            schema_editor.execute(
                f'DROP INDEX {self._concurrently(schema_editor)}IF EXISTS "{name}"'
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        for name, table, column in self.indexes:
            schema_editor.execute(
                f'CREATE INDEX {self._concurrently(schema_editor)}IF NOT EXISTS "{name}"'
                f' ON "{table}" ("{column}")'
            )

    def describe(self) -> str:
        return "Drop indexes " + ", ".join(name for name, _t, _c in self.indexes)
