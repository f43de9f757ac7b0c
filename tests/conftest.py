"""Shared fixtures: build the real site once, serve it on loopback, open it in Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def build_site(
    destination: Path,
    docs_dir: Path | None = None,
    edit_config: Callable[[str], str] | None = None,
    *,
    bypass_validator: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into destination; the caller checks the result.

    With docs_dir, a copy of mkdocs.yml is written next to it; edit_config may change that copy's text.
    bypass_validator: build as a checkout without the validator's HTML rules would
    (tests/build_bypassing_validator.py), to test the build's own defences.
    """
    config = ROOT / "mkdocs.yml"
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(destination)]
    if bypass_validator:
        args = [sys.executable, str(ROOT / "tests" / "build_bypassing_validator.py"), str(config), str(destination)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    if docs_dir is not None:
        # A copy of mkdocs.yml next to another docs tree (mkdocs resolves docs_dir relative to the config).
        project = docs_dir.parent
        copy = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        text = text.replace("scripts/hooks/content_hooks.py", str(ROOT / "scripts/hooks/content_hooks.py"))
        text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        if edit_config is not None:
            text = edit_config(text)
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


@pytest.fixture(scope="session")
def html_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/html built directly (no validator): allowed and hostile HTML, server headers."""
    project = tmp_path_factory.mktemp("html")
    shutil.copytree(ROOT / "tests" / "fixtures" / "html" / "docs", project / "docs")
    result = build_site(project / "site", docs_dir=project / "docs", bypass_validator=True)
    assert result.returncode == 0, result.stderr
    return project / "site"


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 (a random free port) while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (a random free port)."""
    with serve_directory(built_site) as url:
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
