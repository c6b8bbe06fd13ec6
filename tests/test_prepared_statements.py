"""PostgreSQL: the hot statements are prepared once per connection (DB_PREPARED_STATEMENTS)."""

from __future__ import annotations

import pytest
from django.db import connection

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_repeated_statements_are_prepared_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (the PostgreSQL pass)")
    user = User.objects.create_user("prepared")
    for _ in range(3):
        assert User.objects.get(pk=user.pk) == user
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    lookup = 'FROM "accounts_user" WHERE "accounts_user"."id" = $1'
    assert any(lookup in statement for statement in prepared), prepared
