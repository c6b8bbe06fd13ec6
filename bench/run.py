"""Thread speed benchmark (issue 2): Parley against a plain DRF baseline, same run.

Run from the repository root:

    .venv/bin/python bench/run.py                 # full run: reset DB, load, serve, measure
    .venv/bin/python bench/run.py --reuse-data    # skip the reset and load (iterating)
    .venv/bin/python bench/run.py --duration 20   # seconds per measured endpoint

Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), Redis at
127.0.0.1:6379 and the load generator ``wrk`` (Debian package; the script
installs it with apt-get when it is missing and it runs as root, otherwise it
stops and says how). Uses only the database ``parley_bench`` (dropped and
recreated) and Redis db 14 (flushed before and after).

What it does:

1. Recreates ``parley_bench``, migrates, and loads with COPY: 1,000 articles,
   100,000 comments (one article, ``bench-big``, has 1,000), replies on some,
   English and Korean bodies of varying length, reactions, a few reports,
   2,000 users, and a signed-in session (an allauth ``X-Session-Token``) for
   1,000 of them. One more token comes from a real headless app login.
2. Starts ``gunicorn config.wsgi`` (2 sync workers, 127.0.0.1) with DEBUG off,
   SECRET_KEY set, SECURE_SSL_REDIRECT=false, PARLEY_RATE_LIMITS=off,
   REDIS_URL=redis://127.0.0.1:6379/14 and, so that posting enqueues the slow
   screening task the way production does, CELERY_BROKER_URL on that same Redis
   db. No Celery worker runs: the queued tasks are counted and flushed at the end.
   ``DJANGO_SETTINGS_MODULE=bench.settings`` only adds the baseline urls.
3. Checks every endpoint answers correctly once, then for each of the six
   endpoints runs wrk for a short warm-up, then measures Parley and the baseline
   in alternating rounds (P B B P ...) at 32 connections, so that load from
   other processes on a shared machine falls on both about equally:
   Parley / baseline first page (50) of ``bench-big``, anonymous and signed in,
   and posting to it.
4. Prints req/s, p50, p99 and the ratio to the baseline, plus machine notes, and
   writes the raw figures to ``bench/out/<timestamp>.json``; stops gunicorn.

wrk is a closed-loop generator: each connection sends its next request when the
previous answer arrives, so with 2 sync workers and 32 connections latency is
mostly queueing (about 32 / throughput).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
WRK_DIR = BENCH / "wrk"

DB_NAME = "parley_bench"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
REDIS_URL = "redis://127.0.0.1:6379/14"

N_ARTICLES = 1_000
N_COMMENTS = 100_000
BIG_KEY = "bench-big"
BIG_COMMENTS = 1_000
N_USERS = 2_000
N_SESSIONS = 1_000
PAGE_SIZE = 50
LOGIN_USER, LOGIN_PASSWORD = "bench-login", "bench-login-pw-7d1f"

SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "CELERY_BROKER_URL": REDIS_URL,
    "PARLEY_RATE_LIMITS": "off",
    "DEBUG": "false",
    "SECRET_KEY": "parley-bench-only-not-a-secret",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "LOG_LEVEL": "WARNING",
}


def log(msg: str) -> None:
    print(f"[bench UTC {time.strftime('%H:%M:%S', time.gmtime())}] {msg}", flush=True)


# --- prerequisites -------------------------------------------------------------------


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk not found: installing the Debian package (apt-get install wrk)")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        path = shutil.which("wrk")
        if path:
            return path
    sys.exit("wrk is needed: `sudo apt-get install wrk` (Debian/Ubuntu) or `brew install wrk`.")


# --- database ---------------------------------------------------------------------


def reset_database() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


# Each posting run adds thousands of comments to the big thread. Left there, the next
# run (--reuse-data) would measure a bigger thread (the baseline's COUNT(*) grows) with
# autovacuum busy on the new rows. So the loaded state is marked, and every run starts
# from it and leaves it behind: comments posted since are deleted with their screening
# records, the counters recomputed, and the tables vacuumed.

_MARK_TABLE = "bench_loaded_state"


def mark_loaded_state(cur) -> None:
    cur.execute(f"CREATE TABLE {_MARK_TABLE} (max_comment_id bigint NOT NULL)")
    cur.execute(f"INSERT INTO {_MARK_TABLE} SELECT COALESCE(MAX(id), 0) FROM comments_comment")


def restore_loaded_state() -> int:
    """Delete what benchmark runs posted since the load; the number of comments deleted."""
    import psycopg

    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        found = conn.execute("SELECT to_regclass(%s) IS NOT NULL", [_MARK_TABLE]).fetchone()[0]
        if not found:
            sys.exit("This database predates the load marker: run once without --reuse-data.")
        with conn.transaction():
            (mark,) = conn.execute(f"SELECT max_comment_id FROM {_MARK_TABLE}").fetchone()
            conn.execute("DELETE FROM moderation_screeningrecord WHERE comment_id > %s", [mark])
            deleted = conn.execute("DELETE FROM comments_comment WHERE id > %s", [mark]).rowcount
            if deleted:
                conn.execute(
                    "UPDATE comments_article a SET comment_count = (SELECT count(*) FROM"
                    " comments_comment c WHERE c.article_id = a.id AND c.status = 'published')"
                )
        if deleted:
            for table in ("comments_comment", "moderation_screeningrecord", "comments_article"):
                conn.execute(f"VACUUM ANALYZE {table}")
    return deleted


def setup_django() -> None:
    os.environ.update(SERVER_ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


EN_SENTENCES = [
    "This is exactly the kind of reporting we need more of.",
    "I disagree with the premise of the article.",
    "The council voted on this twice and still nothing changed.",
    "Can someone explain how the new rate is calculated?",
    "My neighbourhood has been waiting for this bridge for ten years.",
    "The interview with the mayor raised more questions than it answered.",
    "Good piece, but the headline oversells it.",
    "Numbers without context are meaningless.",
    "I work in this sector and the article gets the details right.",
    "Who is going to pay for all of this in the end?",
    "Thank you for covering the story nobody else would.",
    "The photo in the third section is from last year, not this one.",
    "Small businesses will feel this first.",
    "I hope the follow-up looks at the rural areas too.",
]
KO_SENTENCES = [
    "좋은 기사 감사합니다.",
    "이 문제는 오래전부터 지적되어 왔던 부분입니다.",
    "현장의 목소리를 더 담아 주셨으면 좋겠습니다.",
    "통계 수치의 출처가 궁금합니다.",
    "저희 동네도 같은 상황이라 공감이 많이 됩니다.",
    "정책 결정 과정이 너무 불투명하네요.",
    "후속 보도를 꼭 부탁드립니다.",
    "제목과 내용이 조금 다른 것 같습니다.",
    "결국 세금으로 메우게 되는 것 아닌가요?",
    "전문가 인터뷰가 특히 유익했습니다.",
    "청년들의 입장에서 보면 이야기가 완전히 달라집니다.",
    "이번 결정으로 영향을 받는 사람이 생각보다 많을 겁니다.",
]
EN_NAMES = ["Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery"]
KO_NAMES = ["김민준", "이서연", "박지훈", "최수아", "정도윤", "강하은", "조현우", "윤지아"]


def make_body(rng: random.Random) -> str:
    korean = rng.random() < 0.4
    pool = KO_SENTENCES if korean else EN_SENTENCES
    parts = [rng.choice(pool) for _ in range(rng.choice((1, 1, 2, 2, 3, 4, 6)))]
    body = " ".join(parts)
    if rng.random() < 0.1:
        body += "\n\n" + rng.choice(EN_SENTENCES if korean else KO_SENTENCES)
    return body[:250].strip()


def load_data(seed: int = 2) -> dict:
    """Bulk-load the data set with COPY. Returns the tokens and a few counts."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from comments.models import Comment

    rng = random.Random(seed)
    now = timezone.now()
    t0 = time.monotonic()

    # Users: a shared unusable password for the crowd, a real one for the login check.
    users = []
    for uid in range(1, N_USERS + 1):
        korean = uid % 3 == 0
        name = rng.choice(KO_NAMES if korean else EN_NAMES)
        display = f"{name}{uid}" if uid % 5 else ""
        avatar = f"https://avatars.example.org/{uid}.png" if uid % 2 else ""
        users.append((uid, f"bench-user-{uid}", "!", display, avatar))
    login_uid = N_USERS + 1
    users.append((login_uid, LOGIN_USER, make_password(LOGIN_PASSWORD), "Login Check", ""))

    # Articles: bench-big first, then the rest.
    articles = [(1, BIG_KEY, "The big thread")] + [
        (aid, f"bench-article-{aid}", f"Article number {aid}") for aid in range(2, N_ARTICLES + 1)
    ]

    # Comments: per article, top-level comments then replies to some of them.
    per_article = [BIG_COMMENTS] + [0] * (N_ARTICLES - 1)
    rest = N_COMMENTS - BIG_COMMENTS
    for i in range(rest):
        per_article[1 + i % (N_ARTICLES - 1)] += 1
    statuses = (
        ["published"] * 95 + ["pending"] * 2 + ["rejected"] * 1 + ["deleted"] * 2
    )  # per hundred
    comments = []  # dicts, turned into rows after the counters are known
    next_id = 1
    for aid, count in enumerate(per_article, start=1):
        n_top = int(count * (0.6 if aid == 1 else 0.7))
        start = now - dt.timedelta(days=rng.uniform(1, 30))
        span = (now - start).total_seconds()
        tops = []
        for _ in range(n_top):
            created = start + dt.timedelta(seconds=rng.uniform(0, span))
            c = {
                "id": next_id,
                "article": aid,
                "parent": None,
                "author": rng.randint(1, N_USERS),
                "status": rng.choice(statuses),
                "created": created,
                "reply_count": 0,
                "reactions": 0,
            }
            next_id += 1
            comments.append(c)
            tops.append(c)
        # replies cluster on a few popular comments
        for _ in range(count - n_top):
            parent = tops[min(int(rng.expovariate(1 / 8)), len(tops) - 1)]
            created = parent["created"] + dt.timedelta(
                seconds=rng.uniform(1, max(2.0, (now - parent["created"]).total_seconds()))
            )
            c = {
                "id": next_id,
                "article": aid,
                "parent": parent["id"],
                "author": rng.randint(1, N_USERS),
                "status": rng.choice(statuses),
                "created": created,
                "reply_count": 0,
                "reactions": 0,
            }
            next_id += 1
            comments.append(c)
            if c["status"] == "published":
                parent["reply_count"] += 1

    # Reactions: a handful on most comments, many on the big thread.
    reactions = []
    reacted_pairs = set()
    for c in comments:
        if c["status"] != "published":
            continue
        k = int(rng.expovariate(1 / (20 if c["article"] == 1 else 1.5)))
        for _ in range(k):
            uid = rng.randint(1, N_USERS)
            if uid == c["author"] or (c["id"], uid) in reacted_pairs:
                continue
            reacted_pairs.add((c["id"], uid))
            reactions.append((len(reactions) + 1, c["id"], uid, now))
            c["reactions"] += 1

    # Reports: some on the big thread, by signed-in users.
    reports = []
    reported = set()
    big_published = [c for c in comments if c["article"] == 1 and c["status"] == "published"]
    for _ in range(500):
        c = rng.choice(big_published)
        uid = rng.randint(1, N_SESSIONS)
        if uid == c["author"] or (c["id"], uid) in reported:
            continue
        reported.add((c["id"], uid))
        reports.append((len(reports) + 1, c["id"], uid, "spam", "", "open", now))

    article_counts = [0] * (N_ARTICLES + 1)
    for c in comments:
        if c["status"] == "published":
            article_counts[c["article"]] += 1

    # Sessions: what django.contrib.auth.login() would store, for users 1..N_SESSIONS.
    store = SessionStore()
    session_rows, tokens = [], []
    backend = "django.contrib.auth.backends.ModelBackend"
    expire = now + dt.timedelta(days=14)
    auth_hash = get_user_model()(password="!").get_session_auth_hash()  # same for every "!"
    for uid in range(1, N_SESSIONS + 1):
        data = store.encode(
            {SESSION_KEY: str(uid), BACKEND_SESSION_KEY: backend, HASH_SESSION_KEY: auth_hash}
        )
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        session_rows.append((key, data, expire))
        tokens.append(key)

    log(f"generated data in {time.monotonic() - t0:.1f}s; writing with COPY")
    t1 = time.monotonic()
    with connection.cursor() as cur:
        pg = cur.connection
        with pg.cursor() as c2:
            with c2.copy(
                "COPY accounts_user (id, username, password, display_name, avatar_url, "
                "first_name, last_name, email, is_superuser, is_staff, is_active, date_joined, "
                "display_name_chosen) "
                "FROM STDIN"
            ) as copy:
                for uid, username, password, display, avatar in users:
                    copy.write_row(
                        (
                            uid,
                            username,
                            password,
                            display,
                            avatar,
                            "",
                            "",
                            "",
                            False,
                            False,
                            True,
                            now,
                            bool(display),
                        )
                    )
            with c2.copy(
                "COPY comments_article (id, key, url, title, comments_open, moderation_mode, "
                "published_at, updated_at, comment_count) FROM STDIN"
            ) as copy:
                for aid, key, title in articles:
                    copy.write_row(
                        (
                            aid,
                            key,
                            f"https://news.example.org/{key}",
                            title,
                            True,
                            "",
                            now,
                            now,
                            article_counts[aid],
                        )
                    )
            with c2.copy(
                "COPY comments_comment (id, article_id, parent_id, author_id, body, status, "
                "is_public, created_at, edited_at, deleted_at, status_changed_at, "
                "reaction_count, reply_count, revision, screened_revision) FROM STDIN"
            ) as copy:
                for c in comments:
                    deleted = c["status"] == "deleted"
                    copy.write_row(
                        (
                            c["id"],
                            c["article"],
                            c["parent"],
                            c["author"],
                            "" if deleted else make_body(rng),
                            c["status"],
                            Comment.compute_is_public(c["status"], c["reply_count"]),
                            c["created"],
                            None,
                            c["created"] if deleted else None,
                            c["created"],
                            c["reactions"],
                            c["reply_count"],
                            1,
                            1,
                        )
                    )
            with c2.copy(
                "COPY comments_reaction (id, comment_id, user_id, created_at) FROM STDIN"
            ) as copy:
                for row in reactions:
                    copy.write_row(row)
            with c2.copy(
                "COPY comments_report (id, comment_id, reporter_id, reason, note, status, "
                "created_at) FROM STDIN"
            ) as copy:
                for row in reports:
                    copy.write_row(row)
            with c2.copy(
                "COPY django_session (session_key, session_data, expire_date) FROM STDIN"
            ) as copy:
                for row in session_rows:
                    copy.write_row(row)
        for table in (
            "accounts_user",
            "comments_article",
            "comments_comment",
            "comments_reaction",
            "comments_report",
        ):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )
        mark_loaded_state(cur)
        cur.execute("VACUUM ANALYZE")
    log(f"COPY + ANALYZE in {time.monotonic() - t1:.1f}s")
    return {
        "tokens": tokens,
        "counts": {
            "users": len(users),
            "articles": len(articles),
            "comments": len(comments),
            "big_thread_comments": per_article[0],
            "replies": sum(1 for c in comments if c["parent"]),
            "reactions": len(reactions),
            "reports": len(reports),
            "sessions": len(session_rows),
        },
    }


def read_tokens() -> list[str]:
    from django.contrib.sessions.models import Session

    return list(
        Session.objects.order_by("session_key").values_list("session_key", flat=True)[:N_SESSIONS]
    )


# --- server -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn_config(threads: int) -> str:
    if threads > 1:
        return f"gunicorn 2 workers x {threads} threads (gthread, keep-alive {KEEPALIVE}s)"
    return "gunicorn 2 sync workers (no keep-alive)"


KEEPALIVE = 5


def start_gunicorn(port: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, **SERVER_ENV}
    OUT.mkdir(parents=True, exist_ok=True)
    errlog = open(OUT / "gunicorn.log", "a")  # noqa: SIM115 - lives as long as the server
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi",
        "--workers",
        "2",
        *(
            ["--worker-class", "gthread", "--threads", str(threads), "--keep-alive", str(KEEPALIVE)]
            if threads > 1
            else ["--worker-class", "sync"]
        ),
        "--bind",
        f"127.0.0.1:{port}",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
        "--chdir",
        str(ROOT),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=errlog, stderr=errlog)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"gunicorn exited ({proc.returncode}); see {OUT / 'gunicorn.log'}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/policy/", timeout=2)
            return proc
        except OSError:
            time.sleep(0.3)
    stop(proc)
    sys.exit("gunicorn did not answer within 30 s")


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def http(method: str, url: str, *, token: str | None = None, body: dict | None = None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-Session-Token"] = token
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def app_login(base: str) -> str:
    status, data = http(
        "POST",
        f"{base}/_allauth/app/v1/auth/login",
        body={"username": LOGIN_USER, "password": LOGIN_PASSWORD},
    )
    if status != 200:
        sys.exit(f"headless app login failed: {status} {data}")
    return data["meta"]["session_token"]


def smoke(base: str, urls: dict, tokens: list[str]) -> None:
    """Each endpoint answers as expected once, so wrk measures real work, not errors."""
    s, me = http("GET", f"{base}/api/v1/me/", token=tokens[0])
    assert s == 200 and me.get("id"), (s, me)
    for name in ("parley_page", "baseline_page"):
        s, page = http("GET", urls[name])
        assert s == 200 and len(page["results"]) == PAGE_SIZE, (name, s, page)
        s, page = http("GET", urls[name], token=tokens[1])
        assert s == 200 and len(page["results"]) == PAGE_SIZE, (name, s)
    s, page = http("GET", urls["parley_page"], token=tokens[1])
    assert s == 200 and "viewer" in page["results"][0], (s, page)
    for name in ("parley_post", "baseline_post"):
        s, out = http("POST", urls[name], token=tokens[2], body={"body": "smoke test 확인"})
        assert s == 201, (name, s, out)
        s, out = http("POST", urls[name], body={"body": "anonymous"})
        assert s in (401, 403), (name, s, out)


# --- CPU accounting ----------------------------------------------------------------------
#
# Throughput on a shared 2-core machine moves with the neighbours; the CPU each request
# costs the processes that serve it moves much less. Per round we read utime + stime of
# gunicorn (master and workers), every PostgreSQL process and redis-server from /proc.

_CLK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _proc_cpu(pid: int) -> tuple[str, float] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    comm = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return comm, (int(fields[11]) + int(fields[12])) / _CLK  # utime, stime


def _children(pid: int) -> list[int]:
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        kids: list[int] = []
        for t in tasks:
            kids += [int(x) for x in (t / "children").read_text().split()]
        return kids
    except OSError:
        return []


def cpu_snapshot(server_pid: int | None) -> dict[str, dict[int, float]]:
    """CPU seconds so far, by role ("app", "postgres", "redis") and pid."""
    snap: dict[str, dict[int, float]] = {"app": {}, "postgres": {}, "redis": {}}
    if server_pid is not None:
        for pid in [server_pid, *_children(server_pid)]:
            got = _proc_cpu(pid)
            if got:
                snap["app"][pid] = got[1]
    if not Path("/proc").is_dir():
        return snap
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        got = _proc_cpu(int(entry.name))
        if got is None:
            continue
        comm, secs = got
        if comm.startswith("postgres"):
            snap["postgres"][int(entry.name)] = secs
        elif comm.startswith("redis-server"):
            snap["redis"][int(entry.name)] = secs
    return snap


def cpu_delta(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds spent between two snapshots, by role (processes gone by then are missed)."""
    return {
        role: sum(s - before[role].get(pid, 0.0) for pid, s in after[role].items())
        for role in after
    }


# --- load generation ------------------------------------------------------------------


def run_wrk(
    wrk: str,
    url: str,
    script: str,
    tokens_file: str,
    *,
    seconds: int,
    connections: int,
    threads: int,
) -> dict:
    cmd = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        script,
        url,
        "--",
        tokens_file,
    ]
    proc = subprocess.run(cmd, cwd=WRK_DIR, capture_output=True, text=True, timeout=seconds + 60)
    if proc.returncode != 0:
        raise RuntimeError(f"wrk failed: {proc.stderr}\n{proc.stdout}")
    for line in proc.stdout.splitlines():
        if line.startswith("WRKJSON "):
            result = json.loads(line[len("WRKJSON ") :])
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
            result["raw"] = proc.stdout
            return result
    raise RuntimeError(f"no WRKJSON line in wrk output:\n{proc.stdout}\n{proc.stderr}")


CPU_ROLES = ("app", "postgres", "redis")


def combine(rounds: list[dict]) -> dict:
    """One figure from several rounds of the same endpoint.

    req/s is all requests over all measured time; p50 is the median of the
    rounds' medians and p99 the worst round's p99 (wrk reports percentiles, not
    the histogram, so they cannot be merged exactly; this errs on the slow side).
    """
    requests = sum(r["requests"] for r in rounds)
    duration = sum(r["duration_us"] for r in rounds)
    p50s = sorted(r["latency_us"]["p50"] for r in rounds)
    errors = {k: sum(r["errors"][k] for r in rounds) for k in rounds[0]["errors"]}
    for r in rounds:
        r.pop("raw", None)
    cpu = {role: sum(r.get("cpu_s", {}).get(role, 0.0) for r in rounds) for role in CPU_ROLES}
    return {
        "cpu_ms_per_request": {role: 1000 * cpu[role] / max(requests, 1) for role in CPU_ROLES},
        "requests": requests,
        "duration_us": duration,
        "rps": requests / (duration / 1e6),
        "errors": errors,
        "latency_us": {
            "p50": p50s[len(p50s) // 2],
            "p99": max(r["latency_us"]["p99"] for r in rounds),
        },
        "rounds": rounds,
    }


def queued_tasks() -> tuple[int, int]:
    """(Celery messages queued, comment revisions waiting in the screening hand-off list)."""
    import redis

    r = redis.Redis.from_url(REDIS_URL)
    handoff = sum(int(r.llen(k)) for k in r.scan_iter(match="*screening:handoff"))
    return int(r.llen("celery")), handoff


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


# --- report ------------------------------------------------------------------------


def machine_notes() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg": os.getloadavg(),
    }


def fmt_ms(us: float) -> str:
    return f"{us / 1000:.1f} ms"


TARGETS = {  # pair name -> (ratio target, p99 limit in ms)
    "anonymous first page": 5.0,
    "signed-in first page": 2.0,
    "post a comment": 1.0,
}


def table(results: dict, connections: int) -> str:
    rows = []
    head = (
        f"{'endpoint':<22} {'server':<9} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>7}"
        "  ratio  target"
    )
    rows.append(head)
    rows.append("-" * len(head))
    for pair, target in TARGETS.items():
        p, b = results[pair]["parley"], results[pair]["baseline"]
        ratio = p["rps"] / b["rps"] if b["rps"] else float("inf")
        ok_ratio = ratio >= target
        ok_p99 = p["latency_us"]["p99"] < 100_000
        verdict = (
            f">={target:g}x {'met' if ok_ratio else 'MISSED'}, "
            f"p99<100ms {'met' if ok_p99 else 'MISSED'}"
        )
        for label, r in (("parley", p), ("baseline", b)):
            errs = sum(r["errors"].values())
            ratio_s = f"{ratio:5.2f}x" if label == "parley" else "      "
            rows.append(
                f"{pair:<22} {label:<9} {r['rps']:8.1f} {fmt_ms(r['latency_us']['p50']):>9} "
                f"{fmt_ms(r['latency_us']['p99']):>9} {errs:7d}  {ratio_s}"
                + (f"  {verdict}" if label == "parley" else "")
            )
            pair = ""
    rows.append(f"({connections} connections each; ratio = Parley req/s / baseline req/s)")
    return "\n".join(rows)


def cpu_table(results: dict) -> str:
    """CPU milliseconds each request cost the servers, and the baseline/Parley ratio of totals.

    A ratio above 1 means a Parley request costs the machine less CPU than a
    baseline one; unlike req/s it barely moves with the neighbours' load.
    """
    head = (
        f"{'endpoint':<22} {'server':<9} {'app':>7} {'postgres':>9} {'redis':>7} {'total':>7}"
        "  ratio"
    )
    rows = ["CPU ms per request (gunicorn / PostgreSQL / Redis, from /proc)", head, "-" * len(head)]
    for pair, r in results.items():
        totals = {}
        for label in ("parley", "baseline"):
            cpu = r[label].get("cpu_ms_per_request")
            if cpu is None:
                continue
            totals[label] = sum(cpu.values())
        for label in ("parley", "baseline"):
            cpu = r[label].get("cpu_ms_per_request")
            if cpu is None:
                continue
            ratio = ""
            if label == "parley" and totals.get("parley") and "baseline" in totals:
                ratio = f"{totals['baseline'] / totals['parley']:5.2f}x"
            rows.append(
                f"{pair:<22} {label:<9} {cpu['app']:7.2f} {cpu['postgres']:9.2f} "
                f"{cpu['redis']:7.2f} {totals[label]:7.2f}  {ratio}"
            )
            pair = ""
    rows.append("(ratio = baseline CPU / Parley CPU per request; above 1: Parley costs less)")
    return "\n".join(rows)


# --- main -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=16, help="measured seconds per endpoint")
    parser.add_argument(
        "--rounds", type=int, default=4, help="alternating Parley/baseline rounds per endpoint"
    )
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds per endpoint")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--gunicorn-threads",
        type=int,
        default=1,
        help="threads per gunicorn worker (2 workers); above 1 uses the gthread worker",
    )
    parser.add_argument("--reuse-data", action="store_true", help="skip the reset and load")
    parser.add_argument("--only", default="", help="comma-separated pairs: anon,signed,post")
    args = parser.parse_args()

    started = time.monotonic()
    wrk = ensure_wrk()
    load_before = os.getloadavg()
    flush_redis()
    counts = None
    if not args.reuse_data:
        log(f"recreating database {DB_NAME}")
        reset_database()
        setup_django()
        from django.core.management import call_command

        t = time.monotonic()
        call_command("migrate", verbosity=0)
        log(f"migrated in {time.monotonic() - t:.1f}s")
        loaded = load_data()
        tokens, counts = loaded["tokens"], loaded["counts"]
        log(f"loaded {counts}")
    else:
        deleted = restore_loaded_state()
        log(f"reusing the loaded data ({deleted} comments from earlier runs deleted)")
        setup_django()
        tokens = read_tokens()
    from django.db import connections

    connections.close_all()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    urls = {
        "parley_page": f"{base}/api/v1/articles/{BIG_KEY}/comments/?page_size={PAGE_SIZE}",
        "baseline_page": f"{base}/bench/baseline/articles/{BIG_KEY}/comments/",
        "parley_post": f"{base}/api/v1/articles/{BIG_KEY}/comments/",
        "baseline_post": f"{base}/bench/baseline/articles/{BIG_KEY}/comments/new/",
    }
    server = None
    results: dict = {}

    def wrk_run(url: str, script: str, tok: str, seconds: float) -> dict:
        return run_wrk(
            wrk,
            url,
            script,
            tok,
            seconds=max(1, round(seconds)),
            connections=args.connections,
            threads=args.threads,
        )

    try:
        log(f"starting {gunicorn_config(args.gunicorn_threads)} on {base}")
        server = start_gunicorn(port, args.gunicorn_threads)
        tokens = [app_login(base), *tokens]
        smoke(base, urls, tokens)
        OUT.mkdir(parents=True, exist_ok=True)
        tokens_file = OUT / "tokens.txt"
        tokens_file.write_text("\n".join(tokens) + "\n")
        plan = [
            ("anon", "anonymous first page", "get.lua", "parley_page", "baseline_page", "-"),
            (
                "signed",
                "signed-in first page",
                "get.lua",
                "parley_page",
                "baseline_page",
                str(tokens_file),
            ),
            (
                "post",
                "post a comment",
                "post.lua",
                "parley_post",
                "baseline_post",
                str(tokens_file),
            ),
        ]
        only = {x for x in args.only.split(",") if x}
        for short, pair, script, p_url, b_url, tok in plan:
            if only and short not in only:
                continue
            results[pair] = {}
            rounds: dict[str, list[dict]] = {"parley": [], "baseline": []}
            targets = {"parley": urls[p_url], "baseline": urls[b_url]}
            if args.warmup:
                for label in ("parley", "baseline"):
                    wrk_run(targets[label], script, tok, args.warmup)
            # Alternate Parley and baseline in rounds (P B, then B P, ...) so that a
            # neighbour's load on this shared machine falls on both about equally.
            for i in range(args.rounds):
                order = ("parley", "baseline") if i % 2 == 0 else ("baseline", "parley")
                for label in order:
                    before = cpu_snapshot(server.pid)
                    r = wrk_run(targets[label], script, tok, args.duration / args.rounds)
                    r["cpu_s"] = cpu_delta(before, cpu_snapshot(server.pid))
                    rounds[label].append(r)
            for label in ("parley", "baseline"):
                r = combine(rounds[label])
                log(
                    f"{pair} / {label}: {r['rps']:.1f} req/s, "
                    f"p50 {fmt_ms(r['latency_us']['p50'])}, "
                    f"p99 {fmt_ms(r['latency_us']['p99'])}, errors {r['errors']}"
                )
                results[pair][label] = r
    finally:
        stop(server)
        deleted = restore_loaded_state()
        log(f"deleted the {deleted} comments this run posted")
        try:
            queued, handed_off = queued_tasks()
        except Exception:  # noqa: BLE001 - report, never fail the run on this
            queued, handed_off = -1, -1
        flush_redis()

    notes = machine_notes()
    notes["loadavg_before"] = load_before
    if queued >= 0:
        log(
            f"{queued} Celery tasks queued and {handed_off} comment revisions waiting in the"
            " screening hand-off list in Redis (no worker); flushed"
        )
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print()
    print(
        f"Parley thread benchmark {dt.datetime.now().isoformat(timespec='seconds')} commit {commit}"
    )
    print(
        f"machine: {notes['cores']} cores ({notes['cpu']}), load average before "
        f"{' '.join(f'{x:.2f}' for x in load_before)}, after "
        f"{' '.join(f'{x:.2f}' for x in notes['loadavg'])}"
    )
    print(
        f"{gunicorn_config(args.gunicorn_threads)}, PostgreSQL {DB_NAME}, "
        "Redis db 14 (cache + sessions + Celery broker), "
        f"wrk -t{args.threads} -c{args.connections}, {args.duration}s per endpoint in "
        f"{args.rounds} alternating rounds (+{args.warmup}s warm-up)"
    )
    print()
    if len(results) == len(TARGETS):
        print(table(results, args.connections))
    else:
        for pair, r in results.items():
            for label, x in r.items():
                print(
                    f"{pair:<22} {label:<9} {x['rps']:8.1f} req/s p50 "
                    f"{fmt_ms(x['latency_us']['p50'])} p99 {fmt_ms(x['latency_us']['p99'])}"
                )
    print()
    print(cpu_table(results))
    out = OUT / f"{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "date": stamp,
                "commit": commit,
                "args": vars(args),
                "machine": notes,
                "counts": counts,
                "queued_tasks": queued,
                "handed_off": handed_off,
                "results": results,
            },
            indent=2,
            default=str,
        )
    )
    print(f"\nraw results: {out.relative_to(ROOT)}; total {time.monotonic() - started:.0f}s")


if __name__ == "__main__":
    main()
