#!/usr/bin/env bash
# The whole test suite, as `make test` runs it.
#
# 1. Unit and API tests on SQLite (the embedded default; tasks run in-process).
# 2. The same tests again on PostgreSQL with the Redis cache, plus the
#    integration layer (tests/integration): real Celery worker processes on a
#    real Redis broker (and RabbitMQ), against the same PostgreSQL test database.
#
# Where PostgreSQL or Redis cannot be reached, step 2 is skipped with a clear
# message on a laptop, and fails under CI=true. Under CI=true step 2 must also
# report integration tests passed and none skipped.
#
#   PARLEY_TEST_DATABASE_URL  postgres://postgres@127.0.0.1:5432/parley (test db: test_parley)
#   PARLEY_TEST_REDIS_URL     redis://127.0.0.1:6379/15 (cache)
#   PARLEY_TEST_BROKER_URL    the Redis broker; default: PARLEY_TEST_REDIS_URL
#   PARLEY_TEST_AMQP_URL      amqp://guest:guest@127.0.0.1:5672// (RabbitMQ smoke test)
#   PARLEY_TEST_PASSES        "sqlite postgres" (default), or one of them
#
# Arguments go to pytest (e.g. `bash scripts/test.sh tests/integration -x`).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PARLEY_VAR_DIR="${PARLEY_VAR_DIR:-$PWD/var}"
mkdir -p "$PARLEY_VAR_DIR"
CI_MODE=false
[ "${CI:-}" = "true" ] && CI_MODE=true

PG_URL="${PARLEY_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/parley}"
REDIS="${PARLEY_TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
BROKER="${PARLEY_TEST_BROKER_URL:-$REDIS}"
JUNIT="$PARLEY_VAR_DIR/test-postgres.xml"
PASSES=" ${PARLEY_TEST_PASSES:-sqlite postgres} "

status=0

# pytest's exit code 5 means "no tests ran": a broken selection, never a pass.
run_pytest() {
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -eq 5 ]; then
    echo "FAIL: pytest collected no tests." >&2
  fi
  return "$rc"
}

if [[ "$PASSES" == *" sqlite "* ]]; then
  echo "== Parley tests on SQLite"
  (
    unset DATABASE_URL REDIS_URL CELERY_BROKER_URL PARLEY_INTEGRATION
    run_pytest $PY -m pytest -q -p no:cacheprovider -m "not integration" "$@"
  ) || status=$?
fi
[[ "$PASSES" == *" postgres "* ]] || exit $status

reachable() {
  $PY - "$PG_URL" "$REDIS" "$BROKER" <<'PY'
import sys
import psycopg, redis
from urllib.parse import urlsplit, urlunsplit
try:
    url = urlunsplit(urlsplit(sys.argv[1])._replace(path="/postgres"))
    psycopg.connect(url, connect_timeout=3).close()
    for url in sys.argv[2:]:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
except Exception as exc:
    print(f"unreachable: {exc}")
    sys.exit(1)
PY
}

# How many tests of tests/integration passed, skipped, failed in a JUnit report.
integration_counts() {
  $PY - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
passed = skipped = failed = 0
for case in ET.parse(sys.argv[1]).iter("testcase"):
    if not case.get("classname", "").startswith("tests.integration."):
        continue
    outcomes = {child.tag for child in case}
    if outcomes & {"failure", "error"}:
        failed += 1
    elif "skipped" in outcomes:
        skipped += 1
    else:
        passed += 1
print(passed, skipped, failed)
PY
}

if reachable; then
  echo "== Parley tests on PostgreSQL + Redis + Celery workers"
  rm -f "$JUNIT"
  (
    unset CELERY_BROKER_URL  # this process' tasks stay in-process; the integration layer says otherwise
    export DATABASE_URL="$PG_URL" REDIS_URL="$REDIS" PARLEY_TEST_BROKER_URL="$BROKER"
    export PARLEY_INTEGRATION=1
    run_pytest $PY -m pytest -q -p no:cacheprovider --junitxml="$JUNIT" "$@"
  ) || status=$?
  if [ -f "$JUNIT" ]; then
    read -r i_passed i_skipped i_failed < <(integration_counts "$JUNIT")
  else
    i_passed=0 i_skipped=0 i_failed=0
  fi
  echo "== integration layer: $i_passed passed, $i_skipped skipped, $i_failed failed"
  if [ "$CI_MODE" = true ] && { [ "$i_passed" -eq 0 ] || [ "$i_skipped" -gt 0 ]; }; then
    echo "FAIL: CI=true needs the integration layer to run: none may skip, some must pass." >&2
    [ "$status" -ne 0 ] || status=1
  fi
else
  if [ "$CI_MODE" = true ]; then
    echo "FAIL: CI=true but PostgreSQL ($PG_URL) or Redis ($REDIS, $BROKER) is unreachable." >&2
    exit 1
  fi
  echo "SKIPPED: PostgreSQL/Redis pass and integration layer (unreachable: $PG_URL / $REDIS / $BROKER)."
fi
exit $status
