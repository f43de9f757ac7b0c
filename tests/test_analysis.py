"""The Danish text analyser (scripts/lib/boerneinddragelse/analysis.py) on the shared fixture, and slugs.

The same fixture, tests/search/analyser_cases.yaml, is checked against the JavaScript analyser in
tests/test_analysis_browser.py: both sides must give the same answers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from boerneinddragelse import analysis, readers_words
from boerneinddragelse.slugs import heading_slug, slugify

CASES = yaml.safe_load((Path(__file__).parent / "search" / "analyser_cases.yaml").read_text(encoding="utf-8"))
LEXICON = analysis.Lexicon.from_texts([CASES["compounds"]["lexicon"]])


@pytest.mark.parametrize("case", CASES["words"], ids=lambda case: case["text"])
def test_words_are_normalised_and_split(case: dict) -> None:
    assert analysis.words(case["text"]) == [str(word) for word in case["words"]]


@pytest.mark.parametrize(("word", "stem"), CASES["stems"].items())
def test_danish_stems(word: str, stem: str) -> None:
    assert analysis.stem(word) == stem


def test_a_typed_word_is_normalised_before_it_is_stemmed() -> None:
    assert analysis.query_term("SAMTALERNE") == "samtal"
    assert analysis.query_term("Ra\u030adgiverens") == "rådgiv"


@pytest.mark.parametrize(("word", "expected"), CASES["compounds"]["cases"].items())
def test_compound_splitting(word: str, expected: list[list[str]]) -> None:
    parts, terms = expected
    assert LEXICON.split(word) == parts
    assert analysis.compound_terms(word, LEXICON) == set(terms)


def test_index_terms_are_the_compound_parts_of_a_text_and_nothing_else() -> None:
    text = "Netværksmøde om barnets handleplan. Samtalen med forældrene."
    assert analysis.index_terms(text, LEXICON) == ["mød", "plan"]


def test_short_parts_are_not_index_terms() -> None:
    lexicon = analysis.Lexicon.from_texts(["børne ret"])
    assert lexicon.split("børneret") == ["børneret"]  # a head of three letters is too short to trust
    assert analysis.index_terms("børneret", lexicon) == []


def test_very_long_words_are_not_split() -> None:
    word = "børne" * 200 + "møde"
    assert analysis.compound_terms(word, LEXICON) == set()
    assert "mød" in analysis.compound_terms("børne" * 7 + "møde", LEXICON)


@pytest.mark.parametrize("case", CASES["matches"], ids=lambda case: f"{case['query']} / {case['text']}")
def test_matching_rule(case: dict) -> None:
    assert analysis.matches(case["query"], case["text"], LEXICON) is case["match"]


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Sådan gør vi", "saadan-goer-vi"),
        ("Gode råd", "gode-raad"),
        ("Tilhører", "tilhoerer"),
        ("Et fælles børnesyn på tværs", "et-faelles-boernesyn-paa-tvaers"),
        ("Barnets lov i korte træk", "barnets-lov-i-korte-traek"),
        ("5. Kommunikationsformer – på børnenes præmisser", "5-kommunikationsformer-paa-boernenes-praemisser"),
        ("Æblegrød & ÅRSMØDE", "aeblegroed-aarsmoede"),
    ],
)
def test_heading_anchors_follow_the_file_name_convention(heading: str, slug: str) -> None:
    assert heading_slug(heading, "-") == slug == slugify(heading)


def test_the_lexicon_has_the_words_of_prose_not_of_code(tmp_path: Path) -> None:
    """Compounds are split with the words of the Danish pages' prose: a word that only occurs in a
    code example, a code span or a comment is no part a compound may end in."""
    from boerneinddragelse.site import load_site

    from conftest import SITE_FIXTURES

    docs = tmp_path / "docs"
    shutil.copytree(SITE_FIXTURES / "lille" / "docs", docs)
    page = docs / "kun-dansk.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nEn sætning om ordblomst.\n\n```powershell\nif ($a) { kodeordet } else { }\n```\n\n"
        + "Skriv `spanordet` her. <!-- kommentarordet -->\n",
        encoding="utf-8",
    )
    known = load_site(docs).lexicon.known
    assert "ordblomst" in known
    assert {"kodeordet", "else", "spanordet", "kommentarordet"} & known == set()


def test_the_stop_words_are_the_ones_lunr_filters_from_the_index() -> None:
    """analysis.STOP_WORDS (and Soegeanalyse.STOP_WORDS, compared in the browser test) is the list
    Material's lunr.da leaves out of the index: a stop word the query does not require is one the
    index does not hold."""
    import re

    import material

    script = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min" / "lunr.da.min.js"
    listed = re.search(r'generateStopWordFilter\("([^"]*)"', script.read_text(encoding="utf-8"))
    assert listed, script
    assert frozenset(listed.group(1).split()) == analysis.STOP_WORDS


# ---- the readers' own words (issue 20)

VOCABULARY = analysis.words(CASES["correction_vocabulary"])
SYNONYMS = [readers_words.Synonym(tuple(s["ord"]), s["se"], s["gammelt"]) for s in CASES["expansion_synonyms"]]


@pytest.mark.parametrize(("word", "folded"), CASES["folds"].items())
def test_keyboard_variants_fold_to_one_spelling(word: str, folded: str) -> None:
    assert readers_words.fold(word) == folded


@pytest.mark.parametrize("case", CASES["corrections"], ids=lambda case: case["word"])
def test_corrections(case: dict) -> None:
    assert readers_words.corrections(case["word"], VOCABULARY) == case["expect"]


@pytest.mark.parametrize("case", CASES["expansions"], ids=lambda case: case["query"])
def test_expansion(case: dict) -> None:
    slots = readers_words.expand(case["query"], SYNONYMS)
    assert [[list(s.words), [x.target for x in s.synonyms]] for s in slots] == case["slots"]


@pytest.mark.parametrize("case", CASES["reader_matches"], ids=lambda case: f"{case['query']} / {case['text']}")
def test_matching_rule_with_the_readers_words(case: dict) -> None:
    vocabulary = VOCABULARY if case.get("vocabulary") else None
    assert analysis.matches(case["query"], case["text"], LEXICON, SYNONYMS, vocabulary) is case["match"]


def test_edit_distance_is_banded_and_counts_a_swap_as_one() -> None:
    assert readers_words.within_edits("samtale", "samtlae", 1) == 1
    assert readers_words.within_edits("samtale", "samtale", 0) == 0
    assert readers_words.within_edits("samtale", "smatlae", 1) is None
    assert readers_words.within_edits("abc", "abcdef", 2) is None
    assert [readers_words.max_edits(word) for word in ("plan", "anbragt", "anbringelse")] == [0, 1, 2]


def test_corrections_take_bounded_time_on_a_long_word() -> None:
    """A 5,000-letter word is not corrected (longer than any compound), and a 40-letter one is checked against
    a large vocabulary in bounded time (length filter, band)."""
    import time

    vocabulary = [f"ord{'a' * (n % 30)}{n}" for n in range(20_000)] + ["b" * 5000]
    started = time.perf_counter()
    assert readers_words.corrections("b" * 4999 + "c", vocabulary) == []
    assert readers_words.corrections("a" * 40, [*vocabulary, "a" * 39 + "b"]) == ["a" * 39 + "b"]
    assert time.perf_counter() - started < 2.0
