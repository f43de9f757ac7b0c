"""Shared fixtures: build the real site once, serve it on loopback, open it in Chromium."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from boerneinddragelse.site import Site, SourcePage
from devtools.loopback import serve as serve_directory
from filelock import FileLock

from helpers import write_site_config

# The tiers' markers and the guard that keeps builds out of the unit tier.
from tiers import pytest_collection_modifyitems, pytest_runtest_protocol  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
# Small sites that build: tests of behaviour use them instead of the content in docs/ today.
SITE_FIXTURES = ROOT / "tests" / "fixtures" / "byg"
FROZEN_SEARCH_DOCS = ROOT / "tests" / "fixtures" / "search-site" / "docs"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Chromium's own background traffic is switched off so that only the page's requests happen.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def danish_only(site: Site) -> list[SourcePage]:
    """Danish pages of site that have no English translation (today's examples, never a fixed list)."""
    return [p for p in site.pages if p.lang == "da" and site.translation(p, "en") is None]


def translated_recommendation(site: Site) -> SourcePage:
    """The first Danish recommendation that has an English translation."""
    return next(p for p in site.recommendations() if site.translation(p, "en") is not None)


def site_builder() -> list[str]:
    """The command that builds the site: MkDocs from this environment, or the program named by
    SITE_BUILDER (`make properdocs` runs the build tests with .venv-properdocs/bin/properdocs)."""
    chosen = os.environ.get("SITE_BUILDER")
    return [str(ROOT / chosen) if "/" in chosen else chosen] if chosen else [sys.executable, "-m", "mkdocs"]


def build_site(
    destination: Path,
    docs_dir: Path | None = None,
    edit_config: Callable[[str], str] | None = None,
    builder: list[str] | None = None,
    *,
    bypass_validator: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` (or the builder given) into destination; the caller checks the result.

    With docs_dir, a copy of mkdocs.yml is written next to it; edit_config may change that copy's text.
    bypass_validator: build as a checkout without the validator's HTML rules would
    (tests/build_bypassing_validator.py), to test the build's own defences.
    """
    config = ROOT / "mkdocs.yml"
    args = [*(builder or site_builder()), "build", "--strict", "-f", str(config), "-d", str(destination)]
    if bypass_validator:
        args = [sys.executable, str(ROOT / "tests" / "build_bypassing_validator.py"), str(config), str(destination)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    if docs_dir is not None:
        # A copy of mkdocs.yml next to another docs tree (mkdocs resolves docs_dir relative to the config).
        args[args.index(str(config))] = str(write_site_config(docs_dir.parent, edit_config))
    return subprocess.run(args, capture_output=True, text=True, env=environment, cwd=ROOT, check=False)


def shared_build(name: str, tmp_path_factory: pytest.TempPathFactory, build: Callable[[Path], Path]) -> Path:
    """build(folder) once per session, or once per `make test`: its tiers run one after another and
    share a fresh, empty folder named by TEST_BUILDS, so the browser tier reuses the build tier's sites."""
    shared = os.environ.get("TEST_BUILDS")
    if not shared:
        return build(tmp_path_factory.mktemp(name))
    folder, done = Path(shared) / name, Path(shared) / f"{name}.bygget"
    with FileLock(Path(shared) / f"{name}.laas"):  # pytest-xdist's workers wait for the one that builds
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            done.write_text(str(build(folder).relative_to(folder)), encoding="utf-8")
    return folder / done.read_text(encoding="utf-8")


def _built(result: subprocess.CompletedProcess[str], site: Path) -> Path:
    assert result.returncode == 0, result.stderr[-5000:]
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    return shared_build("site", tmp_path_factory, lambda folder: _built(build_site(folder), folder))


@pytest.fixture(scope="session")
def html_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/html built directly (no validator): allowed and hostile HTML, server headers."""

    def build(project: Path) -> Path:
        shutil.copytree(ROOT / "tests" / "fixtures" / "html" / "docs", project / "docs")
        return _built(build_site(project / "site", docs_dir=project / "docs", bypass_validator=True), project / "site")

    return shared_build("html", tmp_path_factory, build)


# Records the Content-Security-Policy violations of every page a browser context opens.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def watch_csp(page: Any) -> None:
    """Record CSP violations in page from its next navigation on. The event reaches only the
    document where it happened, so Chromium's console report catches those of frames (the
    offline search runs in an iframe)."""
    page.context.add_init_script(CSP_LISTENER)
    page.csp_reports = []
    page.on("console", lambda m: page.csp_reports.append(m.text) if "Content Security Policy" in m.text else None)


def csp_violations(page: Any) -> list[str]:
    """The violations since the page was loaded or this was last asked (watch_csp first)."""
    found = page.evaluate("window.__cspViolations || ['CSP_LISTENER is not installed']") + page.csp_reports
    page.csp_reports.clear()
    return found


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a random free port)."""
    with serve_directory(built_site) as url:
        yield url


def fixture_project(case: str, destination: Path) -> Path:
    """A copy of tests/fixtures/byg/<case>/docs with the real site's assets (logo, scripts, styles); returns docs."""
    docs = destination / "docs"
    shutil.copytree(SITE_FIXTURES / case / "docs", docs)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    return docs


def frozen_search_project(destination: Path) -> Path:
    """tests/fixtures/search-site/docs, the frozen pages the search tests run on, plus today's assets
    (scripts and styles are code, not content); returns docs. See tests/search/README.md."""
    docs = destination / "docs"
    shutil.copytree(FROZEN_SEARCH_DOCS, docs)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    return docs


@pytest.fixture(scope="session")
def search_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen search pages built once per session: content that does not move under the tests."""

    def build(project: Path) -> Path:
        return _built(build_site(project / "site", docs_dir=frozen_search_project(project)), project / "site")

    return shared_build("search-site", tmp_path_factory, build)


@pytest.fixture(scope="session")
def search_fixture_url(search_fixture_site: Path) -> Iterator[str]:
    with serve_directory(search_fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def search_fixture_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen search pages built once per session as the offline copy (OFFLINE=true)."""
    project = tmp_path_factory.mktemp("search-site-offline")
    result = build_site(project / "site", docs_dir=frozen_search_project(project), OFFLINE="true")
    assert result.returncode == 0, result.stderr[-5000:]
    return project / "site"


@pytest.fixture(scope="session")
def offline_tab(browser, search_fixture_offline: Path):
    """A tab in which every request that is not file:// is recorded and aborted."""
    with file_only_tab(browser) as tab:
        yield tab
        assert tab.attempted == [], f"requests outside file://: {tab.attempted}"


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/byg/lille built once per session: one page of each type, a Danish-only page,
    a translated recommendation and a news item with two events of known dates."""

    def build(project: Path) -> Path:
        return _built(build_site(project / "site", docs_dir=fixture_project("lille", project)), project / "site")

    return shared_build("lille", tmp_path_factory, build)


@pytest.fixture(scope="session")
def small_site_url(small_site: Path) -> Iterator[str]:
    """The small fixture site served on 127.0.0.1."""
    with serve_directory(small_site) as url:
        yield url


def chromium_executable() -> str | None:
    """Debian's Chromium; None lets Playwright use its own browser where one is installed."""
    if os.environ.get("PLAYWRIGHT_OWN_BROWSER"):
        return None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


@contextlib.contextmanager
def file_only_tab(browser: Any) -> Iterator[Any]:
    """A tab for the offline copy: every request that is not file:// is recorded (tab.attempted) and aborted."""
    context = browser.new_context()
    attempted: list[str] = []

    def block(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    tab = context.new_page()
    tab.attempted = attempted
    try:
        yield tab
    finally:
        context.close()


QUIET_TIMEOUT_MS = 15000


def load_quietly(tab: Any, url: str, in_flight: set[Any]) -> None:
    """Open url and wait until no request of the page is in flight: images, scripts and the fetches
    of scripts (search index, sitemap) come after DOMContentLoaded and must have their outcome."""
    tab.goto(url, wait_until="domcontentloaded")
    quiet_checks, waited = 0, 0
    while quiet_checks < 2 and waited < QUIET_TIMEOUT_MS:  # a request that never ends stops waiting
        tab.wait_for_timeout(25)
        waited += 25
        quiet_checks = quiet_checks + 1 if not in_flight else 0


def console_problems(
    context: Any,
    urls: list[str],
    tab: Any = None,
    after_load: Callable[[Any, str], None] | None = None,
) -> list[tuple[str, str]]:
    """Open every url in one tab of context (a new one, or the tab given); return the failed requests,
    responses with status 400 or more, console errors and uncaught script errors, each with the page
    it happened on. after_load(tab, url) runs once a page and its requests are done."""
    problems: list[tuple[str, str]] = []
    in_flight: set[Any] = set()
    current = [""]

    def failed(request: Any) -> None:
        in_flight.discard(request)
        # A request still running when the tab moves on is aborted by the browser, not by the site.
        if request.failure != "net::ERR_ABORTED":
            problems.append((current[0], f"mislykket: {request.url} {request.failure}"))

    def responded(response: Any) -> None:
        if response.status >= 400:
            problems.append((current[0], f"status {response.status}: {response.url}"))

    context.on("request", lambda request: in_flight.add(request))
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("requestfailed", failed)
    context.on("response", responded)
    tab = tab or context.new_page()
    tab.on("console", lambda m: problems.append((current[0], f"konsol: {m.text}")) if m.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append((current[0], f"scriptfejl: {error}")))
    for url in urls:
        current[0] = url
        load_quietly(tab, url, in_flight)
        if after_load is not None:
            after_load(tab, url)
    return problems


def load_hooks(name: str) -> ModuleType:
    """A fresh copy of scripts/hooks/content_hooks.py as a module of its own (its state is the module's)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "hooks" / "content_hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serious_accessibility_violations(page: Any) -> list[tuple[str, list[Any]]]:
    """axe-core's serious and critical findings on the open page: rule id and the first targets."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
