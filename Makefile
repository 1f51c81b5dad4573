# Sokra site. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
TEST_ENV := DJANGO_SETTINGS_MODULE=cms.settings.test

.DEFAULT_GOAL := help

.PHONY: help install lock run test lint format bench messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

LOCKS := requirements.lock requirements-dev.lock
UV_VERSION := 0.13.9
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock"

$(STAMP): pyproject.toml $(LOCKS)
	@$(PYTHON) deploy/lockfile.py check $(LOCKS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the site and its test tools from requirements-dev.lock

lock: ## Compile requirements.lock (site) and requirements-dev.lock (site + tests) from pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@# A lock with merge-conflict markers cannot seed the pins: start that one afresh.
	@for lock in $(LOCKS); do if grep -qs '^<<<<<<< ' $$lock; then rm $$lock; fi; done
	$(UV_COMPILE) --extra s3 -o requirements.lock
	$(UV_COMPILE) --extra s3 --extra dev --constraint requirements.lock -o requirements-dev.lock
	$(PYTHON) deploy/lockfile.py stamp $(LOCKS)

# `make run` serves the site where BASE_URL points (host:port), so every printed and
# e-mailed link works. BASE_URL is read as every process reads it (the environment, else
# .env, else http://127.0.0.1:8000: cms/settings/environment.py), so put it in .env once
# and management commands run by hand use it too: echo BASE_URL=http://127.0.0.1:8105 >> .env
RUN_ADDRESS = $(shell $(BIN)/python -c "from cms.settings.environment import run_address; print(run_address())")
# Beside the worker, the scheduled jobs (reminders, surveys, retention, the outbox's sweep)
# run every minute as in production's Procfile; each job is claimed in the database.
SCHEDULER = $(MANAGE) run_scheduled_jobs --every 60

run: $(STAMP) ## Migrate, load the demo content and serve the site with a task worker and the scheduled jobs at BASE_URL
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	@echo ""
	@$(MANAGE) ensure_admin
	@echo "(Ctrl-C stops the site, the worker and the scheduled jobs)"
	@$(MANAGE) db_worker & worker=$$!; \
		$(SCHEDULER) & scheduler=$$!; \
		trap 'kill $$worker $$scheduler 2>/dev/null; wait $$worker $$scheduler' EXIT; \
		$(MANAGE) runserver $(RUN_ADDRESS)

# pytest runs the tests in a random order (pytest-randomly; the seed is printed, and
# PYTEST_ARGS=--randomly-seed=N repeats an order, -p no:randomly keeps the file order) on
# PYTEST_WORKERS processes (pytest-xdist; a test file stays on one worker, so a browser
# module's shared site is built once). The suite includes the open-data API's contract:
# tests/test_api_contract.py sends schemathesis's few hundred cases through the WSGI app.
PYTEST_WORKERS ?= auto
PYTEST_ARGS ?=

test: $(STAMP) ## Lint, check migrations and run the whole test suite (random order, in parallel)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(MANAGE) check
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: $(STAMP) ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

BENCH_ARGS ?=

bench: $(STAMP) ## Print the benchmark table (pages under wrk, feed, registrations, newsletters); PostgreSQL when DATABASE_URL is set
	$(BIN)/python bench/run.py $(BENCH_ARGS)

messages: $(STAMP) ## Update the Finnish and Swedish .po files and compile them (needs gettext)
	for app in cms events network newsletters; do \
		mkdir -p $$app/locale; \
		(cd $$app && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages -l fi -l sv --no-obsolete -v0 \
			&& $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py compilemessages -v0); \
	done


clean: ## Remove the virtualenv and local data (database, outbox, media)
	rm -rf $(VENV) var
