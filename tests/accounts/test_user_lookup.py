"""``User.objects.get(pk=...)``: the written-out statement gives what the ORM gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import QuerySet
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User

pytestmark = pytest.mark.django_db


def _orm_get(pk):
    return QuerySet(User).get(pk=pk)  # Django's own path, not the manager's


@pytest.fixture
def full_user():
    user = User.objects.create_user(
        "lookup", "lookup@example.com", "pw-Lookup-123", display_name="김 독자 Reader"
    )
    User.objects.filter(pk=user.pk).update(
        avatar_url="https://example.com/a.png",
        display_name_chosen=True,
        last_login=timezone.now() - timedelta(days=2),
        deleted_at=datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
        sanctions_until=datetime(9999, 12, 31, tzinfo=UTC),
        is_staff=True,
    )
    return user


def test_every_field_equals_the_orm(full_user):
    fast = User.objects.get(pk=full_user.pk)
    orm = _orm_get(full_user.pk)
    assert type(fast) is User
    for field in User._meta.concrete_fields:
        a, b = getattr(fast, field.attname), getattr(orm, field.attname)
        assert a == b, field.name
        assert type(a) is type(b), field.name
    assert fast.deleted_at.tzinfo is not None  # aware, also on SQLite
    assert fast._state.adding is False and fast._state.db == "default"
    assert fast.check_password("pw-Lookup-123")


def test_nulls_and_defaults_equal_the_orm():
    user = User.objects.create_user("plain")
    fast, orm = User.objects.get(pk=user.pk), _orm_get(user.pk)
    for field in User._meta.concrete_fields:
        assert getattr(fast, field.attname) == getattr(orm, field.attname), field.name
    assert fast.last_login is None and fast.sanctions_until is None


def test_one_query_and_the_pk_given_as_text(full_user):
    with CaptureQueriesContext(connection) as queries:
        user = User.objects.get(pk=str(full_user.pk))
    assert user == full_user
    assert len(queries.captured_queries) == 1


def test_missing_and_malformed_pks_fail_like_the_orm():
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=987654321)
    with pytest.raises(ValueError) as fast:
        User.objects.get(pk="not-a-number")
    with pytest.raises(ValueError) as orm:
        _orm_get("not-a-number")
    assert str(fast.value) == str(orm.value)


def test_other_lookups_keep_the_orm_path(full_user):
    assert User.objects.get(username="lookup") == full_user
    assert User.objects.filter(is_active=True).get(pk=full_user.pk) == full_user
    with pytest.raises(User.DoesNotExist):
        User.objects.filter(is_active=False).get(pk=full_user.pk)
    assert User.objects.get(pk=full_user.pk, username="lookup") == full_user
    group = Group.objects.create(name="moderators")
    full_user.groups.add(group)
    assert User.objects.get(pk=full_user.pk).is_moderator


def test_session_login_loads_the_user_through_it(full_user, client):
    client.force_login(full_user)
    request = RequestFactory().get("/")
    request.session = client.session
    with CaptureQueriesContext(connection) as queries:
        user = get_user(request)
    assert user.pk == full_user.pk and user.is_authenticated
    lookups = [q["sql"] for q in queries.captured_queries if '"accounts_user"' in q["sql"]]
    assert lookups and all("LIMIT" not in sql for sql in lookups)  # the written-out statement
