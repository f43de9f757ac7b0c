"""The browser editor against decap-server (MODE=git) on a temporary copy of a fixture site: a practice
example created through the forms lands on its own branch, valid, and an empty required field is refused."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from boerneinddragelse import cms_site, frontmatter, vocabulary
from boerneinddragelse.model import PRAKSISEKSEMPEL
from jsonschema import Draft202012Validator

from conftest import ROOT, csp_violations, serve_directory, watch_csp

pytestmark = pytest.mark.browser
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
FIXTURE = ROOT / "tests" / "fixtures" / "site" / "gyldig"
_GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run([*_GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _wait_for_port(port: int) -> None:
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("decap-server startede ikke")


@pytest.fixture
def cms(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    if not SERVER.exists():
        pytest.skip("make node har ikke installeret decap-server")
    port = int(cms_site.LOCAL_BACKEND_ORIGIN.rsplit(":", 1)[1])
    with socket.socket() as probe:
        # Another decap-server there would serve another repository: the test would check the wrong one.
        assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} er optaget"
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE, repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "fixture")
    site = tmp_path / "site"
    assert cms_site.install_admin(site, local_backend=True)
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "BIND_HOST": "127.0.0.1"}
    server = subprocess.Popen(["node", str(SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port)
        with serve_directory(site) as url:
            yield url + "admin/", repo
    finally:
        server.terminate()
        server.wait(timeout=10)


def _open_new(page: Any, url: str, collection: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_text("Samlinger").wait_for()
    page.goto(f"{url}#/collections/{collection}/new")
    page.locator("input[id^='title-field']").wait_for()


def _choose(page: Any, field: str, text: str) -> None:
    box = page.locator(f"input[id^='{field}-field']")
    box.fill(text)
    page.keyboard.press("Enter")


def test_practice_example_through_the_forms(page: Any, cms: tuple[str, Path]) -> None:
    url, repo = cms
    watch_csp(page)
    _open_new(page, url, PRAKSISEKSEMPEL.name)
    theme = next(iter(vocabulary.terms("temaer").values()))
    age = next(iter(vocabulary.terms("maalgrupper").values()))
    page.locator("textarea[id^='description-field']").fill("Et konstrueret eksempel på en samtale med barnet i skolen.")
    page.locator("input[id^='revideret-field']").fill("2026-01-02")
    page.locator("input[id^='date-field']").fill("2026-01-02")
    _choose(page, "anbefalinger", "1")
    _choose(page, "temaer", theme.da)
    _choose(page, "maalgruppe", age.da)
    page.locator("[id^='illustrativ-field']").first.click()
    # A required field (the title) left empty is refused, in Danish, and nothing is committed.
    page.get_by_role("button", name="Gem").click()
    page.screenshot(path=str(repo.parent / "refused.png"))
    assert page.get_by_text("Titel er påkrævet").first.is_visible(timeout=5000)
    assert _git(repo, "branch", "--list", "cms/*") == ""
    page.locator("input[id^='title-field']").fill("Samtale med barnet i skolen")
    page.get_by_role("button", name="Gem").click()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(repo.parent / "saved.png"), full_page=True)
    for _ in range(100):
        if _git(repo, "branch", "--list", "cms/*").strip():
            break
        time.sleep(0.2)
    branch = _git(repo, "branch", "--list", "cms/*").strip()
    assert branch.startswith(f"cms/{PRAKSISEKSEMPEL.name}/"), branch
    path = f"docs/{PRAKSISEKSEMPEL.folder}/samtale-med-barnet-i-skolen.md"
    text = _git(repo, "show", f"{branch}:{path}")
    parsed = frontmatter.split(text, path)
    assert parsed.problems == []
    assert list(Draft202012Validator(PRAKSISEKSEMPEL.schema).iter_errors(parsed.data)) == []
    assert _git(repo, "rev-parse", "main") == _git(repo, "rev-parse", "main@{0}")
    assert _git(repo, "diff", "--name-only", "main", branch).split() == [path]
    assert csp_violations(page) == []
