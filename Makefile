# Dockyard's entry points. `make up` runs the platform on loopback (data in .dockyard/),
# `make test` runs the suite against a separate test stack (.dockyard-test/), so both
# can run at once. See scripts/stack.py for what each stack holds.
SHELL := /bin/bash
# stack.py is stdlib-only, so the system Python runs it before any venv exists.
PYTHON ?= /usr/bin/python3
STACK := $(PYTHON) scripts/stack.py
TEST_HOME ?= .dockyard-test
# Simulated Docker hosts for `make up`, each with an agent (scripts/hosts adds more later).
HOSTS ?=

.PHONY: bootstrap up down restart status test openapi lint clean base-images dashboard

bootstrap:
	@scripts/bootstrap

# The dashboard is built when missing or older than its sources (scripts/dashboard).
up: bootstrap
	scripts/dashboard
	$(STACK) up --profile dev --with-app $(if $(HOSTS),--hosts $(HOSTS))

down:
	$(STACK) down --profile dev

# After pulling new code: restart the API, the worker and the agents (the services
# keep their data), then bring everything up as `make up` does.
restart: bootstrap
	scripts/dashboard --force
	$(STACK) down --profile dev --services agents,builder,worker,api
	$(STACK) up --profile dev --with-app $(if $(HOSTS),--hosts $(HOSTS))

dashboard: bootstrap
	scripts/dashboard

# The larger platform base images (Debian bookworm, Python 3) into the dev stack's
# registry; `make up` builds only busybox. A few minutes the first time, then skipped.
base-images: bootstrap
	@set -a; . .dockyard/env; set +a; scripts/base_images.sh all

status:
	@$(STACK) status --profile dev

# In CI the test stack is stopped at the end, pass or fail; a developer keeps it up
# for quick reruns (`make down`-like: scripts/stack.py down --profile test).
test: bootstrap
	@set -euo pipefail; \
	if [[ "$${CI:-}" == true ]]; then \
		trap '$(STACK) down --profile test --home $(TEST_HOME)' EXIT; \
	fi; \
	$(STACK) up --profile test --home $(TEST_HOME); \
	set -a; . $(TEST_HOME)/env; set +a; \
	scripts/test

openapi: bootstrap
	scripts/openapi.sh

lint: bootstrap
	.venv/bin/ruff check .
	.venv/bin/mypy

clean:
	$(STACK) clean --profile dev
	$(STACK) clean --profile test --home $(TEST_HOME)
