# Set-up and everyday commands. Everything runs from a virtual environment in .venv
# built from requirements.txt (every package pinned, with hashes); `make test` also installs
# Debian's chromium. To add or update a package, edit requirements.in and run `make lock`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test lint validate offline bench browser clean lock

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

# requirements.txt is generated: the pins of requirements.in, each with the hashes of its files
# on PyPI, so that pip refuses a file that differs from the one that was reviewed.
lock: $(BIN)/.installed
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

validate: $(BIN)/.installed
	$(BIN)/python scripts/validate.py

lint: $(BIN)/.installed
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

test: $(BIN)/.installed browser
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

# BUILD_DATE=ÅÅÅÅ-MM-DD fixes the build date (same commit + same date = same zip, byte for byte);
# FORRIGE_MANIFEST=fil is the previous version's manifest.json, for the change list.
offline: $(BIN)/.installed
	$(BIN)/python scripts/build_offline.py $(if $(BUILD_DATE),--date $(BUILD_DATE)) \
	  $(if $(FORRIGE_MANIFEST),--forrige-manifest "$(FORRIGE_MANIFEST)")

bench: $(BIN)/.installed
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site dist .pytest_cache
