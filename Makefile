# Set-up and everyday commands. Everything runs from a virtual environment in .venv
# built from requirements.txt (every package pinned, with hashes); `make test` also installs
# Debian's chromium. To add or update a package, edit requirements.in and run `make lock`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROPERDOCS_VENV := .venv-properdocs
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test lint lint-js test-js node validate normaliser ny skemaer hooks pr-resume properdocs offline bench browser clean lock

$(BIN)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "Fejl: projektet kræver Python 3.11 eller nyere ($(PYTHON) er for gammel eller findes ikke)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Fejl: Python kunne ikke oprette .venv/. På Debian og Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@# The project's own library, editable: built with the pinned setuptools above, nothing downloaded.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
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

# make validate, or only some files: make validate STI="docs/om.md docs/nyheder/"
validate: $(BIN)/.installed
	$(BIN)/python scripts/validate.py $(STI)

# Pages in canonical form (front matter in the schema's order, as after the browser editor): rewrites
# the pages that were not and exits 1. Only some: make normaliser STI="docs/nyheder/"
normaliser: $(BIN)/.installed
	$(BIN)/python scripts/normalise.py $(STI)

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

# Debian's Node.js and npm for the browser code's linter and unit tests.
node:
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }

# The npm packages exactly as package-lock.json pins them, without running their install scripts: ESLint for
# the browser code, and the browser editor served at /admin/ (decap-cms) with its local test backend.
node_modules/.installed: package.json package-lock.json | node
	npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --silent
	touch $@

# ESLint over the browser code (the site's and the browser editor's) and its tests.
lint-js: node_modules/.installed
	npx --no-install eslint docs/assets/javascripts scripts/lib/boerneinddragelse/admin tests/js

# node --test over tests/js/: the analyser gets the shared fixture as JSON, exported by Python.
JS_CASES := .js-test/analyser_cases.json
test-js: $(BIN)/.installed node_modules/.installed
	$(BIN)/python tests/js/export_cases.py $(JS_CASES)
	$(BIN)/python tests/js/export_canonical.py $(JS_CASES:.json=-kanonisk.json)
	ANALYSER_CASES=$(JS_CASES) CANONICAL_CASES=$(JS_CASES:.json=-kanonisk.json) node --test tests/js/

# Ruff over the Python code; zizmor (offline: no GitHub API) over the workflows and Dependabot's settings.
lint: $(BIN)/.installed
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/zizmor --offline --quiet .github/

# The suite in three tiers (markers set in tests/tiers.py), each its own run so that the fast one fails
# fast: unit (no build, no make, no browser; under a minute), build (sites, make targets, the zip),
# browser (Chromium on the built sites).
PYTEST := $(BIN)/python -m pytest -p no:cacheprovider
# Both cores (pytest-xdist): a test file stays on one worker, so its module fixtures (a server, a port) are
# its own; the shared sites are built once under a lock (conftest.shared_build). TEST_JOBS=0 runs in one process.
TEST_JOBS ?= 2
PARALLEL := -n $(TEST_JOBS) --dist loadfile
# The tiers share the sites they build through TEST_BUILDS, a fresh folder removed afterwards.
test: $(BIN)/.installed browser lint lint-js test-js
	@builds=$$(mktemp -d) && trap 'rm -rf "$$builds"' EXIT && export TEST_BUILDS="$$builds" && \
	  $(PYTEST) $(PARALLEL) -m "not build and not browser" && \
	  $(PYTEST) $(PARALLEL) -m "build and not browser" && \
	  $(PYTEST) $(PARALLEL) -m browser

# The Danish summary of a pull request (validator result, pages with their future addresses), as
# the PR workflow writes it: make pr-resume BASE=origin/main SITE_URL=https://…/
pr-resume: $(BIN)/.installed
	@$(BIN)/python scripts/pr_summary.py --base "$${BASE:-origin/main}" --site-url "$${SITE_URL:-https://example.org/}"

# ProperDocs next to MkDocs 1.6.1, in its own environment so that .venv stays on MkDocs: every
# package pinned in requirements.txt except MkDocs (whole entries, hash lines included), plus
# ProperDocs, installed without resolving again (--no-deps) and checked against their hashes, so
# the plugins and the theme are exactly the files the site uses.
$(PROPERDOCS_VENV)/bin/.installed: requirements.txt requirements-properdocs.txt pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	awk '/^[^ ]/ { skip = /^(mkdocs|mkdocs-get-deps)==/ } !skip' requirements.txt \
	  > $(PROPERDOCS_VENV)/requirements-uden-mkdocs.txt
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
	  -r $(PROPERDOCS_VENV)/requirements-uden-mkdocs.txt -r requirements-properdocs.txt
	@# The project's own library, as in .venv (the hooks import it).
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
	touch $@

# Build the site with ProperDocs and run the build tests on that build, then check that MkDocs
# and ProperDocs produce the same pages (tests/test_properdocs.py). See README.md, "Past MkDocs 1.x".
properdocs: $(BIN)/.installed $(PROPERDOCS_VENV)/bin/.installed
	$(PROPERDOCS_VENV)/bin/properdocs build --strict -f mkdocs.yml -d site-properdocs
	SITE_BUILDER=$(PROPERDOCS_VENV)/bin/properdocs $(BIN)/python -m pytest -q -p no:cacheprovider \
	  tests/test_build.py tests/test_feeds.py tests/test_properdocs.py

# BUILD_DATE=ÅÅÅÅ-MM-DD fixes the build date (same commit + same date = same zip, byte for byte);
# FORRIGE_MANIFEST=fil is the previous version's manifest.json, for the change list.
offline: $(BIN)/.installed
	$(BIN)/python scripts/build_offline.py $(if $(BUILD_DATE),--date $(BUILD_DATE)) \
	  $(if $(FORRIGE_MANIFEST),--forrige-manifest "$(FORRIGE_MANIFEST)")

# Lighthouse for the bench, as scripts/lib/devtools/lighthouse/package-lock.json pins it (12.8.2: 13 needs Node 22).
LIGHTHOUSE := scripts/lib/devtools/lighthouse
$(LIGHTHOUSE)/node_modules/.installed: $(LIGHTHOUSE)/package.json $(LIGHTHOUSE)/package-lock.json | node
	npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --silent --prefix $(LIGHTHOUSE)
	touch $@

bench: $(BIN)/.installed browser $(LIGHTHOUSE)/node_modules/.installed
	$(BIN)/python -m devtools.bench

clean:
	rm -rf site site-properdocs dist .pytest_cache
