# gkreport — `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SYSTEM_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 poppler-utils
BENCH ?= all

.PHONY: run test bench lint format system-packages venv demo

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

# Installs the Debian packages the PDF and its tests need when they are missing and we are
# root; otherwise prints the exact command to run.
system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
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

demo: venv
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py gk_demo

run: venv system-packages demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: venv system-packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

bench: venv
	$(BIN)/python bench/run.py $(BENCH)

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
