"""Queries and cache round trips per request on the benchmarked paths, in-process.

    python bench/queries.py            # after a bench/run.py (uses its database as left)
    python bench/queries.py --profile  # also a pyinstrument profile of 200 requests each
    SHOW_SQL=1 python bench/queries.py # and the statements and Redis commands of one request

Uses the data ``bench/run.py`` loaded into ``parley_bench`` and Redis db 14
(re-warmed here), Django's test client (no HTTP server) and
``CaptureQueriesContext``. The connection health check (``SELECT 1``) is
counted when it runs, as in a server request. Posting writes real comments; the
next run (of this script or bench/run.py) deletes them first.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import BIG_KEY, SERVER_ENV, restore_loaded_state  # noqa: E402

os.environ.update(SERVER_ENV)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


class RedisCounter:
    """Counts round trips of the Redis clients: a command, or a whole pipeline/MULTI."""

    def __init__(self):
        self.n = 0
        self.commands: list[str] = []

    def __enter__(self):
        import redis

        self._orig = redis.Redis.execute_command
        counter = self

        def wrapped(client, *args, **kw):
            counter.n += 1
            counter.commands.append(" ".join(str(a)[:60] for a in args[:8]))
            return self._orig(client, *args, **kw)

        redis.Redis.execute_command = wrapped
        self._orig_pipe = redis.client.Pipeline.execute
        orig_pipe = self._orig_pipe

        def pipe_wrapped(pipe, *args, **kw):
            counter.n += 1  # a MULTI/pipeline is one round trip
            counter.commands.append(
                "pipeline: " + ", ".join(str(c[0][0]) for c in pipe.command_stack)
            )
            return orig_pipe(pipe, *args, **kw)

        redis.client.Pipeline.execute = pipe_wrapped
        return self

    def __exit__(self, *exc):
        import redis

        redis.Redis.execute_command = self._orig
        redis.client.Pipeline.execute = self._orig_pipe


def setup_cases() -> dict:
    """The benchmarked requests, each a function of a request number, through Django's
    test client (no HTTP server) with 50 of the loaded sessions in rotation, on the data
    as loaded (comments posted by earlier runs deleted, as bench/run.py does)."""
    from django.contrib.sessions.models import Session

    restore_loaded_state()

    keys = Session.objects.order_by("session_key").values_list("session_key", flat=True)
    tokens = list(keys[:50])
    page = f"/api/v1/articles/{BIG_KEY}/comments/?page_size=50"
    post = f"/api/v1/articles/{BIG_KEY}/comments/"
    client = Client()
    cases = {
        "anonymous first page": lambda i: client.get(page),
        "signed-in first page": lambda i: client.get(
            page, headers={"X-Session-Token": tokens[i % len(tokens)]}
        ),
        "post a comment": lambda i: client.post(
            post,
            data={"body": f"A queries check comment number {i} 확인"},
            content_type="application/json",
            headers={"X-Session-Token": tokens[i % len(tokens)]},
        ),
        "baseline page (anonymous)": lambda i: client.get(
            f"/bench/baseline/articles/{BIG_KEY}/comments/"
        ),
        "baseline post": lambda i: client.post(
            f"/bench/baseline/articles/{BIG_KEY}/comments/new/",
            data={"body": f"A baseline check comment {i}"},
            content_type="application/json",
            headers={"X-Session-Token": tokens[i % len(tokens)]},
        ),
    }
    cache.clear()
    return cases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("-n", type=int, default=200)
    args = parser.parse_args()
    cases = setup_cases()
    for name, call in cases.items():
        for i in range(3):  # warm caches (pages, sessions, policy)
            call(i)
        if name.startswith("signed") or name.startswith("anonymous"):
            call(1)
        connection.close()  # next request opens/health-checks like a fresh server request
        with CaptureQueriesContext(connection) as q, RedisCounter() as r:
            resp = call(1)
        assert resp.status_code in (200, 201), (name, resp.status_code, resp.content[:300])
        print(f"{name:<28} {len(q.captured_queries):2d} SQL  {r.n:2d} Redis commands")
        if os.environ.get("SHOW_SQL"):
            for x in q.captured_queries:
                print("      SQL", x["sql"][:160])
            for c in r.commands:
                print("      Redis", c)
        t, cpu = time.perf_counter(), time.process_time()
        for i in range(args.n):
            call(i)
        dt = (time.perf_counter() - t) / args.n
        cpu = (time.process_time() - cpu) / args.n
        print(
            f"{'':<28} {dt * 1000:.2f} ms per request in-process (mean of {args.n}),"
            f" {cpu * 1000:.2f} ms of it this process's CPU (steadier on a busy machine)"
        )
        if args.profile:
            from pyinstrument import Profiler

            prof = Profiler(interval=0.0005)
            prof.start()
            for i in range(args.n):
                call(i)
            prof.stop()
            out = Path(f"/tmp/parley-profile-{name.replace(' ', '-')}.txt")
            out.write_text(prof.output_text(unicode=False, color=False, show_all=False))
            print(f"{'':<28} profile: {out}")


if __name__ == "__main__":
    main()
