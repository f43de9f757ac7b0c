"""The JavaScript analyser (docs/assets/javascripts/soegeanalyse.js) in Chromium, on the shared
fixture that tests/test_analysis.py checks in Python: both sides must give the same answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from boerneinddragelse import analysis, browser_constants
from boerneinddragelse.site import load_site

from conftest import FROZEN_SEARCH_DOCS, ROOT

pytestmark = pytest.mark.browser

CASES = yaml.safe_load((Path(__file__).parent / "search" / "analyser_cases.yaml").read_text(encoding="utf-8"))
LEXICON = analysis.Lexicon.from_texts([CASES["compounds"]["lexicon"]])
SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "soegeanalyse.js"


@pytest.fixture
def analyser(page):
    page.set_content("<!doctype html><title>analyser</title>")
    page.add_script_tag(content=browser_constants.module_source())
    page.add_script_tag(path=str(SCRIPT))
    return page


def test_words(analyser) -> None:
    texts = [case["text"] for case in CASES["words"]]
    got = analyser.evaluate("texts => texts.map(t => Soegeanalyse.words(t))", texts)
    assert got == [[str(word) for word in case["words"]] for case in CASES["words"]]


def test_stems(analyser) -> None:
    words = list(CASES["stems"])
    got = analyser.evaluate("words => words.map(w => Soegeanalyse.stem(w))", words)
    assert dict(zip(words, got, strict=True)) == CASES["stems"]


def test_the_separator_lengths_and_stop_words_are_the_same_on_both_sides(analyser) -> None:
    assert analyser.evaluate("Soegeanalyse.SEPARATOR") == analysis.SEPARATOR
    assert analyser.evaluate("Soegeanalyse.MIN_PART_STEM") == analysis.MIN_PART_STEM
    assert analyser.evaluate("Soegeanalyse.MIN_PREFIX") == analysis.MIN_PREFIX
    assert sorted(analyser.evaluate("Soegeanalyse.STOP_WORDS")) == sorted(analysis.STOP_WORDS)


def test_matching_rule(analyser) -> None:
    cases = [
        {
            "query": case["query"],
            "words": analysis.words(case["text"]),
            "parts": analysis.index_terms(case["text"], LEXICON),
        }
        for case in CASES["matches"]
    ]
    got = analyser.evaluate("cases => cases.map(c => Soegeanalyse.matcher(c.query)(c.words, c.parts))", cases)
    assert got == [case["match"] for case in CASES["matches"]]


def _danish_words(docs: Path) -> set[str]:
    site = load_site(docs)
    texts = (f"{page.title} {page.front.body}" for page in site.pages if page.lang == "da")
    return {word for text in texts for word in analysis.words(text)}


def test_both_stemmers_agree_on_every_word_of_the_site(analyser) -> None:
    """Snowball's Danish stemmer written out in JS gives the Python package's stem for every word
    the Danish pages use (whatever they say on the day the test runs), and every word of the frozen
    search pages (enough words that the test means something, whatever the site holds)."""
    frozen = _danish_words(FROZEN_SEARCH_DOCS)
    assert len(frozen) > 500
    words = sorted(frozen | _danish_words(ROOT / "docs"))
    got = analyser.evaluate("words => words.map(w => Soegeanalyse.stem(w))", words)
    differences = [(w, g, analysis.stem(w)) for w, g in zip(words, got, strict=True) if g != analysis.stem(w)]
    assert differences == []
