"""Search on demand: nothing of search is downloaded before the reader shows intent, and search
works once they do, online and in the offline copy from file://, in both languages. A page view
requests no sitemap.xml either.

Runs on the small fixture site (tests/fixtures/byg/lille); the query is a page title read from the
built index at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import build_site, file_only_tab, fixture_project, load_quietly

pytestmark = pytest.mark.browser

PHONE = {"width": 412, "height": 823}
# Index, wrapper and Material's worker, the index builder, the analyser, lunr's languages.
SEARCH_PART = re.compile(r"/search/search_index\.js(on)?|/workers/|/lunr/|/soegeanalyse(\.[0-9a-f]{8})?\.js")
SEARCH_BUTTON = "label.md-header__button[for='__search']"
FIELD = "input.md-search__input"


@pytest.fixture(scope="module")
def offline_small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site built as the offline copy is (Material's offline plugin, the shim)."""
    project = tmp_path_factory.mktemp("lille-offline")
    result = build_site(project / "site", docs_dir=fixture_project("lille", project), OFFLINE="true")
    assert result.returncode == 0, result.stderr
    return project / "site"


def a_title(site: Path, lang: str) -> tuple[str, str]:
    """A page of the given language from the built index: its location and the first word of its title."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    english = [doc for doc in docs if doc["location"].startswith("en/")]
    candidates = english if lang == "en" else [doc for doc in docs if doc not in english]
    doc = next(d for d in candidates if "#" not in d["location"] and len(d["title"].split()[0]) > 3)
    return doc["location"], doc["title"].split()[0].lower()


@pytest.fixture
def phone_tab(browser: Any) -> Iterator[Any]:
    """A phone-sized tab that records every request (tab.requested, tab.in_flight)."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.requested, tab.in_flight = [], set()
    context.on("request", lambda r: (tab.requested.append(r.url), tab.in_flight.add(r)))
    context.on("requestfinished", lambda r: tab.in_flight.discard(r))
    context.on("requestfailed", lambda r: tab.in_flight.discard(r))
    yield tab
    context.close()


@pytest.fixture
def offline_tab(browser: Any) -> Iterator[Any]:
    """A phone-sized tab for file:// that records every request; anything not file:// is aborted."""
    with file_only_tab(browser) as tab:
        tab.set_viewport_size(PHONE)
        tab.requested, tab.in_flight = [], set()
        tab.context.on("request", lambda r: (tab.requested.append(r.url), tab.in_flight.add(r)))
        tab.context.on("requestfinished", lambda r: tab.in_flight.discard(r))
        tab.context.on("requestfailed", lambda r: tab.in_flight.discard(r))
        yield tab
        assert tab.attempted == []


def search_requests(tab: Any) -> list[str]:
    return [url for url in tab.requested if SEARCH_PART.search(url)]


def started(tab: Any, part: str) -> bool:
    return any(part in url for url in search_requests(tab))


def hover(tab: Any) -> None:
    tab.locator(SEARCH_BUTTON).hover()


def shortcut(tab: Any) -> None:
    tab.keyboard.press("s")


def tap(tab: Any) -> None:
    tab.locator(SEARCH_BUTTON).click()


INTENTS: dict[str, Callable[[Any], None]] = {"hover": hover, "shortcut": shortcut, "tap": tap}


def check_on_demand(tab: Any, front: str, intent: str, expected: tuple[str, str]) -> None:
    load_quietly(tab, front, tab.in_flight)
    tab.wait_for_timeout(300)  # a late start (a timer, idle time) would show by now
    assert search_requests(tab) == [], "search loaded before the reader showed intent"
    # Material's bundle fetches sitemap.xml for each link[rel=alternate]: none on a page view.
    assert [url for url in tab.requested if "sitemap" in url] == []
    INTENTS[intent](tab)
    for _ in range(100):
        if any("search_index" in url for url in search_requests(tab)) and any(
            "/workers/" in url for url in search_requests(tab)
        ):
            break
        tab.wait_for_timeout(50)
    assert any("search_index" in url for url in search_requests(tab)), "intent did not start the index"
    assert any("/workers/" in url for url in search_requests(tab)), "intent did not start the worker"
    search_finds(tab, *expected)


def search_finds(tab: Any, location: str, word: str) -> None:
    if not tab.locator(FIELD).is_visible():
        tab.locator(SEARCH_BUTTON).click()
    tab.locator(FIELD).press_sequentially(word, delay=15)
    results = tab.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(location.rstrip("/") in href for href in hrefs), (word, hrefs)


# Every intent on the Danish site; the English site, whose pages load search by the same script but give the
# worker the English index and analyser, with one intent per way of opening the site.
ONLINE_CASES = [("da", intent) for intent in sorted(INTENTS)] + [("en", "tap")]
OFFLINE_CASES = [("da", intent) for intent in sorted(INTENTS)] + [("en", "hover")]


@pytest.mark.parametrize(("lang", "intent"), ONLINE_CASES)
def test_search_loads_on_intent_online(
    phone_tab, small_site: Path, small_site_url: str, intent: str, lang: str
) -> None:
    front = small_site_url + ("en/" if lang == "en" else "")
    check_on_demand(phone_tab, front, intent, a_title(small_site, lang))


@pytest.mark.parametrize(("lang", "intent"), OFFLINE_CASES)
def test_search_loads_on_intent_offline(offline_tab, offline_small_site: Path, intent: str, lang: str) -> None:
    front = offline_small_site.as_uri() + ("/en/index.html" if lang == "en" else "/index.html")
    location, word = a_title(offline_small_site, lang)
    check_on_demand(offline_tab, front, intent, (location.replace("/index.html", ""), word))


def test_address_with_a_query_starts_search_at_once(phone_tab, small_site: Path, small_site_url: str) -> None:
    _, word = a_title(small_site, "da")
    load_quietly(phone_tab, f"{small_site_url}?q={word}", phone_tab.in_flight)
    results = phone_tab.locator(".md-search-result__item > a")
    expect(results.first).to_be_attached(timeout=15000)
    assert started(phone_tab, "search_index")


def test_catalogue_filter_works_without_search(phone_tab, small_site_url: str) -> None:
    load_quietly(phone_tab, small_site_url + "praksiseksempler/", phone_tab.in_flight)
    phone_tab.locator("#katalog-tekst").fill("ordetfindesikke")
    expect(phone_tab.locator(".katalog__eksempel:visible")).to_have_count(0)
    expect(phone_tab.locator("[data-katalog-tom]")).to_be_visible()
    assert [url for url in search_requests(phone_tab) if "soegeanalyse" not in url] == []
