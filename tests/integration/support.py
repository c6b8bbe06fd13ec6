"""Workers, brokers and waiting for the integration tests (fixtures are in conftest)."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from kombu import Connection

from config.celery import app as celery_app

REPO = Path(__file__).resolve().parents[2]
ADAPTER = "tests.integration.adapters.RecordingAdapter"
WORKER_START_TIMEOUT = 90
# Redis puts a message a dead worker had taken back on its queue after this long.
VISIBILITY_TIMEOUT = 5


# --- waiting ---------------------------------------------------------------------------


def wait_for(
    predicate: Callable[[], Any], *, timeout: float = 30, what: str, worker: Worker | None = None
) -> Any:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            tail = f"\n--- worker log ---\n{worker.log_tail()}" if worker else ""
            raise AssertionError(f"timed out after {timeout}s waiting for {what}{tail}")
        time.sleep(0.1)


# --- worker processes ------------------------------------------------------------------


def _database_url() -> str:
    """The URL of the database pytest-django set up (the test database)."""
    from django.db import connection

    s = connection.settings_dict
    auth = quote(s["USER"] or "", safe="")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"], safe="")
    host = s["HOST"] or "127.0.0.1"
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{quote(s['NAME'], safe='')}"


def unique_queue(label: str) -> str:
    return f"parley-integ-{label}-{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


class Worker:
    """``celery -A config worker`` in its own process group, logging to a file."""

    def __init__(self, *, broker_url: str, queue: str, log_path: Path, env: dict[str, str]):
        self.broker_url = broker_url
        self.queue = queue
        self.log_path = log_path
        self.env = env
        self.proc: subprocess.Popen | None = None

    def start(self) -> Worker:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.test_settings",
            "DATABASE_URL": _database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_BROKER_URL": self.broker_url,
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "CELERY_UNACKED_RESTORE_INTERVAL": "1",
            "CELERY_UNACKED_RESTORE_THROTTLE": "1",
            "PARLEY_COMMENTS_ADAPTER": ADAPTER,
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        env.pop("TEST_DATABASE_NAME", None)
        cmd = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "-Q",
            self.queue,
            "-n",
            f"{self.queue}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "info",
        ]
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + WORKER_START_TIMEOUT
        while " ready." not in self.log_path.read_text(errors="replace"):
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(
                    f"worker not ready in {WORKER_START_TIMEOUT}s:\n{self.log_tail()}"
                )
            time.sleep(0.1)
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once, as a crashed host would."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        """Cold shutdown (a warm one takes seconds longer); SIGKILL whatever is left."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self.kill()

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def delete_queue(broker_url: str, queue: str) -> None:
    """Tidy up a test queue (and, on Redis, kombu's binding keys for it)."""
    try:
        with Connection(broker_url, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1, timeout=3)
            channel = conn.default_channel
            channel.queue_delete(queue)
            channel.exchange_delete(queue)
            if broker_url.startswith("redis"):
                with channel.conn_or_acquire() as client:
                    client.delete(f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
    except Exception:  # noqa: S110 - the broker may be gone already; nothing to tidy then
        pass


def _reset_producers() -> None:
    """Forget pooled broker connections, so the next publish uses the current broker_url."""
    celery_app._pool = None
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


class WebBroker:
    """Points this process' Celery app (eager in test settings) at a real broker and queue."""

    KEYS = ("task_always_eager", "broker_url", "task_default_queue")

    def __init__(self, broker_url: str, queue: str):
        self._saved = {key: celery_app.conf[key] for key in self.KEYS}
        self.use(broker_url, queue)

    def use(self, broker_url: str, queue: str) -> None:
        self.broker_url, self.queue = broker_url, queue
        celery_app.conf.update(
            task_always_eager=False, broker_url=broker_url, task_default_queue=queue
        )
        _reset_producers()

    def restore(self) -> None:
        celery_app.conf.update(self._saved)
        _reset_producers()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """A throw-away redis-server on a free port (no persistence)."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def _cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603
            ["redis-cli", "-h", "127.0.0.1", "-p", str(self.port), *args],
            capture_output=True,
            text=True,
            timeout=10,
        )

    def queue_length(self, queue: str) -> int:
        return int(self._cli("llen", queue).stdout.strip() or 0)

    def up(self) -> bool:
        return self._cli("ping").stdout.strip() == "PONG"

    def start(self) -> None:
        subprocess.run(  # noqa: S603
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--dir",
                str(self.workdir),
                "--pidfile",
                str(self.workdir / f"redis-{self.port}.pid"),
                "--logfile",
                str(self.workdir / f"redis-{self.port}.log"),
            ],
            check=True,
            timeout=10,
        )
        wait_for(self.up, timeout=10, what=f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.up():
            self._cli("shutdown", "nosave")
        wait_for(lambda: not self.up(), timeout=10, what=f"redis-server {self.port} to stop")
