"""The readers' own words in the real search box, on the frozen search pages (tests/fixtures/search-site):
»Mente du …?« for a misspelt word, online, offline and on the English site, never for gibberish or a
query the site answers as typed; the label on a result found through a synonym or an old word.

The synonyms are the project's data (scripts/data/ordliste.yml); the one a test types is chosen at run
time: its source appears nowhere on the fixture, its target does.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from boerneinddragelse import analysis, readers_words, synonyms
from devtools.search_probe import INPUT, RESULT_ITEMS, SearchBox
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SUGGESTION = "[data-soegning-forslag]"
LABEL = ".soegning__synonym"


def fixture_texts(site: Path) -> list[list[str]]:
    """The words of each of the fixture's Danish index entries (title and text)."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return [
        analysis.words(html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")))
        for doc in docs
        if "sprog" not in doc
    ]


def fixture_words(site: Path) -> list[str]:
    """Every word of the fixture's Danish index entries."""
    return sorted({word for text in fixture_texts(site) for word in text})


def misspelt(words: list[str]) -> tuple[str, str]:
    """A long word of the site with two inner letters swapped, found by nothing as typed, and the word:
    the swap is one edit, the only correction the site's words give."""
    for word in sorted((w for w in words if 8 <= len(w) <= 12 and w.isalpha()), key=lambda w: (-len(w), w)):
        typo = word[:3] + word[4] + word[3] + word[5:]
        if (
            typo != word
            and not readers_words.found_in(typo, words)
            and readers_words.corrections(typo, words) == [word]
        ):
            return typo, word
    raise AssertionError("no word to misspell")


def suggestion(page) -> str:
    expect(page.locator(SUGGESTION)).to_be_visible()
    return page.locator(SUGGESTION).inner_text()


def test_a_misspelt_word_finds_its_pages_and_offers_the_word(page, search_fixture_url: str, search_fixture_site):
    typo, word = misspelt(fixture_words(search_fixture_site))
    box = SearchBox(page, search_fixture_url)
    box.open()
    found = box.search(typo, key_by_key=True)
    assert found, typo
    assert suggestion(page) == f"Mente du {word}?"
    page.locator(SUGGESTION).get_by_role("link").click()
    expect(page.locator(INPUT)).to_have_value(word)
    expect(page.locator(SUGGESTION)).to_have_count(0)  # the word as the site writes it: found as typed
    assert box.results()[:1] == found[:1]
    box.search(typo)
    assert suggestion(page)
    box.clear()  # an emptied box leaves no suggestion behind
    expect(page.locator(SUGGESTION)).to_have_count(0)


def test_no_suggestion_for_gibberish_or_a_word_the_site_has(page, search_fixture_url: str, search_fixture_site):
    words = fixture_words(search_fixture_site)
    box = SearchBox(page, search_fixture_url)
    box.open()
    assert box.search("xqzvbnq") == []
    page.wait_for_timeout(100)  # the suggestion is drawn just after the results
    expect(page.locator(SUGGESTION)).to_have_count(0)
    assert box.search(misspelt(words)[1])
    page.wait_for_timeout(100)
    expect(page.locator(SUGGESTION)).to_have_count(0)


def test_the_english_site_asks_in_english(page, search_fixture_url: str, search_fixture_site):
    typo, word = misspelt(fixture_words(search_fixture_site))
    box = SearchBox(page, search_fixture_url)
    box.open("en/")
    assert box.search(typo, key_by_key=True)
    assert suggestion(page) == f"Did you mean {word}?"


def test_the_offline_copy_offers_the_word_too(offline_tab, search_fixture_offline: Path, search_fixture_site):
    typo, word = misspelt(fixture_words(search_fixture_site))
    box = SearchBox(offline_tab, search_fixture_offline.as_uri() + "/", offline=True)
    box.open()
    assert box.search(typo, key_by_key=True)
    assert suggestion(offline_tab) == f"Mente du {word}?"


def test_a_result_found_through_a_synonym_says_which_word_it_matched(page, search_fixture_url, search_fixture_site):
    words, texts = fixture_words(search_fixture_site), fixture_texts(search_fixture_site)
    usable = [
        s
        for s in synonyms.synonyms()
        if len(s.source) == 1
        and not readers_words.found_in(s.source[0], words)
        and any(all(readers_words.found_in(w, text) for w in s.target_words) for text in texts)
    ]
    assert usable, "no synonym whose target the fixture has and whose source it lacks"
    box = SearchBox(page, search_fixture_url)
    box.open()
    for synonym in usable[:2]:
        assert box.search(synonym.text), synonym
        linking = "tidligere" if synonym.old else "også kaldet"
        first = page.locator(RESULT_ITEMS).first.locator(LABEL).first
        expect(first).to_have_text(f"{synonym.target} ({linking} {synonym.text})")
        expect(page.locator(SUGGESTION)).to_have_count(0)
    box.open("en/")  # the English site says it in English
    synonym = usable[0]
    assert box.search(synonym.text), synonym
    linking = "formerly" if synonym.old else "also called"
    expect(page.locator(f"{RESULT_ITEMS} {LABEL}").first).to_have_text(f"{synonym.target} ({linking} {synonym.text})")


def test_a_word_found_as_typed_gets_no_synonym_label(page, search_fixture_url, search_fixture_site):
    box = SearchBox(page, search_fixture_url)
    box.open()
    assert box.search(misspelt(fixture_words(search_fixture_site))[1])
    expect(page.locator(f"{RESULT_ITEMS} {LABEL}")).to_have_count(0)


def test_many_unknown_words_and_a_very_long_one_answer_quickly(page, search_fixture_url: str) -> None:
    """Corrections are looked for in bounded time: a few typed words per query, none for a word longer
    than any compound."""
    import time

    letters = "qxzvbnmkjw"
    gibberish = " ".join("".join(letters[(i * 7 + k * 3) % 10] for k in range(12)) for i in range(40))
    box = SearchBox(page, search_fixture_url)
    box.open()
    for query in (gibberish, "x" * 3000):
        started = time.perf_counter()
        assert box.search(query) == []
        assert time.perf_counter() - started < 3.0, query[:40]
