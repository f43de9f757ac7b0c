"""The Danish search engine in the real search box of the built site (properties that hold for any
content): illustrative examples are labelled, previews show the page's own words, short fragments
find nothing inside words, each language's pages come first on its own site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from content import analysis
from content.site import load_site
from search_probe import RESULT_ITEMS, SearchBox

pytestmark = pytest.mark.browser

SITE = load_site(ROOT / "docs")


def index_docs(built_site: Path) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def previews(page) -> list[dict]:
    return page.eval_on_selector_all(
        RESULT_ITEMS,
        "items => items.map(li => ({href: li.querySelector('a').href, html: li.innerHTML, text: li.innerText}))",
    )


def test_an_illustrative_example_is_labelled_in_the_results(page, site_url: str) -> None:
    example = next(p for p in SITE.examples() if p.meta.get("illustrativ"))
    box = SearchBox(page, site_url)
    box.open()
    box.search(example.title)
    (item,) = [i for i in previews(page) if f"/{Path(example.base).with_suffix('').as_posix()}/" in i["href"]][:1]
    assert 'class="maerke-konstrueret"' in item["html"]
    assert "Konstrueret eksempel" in item["text"]


def test_previews_show_only_the_pages_own_words(page, site_url: str, built_site: Path) -> None:
    """No index-only term (a compound part's stem) appears in a result's title or preview."""
    docs = index_docs(built_site)
    shown = {word for doc in docs for word in analysis.words(html.unescape(re.sub(r"<[^>]+>", " ", doc["title"])))}
    shown |= {word for doc in docs for word in analysis.words(html.unescape(re.sub(r"<[^>]+>", " ", doc["text"])))}
    shown |= set(analysis.words("Konstrueret eksempel Constructed example"))  # the label
    shown |= set(analysis.words("1 resultat mere på denne side, 2 resultater mere"))  # Material's own words
    box = SearchBox(page, site_url)
    box.open()
    for query in ("inddragelse", "møde", "plan"):
        box.search(query)
        items = previews(page)
        assert items, query
        for item in items:
            assert set(analysis.words(item["text"])) - shown == set(), (query, item["text"][:200])


def test_a_short_fragment_finds_nothing_inside_words(page, site_url: str, built_site: Path) -> None:
    """A three-letter piece that only ever occurs inside words (never at a word's start, never a
    compound part) gives no results, though it occurs in many words."""
    docs = index_docs(built_site)
    words = {w for d in docs for w in analysis.words(re.sub(r"<[^>]+>", " ", f"{d['title']} {d['text']}"))}
    parts = {t for d in docs for key in ("dele", "titeldele") for t in d.get(key, "").split()}
    starts = {w[:3] for w in words}
    inside: dict[str, int] = {}
    for word in words:
        for i in range(1, len(word) - 3):
            piece = word[i : i + 3]
            if piece.isalpha() and piece not in starts and analysis.stem(piece) not in parts:
                inside[piece] = inside.get(piece, 0) + 1
    fragment = max(sorted(inside), key=inside.get)
    assert inside[fragment] >= 3
    box = SearchBox(page, site_url)
    box.open()
    assert box.search(fragment) == []


def test_each_language_lists_its_own_pages_first(page, site_url: str) -> None:
    """A word that both languages' pages use: on /en/ English pages first, on the Danish site Danish."""
    box = SearchBox(page, site_url)
    box.open("en/")
    english = box.search("Lundy")
    assert english and english[0].startswith("en/"), english[:5]
    box.open("")
    danish = box.search("Lundy")
    assert danish and not danish[0].startswith("en/"), danish[:5]


def test_english_word_forms_find_english_pages(page, site_url: str) -> None:
    box = SearchBox(page, site_url)
    box.open("en/")
    results = box.search("recommended")  # English stem "recommend": "recommendations"
    assert results and results[0].startswith("en/"), results[:5]
