"""Shared fixtures: users in every role, articles, comments made through services."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.test import APIClient

from comments import services
from comments.models import Article
from config import request_scope


@pytest.fixture(autouse=True)
def _clean_cache():
    # A test that drives the WSGI app without closing its response (schemathesis'
    # WSGI transport) never sends request_finished, which would leave that request's
    # memo scope open in this thread for the tests after it.
    request_scope._close()
    cache.clear()
    yield
    cache.clear()
    request_scope._close()


@pytest.fixture
def make_user(db, django_user_model):
    counter = {"n": 0}

    def make(username: str | None = None, *, role: str = "reader", **fields):
        counter["n"] += 1
        username = username or f"user{counter['n']}"
        user = django_user_model.objects.create_user(
            username=username, password="pw-for-tests", **fields
        )
        if role in {"moderator", "admin"}:
            user.is_staff = True
        if role == "admin":
            user.is_superuser = True
        user.save()
        if role == "moderator":
            group, _ = Group.objects.get_or_create(name=django_user_model.MODERATORS_GROUP)
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def reader(make_user):
    return make_user("reader", display_name="Reader One")


@pytest.fixture
def reader2(make_user):
    return make_user("reader2", display_name="Reader Two")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator", role="moderator")


@pytest.fixture
def admin_user(make_user):
    return make_user("admin", role="admin")


@pytest.fixture
def make_article(db):
    counter = {"n": 0}

    def make(key: str | None = None, **fields) -> Article:
        counter["n"] += 1
        key = key or f"article-{counter['n']}"
        defaults = {"url": f"https://news.example/{key}", "title": f"Title {key}"}
        defaults.update(fields)
        return Article.objects.create(key=key, **defaults)

    return make


@pytest.fixture
def article(make_article):
    return make_article("summit")


@pytest.fixture
def make_comment(django_capture_on_commit_callbacks):
    """Post through the service, running its on-commit work as a real commit would."""

    def make(author, article, body="A fair point.", parent=None):
        with django_capture_on_commit_callbacks(execute=True):
            return services.comment_create(
                author=author, article=article, body=body, parent_id=parent.pk if parent else None
            )

    return make


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def client_for():
    """An API client signed in as ``user`` (session auth; CSRF checks off in APIClient).

    A real session, so that each request loads the user row afresh as in
    production (``force_authenticate`` would hand every request this test's own,
    possibly stale, object: e.g. one that predates a sanction).
    """

    def make(user):
        client = APIClient()
        client.force_login(user)
        return client

    return make
