#!/usr/bin/env bash
# The whole test suite, as `make test` runs it.
#
# 1. Unit and API tests on SQLite (the embedded default).
# 2. The same tests again on PostgreSQL, plus the integration layer that needs
#    real PostgreSQL, Redis and a Celery worker process.
#
# Where PostgreSQL or Redis cannot be reached, step 2 is skipped with a clear
# message on a laptop, and fails under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PARLEY_VAR_DIR="${PARLEY_VAR_DIR:-$PWD/var}"
mkdir -p "$PARLEY_VAR_DIR"

PG_URL="${PARLEY_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/parley}"
REDIS="${PARLEY_TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"

status=0

echo "== Parley tests on SQLite"
env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL \
  $PY -m pytest -q -p no:cacheprovider "$@" || status=$?

reachable() {
  $PY - "$PG_URL" "$REDIS" <<'PYEOF'
import sys
import psycopg, redis
from urllib.parse import urlsplit, urlunsplit
try:
    url = urlunsplit(urlsplit(sys.argv[1])._replace(path="/postgres"))
    psycopg.connect(url, connect_timeout=3).close()
    redis.Redis.from_url(sys.argv[2], socket_connect_timeout=3).ping()
except Exception as exc:
    print(f"unreachable: {exc}")
    sys.exit(1)
PYEOF
}

if reachable; then
  echo "== Parley tests on PostgreSQL + Redis + Celery worker"
  DATABASE_URL="$PG_URL" REDIS_URL="$REDIS" PARLEY_TEST_BROKER_URL="$REDIS" \
  PARLEY_INTEGRATION=1 \
    $PY -m pytest -q -p no:cacheprovider "$@" || status=$?
else
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: CI=true but PostgreSQL ($PG_URL) or Redis ($REDIS) is unreachable." >&2
    exit 1
  fi
  echo "SKIPPED: PostgreSQL/Redis integration suite (services unreachable at $PG_URL / $REDIS)."
fi
exit $status
