"""Bad input never gets a 500: a bounded fuzz of the whole /api/v1/ surface.

Two layers, both in the normal suite (SQLite and PostgreSQL):

* ``test_schema_fuzz``: schemathesis generates requests from the OpenAPI schema
  (valid and invalid: positive and negative generation modes) for every operation, as each role
  (anonymous, reader, moderator, admin), against the real WSGI application.
  Derandomized with a bounded number of examples, so a run is reproducible.
* ``test_hostile_input``: what the schema does not describe (invalid and
  non-object JSON, NaN, deep nesting, huge bodies, wrong content types, NUL and
  lone surrogates, ids beyond int64, forged cursors, odd dates...), on every
  write endpoint, as every role.

Every response must be below 500; every ``/api/v1/`` error must have the
``{"error": {"code", "message"}}`` shape; and a refused request must leave no
row behind (nothing half-saved). ``PARLEY_FUZZ_EXAMPLES`` raises the number of
generated examples for a longer run (see the README).
"""

from __future__ import annotations

import base64
import json
import os

import pytest
import schemathesis
from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "reader", "moderator", "admin")
EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", "60"))
BIG = 99999999999999999999  # beyond int64 (PostgreSQL bigint)
INT64_OVER = 2**63


# --- the world the fuzz runs in ------------------------------------------------------


@pytest.fixture
def wsgi_app():
    """The real WSGI app, minus the per-request connection closing that would end the
    test's transaction (Django's own test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield application
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def world(make_user, make_article, make_comment):
    # A site's first request writes policy version 1 (an audited bootstrap); the fuzz
    # starts from a running site, so that row is not mistaken for a half-saved refusal.
    from moderation.policy import get_active_policy

    get_active_policy()
    reader = make_user("reader", display_name="Reader One")
    other = make_user("reader2", display_name="Reader Two")
    moderator = make_user("moderator", role="moderator")
    admin = make_user("admin", role="admin")
    article = make_article("summit")
    theirs = make_comment(other, article, "Someone else's comment.")
    mine = make_comment(reader, article, "My own comment.")
    reply = make_comment(other, article, "A reply.", parent=mine)
    users = {"reader": reader, "moderator": moderator, "admin": admin}
    headers = {"anonymous": {}}
    for role, user in users.items():
        response = Client().post(
            "/_allauth/app/v1/auth/login",
            {"username": user.username, "password": "pw-for-tests"},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        headers[role] = {"X-Session-Token": response.json()["meta"]["session_token"]}
    return {
        "headers": headers,
        "ids": {
            "comment_id": theirs.pk,
            "key": article.key,
            "user_id": other.pk,
            "version": 1,
            "sanction_id": 1,
        },
        "comments": (theirs, mine, reply),
    }


def _tracked_models():
    return [
        model
        for label in ("accounts", "comments", "moderation")
        for model in apps.get_app_config(label).get_models()
    ]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in _tracked_models()}


def assert_clean_refusal(
    status: int, body: bytes, path: str, before: dict[str, int] | None
) -> None:
    assert status < 500, f"{status} for {path}: {body[:300]!r}"
    if status >= 400 and path.startswith("/api/v1/"):
        payload = json.loads(body)
        error = payload["error"]
        assert isinstance(error["code"], str) and error["code"], payload
        assert isinstance(error["message"], str), payload
        if before is not None:
            assert row_counts() == before, f"{status} {error['code']} for {path} saved rows"


# --- layer 1: schema-driven ----------------------------------------------------------


def _schema():
    raw = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(json.loads(json.dumps(raw, default=str)))
    schema.app = application
    return schema


@pytest.mark.parametrize("role", ROLES)
def test_schema_fuzz(role, world, wsgi_app):
    schema = _schema()
    headers = world["headers"][role]
    # Valid and invalid requests; some name objects that exist (a top-level comment or
    # a reply, so they get past the 404s), some forge ids.
    strategy = st.one_of(
        schema.as_strategy(generation_mode=mode, path_parameters=ids)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        for ids in (None, world["ids"], {**world["ids"], "comment_id": world["comments"][2].pk})
    )

    statuses: list[int] = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case):
        if case.operation.label == "DELETE /api/v1/me/":
            return  # deleting the signed-in user ends the run, not a finding
        before = row_counts() if case.method.upper() != "GET" else None
        response = case.call(headers=headers)
        # Every status must be one the schema lists for the operation, and every body
        # (errors included: the schema describes the one error shape) must match it.
        case.validate_response(
            response,
            checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
        )
        assert_clean_refusal(response.status_code, response.content, case.path, before)
        statuses.append(response.status_code)

    run()
    assert len(statuses) >= EXAMPLES // 2, statuses  # the fuzz really sent requests


# --- layer 2: what the schema does not describe --------------------------------------


def _cursor(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


WRITES = [
    ("post", "/api/v1/articles/summit/comments/"),
    ("patch", "/api/v1/comments/{mine}/"),
    ("put", "/api/v1/articles/summit/"),
    ("post", "/api/v1/comments/{theirs}/reports/"),
    ("post", "/api/v1/comments/{mine}/appeal/"),
    ("patch", "/api/v1/me/"),
    ("post", "/api/v1/auth/app/exchange"),
    ("post", "/api/v1/moderation/comments/{theirs}/decision/"),
    ("post", "/api/v1/moderation/decisions/"),
    ("post", "/api/v1/moderation/users/{user}/sanctions/"),
    ("post", "/api/v1/moderation/policy/versions/"),
    ("post", "/api/v1/moderation/policy/dry-run/"),
]

RAW_BODIES = [
    b"{",
    b"",
    b"[]",
    b"1",
    b"null",
    b'"x"',
    b"NaN",
    b'{"body": NaN}',
    b'{"body": "x", "parent": Infinity}',
    b'{"body": "x", "parent": 1e999}',
    b"[" * 100_000,
    b"[" * 5_000 + b"]" * 5_000,
    b'{"a":' * 900 + b"1" + b"}" * 900,
    b'{"body": "lone \\ud800", "text": "\\udfff", "note": "\\ud800"}',
    b'{"note": "\\u0000", "banned_terms": ["\\u0000"], "code": "\\u0000"}',
    b'{"\\u0000": 1}',
    b'{"code": "\\ud800", "code_verifier": "\\ud800"}',
    b"\xff\xfe\x00",
    b'{"body": "' + b"a" * 70_000 + b'"}',
    b'{"body": "x", "parent": ' + b"9" * 5_000 + b"}",
    b'{"body": "x", "parent": %d}' % BIG,
    b'{"items": [{"comment_id": %d, "from_status": "pending", "revision": %d}], '
    b'"action": "approve"}' % (BIG, BIG),
    b'{"action": "approve", "from_status": "pending", "revision": %d}' % INT64_OVER,
    b'{"text": "x", "version": %d}' % BIG,
    b'{"max_length": %d, "edit_window_seconds": -1, "report_threshold": 1e308}' % BIG,
    b'{"kind": "suspend", "reason_code": "spam", "until": "9999-12-31T23:59:59-14:00"}',
    b'{"kind": "suspend", "reason_code": "spam", "until": "2020-13-45"}',
    b'{"url": "https://news.example/a", "title": "t", "closes_at": "0001-01-01T00:00:00+14:00"}',
    b'{"body": "\\u202eevil <script>alert(1)</script>", "display_name": "\\u202e\\u0000"}',
]

CONTENT_TYPES = [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=latin-1",
    "application/xml",
    "",
]

READ_PATHS = [
    "/api/v1/articles/summit/comments/",
    "/api/v1/comments/{mine}/replies/",
    "/api/v1/me/comments/",
    "/api/v1/moderation/queue/",
    "/api/v1/moderation/audit/",
    "/api/v1/moderation/policy/versions/",
]

FORGED_CURSORS = [
    _cursor({"v": ["x", "y"]}),
    _cursor({"v": [1, 2]}),
    _cursor({"v": [BIG, BIG]}),
    _cursor({"v": [{"t": "2020-01-01T00:00:00"}, BIG]}),
    _cursor({"v": [{"t": "9999-12-31T23:59:59-14:00"}, 1]}),
    _cursor({"v": [{"t": "2020-01-01T00:00:00+00:00"}, "\u0000"]}),
    _cursor({"v": "xx"}),
    _cursor([1]),
    "A" * 600,
    "%00",
]

QUERIES = [
    "page_size=99999999999999999999",
    "page_size=-1",
    "page_size=%C2%B2",
    "page_size=" + "9" * 5000,
    "sort=%00",
    "before=%C2%B2",
    "before=99999999999999999999",
    "queue=x&article=%00&reason=%00",
    "actor=%C2%B2",
    "actor=99999999999999999999",
    "action=%00&target_type=%00",
    "since=2020-01-01T00:00:00%2B99:00",
    "until=2020-01-01T25:00",
    "since=9999-12-31T23:59:59-14:00",
    "until=0001-01-01T00:00:00%2B14:00",
    "x=" + "y" * 20_000,
] + [f"cursor={c}" for c in FORGED_CURSORS]

ODD_PATHS = [
    ("get", "/api/v1/comments/99999999999999999999/"),
    ("get", f"/api/v1/comments/{INT64_OVER}/replies/"),
    ("patch", "/api/v1/comments/99999999999999999999/"),
    ("put", "/api/v1/comments/99999999999999999999/reaction/"),
    ("post", "/api/v1/comments/99999999999999999999/reports/"),
    ("post", "/api/v1/moderation/queue/99999999999999999999/claim/"),
    ("delete", "/api/v1/moderation/users/99999999999999999999/sanctions/1/"),
    ("get", "/api/v1/moderation/users/99999999999999999999/"),
    ("post", "/api/v1/moderation/policy/versions/99999999999999999999/activate/"),
    ("get", "/api/v1/articles/%00/"),
    ("get", "/api/v1/articles/%00/comments/"),
    ("put", "/api/v1/articles/%00/"),
    ("get", "/api/v1/articles/" + "x" * 5000 + "/"),
    ("get", "/api/v1/articles/%E2%80%AE%F0%9F%98%80/comments/"),
    ("get", "/api/v1/articles/%ED%A0%80/"),
    ("get", "/api/v1/no-such-thing/"),
]


def _requests(world):
    theirs, mine, _reply = world["comments"]
    ids = {"theirs": theirs.pk, "mine": mine.pk, "user": world["ids"]["user_id"]}
    for method, path in WRITES:
        path = path.format(**ids)
        for body in RAW_BODIES:
            yield method, path, body, "application/json"
        for content_type in CONTENT_TYPES:
            yield method, path, b'{"body": "x"}', content_type
    for path in READ_PATHS:
        for query in QUERIES:
            yield "get", f"{path.format(**ids)}?{query}", None, None
    for method, path in ODD_PATHS:
        yield method, path, b'{"body": "x"}', "application/json"


@pytest.mark.parametrize("role", ROLES)
def test_hostile_input(role, world):
    client = Client(headers=world["headers"][role])
    sent = 0
    for method, path, body, content_type in _requests(world):
        before = row_counts() if method != "get" else None
        kwargs = {} if body is None else {"data": body, "content_type": content_type}
        response = client.generic(method.upper(), path, **kwargs)
        assert_clean_refusal(response.status_code, response.content, path, before)
        sent += 1
    assert sent > 500
