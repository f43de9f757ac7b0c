"""The offline copy: unpacked from its zip and opened from file:// with every network request blocked.

Example pages come from the content model at run time (never a named page), so the tests hold
whatever editors add, translate or remove.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from boerneinddragelse import manifest, offline_copy
from boerneinddragelse.commands import build_offline
from boerneinddragelse.site import Site, SourcePage, load_site
from boerneinddragelse.urls import page_url
from playwright.sync_api import expect

from conftest import (
    ROOT,
    console_problems,
    csp_violations,
    danish_only,
    file_only_tab,
    shared_build,
    translated_recommendation,
    watch_csp,
)
from resource_groups import one_page_per_resource_set

BUILD_DATE = date(2026, 11, 25)


def offline_url(page: SourcePage) -> str:
    """The page's file in the offline copy (no directory URLs), e.g. anbefalinger/x.html."""
    return page_url(page.base, page.lang, False)


@pytest.fixture(scope="module")
def source() -> Site:
    """The real content, read when the tests run: examples are chosen from it, never named."""
    return load_site(ROOT / "docs")


@pytest.fixture(scope="module")
def recommendation(source: Site) -> SourcePage:
    return translated_recommendation(source)


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(out: Path) -> Path:
        assert build_offline.main(["--out", str(out), "--date", BUILD_DATE.isoformat()]) == 0
        return out / f"boerneinddragelse-offline-{BUILD_DATE.isoformat()}.zip"

    return shared_build("offline", tmp_path_factory, build)


@pytest.fixture(scope="module")
def offline_root(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as bundle:
        bundle.extractall(target)
    (root,) = list(target.iterdir())
    return root


@pytest.fixture(scope="module")
def share_root(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Unpacked as on a municipal network share: spaces and æøå in the folder names."""
    target = tmp_path_factory.mktemp("drev") / "Fælles drev" / "Børn og unge"
    with zipfile.ZipFile(offline_zip) as bundle:
        bundle.extractall(target)
    (root,) = list(target.iterdir())
    return root


def test_zip_is_dated_and_checksummed(offline_zip: Path) -> None:
    assert offline_zip.exists()
    checksum = offline_zip.with_name(offline_zip.name + ".sha256").read_text(encoding="utf-8")
    digest, name = checksum.split()
    assert name == offline_zip.name
    assert digest == hashlib.sha256(offline_zip.read_bytes()).hexdigest()


def test_zip_is_reproducible(offline_zip: Path, tmp_path: Path) -> None:
    """The same commit and build date give the same bytes, so anyone can rebuild and compare checksums."""
    assert build_offline.main(["--out", str(tmp_path), "--date", BUILD_DATE.isoformat()]) == 0
    again = tmp_path / offline_zip.name
    assert again.read_bytes() == offline_zip.read_bytes()
    assert (tmp_path / f"{offline_zip.name}.sha256").read_bytes() == offline_zip.with_name(
        f"{offline_zip.name}.sha256"
    ).read_bytes()


def test_zip_entries_carry_no_machine_specific_metadata(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as bundle:
        entries = bundle.infolist()
    names = [e.filename for e in entries]
    assert names == sorted(names)
    folder = offline_zip.stem
    assert all(name.startswith(f"{folder}/") for name in names)
    assert {e.date_time for e in entries} == {(2026, 11, 25, 0, 0, 0)}
    assert {e.external_attr >> 16 for e in entries} == {0o100644}
    assert {e.create_system for e in entries} == {3}
    assert {e.extra for e in entries} == {b""}


def test_build_date_comes_from_the_environment() -> None:
    assert offline_copy.build_date_from_environment({"BUILD_DATE": "2026-11-25"}) == BUILD_DATE
    # 2026-11-25 23:30 UTC is still the 25th, whatever the local time zone of the build machine.
    assert offline_copy.build_date_from_environment({"SOURCE_DATE_EPOCH": "1795649400"}) == BUILD_DATE
    assert offline_copy.epoch(BUILD_DATE) == 1795564800


def test_copy_carries_web_config_for_iis(offline_zip: Path) -> None:
    """The guide tells IIS users the zip has a web.config at the root of its folder."""
    with zipfile.ZipFile(offline_zip) as bundle:
        text = bundle.read(f"{offline_zip.stem}/web.config").decode("utf-8")
    root = ElementTree.fromstring(text)
    assert root.find("system.webServer/staticContent/mimeMap[@fileExtension='.ics']") is not None
    assert root.find("system.webServer/httpProtocol/customHeaders/add[@name='Content-Security-Policy']") is not None


def test_copy_carries_its_manifest_and_change_list(offline_root: Path) -> None:
    state = manifest.load(offline_root / "manifest.json")
    assert state["byggedato"] == BUILD_DATE.isoformat()
    assert state["version"] == offline_copy.version()
    # Every page of the copy is in the manifest, and every file it names exists in the copy.
    assert state["sider"] and all((offline_root / page["fil"]).is_file() for page in state["sider"].values())
    raw = (offline_root / "AENDRINGER.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark, for Windows Notepad
    text = raw.decode("utf-8-sig")
    assert "\n" not in text.replace("\r\n", "")  # CRLF line ends only
    assert text.replace("\r\n", "\n") == manifest.change_text(state)
    assert f"Nye sider ({len(state['sider'])}):" in text  # no previous manifest given: all pages are new


def test_copy_uses_file_urls_and_local_search(offline_root: Path, recommendation: SourcePage) -> None:
    assert (offline_root / "index.html").exists()
    assert (offline_root / offline_url(recommendation)).exists()
    assert (offline_root / "search" / "search_index.js").exists()
    (shim_file,) = (offline_root / "assets" / "javascripts").glob("iframe-worker-shim.*.js")  # content-hashed
    shim = shim_file.read_text(encoding="utf-8")
    assert "IFrameWorker" in shim
    for html in offline_root.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis.com" not in text, html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (tag, name) in {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")}:
                self.targets.append(value)


def test_every_local_link_points_to_a_file(offline_root: Path, source: Site) -> None:
    broken = []
    # 404.html is served by web servers for any missing path, so MkDocs gives it root-absolute links;
    # it is never opened from file://.
    pages = sorted(p for p in offline_root.rglob("*.html") if p.name != "404.html")
    assert sorted(p.relative_to(offline_root).as_posix() for p in pages) == sorted(offline_url(p) for p in source.pages)
    for html in pages:
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("#", "mailto:")) or not parts.path:
                continue
            resolved = (html.parent / unquote(parts.path)).resolve()
            if not resolved.is_file():
                broken.append(f"{html.relative_to(offline_root)} -> {target}")
    assert broken == []


@pytest.fixture
def offline_page(browser, offline_root: Path):
    """A browser tab in which every request that is not file:// is recorded and aborted."""
    with file_only_tab(browser) as tab:
        tab.root_url = offline_root.as_uri() + "/"
        yield tab
        assert tab.attempted == [], f"requests outside file://: {tab.attempted}"


@pytest.mark.browser
def test_search_works_offline(offline_page, recommendation: SourcePage) -> None:
    offline_page.goto(offline_page.root_url + "index.html")
    field = offline_page.locator("input.md-search__input")
    expect(field).to_be_visible()
    field.click()
    expect(offline_page.locator(".md-search-result__meta")).to_have_text("Indtast søgeord", timeout=20000)
    field.press_sequentially(str(recommendation.meta["kort_titel"]).lower(), delay=15)
    first = offline_page.locator(".md-search-result__item > a").first
    # expect() retries: results of an earlier keystroke may be on screen first.
    expect(first).to_have_attribute("href", re.compile(re.escape(offline_url(recommendation))), timeout=15000)


@pytest.mark.browser
def test_danish_search_works_offline(offline_page) -> None:
    """The Danish analysis runs in the offline copy too (the worker through the iframe shim):
    a definite plural finds the pages that use the word in other forms."""
    offline_page.goto(offline_page.root_url + "index.html")
    field = offline_page.locator("input.md-search__input")
    field.click()
    expect(offline_page.locator(".md-search-result__meta")).to_have_text("Indtast søgeord", timeout=20000)
    field.press_sequentially("anbefalingerne", delay=15)
    # Results of earlier keystrokes (»anbefalingern«) can still be on screen: wait for the whole word's,
    # whose highlight carries its stem.
    results = offline_page.locator(".md-search-result__item > a")
    expect(results.first).to_have_attribute("href", re.compile(r"[?&]h=anbefaling$"), timeout=15000)
    top = [results.nth(i).get_attribute("href") or "" for i in range(min(results.count(), 5))]
    assert any("/anbefalinger/" in href for href in top), top


@pytest.mark.browser
def test_catalogue_filter_works_offline(offline_page, source: Site) -> None:
    offline_page.goto(offline_page.root_url + "praksiseksempler/index.html")
    total = len(source.examples())
    # A recommendation that some examples show and others do not, taken from the content model.
    number = next(
        r.meta["nummer"]
        for r in source.recommendations()
        if 0 < len(source.examples_for(r.meta["nummer"])) < len(source.examples())
    )
    offline_page.select_option("#katalog-anbefaling", str(number))
    expect(offline_page.locator("[data-katalog-antal]")).to_contain_text(f"Viser {len(source.examples_for(number))} af")
    visible = offline_page.locator(".katalog__eksempel:visible")
    assert visible.count() == len(source.examples_for(number))
    for i in range(visible.count()):
        shown = visible.nth(i).locator('[data-felt="anbefaling"]').inner_text()
        assert str(number) in re.findall(r"\d+", shown)
    expect(offline_page.locator("[data-katalog-antal]")).to_contain_text(f"af {total}")


def switch_language(page, lang: str, expected_url: str) -> None:
    """Use the language menu in the header like a reader, and check where it leads."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang='{lang}']").click()
    page.wait_for_url(re.compile(f".*/{re.escape(expected_url)}$"))
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.browser
def test_language_switch_works_offline(offline_page, recommendation: SourcePage) -> None:
    danish = offline_url(recommendation)
    offline_page.goto(offline_page.root_url + danish)
    switch_language(offline_page, "en", "en/" + danish)
    switch_language(offline_page, "da", danish)


@pytest.mark.browser
def test_danish_only_page_switches_to_english_front_page_offline(offline_page, source: Site) -> None:
    untranslated = danish_only(source)
    if not untranslated:
        pytest.skip("every Danish page has an English version today (the small fixture site covers the case)")
    offline_page.goto(offline_page.root_url + offline_url(untranslated[0]))
    switch_language(offline_page, "en", "en/index.html")


@pytest.mark.browser
def test_footer_tells_age_and_version_of_the_copy(offline_page) -> None:
    offline_page.goto(offline_page.root_url + "index.html")
    note = offline_page.locator(".offline-note")
    expect(note).to_contain_text("Offline-kopi bygget 25.11.2026")
    expect(note).to_contain_text("fra version")
    assert note.locator("a").get_attribute("href", timeout=1000).startswith("http")


@pytest.mark.browser
def test_every_kind_of_page_opens_cleanly_offline_within_its_security_policy(
    offline_page, offline_root: Path, source: Site, recommendation: SourcePage
) -> None:
    # A page of each kind (tests/resource_groups.py) from file://: no failed request, no console error
    # (e.g. a sitemap fetch, which file:// never allows), no uncaught script error (the fixture also
    # refuses anything outside file://), and no Content-Security-Policy violation. From file:// Chromium
    # gives pages an opaque origin; 'self' must still cover the copy's own files, and search runs in the
    # iframe stand-in for a Worker (iframe-worker-shim.js).
    watch_csp(offline_page)
    pages = sorted(p.relative_to(offline_root).as_posix() for p in offline_root.rglob("*.html") if p.name != "404.html")
    violations: dict[str, list[str]] = {}
    problems = console_problems(
        offline_page.context,
        [(offline_root / path).as_uri() for path in one_page_per_resource_set(offline_root, pages)],
        tab=offline_page,
        after_load=lambda tab, url: violations.__setitem__(url, csp_violations(tab)),
    )
    assert problems == []
    assert {url: found for url, found in violations.items() if found} == {}
    test_search_works_offline(offline_page, recommendation)
    assert csp_violations(offline_page) == []
    test_catalogue_filter_works_offline(offline_page, source)
    assert csp_violations(offline_page) == []
    test_language_switch_works_offline(offline_page, recommendation)
    assert csp_violations(offline_page) == []


@pytest.mark.browser
def test_copy_works_in_a_folder_with_spaces_and_danish_letters(offline_page, share_root: Path) -> None:
    """What the guide promises for a network share: open index.html, follow links, search."""
    offline_page.goto(share_root.as_uri() + "/index.html")
    offline_page.locator(".md-nav--primary a.md-nav__link[href*='praksiseksempler']").first.click()
    offline_page.wait_for_url(re.compile(r".*/praksiseksempler/index\.html$"))
    assert "B%C3%B8rn%20og%20unge" in offline_page.url
    field = offline_page.locator("input.md-search__input")
    field.click()
    expect(offline_page.locator(".md-search-result__meta")).to_have_text("Indtast søgeord", timeout=20000)
    field.press_sequentially("barnet", delay=15)
    first = offline_page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=15000)
    first.click()
    offline_page.wait_for_load_state()
    assert offline_page.url.startswith(share_root.as_uri())
    assert offline_page.locator("h1").count() == 1
