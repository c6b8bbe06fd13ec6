"""The integration layer: real PostgreSQL, a real Redis broker, real Celery worker processes.

Tests here are marked ``integration`` and run only with ``PARLEY_INTEGRATION=1``
(``make test`` sets it for its PostgreSQL pass). They need:

* ``DATABASE_URL``: PostgreSQL. pytest-django creates the test database; every
  worker started here connects to that same test database;
* ``REDIS_URL``: the cache, shared by this process and the workers (the test
  adapter records its runs there);
* ``PARLEY_TEST_BROKER_URL``: the broker the workers consume (Redis).

Each session sends its tasks to a queue of its own, so workers of other sessions
on the same broker never take them. Without ``PARLEY_INTEGRATION`` the tests skip;
with it but a service missing they skip with the reason on a laptop and FAIL
under ``CI=true``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from kombu import Connection

from .support import ADAPTER, RedisServer, WebBroker, Worker, delete_queue, unique_queue

ON_CI = os.environ.get("CI", "").lower() == "true"
ENABLED = os.environ.get("PARLEY_INTEGRATION", "").lower() in {"1", "true", "yes", "on"}


# --- skip on a laptop, fail on CI ------------------------------------------------------


def _broker_problem(url: str) -> str | None:
    try:
        with Connection(url, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1, timeout=3)
    except Exception as exc:
        return f"broker {url} unreachable: {exc}"
    return None


_problems: list[str] | None = None


def _service_problems() -> list[str]:
    """What keeps the integration layer from running here (computed once)."""
    global _problems
    if _problems is None:
        problems = []
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            problems.append("DATABASE_URL is not PostgreSQL")
        if not settings.REDIS_URL:
            problems.append("REDIS_URL is not set (the worker and the tests share the cache)")
        else:
            from django.core.cache import cache

            try:
                cache.get("integration:ping")
            except Exception as exc:
                problems.append(f"Redis cache {settings.REDIS_URL} unreachable: {exc}")
        broker = os.environ.get("PARLEY_TEST_BROKER_URL", "")
        if not broker:
            problems.append("PARLEY_TEST_BROKER_URL is not set")
        elif problem := _broker_problem(broker):
            problems.append(problem)
        _problems = problems
    return _problems


HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before `-m "not integration"` deselects
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything in this folder is an integration test, marked or not."""
    for item in items:
        if HERE in item.path.resolve().parents and not item.get_closest_marker("integration"):
            item.add_marker(pytest.mark.integration)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("integration") is None:
        return
    if not ENABLED:
        pytest.skip(
            "integration test: needs PARLEY_INTEGRATION=1 with PostgreSQL, Redis and a "
            "broker (`make test` runs them in its PostgreSQL pass)"
        )
    if problems := _service_problems():
        message = "integration services unavailable: " + "; ".join(problems)
        if ON_CI:
            pytest.fail(f"CI=true: {message}", pytrace=False)
        pytest.skip(message)


@pytest.fixture
def require_broker():
    """``require_broker(url)``: the url, or skip (FAIL under CI=true) when it is unreachable."""

    def require(url: str) -> str:
        if problem := _broker_problem(url):
            if ON_CI:
                pytest.fail(f"CI=true: {problem}", pytrace=False)
            pytest.skip(problem)
        return url

    return require


@pytest.fixture(scope="session")
def broker_url() -> str:
    return os.environ.get("PARLEY_TEST_BROKER_URL", "")


@pytest.fixture(scope="session")
def integration_logs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("celery-workers")


@pytest.fixture
def start_worker(django_db_setup, integration_logs, request) -> Iterator[Callable[..., Worker]]:
    """Start workers for one test; they are stopped (and their queues deleted) after it."""
    started: list[Worker] = []

    def start(*, broker: str, queue: str, **env: str) -> Worker:
        name = f"{request.node.name[:60]}-{len(started)}.log"
        worker = Worker(broker_url=broker, queue=queue, log_path=integration_logs / name, env=env)
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.stop()
    for broker, queue in {(w.broker_url, w.queue) for w in started}:
        delete_queue(broker, queue)


@pytest.fixture(scope="session")
def session_queue() -> str:
    return unique_queue("session")


@pytest.fixture(scope="session")
def celery_worker(
    django_db_setup, django_db_blocker, broker_url, session_queue, integration_logs
) -> Iterator[Worker]:
    """One worker for the whole session, on the session's own queue."""
    worker = Worker(
        broker_url=broker_url,
        queue=session_queue,
        log_path=integration_logs / "session-worker.log",
        env={},
    )
    try:
        yield worker.start()
    finally:
        worker.stop()  # before pytest-django drops the test database it is connected to
        delete_queue(broker_url, session_queue)


# --- the web side: this process enqueues to the real broker ------------------------------


@pytest.fixture
def web_broker(celery_worker, broker_url, session_queue, settings) -> Iterator[WebBroker]:
    """Tasks enqueued by this process go to the session worker (until ``use()`` says else).

    This process screens with the same recording adapter as the workers, so these
    tests do not depend on what the standards policy of the day holds or rejects.
    """
    settings.PARLEY_COMMENTS_ADAPTER = ADAPTER
    web = WebBroker(broker_url, session_queue)
    try:
        yield web
    finally:
        web.restore()


# --- a broker of our own, to take down -----------------------------------------------------


@pytest.fixture
def own_redis(tmp_path) -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None or shutil.which("redis-cli") is None:
        message = "redis-server/redis-cli not on PATH (needed to take a broker down)"
        if ON_CI:
            pytest.fail(f"CI=true: {message}", pytrace=False)
        pytest.skip(message)
    server = RedisServer(tmp_path)
    try:
        yield server
    finally:
        server.stop()
