"""The readers' words for the site's words (the glossary file's old words and »synonymer«): read from
data, every target checked against the site's own words, handed to the browser."""

from __future__ import annotations

from pathlib import Path

from boerneinddragelse import analysis, browser_constants, data_checks, readers_words, synonyms
from boerneinddragelse.problems import ERROR

FIXTURES = Path(__file__).parent / "fixtures" / "data"
BROKEN = FIXTURES / "synonymer-fejl"
SITE_WORDS = analysis.Lexicon.from_texts(["Rådgiveren og barnets plan. Et anbragt barn i familien."])


def test_old_words_stand_for_the_concepts_term() -> None:
    found, problems = synonyms.read(FIXTURES)
    assert problems == []
    assert [(s.source, s.target, s.old, s.text) for s, _ in found] == [
        (("handleplan",), "barnets plan", True, "handleplan")
    ]


def test_everyday_words_are_read_with_their_lines_and_each_mistake_is_reported() -> None:
    found, problems = synonyms.read(BROKEN)
    assert [(s.text, s.target, line) for s, line in found if not s.old] == [
        ("sagsbehandler", "rådgiver", 21),
        ("sagsbehandlere", "rådgiver", 21),
        ("plejebarn", "anbragt i en plejefamilie", 23),
    ]
    assert [(p.path.rsplit("/", 1)[-1], p.line, p.rule) for p in problems] == [
        ("ordliste.yml", 25, "data-fil"),  # no words
        ("ordliste.yml", 27, "data-fil"),  # no target
    ]
    assert "»ord:«" in problems[0].message and "»se:«" in problems[1].message


def test_a_target_the_site_does_not_use_is_an_error_with_file_and_line() -> None:
    problems = synonyms.unknown_targets(SITE_WORDS, BROKEN)
    assert [(p.path.rsplit("/", 1)[-1], p.line, p.rule, p.severity) for p in problems] == [
        ("ordliste.yml", 23, "data-fil", ERROR)
    ]
    assert "»plejefamilie« står ikke på nogen side" in problems[0].message
    assert synonyms.unknown_targets(analysis.Lexicon.from_texts(["anbragt i plejefamilie, rådgiver"]), BROKEN) == []


def test_the_validator_reports_the_synonyms_with_the_data_files() -> None:
    messages = [p.message for p in data_checks.problems(None, BROKEN)]
    assert any("»se:«" in m for m in messages)


def test_the_sites_synonyms_are_in_order() -> None:
    found, problems = synonyms.read()
    assert problems == []
    assert any(s.old for s, _ in found) and any(not s.old for s, _ in found)


def test_the_browser_gets_the_synonyms_generated() -> None:
    constants = browser_constants.constants()
    assert constants["SYNONYMS"] == synonyms.for_browser()
    assert {"ord", "se", "gammelt", "tekst"} == set(constants["SYNONYMS"][0])
    assert constants["KEYBOARD_FOLDS"] == [list(pair) for pair in readers_words.KEYBOARD_FOLDS]
