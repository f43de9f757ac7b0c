# Set-up and everyday commands. Everything runs from a virtual environment in .venv
# built from the pinned requirements.txt; `make test` also installs Debian's chromium.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test lint validate ny skemaer hooks offline bench browser clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

# make validate, or only some files: make validate STI="docs/om.md docs/nyheder/"
validate: $(BIN)/.installed
	$(BIN)/python scripts/validate.py $(STI)

# A new page from its type's template: make ny TYPE=praksiseksempel TITEL="Titel på eksemplet".
# TYPE and TITEL reach the script as environment variables, so quotes in a title stay text.
ny: $(BIN)/.installed
	@if [ -z "$$TYPE" ] || [ -z "$$TITEL" ]; then \
	  echo 'Brug: make ny TYPE=praksiseksempel TITEL="Titel på eksemplet"'; \
	  echo 'Sidetyper: anbefaling, praksiseksempel, nyhed, medlem, side.'; exit 2; fi
	@$(BIN)/python scripts/new.py "$$TYPE" "$$TITEL"

# Rewrite schemas/ and the generated tables in CONTRIBUTING.md from the content model.
skemaer: $(BIN)/.installed
	$(BIN)/python scripts/export_schemas.py

# Install the git hook once: pre-commit then runs the checks in .pre-commit-config.yaml on every
# commit, with the tools in .venv (no activated environment needed).
hooks: $(BIN)/.installed
	$(BIN)/pre-commit install

lint: $(BIN)/.installed
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

test: $(BIN)/.installed browser
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/python -m pytest

offline: $(BIN)/.installed
	$(BIN)/python scripts/build_offline.py

bench: $(BIN)/.installed
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site dist .pytest_cache
