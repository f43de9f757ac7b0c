"""The built site: strict build, reproducibility, languages, metadata, navigation and generated lists.

The real site is built once per session (conftest.built_site); tests that need another
docs tree copy docs/ into tmp_path, change it, and build it with conftest.build_site.
Tests of the real content check properties that stay true when editors add, translate or remove
pages, and pick their example pages from the content model; behaviour that needs a particular
page (e.g. a Danish-only one) is also tested on the small fixture site (conftest.small_site).
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from boerneinddragelse.model import PAGE_TYPES, PRAKSISEKSEMPEL, SIDE
from boerneinddragelse.site import Site, SourcePage, load_site
from boerneinddragelse.urls import page_url
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from conftest import ROOT, build_site, danish_only, load_hooks

DOCS = ROOT / "docs"
HOSTILE_TITLE = 'Test <script>alert("x")</script> & "citat"'
ESCAPED_TAG = "&lt;script&gt;alert("
# Hosts that would make the site depend on someone else's server: the site serves only its own files.
FOREIGN_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net")
# Material's minified bundle is vendored as-is. It contains two lazy loaders from unpkg.com that
# are not under our control and never run here: a ResizeObserver polyfill, loaded only in browsers
# without ResizeObserver, and Mermaid, loaded only for Mermaid diagrams (the site has none and
# configures no Mermaid fence). Exactly these two URLs are allowed there, nothing else.
MATERIAL_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js(\.map)?$")
MATERIAL_BUNDLE_URLS = {
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
}


# ---------------------------------------------------------------------------- a small HTML tree


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def iter(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes)
            and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if any(e.tag == tag for e in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(path: Path) -> Element:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return builder.root


# ---------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def source() -> Site:
    site = load_site(DOCS)
    assert [p.format() for p in site.problems] == []
    return site


def url_of(page: SourcePage) -> str:
    return page_url(page.base, page.lang, True)


def html_file(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def html_pages(site_dir: Path) -> list[str]:
    """Every built HTML file, relative to the site, in sorted order."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def resolve(href: str, current_url: str) -> str:
    """A link on the page at current_url, as a site-relative URL (what a browser would request)."""
    path = urlsplit(href).path
    folder = current_url if current_url.endswith("/") else posixpath.dirname(current_url)
    resolved = posixpath.normpath(posixpath.join("/" + folder, path)).lstrip("/")
    return resolved + "/" if resolved and path.endswith("/") else resolved


def primary_nav_links(document: Element) -> list[str]:
    """The page links of the main navigation, without the current page's table of contents."""
    nav = document.find("nav", "md-nav--primary")
    links = []
    for link in nav.find_all("a", "md-nav__link"):
        href = link.attrs.get("href", "")
        if not href.startswith("#"):
            links.append(href)
    return links


# ---------------------------------------------------------------------------- the build itself


def test_real_site_builds_strictly(built_site: Path, source: Site) -> None:
    # conftest.built_site runs `mkdocs build --strict` and fails on any warning.
    assert (built_site / "index.html").is_file()
    assert (built_site / "feed.xml").is_file()
    assert (built_site / "kalender" / "alle.ics").is_file()
    assert {p.type.name for p in source.pages} == set(PAGE_TYPES)


def test_built_pages_are_exactly_the_source_pages(built_site: Path, source: Site) -> None:
    """A golden list derived from docs/: every page is built at its URL, and nothing else is."""
    # Plus the browser editor, which the build copies in when the npm package is installed.
    editor = ["admin/index.html"] if (built_site / "admin").exists() else []
    expected = sorted([url_of(p) + "index.html" for p in source.pages] + ["404.html", *editor])
    assert html_pages(built_site) == expected


@pytest.mark.build
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # MkDocs stamps sitemap.xml (<lastmod>) and the mtime inside sitemap.xml.gz with the build
    # date, which is not under our control; SOURCE_DATE_EPOCH (the reproducible-builds convention
    # MkDocs honours) pins it so that a build crossing midnight cannot differ. Nothing is excluded.
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first, second = tmp_path / "a", tmp_path / "b"
    for destination in (first, second):
        result = build_site(destination, **env)
        assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert "sitemap.xml.gz" in files and "search/search_index.json" in files
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []


# ---------------------------------------------------------------------------- languages


def test_every_page_declares_its_language(built_site: Path) -> None:
    wrong = []
    for rel in html_pages(built_site):
        if rel == "404.html":
            continue  # see test_404_page_is_danish
        expected = "en" if rel.startswith("en/") else "da"
        html = parse_html(built_site / rel).find("html")
        if html.attrs.get("lang") != expected:
            wrong.append((rel, html.attrs.get("lang")))
    assert wrong == []


def test_404_page_is_danish(built_site: Path) -> None:
    document = parse_html(built_site / "404.html")
    assert document.find("html").attrs.get("lang") == "da"
    assert document.find("title").text().endswith("Børneinddragelse i sagsbehandlingen")


def test_danish_only_pages_are_not_copied_into_english(built_site: Path, source: Site) -> None:
    for page in danish_only(source):
        assert not html_file(built_site, "en/" + url_of(page)).exists(), page.rel
    english = sorted(url_of(p) + "index.html" for p in source.pages if p.lang == "en")
    assert [p for p in html_pages(built_site) if p.startswith("en/")] == english


def test_danish_only_page_of_the_fixture_site_is_not_copied_into_english(small_site: Path) -> None:
    assert (small_site / "kun-dansk" / "index.html").is_file()
    assert not (small_site / "en" / "kun-dansk").exists()
    assert not (small_site / "en" / "praksiseksempler").exists()
    assert not (small_site / "en" / "anbefalinger" / "2-giv-barnet-tid").exists()
    assert (small_site / "en" / "anbefalinger" / "1-lyt-til-barnet" / "index.html").is_file()


# ---------------------------------------------------------------------------- page metadata


def test_meta_description_is_the_front_matter_description(built_site: Path, source: Site) -> None:
    for page in source.pages:
        document = parse_html(html_file(built_site, url_of(page)))
        metas = document.find_all("meta", name="description")
        assert len(metas) == 1, page.rel
        content = metas[0].attrs.get("content", "")
        assert content.strip(), page.rel
        assert content == page.meta["description"], page.rel


def test_title_is_the_front_matter_title(built_site: Path, source: Site) -> None:
    for page in source.pages:
        document = parse_html(html_file(built_site, url_of(page)))
        assert document.find("title").text().startswith(page.title), page.rel
        assert document.find("h1").text().startswith(page.title), page.rel


def test_every_page_shows_when_it_was_last_revised(built_site: Path, source: Site) -> None:
    for page in source.pages:
        document = parse_html(html_file(built_site, url_of(page)))
        revised = document.find("p", "sidst-revideret")
        label = "Last revised" if page.lang == "en" else "Senest revideret"
        assert revised.text().startswith(label + " "), page.rel
        stamp = revised.find("time").attrs["datetime"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", stamp), page.rel
        # The revision date, or for news the publication date, moved on by any later correction.
        updates = [u["dato"] for u in page.meta.get("opdateringer", [])]
        expected = max([page.meta.get("revideret") or page.meta["date"], *updates])
        assert stamp == expected, page.rel


# ---------------------------------------------------------------------------- navigation


@pytest.mark.parametrize("where", ["front page", "an example", "English front page"])
def test_navigation_leaves_out_catalogue_and_news_items(built_site: Path, source: Site, where: str) -> None:
    url = {"front page": "", "an example": url_of(source.examples()[0]), "English front page": "en/"}[where]
    links = [resolve(href, url) for href in primary_nav_links(parse_html(html_file(built_site, url)))]
    items = [link for link in links if re.fullmatch(r"(en/)?(praksiseksempler|nyheder)/[^/]+/", link)]
    assert items == []
    if not url.startswith("en/"):
        assert "praksiseksempler/" in links
        assert "nyheder/" in links


@pytest.mark.parametrize("lang", ["da", "en"])
def test_navigation_lists_recommendations_in_number_order(built_site: Path, source: Site, lang: str) -> None:
    front = page_url("index.md", lang, True)
    links = [resolve(href, front) for href in primary_nav_links(parse_html(html_file(built_site, front)))]
    prefix = "" if lang == "da" else "en/"
    listed = [link for link in links if re.fullmatch(prefix + r"anbefalinger/[^/]+/", link)]
    expected = [url_of(p) for p in source.recommendations(lang)]
    numbers = [p.meta["nummer"] for p in source.recommendations(lang)]
    assert numbers == sorted(numbers) and numbers
    assert listed == expected


def test_every_page_has_its_languages_whole_menu_marking_only_itself(built_site: Path) -> None:
    # The pages outside the menu share one rendering of it (shared_navigation): it must still be the
    # language's whole menu, with working links from where each page is, and mark no page but the current one.
    menus: dict[str, set[frozenset[str]]] = {"da": set(), "en": set()}
    outside = 0
    for rel in html_pages(built_site):
        if rel == "404.html" or rel.startswith("admin/"):
            continue
        url = rel[: -len("index.html")]
        document = parse_html(built_site / rel)
        links = frozenset(resolve(href, url) for href in primary_nav_links(document))
        menus["en" if url.startswith("en/") else "da"].add(links)
        nav = document.find("nav", "md-nav--primary")
        marked = {resolve(a.attrs["href"], url) for a in nav.find_all("a", "md-nav__link--active")}
        assert marked == ({url} if url in links else set()), rel
        outside += url not in links
    assert outside > 1
    assert [len(found) for found in menus.values()] == [1, 1]


def test_navigation_follows_nav_orden(built_site: Path, source: Site) -> None:
    links = [resolve(href, "") for href in primary_nav_links(parse_html(built_site / "index.html"))]
    ordered = sorted(
        (p for p in source.pages if p.lang == "da" and "nav_orden" in p.meta),
        key=lambda p: p.meta["nav_orden"],
    )
    assert len(ordered) >= 2
    positions = [links.index(url_of(p)) for p in ordered]
    assert positions == sorted(positions)


# ---------------------------------------------------------------------------- generated lists


@pytest.mark.parametrize("lang", ["da", "en"])
def test_each_recommendation_lists_exactly_its_examples(built_site: Path, source: Site, lang: str) -> None:
    checked = 0
    for page in source.recommendations(lang):
        number = page.meta["nummer"]
        from_front_matter = sorted(
            (p for p in source.pages if p.type is PRAKSISEKSEMPEL and number in p.meta["anbefalinger"]),
            key=lambda p: p.title.casefold(),
        )
        if not from_front_matter:
            continue
        url = url_of(page)
        listing = parse_html(html_file(built_site, url)).find("div", "eksempelliste")
        links = listing.find_all("a", "eksempelliste__link")
        listed = [resolve(a.attrs["href"], url) for a in links]
        assert listed == [url_of(p) for p in source.examples_for(number)] == [url_of(p) for p in from_front_matter]
        assert [a.text() for a in links] == [p.title for p in from_front_matter]
        checked += 1
    assert checked


def test_example_pages_link_back_to_their_recommendations_by_title(built_site: Path, source: Site) -> None:
    for example in source.examples():
        url = url_of(example)
        links = parse_html(html_file(built_site, url)).find("ul", "eksempel-anbefalinger").find_all("a")
        recommendations = [source.recommendation(n) for n in example.meta["anbefalinger"]]
        assert [a.text() for a in links] == [f"Anbefaling {r.meta['nummer']}: {r.title}" for r in recommendations]
        assert [resolve(a.attrs["href"], url) for a in links] == [url_of(r) for r in recommendations]


def test_members_list_is_exactly_the_member_pages(built_site: Path, source: Site) -> None:
    listing = parse_html(built_site / "partnerskab" / "index.html").find("ul", "medlemmer")
    listed = sorted(resolve(a.attrs["href"], "partnerskab/") for a in listing.find_all("a"))
    member_files = sorted(
        f"partnerskab/{p.stem}/"
        for p in (DOCS / "partnerskab").glob("*.md")
        if p.name != "index.md" and p.suffixes == [".md"]
    )
    assert listed == sorted(url_of(p) for p in source.members()) == member_files
    assert listed


def test_catalogue_lists_every_example(built_site: Path, source: Site) -> None:
    listing = parse_html(built_site / "praksiseksempler" / "index.html").find("ul", "katalog__liste")
    titles = [h.text() for h in listing.find_all("h2", "katalog__titel")]
    assert titles == [p.title for p in source.examples()]
    danish_files = [p for p in (DOCS / "praksiseksempler").glob("*.md") if p.suffixes == [".md"]]
    assert len(titles) == len(danish_files) - 1  # all but index.md


def test_internal_links_and_assets_resolve(built_site: Path) -> None:
    broken = []
    for rel in html_pages(built_site):
        current = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        for element in parse_html(built_site / rel).iter():
            for attribute in ("href", "src"):
                value = element.attrs.get(attribute)
                if not value or value.startswith(("#", "mailto:", "javascript:")) or urlsplit(value).scheme:
                    continue
                target = built_site / resolve(value, current)
                if not (target.is_file() or (target / "index.html").is_file()):
                    broken.append((rel, value))
    assert broken == []


# ---------------------------------------------------------------------------- self-contained output


def test_no_built_file_references_a_cdn_or_font_service(built_site: Path) -> None:
    found = []
    for path in sorted(built_site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(built_site).as_posix()
        text = path.read_bytes().decode("utf-8", errors="replace")
        if MATERIAL_BUNDLE.search(rel):
            urls = set(re.findall(r"https?://(?:" + "|".join(map(re.escape, FOREIGN_HOSTS)) + r")[^\"'`\s)\\]*", text))
            assert urls <= MATERIAL_BUNDLE_URLS, rel
            continue
        found += [(rel, host) for host in FOREIGN_HOSTS if host in text]
    assert found == []


def test_pages_load_scripts_styles_and_images_only_from_the_site(built_site: Path) -> None:
    absolute = []
    for rel in html_pages(built_site):
        document = parse_html(built_site / rel)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("source", "src")):
            for element in document.find_all(tag):
                value = element.attrs.get(attribute, "")
                if tag == "link" and element.attrs.get("rel") == "canonical":
                    # The canonical address names the page for search engines; nothing is fetched.
                    assert value.startswith("http://127.0.0.1:8000/"), rel
                    continue
                if urlsplit(value).scheme or value.startswith("//"):
                    absolute.append((rel, tag, value))
    assert absolute == []


# ---------------------------------------------------------------------------- escaping


def _set_field(path: Path, name: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    quoted = "'" + value.replace("'", "''") + "'"
    new, count = re.subn(rf"^{name}: .*$", lambda _: f"{name}: {quoted}", text, count=1, flags=re.MULTILINE)
    assert count == 1, (path, name)
    path.write_text(new, encoding="utf-8")


@dataclass
class HostileBuild:
    site: Path
    recommendation: str  # built HTML file of the recommendation with the hostile title
    example: str  # built HTML file of one of its examples, also with a hostile title


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileBuild:
    """The real docs with markup characters in one recommendation's and one of its examples' title and description."""
    project = tmp_path_factory.mktemp("hostile")
    docs = project / "docs"
    shutil.copytree(DOCS, docs)
    source = load_site(docs)
    recommendation = next(r for r in source.recommendations() if source.examples_for(r.meta["nummer"]))
    example = source.examples_for(recommendation.meta["nummer"])[0]
    _set_field(docs / recommendation.rel, "title", HOSTILE_TITLE + " anbefaling")
    _set_field(docs / recommendation.rel, "description", HOSTILE_TITLE + " beskrivelse af anbefalingen")
    _set_field(docs / example.rel, "title", HOSTILE_TITLE + " eksempel")
    _set_field(docs / example.rel, "description", HOSTILE_TITLE + " beskrivelse af eksemplet")
    assert load_site(docs).problems == []  # still a valid page: the schema allows these characters
    result = build_site(project / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    return HostileBuild(project / "site", url_of(recommendation) + "index.html", url_of(example) + "index.html")


def test_generated_lists_escape_front_matter(hostile: HostileBuild) -> None:
    hostile_build = hostile.site
    checks = {
        "praksiseksempler/index.html": ("katalog__liste", "eksempel"),
        "anbefalinger/index.html": ("anbefalinger", "anbefaling"),
        hostile.recommendation: ("eksempelliste", "eksempel"),
        hostile.example: ("eksempel-anbefalinger", "anbefaling"),
    }
    for rel, (css_class, suffix) in checks.items():
        html = (hostile_build / rel).read_text(encoding="utf-8")
        start = html.index(f'class="{css_class}')
        section = html[start : start + 20000]
        assert ESCAPED_TAG in section, rel
        assert "&lt;/script&gt; &amp; &#34;citat&#34; " + suffix in section, rel
        assert "<script>alert" not in section, rel
    # Read back as a browser would: the text is the editor's text, not markup.
    catalogue = parse_html(hostile_build / "praksiseksempler" / "index.html").find("ul", "katalog__liste")
    assert HOSTILE_TITLE + " eksempel" in [h.text() for h in catalogue.find_all("h2", "katalog__titel")]


def test_front_matter_markup_is_escaped_in_every_page(hostile: HostileBuild) -> None:
    hostile_build = hostile.site
    raw = [rel for rel in html_pages(hostile_build) if "<script>alert" in (hostile_build / rel).read_text("utf-8")]
    assert raw == []
    for rel, kind in ((hostile.recommendation, "anbefaling"), (hostile.example, "eksempel")):
        document = parse_html(hostile_build / rel)
        assert document.find("title").text().startswith(f"{HOSTILE_TITLE} {kind}")
        assert document.find("h1").text() == f"{HOSTILE_TITLE} {kind}"
        assert document.find("meta", name="description").attrs["content"].startswith(HOSTILE_TITLE)


# ---------------------------------------------------------------------------- failing builds


def _broken_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    return docs


BROKEN_EXAMPLE = """---
title: Et eksempel med en fejl
description: Et eksempel, der henviser til en anbefaling med et nummer, som ikke findes.
anbefalinger:
  - 9
temaer:
  - boernesamtalen
maalgruppe:
  - 6-12
illustrativ: true
date: 2024-01-10
revideret: 2024-01-10
---

Tekst.
"""


@pytest.mark.build
def test_content_model_error_fails_the_build_naming_file_and_line(tmp_path: Path) -> None:
    docs = _broken_copy(tmp_path)
    (docs / "praksiseksempler" / "eksempel-med-fejl.md").write_text(BROKEN_EXAMPLE, encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "Indholdet bryder indholdsmodellen (1 fejl)" in result.stderr
    assert "docs/praksiseksempler/eksempel-med-fejl.md:5:5: fejl:" in result.stderr
    assert "[uden-for-interval]" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.build
def test_unknown_marker_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    docs = _broken_copy(tmp_path)
    page = next(p for p in load_site(docs).pages if p.lang == "da" and p.type is SIDE and p.rel != "index.md")
    path = docs / page.rel
    path.write_text(path.read_text(encoding="utf-8") + "\n<!-- praksis-eksempler -->\n", encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    pattern = rf"docs/{re.escape(page.rel)}:\d+:1: fejl: Ukendt markør »praksis-eksempler«.*\[ukendt-markoer\]"
    assert re.search(pattern, result.stderr)


@pytest.mark.build
def test_the_editor_rules_fail_the_build_too(tmp_path: Path) -> None:
    docs = _broken_copy(tmp_path)
    fixtures = ROOT / "tests" / "fixtures" / "validate"
    shutil.copy(fixtures / "filnavn-tegn" / "bad" / "docs" / "Om os.md", docs / "Om os.md")
    shutil.copy(fixtures / "filtype" / "bad" / "docs" / "kontakt.MD", docs / "kontakt.MD")
    shutil.copy(fixtures / "filtype" / "bad" / "docs" / "om.markdown", docs / "andet.markdown")
    shutil.copy(fixtures / "forkert-mappe" / "bad" / "docs" / "praksiseksempler" / "temadag.md", docs / "partnerskab")
    future = fixtures / "opdatering-i-fremtiden" / "bad" / "docs" / "nyheder" / "2024-01-10-ny-udgivelse.md"
    shutil.copy(future, docs / "nyheder" / "2024-01-10-ny-udgivelse-test.md")
    menu = fixtures / "nav-orden-sted" / "bad" / "docs" / "praksiseksempler" / "et-eksempel.md"
    shutil.copy(menu, docs / "praksiseksempler" / "et-eksempel-test.md")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "docs/Om os.md:1:1: fejl: Filnavnet »Om os« " in result.stderr
    assert "Omdøb filen til »docs/om-os.md«" in result.stderr
    assert "docs/kontakt.MD:1:1: fejl: " in result.stderr and "»docs/kontakt.md«" in result.stderr
    assert "docs/andet.markdown:1:1: fejl: " in result.stderr
    assert "docs/partnerskab/temadag.md:5:1: fejl: Feltet »arrangementer« viser" in result.stderr
    assert "[ukendt-felt]" not in result.stderr
    assert "docs/nyheder/2024-01-10-ny-udgivelse-test.md:6:5: fejl: " in result.stderr
    assert "[opdatering-i-fremtiden]" in result.stderr
    assert "docs/praksiseksempler/et-eksempel-test.md:10:1: fejl: »nav_orden« " in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_stray_markdown_files_are_left_out_of_the_files_mkdocs_builds(tmp_path: Path) -> None:
    """Also where the build goes on after an error (the preview): never a raw copy of an editor's file."""
    content_hooks = load_hooks("content_hooks")
    files = Files(
        [File(name, str(tmp_path), str(tmp_path / "site"), True) for name in ("om.md", "om.MD", "x.markdown")]
    )
    config = MkDocsConfig()
    config.load_dict({"docs_dir": str(tmp_path), "site_name": "Test"})
    kept = content_hooks.on_files(files, config)
    assert [f.src_uri for f in kept if not f.src_uri.startswith("assets/")] == ["om.md"]  # generated assets aside
