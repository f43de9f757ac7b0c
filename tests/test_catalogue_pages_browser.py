"""The catalogue in pages, in a browser: a catalogue with more examples than one page holds (the real
content and synthetic examples), online and as the offline copy from file://. A reader without JavaScript
reaches every example through the pages; the filter finds examples on every page and shows them all."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from boerneinddragelse import catalogue_pages
from boerneinddragelse.site import Site, load_site
from devtools import synthetic
from playwright.sync_api import expect

from conftest import ROOT, build_site, file_only_tab, serious_accessibility_violations, serve_directory, shared_build

pytestmark = pytest.mark.browser

EXTRA = catalogue_pages.PER_PAGE + 10  # synthetic examples: at least two pages, whatever the real content


def _paged_docs(folder: Path) -> Path:
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs", docs)
    synthetic.write_examples(docs, EXTRA)
    return docs


def _build(folder: Path, **env: str) -> Path:
    docs = _paged_docs(folder)
    result = build_site(folder / "site", docs_dir=docs, **env)
    assert result.returncode == 0, result.stderr[-5000:]
    return folder / "site"


@pytest.fixture(scope="module")
def paged_source(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return load_site(_paged_docs(tmp_path_factory.mktemp("paged-source")))


@pytest.fixture(scope="module")
def paged_url(tmp_path_factory: pytest.TempPathFactory):
    site = shared_build("paged", tmp_path_factory, _build)
    with serve_directory(site) as url:
        yield url + "praksiseksempler/"


@pytest.fixture(scope="module")
def paged_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build("paged-offline", tmp_path_factory, lambda folder: _build(folder, OFFLINE="true"))


def listed_titles(page) -> list[str]:
    expect(page.locator("[data-katalog-liste]")).not_to_have_attribute("aria-busy", "true")
    items = page.locator("[data-katalog-liste] > li .katalog__titel")
    return [items.nth(i).inner_text().strip() for i in range(items.count())]


def titles_through_the_pages(page) -> list[str]:
    """Every title, following »Næste side« from page 1 as a reader would."""
    titles = listed_titles(page)
    while page.locator("[data-katalog-sider] a[rel=next]").count():
        page.locator("[data-katalog-sider] a[rel=next]").click()
        page.wait_for_load_state()
        titles += listed_titles(page)
    return titles


def test_without_javascript_the_pages_together_list_every_example_once(browser, paged_url, paged_source) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(paged_url)
    assert len(listed_titles(tab)) == catalogue_pages.PER_PAGE
    expect(tab.locator("[data-katalog-antal]")).to_have_text(
        f"Viser 1–{catalogue_pages.PER_PAGE} af {len(paged_source.examples())} praksiseksempler"
    )
    titles = titles_through_the_pages(tab)
    assert sorted(titles) == sorted(p.title for p in paged_source.examples())
    assert tab.title().startswith(f"Praksiseksempler, side {catalogue_pages.page_count(len(titles))} af ")
    context.close()


def test_the_filter_finds_examples_on_every_page(page, paged_url, paged_source) -> None:
    page.goto(paged_url)
    examples = paged_source.examples()
    last = examples[-1]  # on the last page
    theme = last.meta["temaer"][0]
    wanted = [p.title for p in examples if theme in p.meta["temaer"]]
    assert len(wanted) > 0
    page.select_option("#katalog-tema", theme)
    shown = f"Viser {len(wanted)} af {len(examples)} praksiseksempler"
    expect(page.locator("[data-katalog-antal]")).to_have_text(shown)
    expect(page.locator("[data-katalog-sider]")).to_be_hidden()
    more = page.locator("[data-katalog-flere]")
    while more.is_visible():
        more.click()
    assert listed_titles(page) == wanted
    # Its link leads to the example.
    page.locator("[data-katalog-liste] .katalog__titel a", has_text=last.title).click()
    expect(page.locator("h1")).to_have_text(last.title)


def test_free_text_finds_an_example_from_a_later_page_and_reset_brings_the_page_back(page, paged_url, paged_source):
    page.goto(paged_url)
    first_page = listed_titles(page)
    later = next(p for p in paged_source.examples() if p.title not in first_page)
    page.fill("#katalog-tekst", later.title)
    expect(page.locator("[data-katalog-liste] > li .katalog__titel", has_text=later.title)).to_have_count(1)
    assert re.search(r"[?&]q=", page.url)
    page.click("[data-katalog-nulstil]")
    expect(page.locator("[data-katalog-sider]")).to_be_visible()
    assert listed_titles(page) == first_page


def test_a_bookmarked_filter_opens_filtered_on_any_page(page, paged_url, paged_source) -> None:
    number = next(n for n in range(1, 8) if 0 < len(paged_source.examples_for(n)) < len(paged_source.examples()))
    page.goto(f"{paged_url}side-2/?anbefaling={number}")
    expect(page.locator("[data-katalog-antal]")).to_contain_text(f"Viser {len(paged_source.examples_for(number))} af")
    facts = page.locator('[data-katalog-liste] > li [data-felt="anbefaling"]')
    assert all(str(number) in re.findall(r"\d+", facts.nth(i).inner_text()) for i in range(facts.count()))


def test_nothing_of_the_filter_is_fetched_before_the_reader_filters(page, paged_url) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(paged_url)
    page.wait_for_load_state("networkidle")
    assert [url for url in fetched if "/katalog" in url] == []  # neither the filter nor its data
    with page.expect_request(lambda request: "katalog-data" in request.url):
        page.locator("#katalog-maalgruppe").focus()
    assert [url for url in fetched if "soegeanalyse" in url] == []  # the analyser waits for the text field
    with page.expect_request(lambda request: "soegeanalyse" in request.url):
        page.locator("#katalog-tekst").focus()


def test_the_offline_copy_pages_and_filters_from_file(browser, paged_offline, paged_source) -> None:
    with file_only_tab(browser) as tab:
        tab.goto((paged_offline / "praksiseksempler" / "index.html").as_uri())
        expect(tab.locator("[data-katalog-sider] a[rel=next]")).to_have_attribute("href", "side-2.html")
        last = paged_source.examples()[-1]
        tab.fill("#katalog-tekst", last.title)
        found = tab.locator("[data-katalog-liste] > li .katalog__titel a", has_text=last.title)
        expect(found).to_have_count(1)
        found.click()
        expect(tab.locator("h1")).to_have_text(last.title)
        assert tab.url.startswith("file://") and tab.url.endswith(".html")
        assert tab.attempted == []


def test_the_pages_and_the_filtered_list_have_no_serious_accessibility_findings(page, paged_url, paged_source) -> None:
    page.goto(f"{paged_url}side-2/")
    assert serious_accessibility_violations(page) == []
    theme = paged_source.examples()[0].meta["temaer"][0]
    page.select_option("#katalog-tema", theme)
    expect(page.locator("[data-katalog-antal]")).to_contain_text("Viser ")
    assert serious_accessibility_violations(page) == []
