"""On the real site, whatever its content: every recommendation, practice example and partnership
member is found by the distinctive words of its own title, typed into the real search box.

The pages and titles come from the content model at run time (scripts/lib/boerneinddragelse/site.py), so editors
can add, rename and remove pages. The distinctive words of a title are its two words of four or more
letters that the fewest other titles share (longer first on a tie). Where a word ends in a Danish
noun suffix whose inflection is regular (-else, -ing, -tion, -hed, -skab, plural -inger/-ioner), the
page must also be found by the inflected form alone (definite: "opbygningen", "beslutningerne"), if no
other title of the site has that word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from boerneinddragelse.model import DEFAULT_LANGUAGE
from boerneinddragelse.site import SourcePage, load_site
from boerneinddragelse.urls import page_url
from devtools.search_probe import SearchBox
from search_goals import BelowGoal

from conftest import ROOT

TOP = 5
MIN_LETTERS = 4
WORDS_PER_QUERY = 2
# Regular definite forms of nouns with these endings (longest ending first).
DEFINITE_ENDINGS = (
    ("inger", "ingerne"),
    ("ioner", "ionerne"),
    ("else", "elsen"),
    ("ning", "ningen"),
    ("ing", "ingen"),
    ("tion", "tionen"),
    ("hed", "heden"),
    ("skab", "skabet"),
)


@dataclass(frozen=True)
class TitleQuery:
    url: str  # the page's path from the site root
    title: str
    text: str  # what is typed
    root: str  # the page the search is typed on


def title_words(title: str) -> list[str]:
    return list(dict.fromkeys(w for w in re.findall(r"[^\W\d_]+", title.casefold()) if len(w) >= MIN_LETTERS))


def distinctive_words(title: str, all_titles: list[str]) -> list[str]:
    """The words of title that the fewest titles contain, longer first on a tie."""
    sets = [set(title_words(t)) for t in all_titles]
    words = title_words(title)
    ranked = sorted(words, key=lambda w: (titles_with(w, sets), -len(w), words.index(w)))
    return ranked[:WORDS_PER_QUERY]


def titles_with(word: str, title_sets: list[set[str]]) -> int:
    return sum(word in s for s in title_sets)


def definite_form(word: str) -> str | None:
    for ending, replacement in DEFINITE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    return None


def searched_pages() -> tuple[list[SourcePage], dict[str, list[str]]]:
    """The pages to find, and every title of the site per language (what "distinctive" is measured on)."""
    site = load_site(ROOT / "docs")
    pages = [*site.recommendations(), *site.examples(), *site.members(), *site.recommendations("en")]
    titles: dict[str, list[str]] = {}
    for page in site.pages:
        titles.setdefault(page.lang, []).append(page.title)
    return pages, titles


def _queries(inflected: bool) -> Iterator[TitleQuery]:
    """By its distinctive title words; or (inflected) by the definite form of one of them, alone,
    where the word is regular (see DEFINITE_ENDINGS) and no other title of the site has it."""
    pages, titles = searched_pages()
    for page in pages:
        words = distinctive_words(page.title, titles[page.lang])
        if inflected:
            sets = [set(title_words(t)) for t in titles[page.lang]]
            forms = [
                definite_form(w)
                for w in words
                if page.lang == DEFAULT_LANGUAGE and definite_form(w) and titles_with(w, sets) == 1
            ]
            if not forms:
                continue
            words = forms[:1]
        url = page_url(page.base, page.lang, directory_urls=True)
        root = "" if page.lang == DEFAULT_LANGUAGE else f"{page.lang}/"
        yield TitleQuery(url, page.title, " ".join(words), root)


def run(box: SearchBox, queries: list[TitleQuery]) -> list[str]:
    """Misses, each as one readable line."""
    misses = []
    for root in dict.fromkeys(q.root for q in queries):
        box.open(root)
        for q in (q for q in queries if q.root == root):
            results = box.search(q.text)
            if q.url not in results[:TOP]:
                rank = results.index(q.url) + 1 if q.url in results else None
                misses.append(f"»{q.text}« (title »{q.title}«): {q.url} at rank {rank}; top {TOP}: {results[:TOP]}")
    return misses


def test_title_words_are_chosen_from_the_titles_themselves() -> None:
    titles = ["Når rådgiveren skifter", "Tid og rum til samtalen med barnet", "Barnets egne mål i barnets plan"]
    assert distinctive_words(titles[0], titles) == ["rådgiveren", "skifter"]
    assert distinctive_words(titles[2], titles) == ["barnets", "egne"]
    assert definite_form("inddragelse") == "inddragelsen"
    assert definite_form("beslutninger") == "beslutningerne"
    assert definite_form("relation") == "relationen"
    assert definite_form("rådgiver") is None
    pages, titles = searched_pages()
    assert {p.type.name for p in pages} >= {"anbefaling", "praksiseksempel", "medlem"}
    assert all(p.title in titles[p.lang] for p in pages)


@pytest.mark.browser
def test_every_page_is_found_by_the_words_of_its_title(page, site_url: str) -> None:
    queries = list(_queries(inflected=False))
    assert len(queries) >= 20
    assert run(SearchBox(page, site_url), queries) == []


@pytest.mark.browser
def test_every_page_is_found_by_an_inflected_form_of_its_title_words(page, site_url: str, capsys) -> None:
    queries = list(_queries(inflected=True))
    assert len(queries) >= 5
    misses = run(SearchBox(page, site_url), queries)
    with capsys.disabled():
        print(f"\ninflected title words: {len(queries) - len(misses)} of {len(queries)} found in the top {TOP}")
        print("\n".join(misses))
    if misses:
        raise BelowGoal(f"{len(misses)} of {len(queries)} pages not found by an inflected form of their title words")
