"""No index that another index makes redundant: each costs a write on every insert.

An index is redundant when it is plain (not unique, not partial, no
expressions) and another plain or unique btree index on the same table starts
with the same columns. PostgreSQL's catalogue is asked directly, so indexes
from models, constraints and migrations all count.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="reads PostgreSQL's catalogue (the PG pass)"
    ),
]

OWN_APPS = ("accounts", "comments", "moderation")

INDEXES_SQL = """
SELECT t.relname, i.relname, ix.indisunique, ix.indpred IS NOT NULL, ix.indexprs IS NOT NULL,
       am.amname, ix.indkey::int2[]::int[], ix.indoption::int2[]::int[]
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_am am ON am.oid = i.relam
WHERE t.relname = ANY(%s)
"""


def test_no_index_is_a_leading_prefix_of_another():
    tables = [m._meta.db_table for name in OWN_APPS for m in apps.get_app_config(name).get_models()]
    with connection.cursor() as cursor:
        cursor.execute(INDEXES_SQL, [tables])
        rows = cursor.fetchall()
    assert rows, "no indexes found: the query is wrong"
    redundant = []
    for table, name, unique, partial, exprs, am, keys, options in rows:
        if unique or partial or exprs or am != "btree":
            continue
        mine = list(zip(keys, options, strict=True))
        for other in rows:
            o_table, o_name, _u, o_partial, o_exprs, o_am, o_keys, o_options = other
            if o_table != table or o_name == name or o_partial or o_exprs or o_am != "btree":
                continue
            theirs = list(zip(o_keys, o_options, strict=True))
            if len(theirs) >= len(mine) and theirs[: len(mine)] == mine:
                if len(theirs) == len(mine) and o_name > name:
                    continue  # an exact twin: report it once
                redundant.append(f"{table}.{name} (covered by {o_name})")
                break
    assert redundant == [], "\n".join(redundant)
