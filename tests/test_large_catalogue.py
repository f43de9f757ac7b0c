"""A catalogue of 1,000 synthetic practice examples builds strictly and stays small enough to use."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from devtools import synthetic

from conftest import ROOT, build_site

pytestmark = pytest.mark.slow

COUNT = 1000
MAX_EXAMPLE_PAGE = 100 * 1024
MAX_CATALOGUE_INDEX = 1024 * 1024


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


def test_catalogue_index_stays_under_a_megabyte(large_site: Path) -> None:
    index = large_site / "praksiseksempler" / "index.html"
    assert index.stat().st_size < MAX_CATALOGUE_INDEX
    assert index.read_text(encoding="utf-8").count('class="katalog__eksempel"') >= COUNT


@pytest.mark.parametrize("front_page", ["index.html", "en/index.html"])
def test_navigation_does_not_list_the_catalogue(large_site: Path, front_page: str) -> None:
    html = (large_site / front_page).read_text(encoding="utf-8")
    assert re.findall(r'href="[^"]*' + synthetic.PREFIX, html) == []
