"""ProperDocs, the maintained fork of MkDocs 1.6, builds the same site as MkDocs 1.6.1.

The path past the end of MkDocs 1.x and of Material for MkDocs (README.md): same mkdocs.yml, same
hooks, theme and plugins. `make properdocs` creates .venv-properdocs and runs this file together
with the build tests on a ProperDocs build; elsewhere the test is skipped when that environment is
missing, so the main environment never needs ProperDocs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from test_build import html_pages, parse_html

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
MKDOCS = [sys.executable, "-m", "mkdocs"]

pytestmark = pytest.mark.skipif(
    not PROPERDOCS.exists(), reason="ProperDocs is not installed: `make properdocs` creates .venv-properdocs"
)


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The real site built by MkDocs 1.6.1 (this environment) and by ProperDocs (.venv-properdocs)."""
    root = tmp_path_factory.mktemp("byggere")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    for name, builder in (("mkdocs", MKDOCS), ("properdocs", [str(PROPERDOCS)])):
        result = build_site(root / name, builder=builder, **env)
        assert result.returncode == 0, f"{name}: {result.stderr[-3000:]}"
    return root / "mkdocs", root / "properdocs"


def headings(site: Path, rel: str) -> tuple[str, str]:
    document = parse_html(site / rel)
    h1 = document.find_all("h1")
    return document.find("title").text(), h1[0].text() if h1 else ""


def test_both_build_the_same_pages(both_builds: tuple[Path, Path]) -> None:
    mkdocs, properdocs = both_builds
    pages = html_pages(mkdocs)
    assert pages == html_pages(properdocs)
    assert "index.html" in pages and "en/index.html" in pages


def test_every_page_has_the_same_title_and_heading(both_builds: tuple[Path, Path]) -> None:
    mkdocs, properdocs = both_builds
    different = [
        (rel, headings(mkdocs, rel), headings(properdocs, rel))
        for rel in html_pages(mkdocs)
        if headings(mkdocs, rel) != headings(properdocs, rel)
    ]
    assert different == []


def test_search_keeps_danish_and_english(both_builds: tuple[Path, Path]) -> None:
    # Material's search plugin and mkdocs-static-i18n configure the languages; ProperDocs must not drop Danish.
    configs = [json.loads((site / "search" / "search_index.json").read_bytes())["config"] for site in both_builds]
    assert configs[0] == configs[1]
    assert configs[1]["lang"] == ["da", "en"]


def test_generated_files_are_the_same(both_builds: tuple[Path, Path]) -> None:
    # Feed, calendars and sitemap come from the project's hooks and MkDocs' own sitemap template.
    mkdocs, properdocs = both_builds
    names = ["feed.xml", "sitemap.xml", *sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.glob("kalender/*"))]
    assert [n for n in names if (mkdocs / n).read_bytes() != (properdocs / n).read_bytes()] == []
