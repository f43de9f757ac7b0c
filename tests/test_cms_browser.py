"""The browser editor against decap-server (MODE=git) on a temporary copy of a fixture site: a practice
example created through the forms lands on its own branch, valid, and an empty required field is refused."""

from __future__ import annotations

import contextlib
import difflib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from boerneinddragelse import cms_site, frontmatter, vocabulary
from boerneinddragelse.canonical import canonical_bytes, canonical_text, front_matter_yaml
from boerneinddragelse.model import ANBEFALING, PRAKSISEKSEMPEL
from boerneinddragelse.sourcepaths import is_translation
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


def _canonical_repo(repo: Path) -> None:
    """The fixture site in canonical form, committed on main: what the round trip must give back."""
    shutil.copytree(FIXTURE, repo)
    docs = repo / "docs"
    for path in docs.rglob("*.md"):
        canonical = canonical_bytes(path.read_bytes(), path.relative_to(docs).as_posix())
        if canonical is not None:
            path.write_bytes(canonical)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "fixture")


@contextlib.contextmanager
def _running_cms(tmp_path: Path, locale: str = "da") -> Iterator[tuple[str, Path]]:
    if not SERVER.exists():
        pytest.skip("make node har ikke installeret decap-server")
    port = int(cms_site.LOCAL_BACKEND_ORIGIN.rsplit(":", 1)[1])
    with socket.socket() as probe:
        # Another decap-server there would serve another repository: the test would check the wrong one.
        assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} er optaget"
    repo = tmp_path / "repo"
    _canonical_repo(repo)
    site = tmp_path / "site"
    assert cms_site.install_admin(site, local_backend=True)
    if locale != "da":  # only the deliberate break below
        config_file = site / "admin" / "config.yml"
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) | {"locale": locale}
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "BIND_HOST": "127.0.0.1"}
    server = subprocess.Popen(["node", str(SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port)
        with serve_directory(site) as url:
            yield url + "admin/", repo
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def cms(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    with _running_cms(tmp_path) as running:
        yield running


def _open_new(page: Any, url: str, collection: str) -> None:
    _log_in(page, url)
    page.goto(f"{url}#/collections/{collection}/new")
    page.locator("input[id^='title-field']").wait_for()


def _choose(page: Any, field: str, text: str) -> None:
    box = page.locator(f"input[id^='{field}-field']")
    box.fill(text)
    page.keyboard.press("Enter")


_LONG_DESCRIPTION = (
    "Et eksempel skrevet til illustration: rådgiveren aftaler med barnet, hvem der er bisidder, og hvad "
    "bisidderen må sige ved samtalen, så barnet ved, hvad der sker."
)


def _log_in(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_text("Samlinger").wait_for()


def _fill_all_but_the_title(page: Any) -> None:
    theme = next(iter(vocabulary.terms("temaer").values()))
    age = next(iter(vocabulary.terms("maalgrupper").values()))
    page.locator("textarea[id^='description-field']").fill("Et konstrueret eksempel på en samtale med barnet i skolen.")
    page.locator("input[id^='revideret-field']").fill("2026-01-02")
    page.locator("input[id^='date-field']").fill("2026-01-02")
    _choose(page, "anbefalinger", "1")
    _choose(page, "temaer", theme.da)
    _choose(page, "maalgruppe", age.da)
    page.locator("[id^='illustrativ-field']").first.click()


def _assert_refused_in_danish(page: Any, repo: Path, save: str = "Gem") -> None:
    """A required field (the title) left empty is refused, in Danish, and nothing is committed."""
    page.get_by_role("button", name=save).click()
    page.get_by_text("Titel er påkrævet").first.wait_for(timeout=5000 if save == "Gem" else 2000)
    assert _git(repo, "branch", "--list", "cms/*") == ""


def _saved(repo: Path, prefix: str, path: str, before: str = "") -> tuple[str, str]:
    """The branch the editor saved to and the file on it, once it is committed there: the branch comes first,
    holding main's file (before, for an existing page) until the commit lands."""
    for _ in range(100):
        branch = _git(repo, "branch", "--list", f"{prefix}*").strip()
        shown = subprocess.run([*_GIT, "-C", str(repo), "show", f"{branch}:{path}"], capture_output=True, text=True)
        if branch and shown.returncode == 0 and shown.stdout.strip() and shown.stdout != before:
            return branch, shown.stdout
        time.sleep(0.2)
    raise AssertionError(f"ingen gren {prefix}… med {path}")


def _page_rules(directory: Path, path: str) -> set[str]:
    """scripts/validate.py run on a copy of the site: it passes, and these rules warn about the page."""
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py")],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout
    return {line.rsplit("[", 1)[1].rstrip("]") for line in checked.stdout.splitlines() if line.startswith(path)}


def test_practice_example_through_the_forms(page: Any, cms: tuple[str, Path]) -> None:
    url, repo = cms
    watch_csp(page)
    _open_new(page, url, PRAKSISEKSEMPEL.name)
    _fill_all_but_the_title(page)
    _assert_refused_in_danish(page, repo)
    page.screenshot(path=str(repo.parent / "refused.png"))
    page.locator("input[id^='title-field']").fill("Samtale med barnet i skolen")
    page.get_by_role("button", name="Gem").click()
    path = f"docs/{PRAKSISEKSEMPEL.folder}/samtale-med-barnet-i-skolen.md"
    branch, text = _saved(repo, f"cms/{PRAKSISEKSEMPEL.name}/", path)
    page.screenshot(path=str(repo.parent / "saved.png"), full_page=True)
    parsed = frontmatter.split(text, path)
    assert parsed.problems == []
    assert list(Draft202012Validator(PRAKSISEKSEMPEL.schema).iter_errors(parsed.data)) == []
    assert _git(repo, "rev-parse", "main") == _git(repo, "rev-parse", "main@{0}")
    assert _git(repo, "diff", "--name-only", "main", branch).split() == [path]
    assert csp_violations(page) == []
    # The validator accepts the page as the form wrote it (no error; only the warning a page from make ny
    # also gets until its template sections are written), and the form wrote the canonical form itself
    # (the format »kanonisk«): the pull request's »Sider i fast form« passes with no one normalising.
    copy = repo.parent / "gren"
    _git(repo, "worktree", "add", "-q", "--detach", str(copy), branch)  # the server may have it checked out
    assert _page_rules(copy, path) == {"skabelontekst"}
    assert canonical_text(text, path.removeprefix("docs/")) == text


def test_round_trip_of_an_existing_page_changes_only_the_changed_field(page: Any, cms: tuple[str, Path]) -> None:
    """A page changed and changed back cannot be saved (nothing to commit); a page with one field changed is
    saved in canonical form, and the branch differs from main by that field's line alone."""
    url, repo = cms
    folder = repo / "docs" / str(PRAKSISEKSEMPEL.folder)
    source = next(p for p in sorted(folder.glob("*.md")) if p.name != "index.md" and not is_translation(p.name))
    path = source.relative_to(repo).as_posix()
    # A description as long as the real pages' (Decap's YAML writer folds lines longer than 80 characters).
    parsed = frontmatter.split(source.read_text(encoding="utf-8"), path)
    parsed.data["description"] = _LONG_DESCRIPTION
    source.write_text(f"---\n{front_matter_yaml(parsed.data, PRAKSISEKSEMPEL)}---\n{parsed.body}", encoding="utf-8")
    _git(repo, "commit", "-qam", "lang beskrivelse")
    before = source.read_text(encoding="utf-8")
    _log_in(page, url)
    page.goto(f"{url}#/collections/{PRAKSISEKSEMPEL.name}/entries/{source.stem}")
    title = page.locator("input[id^='title-field']")
    title.wait_for()
    original = title.input_value()
    assert original == frontmatter.split(before, path).data["title"]
    save = page.get_by_role("button", name="Gem")
    title.fill(original + " (ændret)")
    assert save.is_enabled()
    title.fill(original)
    assert save.is_disabled()  # Decap compares with the stored page: an unchanged page is never written
    title.fill(original + " (ændret)")
    save.click()
    branch, after = _saved(repo, f"cms/{PRAKSISEKSEMPEL.name}/{source.stem}", path, before)
    assert _git(repo, "diff", "--name-only", "main", branch).split() == [path]
    # Decap's own format would fold and requote the long description; the form's format writes it as it was.
    assert canonical_text(after, path.removeprefix("docs/")) == after
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [f"-title: {original}", f"+title: {original} (ændret)"]
    _assert_publishing_is_refused(page, repo, branch)


def _assert_publishing_is_refused(page: Any, repo: Path, branch: str) -> None:
    """Set to »Klar« and »Publicer nu«: refused in Danish; main and the branch stay as they were."""
    main = _git(repo, "rev-parse", "main")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Status: Kladder").click()
    page.get_by_text("Klar", exact=True).click()
    page.get_by_role("button", name="Status: Klar").wait_for()  # stored on the branch before publishing
    page.get_by_role("button", name="Publicer", exact=True).click()
    page.get_by_text("Publicer nu").click()
    page.get_by_text("Ændringer udgives ikke herfra").first.wait_for(timeout=10_000)
    page.screenshot(path=str(repo.parent / "publicer.png"))
    assert _git(repo, "rev-parse", "main") == main
    assert _git(repo, "branch", "--list", branch).strip() == branch


def test_the_refusal_check_fails_when_the_form_is_not_danish(page: Any, tmp_path: Path) -> None:
    """The deliberate break, kept: with the interface in English the Danish refusal check goes red."""
    with _running_cms(tmp_path, locale="en") as (url, repo):
        page.goto(url)
        page.get_by_role("button", name="Login").click()
        page.goto(f"{url}#/collections/{PRAKSISEKSEMPEL.name}/new")
        page.locator("input[id^='title-field']").wait_for()
        _fill_all_but_the_title(page)
        with pytest.raises(Exception, match="Titel er påkrævet"):
            _assert_refused_in_danish(page, repo, save="Save")
        assert page.get_by_text("is required").first.is_visible()


def test_collections_list_only_the_danish_pages(page: Any, cms: tuple[str, Path]) -> None:
    """A folder with x.md and x.en.md (and its index.md) lists x once: the Danish page."""
    url, repo = cms
    folder = repo / "docs" / str(ANBEFALING.folder)
    pages = sorted(folder.glob("*.md"))
    assert any(is_translation(p.name) for p in pages), "fixturen skal have en oversat anbefaling"
    danish = {p.stem for p in pages if p.name != "index.md" and not is_translation(p.name)}
    _log_in(page, url)
    page.goto(f"{url}#/collections/{ANBEFALING.name}")
    links = page.locator(f"a[href*='/collections/{ANBEFALING.name}/entries/']")
    links.first.wait_for()
    page.wait_for_timeout(500)  # every card is drawn
    listed = {href.rsplit("/", 1)[1] for href in links.evaluate_all("(links) => links.map((a) => a.href)")}
    assert listed == danish
