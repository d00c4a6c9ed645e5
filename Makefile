# gkreport — `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Serving needs the fonts and HarfBuzz subsetting (fast PDF); the tests also need poppler's
# pdftotext/pdftoppm and Debian's chromium, which Playwright drives (never downloaded).
SYSTEM_PACKAGES := fonts-noto-cjk libharfbuzz-subset0
TEST_PACKAGES := $(SYSTEM_PACKAGES) poppler-utils chromium
# The load benchmark drives gunicorn with wrk (a C load generator).
BENCH_PACKAGES := $(TEST_PACKAGES) wrk
BENCH ?= all

.PHONY: run test bench lint format system-packages test-packages ensure-packages venv demo fonts

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

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
	@$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: venv test-packages fonts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

bench: venv fonts
	@$(MAKE) --no-print-directory ensure-packages PACKAGES="$(BENCH_PACKAGES)"
	$(BIN)/python bench/run.py $(BENCH)

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
