# gkreport — `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Serving needs the fonts and HarfBuzz subsetting (fast PDF); the tests also need poppler's
# pdftotext/pdftoppm, Debian's chromium, which Playwright drives (never downloaded), and
# Debian's PostgreSQL server, on which the suite runs a second time, and redis-server for
# the shared cache.
SYSTEM_PACKAGES := fonts-noto-cjk libharfbuzz-subset0
TEST_PACKAGES := $(SYSTEM_PACKAGES) poppler-utils chromium postgresql redis-server
# The load benchmark drives gunicorn with wrk (a C load generator).
BENCH_PACKAGES := $(TEST_PACKAGES) wrk
BENCH ?= all

.PHONY: run serve test bench lint format lock system-packages test-packages ensure-packages venv demo fonts

# Dependencies come from requirements.lock (exact versions with hashes); the project itself
# is installed on top without resolving anything again.
$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

venv: $(BIN)/.installed

# Re-pin after changing pyproject.toml (add UPGRADE=1 to move every pin to its newest release).
lock: venv
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes \
	  $(if $(UPGRADE),--upgrade,) --quiet -o requirements.lock

# Installs the Debian packages the PDF and its tests need when they are missing and we are
# root; otherwise prints the exact command to run.
system-packages:
	@$(MAKE) --no-print-directory ensure-packages PACKAGES="$(SYSTEM_PACKAGES)"

test-packages:
	@$(MAKE) --no-print-directory ensure-packages PACKAGES="$(TEST_PACKAGES)"

ensure-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "Missing system packages:$$missing"; \
	    echo "Run: sudo apt-get install -y$$missing"; \
	  fi; \
	fi

fonts: venv
	$(BIN)/python manage.py gk_fonts

demo: venv
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py gk_demo

# One background worker (the office's batch check) beside the server; it stops with it.
run: venv system-packages fonts demo
	@$(BIN)/python manage.py gk_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Production serving (scripts/serve): gunicorn, WhiteNoise's hashed static files, one
# gk_worker beside it. Configure by environment (docs/deploy.md); run `manage.py migrate` first.
serve: venv system-packages fonts
	PYTHON=$(BIN)/python scripts/serve

test: venv test-packages fonts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest
	@# Again on PostgreSQL: a throwaway cluster on a Unix socket (scripts/with-postgres).
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  scripts/with-postgres $(BIN)/pytest; \
	else \
	  echo "PostgreSQL is not installed: the suite ran on SQLite only (apt-get install postgresql)"; \
	fi

bench: venv fonts
	@$(MAKE) --no-print-directory ensure-packages PACKAGES="$(BENCH_PACKAGES)"
	$(BIN)/python bench/run.py $(BENCH)

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
