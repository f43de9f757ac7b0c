"""The preview (`mkdocs serve`, `make serve`): a content error is shown on the pages, never stops the server.

The strict build refuses the same error (tests/test_hostile_input.py); here the server must keep answering
within seconds, show the Danish message with file and line, and drop it on the next save once fixed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from devtools.search_probe import SearchBox

from conftest import fixture_project
from helpers import write_site_config
from test_hostile_input import FRONT, copy_site

ANSWER_SECONDS = 10  # every request; a server stuck on a failed build never answers
REBUILD_SECONDS = 90  # until a saved change shows

# Every test starts `mkdocs serve`.
pytestmark = pytest.mark.build


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=ANSWER_SECONDS) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, condition: Callable[[str], bool]) -> str:
    deadline = time.monotonic() + REBUILD_SECONDS
    while True:
        started = time.monotonic()
        try:
            text = _get(url)
        except OSError:  # not listening yet
            text = ""
        assert time.monotonic() - started < ANSWER_SECONDS
        if text and condition(text):
            return text
        assert time.monotonic() < deadline, f"{url} never showed the expected page"
        time.sleep(0.5)


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """`mkdocs serve` of the project on a free port; yields the site's address."""
    port = _free_port()
    args = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(args, cwd=project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", lambda text: "<html" in text)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_site(tmp_path)
    with serving(project) as url:
        yield project, url


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("Se [siden, der ikke findes](findes-ikke.md).\n", "docs/om.md:7:4: fejl: Linket peger på »findes-ikke.md«"),
        ('<iframe src="https://example.org"></iframe>\n', "docs/om.md:7:1: fejl: HTML-elementet &lt;iframe&gt;"),
    ],
    ids=["link-mangler", "html-element"],
)
def test_an_error_is_shown_in_the_preview_and_gone_after_the_fix(
    preview: tuple[Path, str], broken: str, message: str
) -> None:
    project, url = preview
    page = project / "docs" / "om.md"
    good = page.read_text(encoding="utf-8")
    assert "fejl:" not in _get(url + "om/")

    page.write_text(FRONT.format(title="Om os") + broken, encoding="utf-8")
    shown = _wait_for(url + "om/", lambda text: message in text)
    assert "<iframe" not in shown  # the broken page is replaced by its messages, never rendered
    front_page = _get(url)
    assert "Indholdet har 1 fejl" in front_page and message in front_page  # the banner on every page

    page.write_text(good, encoding="utf-8")
    fixed = _wait_for(url + "om/", lambda text: message not in text)
    assert "Indholdet har" not in fixed
    assert "Indholdet har" not in _get(url)


def test_hostile_front_matter_does_not_stop_the_preview(preview: tuple[Path, str]) -> None:
    project, url = preview
    page = project / "docs" / "om.md"
    good = page.read_text(encoding="utf-8")
    page.write_text("---\ntitle: &a Om\ndescription: *a\n---\n\nTekst.\n", encoding="utf-8")
    _wait_for(url + "om/", lambda text: "docs/om.md:2:8: fejl: Front matter bruger et YAML-anker" in text)
    page.write_text(good, encoding="utf-8")
    _wait_for(url + "om/", lambda text: "YAML-anker" not in text)


def test_a_markdown_file_with_another_extension_is_not_published_by_the_preview(preview: tuple[Path, str]) -> None:
    project, url = preview
    (project / "docs" / "GAMMEL.MD").write_text(FRONT.format(title="Gammel") + "Hemmelig kladde.\n", encoding="utf-8")
    _wait_for(url, lambda text: "docs/GAMMEL.MD:1:1: fejl:" in text)
    with pytest.raises(urllib.error.HTTPError) as missing:
        _get(url + "GAMMEL.MD")
    assert missing.value.code == 404


@pytest.mark.browser
def test_danish_search_works_in_the_preview(tmp_path: Path, page) -> None:
    """The preview serves the same search worker: an inflected form finds the page, a compound's
    modifier finds the compound (tests/fixtures/byg/lille: »Samtale på gåturen«, »Temamøde og
    netværksmøder«)."""
    fixture_project("lille", tmp_path)
    write_site_config(tmp_path)
    with serving(tmp_path) as url:
        box = SearchBox(page, url)
        box.open()
        assert "praksiseksempler/samtale-paa-gaaturen/" in box.search("samtalerne")[:3]
        assert "nyheder/2023-05-10-temamoede-og-netvaerk/" in box.search("netværk")[:3]
