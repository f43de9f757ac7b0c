"""A catalogue of 1,000 synthetic practice examples builds strictly and stays small enough to use."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from boerneinddragelse import catalogue_pages, two_processes
from devtools import synthetic

from conftest import ROOT, build_site

pytestmark = pytest.mark.slow

COUNT = 1000
MAX_EXAMPLE_PAGE = 100 * 1024
MAX_CATALOGUE_PAGE = 200 * 1024


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("large")
    docs = project / "docs"
    shutil.copytree(ROOT / "docs", docs)
    synthetic.write_examples(docs, COUNT)
    destination = project / "site"
    result = build_site(destination, docs_dir=docs)
    assert result.returncode == 0, result.stderr[-5000:]
    return destination


def test_every_example_page_is_built(large_site: Path) -> None:
    missing = [
        example.slug
        for example in synthetic.generate(COUNT)
        if not (large_site / "praksiseksempler" / example.slug / "index.html").is_file()
    ]
    assert missing == []


def test_example_pages_stay_small(large_site: Path) -> None:
    sizes = {p.parent.name: p.stat().st_size for p in (large_site / "praksiseksempler").glob("*/index.html")}
    assert len(sizes) >= COUNT
    assert {name: size for name, size in sizes.items() if size > MAX_EXAMPLE_PAGE} == {}


def test_the_catalogue_comes_in_pages_that_list_every_example_once(large_site: Path) -> None:
    folder = large_site / "praksiseksempler"
    others = sorted(folder.glob("side-*/index.html"), key=lambda p: int(p.parent.name.removeprefix("side-")))
    examples = {p.parent.name for p in folder.glob("*/index.html")} - {p.parent.name for p in others}
    pages = [folder / "index.html", *others]
    assert len(pages) == catalogue_pages.page_count(len(examples)) > 1
    listed = []
    for page in pages:
        html = page.read_text(encoding="utf-8").split("<template")[0]
        shown = re.findall(r'<h2 class="katalog__titel"><a href="[^"]*?([^"/]+)/">', html)
        assert 0 < len(shown) <= catalogue_pages.PER_PAGE, page
        assert page.stat().st_size < MAX_CATALOGUE_PAGE, page
        listed += shown
    assert sorted(listed) == sorted(examples)


def test_the_catalogue_data_names_every_example(large_site: Path) -> None:
    data = next((large_site / "assets" / "javascripts").glob("katalog-data.*.js")).read_text(encoding="utf-8")
    records = json.loads(data.split(" = ", 1)[1].rstrip().removesuffix(";"))["eksempler"]
    assert {r["url"].rstrip("/").rsplit("/", 1)[-1] for r in records} >= {e.slug for e in synthetic.generate(COUNT)}


@pytest.mark.parametrize("front_page", ["index.html", "en/index.html"])
def test_navigation_does_not_list_the_catalogue(large_site: Path, front_page: str) -> None:
    html = (large_site / front_page).read_text(encoding="utf-8")
    assert re.findall(r'href="[^"]*' + synthetic.PREFIX, html) == []


@pytest.mark.parametrize("mistake", ["a broken link", "an unknown marker"])
def test_an_error_the_checks_find_beside_a_large_build_refuses_it_and_leaves_no_site(
    tmp_path: Path, mistake: str
) -> None:
    """On a large site the checks of each page run in a forked copy while the build goes on (two_processes.beside):
    the build still stops with the validator's message, and what it wrote is removed."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    synthetic.write_examples(docs, two_processes.MIN_ITEMS)
    page = sorted((docs / "praksiseksempler").glob(f"{synthetic.PREFIX}*.md"))[-1]
    added = {"a broken link": "\n[Læs mere](findes-ikke.md)\n", "an unknown marker": "\n<!-- ukendt-markoer -->\n"}
    page.write_text(page.read_text(encoding="utf-8") + added[mistake], encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Indholdet bryder indholdsmodellen (1 fejl)" in result.stderr
    assert re.search(rf"docs/praksiseksempler/{re.escape(page.name)}:\d+:\d+: fejl: ", result.stderr), result.stderr[
        -3000:
    ]
    assert not (tmp_path / "site" / "index.html").exists()
