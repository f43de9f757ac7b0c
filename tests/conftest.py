"""Shared fixtures: build the real site once, serve it on loopback, open it in Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from content.site import Site, SourcePage

ROOT = Path(__file__).resolve().parent.parent
# Small sites that build: tests of behaviour use them instead of the content in docs/ today.
SITE_FIXTURES = ROOT / "tests" / "fixtures" / "byg"
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


def build_site(destination: Path, docs_dir: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into destination; the caller checks the result."""
    config = ROOT / "mkdocs.yml"
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(destination)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    if docs_dir is not None:
        # A copy of mkdocs.yml next to another docs tree (mkdocs resolves docs_dir relative to the config).
        project = docs_dir.parent
        copy = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        text = text.replace("scripts/hooks/content_hooks.py", str(ROOT / "scripts/hooks/content_hooks.py"))
        text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        copy.write_text(text, encoding="utf-8")
        args[args.index(str(config))] = str(copy)
    return subprocess.run(args, capture_output=True, text=True, env=environment, cwd=ROOT, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    assert result.returncode == 0, result.stderr
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path) -> Iterator[str]:
    """Serve directory on 127.0.0.1 (a random free port) until the generator is closed."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a random free port)."""
    yield from serve(built_site)


def fixture_project(case: str, destination: Path) -> Path:
    """A copy of tests/fixtures/byg/<case>/docs with the real site's assets (logo, scripts, styles); returns docs."""
    docs = destination / "docs"
    shutil.copytree(SITE_FIXTURES / case / "docs", docs)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    return docs


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/byg/lille built once per session: one page of each type, a Danish-only page,
    a translated recommendation and a news item with two events of known dates."""
    project = tmp_path_factory.mktemp("lille")
    docs = fixture_project("lille", project)
    result = build_site(project / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def small_site_url(small_site: Path) -> Iterator[str]:
    """The small fixture site served on 127.0.0.1."""
    yield from serve(small_site)


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
