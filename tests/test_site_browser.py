"""The built site in a real browser: languages, search, network, accessibility, phones.

Example pages are picked from the content model when the tests run, never named, so
editors can add, translate and remove pages; the Danish-only page is the small fixture site's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from boerneinddragelse.model import PAGE_TYPES
from boerneinddragelse.render import find_markers
from boerneinddragelse.site import Site, SourcePage, load_site
from boerneinddragelse.urls import page_url
from devtools.search_probe import SearchBox
from playwright.sync_api import expect

from conftest import (
    ROOT,
    console_problems,
    csp_violations,
    serious_accessibility_violations,
    serve_directory,
    translated_recommendation,
    watch_csp,
)
from resource_groups import one_page_per_resource_set

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Examples:
    """Pages of the real site chosen from the content model when the tests run, never named."""

    source: Site
    recommendation: str  # a translated recommendation's URL path
    with_examples: str  # a recommendation with practice examples
    example: SourcePage  # a practice example

    @property
    def axe_pages(self) -> dict[str, str]:
        """One page of each kind for axe: front pages, a section front page of each type, pages of each type."""
        pages = {"forside": "", "engelsk forside": "en/", "anbefaling": self.recommendation}
        pages["eksempel"] = url_of(self.example)
        for page_type in PAGE_TYPES.values():
            if page_type.folder:
                pages[f"{page_type.name}-sektion"] = page_type.folder + "/"
        # The page that lists the events, found by its marker.
        listing = (p for p in self.source.pages if any(m.name == "arrangementer" for m in find_markers(p.front.body)))
        pages["arrangementer"] = next((url_of(p) for p in listing), "")
        return pages


def url_of(page: SourcePage) -> str:
    return page_url(page.base, page.lang, True)


@pytest.fixture(scope="module")
def examples() -> Examples:
    source = load_site(ROOT / "docs")
    with_examples = next(r for r in source.recommendations() if source.examples_for(r.meta["nummer"]))
    return Examples(source, url_of(translated_recommendation(source)), url_of(with_examples), source.examples()[0])


AXE_KINDS = ["forside", "engelsk forside", "anbefaling", "eksempel", "arrangementer"]
AXE_KINDS += [f"{t.name}-sektion" for t in PAGE_TYPES.values() if t.folder]


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the build as a URL path, 404 page and the editor's own app at /admin/ excluded
    (the editor has its own policy and tests)."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html" or rel.endswith("/404.html") or rel.startswith("admin/"):
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


@pytest.mark.parametrize(
    ("path", "lang"), [("", "da"), ("en/", "en"), ("anbefalinger/", "da"), ("en/anbefalinger/", "en")]
)
def test_pages_declare_their_language(page, site_url: str, path: str, lang: str) -> None:
    page.goto(site_url + path)
    assert page.locator("html").get_attribute("lang") == lang


def _search(page, site_url: str, query: str) -> list[str]:
    """Open the front page, type a query into the search box key by key like a reader, and return the result
    links (absolute), best first, once the last key's results are on screen (devtools.search_probe)."""
    box = SearchBox(page, site_url)
    box.open()
    return [urljoin(site_url, path) for path in box.search(query, key_by_key=True)]


def test_search_finds_each_recommendation_first(page, site_url: str, examples: Examples) -> None:
    """Each recommendation's short title, typed key by key, whichever recommendations there are on the day,
    finds it first. The probe (devtools.search_probe) knows when the last key's results are on screen."""
    box = SearchBox(page, site_url)
    box.open()
    missed = []
    for recommendation in examples.source.recommendations():
        query, expected = str(recommendation.meta["kort_titel"]).lower(), url_of(recommendation)
        found = box.search(query, key_by_key=True)
        if found[:1] != [expected]:
            missed.append((query, found[:3]))
    assert missed == []


def test_search_understands_inflected_danish(page, site_url: str) -> None:
    # "anbefalingerne" (definite plural) must find pages that say "anbefaling"/"anbefalinger".
    hrefs = _search(page, site_url, "anbefalingerne")
    assert any("anbefalinger/" in href for href in hrefs), hrefs[:5]


@pytest.fixture(scope="module")
def sub_path_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served under a sub-path, as on GitHub Pages: http://127.0.0.1:port/boern/."""
    root = tmp_path_factory.mktemp("undermappe")
    (root / "boern").symlink_to(built_site, target_is_directory=True)
    with serve_directory(root) as url:
        yield url + "boern/"


def test_every_kind_of_page_loads_cleanly_from_the_site_within_its_security_policy(
    browser, built_site: Path, sub_path_url: str, examples: Examples
) -> None:
    # One walk, under a sub-path, over a page of each kind (tests/resource_groups.py): no failed request, no
    # status of 400 or more, no console error, no uncaught script error, no request to another host, and no
    # Content-Security-Policy violation (boerneinddragelse.security).
    local = urlsplit(sub_path_url).netloc
    context = browser.new_context()
    foreign: list[str] = []
    context.on(
        "request", lambda request: foreign.append(request.url) if urlsplit(request.url).netloc != local else None
    )
    tab = context.new_page()
    watch_csp(tab)
    pages = built_pages(built_site)
    assert len(pages) == len(examples.source.pages)
    violations: dict[str, list[str]] = {}
    problems = console_problems(
        context,
        [sub_path_url + path for path in one_page_per_resource_set(built_site, pages)],
        tab=tab,
        after_load=lambda tab, url: violations.__setitem__(url, csp_violations(tab)),
    )
    context.close()
    assert problems == []
    assert foreign == []
    assert {url: found for url, found in violations.items() if found} == {}


def test_search_filters_events_language_and_print_keep_the_security_policy(
    browser, site_url: str, examples: Examples
) -> None:
    context = browser.new_context(locale="da-DK")
    tab = context.new_page()
    watch_csp(tab)
    hrefs = _search(
        tab, site_url, str(translated_recommendation(examples.source).meta["kort_titel"])
    )  # worker and index
    assert hrefs
    tab.locator("input.md-search__input").press("Enter")  # the search form submits nowhere
    tab.wait_for_load_state("load")
    assert csp_violations(tab) == []
    tab.goto(site_url + "praksiseksempler/")
    tab.select_option("#katalog-anbefaling", str(examples.example.meta["anbefalinger"][0]))
    expect(tab.locator(".katalog__eksempel:visible").first).to_be_visible()
    assert csp_violations(tab) == []
    tab.goto(site_url + examples.axe_pages["arrangementer"])
    statuses = tab.locator("[data-arrangement-status]")  # filled in by arrangementer.js
    if statuses.count():
        expect(statuses.first).to_be_visible()
    assert csp_violations(tab) == []
    tab.goto(site_url + examples.recommendation)
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    tab.emulate_media(media="print")
    assert tab.locator("[data-print-url]").count() > 0
    tab.emulate_media(media="screen")
    tab.locator(".md-header__option .md-select").hover()
    tab.locator(".md-select__link[hreflang='en']").click()
    tab.wait_for_url("**/en/" + examples.recommendation)
    assert csp_violations(tab) == []
    context.close()


def test_404_page_loads_cleanly(browser, site_url: str) -> None:
    # The 404 page links with addresses from the site root (it is served for any missing path), so it
    # is opened where the site is built for: the root of site_url.
    context = browser.new_context()
    problems = console_problems(context, [site_url + "404.html"])
    context.close()
    assert problems == []


def switch_language(page, lang: str) -> None:
    """Use the language menu in the header like a reader."""
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang='{lang}']").click()
    assert page.locator("html").get_attribute("lang") == lang


def test_language_switch_works_both_ways_under_a_sub_path(page, sub_path_url: str, examples: Examples) -> None:
    page.goto(sub_path_url + examples.recommendation)
    switch_language(page, "en")
    assert page.url == sub_path_url + "en/" + examples.recommendation
    switch_language(page, "da")
    assert page.url == sub_path_url + examples.recommendation


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", AXE_KINDS)
def test_no_serious_accessibility_violations(page, site_url: str, kind: str, scheme: str, examples: Examples) -> None:
    page.emulate_media(color_scheme=scheme)  # Material follows the reader's light or dark setting
    page.goto(site_url + examples.axe_pages[kind])
    assert serious_accessibility_violations(page) == []


def test_phone_viewport_opens_the_navigation(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(site_url)
    menu = tab.locator("label.md-header__button[for='__drawer']")
    assert menu.is_visible()
    sidebar_link = tab.locator(".md-nav--primary a.md-nav__link[href*='praksiseksempler']").first
    expect(sidebar_link).not_to_be_in_viewport()
    menu.click()
    expect(sidebar_link).to_be_in_viewport()
    sidebar_link.click()
    tab.wait_for_url("**/praksiseksempler/")
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_language_switch_leads_to_the_english_version(page, site_url: str, examples: Examples) -> None:
    page.goto(site_url + examples.recommendation)
    href = page.locator(".md-select__link[hreflang='en']").get_attribute("href")
    page.goto(urljoin(page.url, href))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/en/" + examples.recommendation)


def test_danish_only_page_switches_to_the_english_front_page(page, small_site_url: str) -> None:
    site_url = small_site_url
    page.goto(site_url + "kun-dansk/")
    href = page.locator(".md-select__link[hreflang='en']").get_attribute("href")
    page.goto(urljoin(page.url, href))
    assert page.url.rstrip("/").endswith("/en")
    assert page.locator("html").get_attribute("lang") == "en"


def test_printed_page_has_no_navigation_and_shows_link_targets(page, site_url: str, examples: Examples) -> None:
    page.goto(site_url + examples.with_examples)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    link = page.locator(".eksempelliste__link").first
    shown_after = page.evaluate("(a) => getComputedStyle(a, '::after').content", link.element_handle())
    assert site_url in shown_after


def test_search_finds_an_example_on_its_own_page_only(page, site_url: str, examples: Examples) -> None:
    # Catalogue lists and "other examples" links are kept out of the index, so an example's
    # title leads to the example itself and does not repeat as sections of other pages.
    hrefs = [urlsplit(h).path for h in _search(page, site_url, examples.example.title)]
    assert hrefs[0].endswith("/" + url_of(examples.example)), hrefs[:3]
    assert not any(h.endswith("/praksiseksempler/") for h in hrefs), hrefs
