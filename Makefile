# Parley: the two commands are `make run` and `make test` (see README).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export PARLEY_VAR_DIR ?= $(CURDIR)/var

.PHONY: run test test-sqlite test-postgres test-integration lint format eval bench bench-screening clean venv

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

## Parley with demo data on the embedded defaults (SQLite, in-process tasks).
run: venv
	mkdir -p $(PARLEY_VAR_DIR)
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py collectstatic --no-input -v0
	DEBUG=1 $(PY) manage.py seed_demo
	@echo "Parley: http://$(HOST):$(PORT)/api/v1/  docs: http://$(HOST):$(PORT)/api/docs/"
	DEBUG=1 PARLEY_RATE_LIMITS=$${PARLEY_RATE_LIMITS:-on} $(PY) manage.py runserver $(HOST):$(PORT)

## The whole test suite: SQLite, then PostgreSQL + Redis + real Celery workers.
test: venv
	bash scripts/test.sh

## One pass of it; test-integration: only tests/integration (PostgreSQL, Redis, workers).
test-sqlite: venv
	PARLEY_TEST_PASSES=sqlite bash scripts/test.sh

test-postgres: venv
	PARLEY_TEST_PASSES=postgres bash scripts/test.sh

test-integration: venv
	PARLEY_TEST_PASSES=postgres bash scripts/test.sh tests/integration

## Screening quality on a labelled corpus with this release's default policy: the dry-run
## command (in a throwaway database, so a local demo's older policy version doesn't count),
## then recall / false positives / confusion matrix.
CORPUS ?= ../shared/corpus/dev.jsonl
EVAL_DIR := $(PARLEY_VAR_DIR)/eval
eval: venv
	rm -rf $(EVAL_DIR) && mkdir -p $(EVAL_DIR)
	DEBUG=1 PARLEY_VAR_DIR=$(EVAL_DIR) $(PY) manage.py migrate --no-input -v0
	DEBUG=1 PARLEY_VAR_DIR=$(EVAL_DIR) $(PY) manage.py moderation_dry_run --input $(CORPUS) --output $(EVAL_DIR)/dryrun.jsonl
	$(PY) -m moderation.engine.evaluate --corpus $(CORPUS) --results $(EVAL_DIR)/dryrun.jsonl

## Benchmarks (figures, not tests): screening rules, then threads over gunicorn + PostgreSQL.
bench-screening: venv
	$(PY) -m bench.screening

bench: venv bench-screening
	$(PY) bench/run.py

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache
