"""Content guards: properties of the real content that must stay true whatever editors change.

The pages about the case (»Barnets vej gennem sagen«, »Ord og begreber«, Lovgrundlag) and their data
files cite only listed sections and state only the time limits the Lovgrundlag list sets, and every new
term the glossary pairs with an old word appears on the site (boerneinddragelse.guards).

Every § reference on the site is one the Lovgrundlag page lists (scripts/data/lovgrundlag.yml),
and every link to another website goes to a domain the fact sheet names
(scripts/data/eksterne-domaener.yml). Each guard is also run on a small fixture with planted
mistakes, so a guard that stopped finding anything would fail here.
"""

from __future__ import annotations

from pathlib import Path

from boerneinddragelse import guards
from boerneinddragelse.citations import outside_links, unlisted_references
from boerneinddragelse.reference_data import LegalBasis, Section, external_domains, legal_basis

from conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "citations" / "site"
GUARDS = Path(__file__).parent / "fixtures" / "guards"
DATA = ROOT / "scripts" / "data"


def test_every_paragraph_reference_on_the_site_is_on_the_lovgrundlag_page() -> None:
    assert unlisted_references(ROOT / "docs", legal_basis()) == []


def test_every_outside_link_goes_to_an_allowed_domain() -> None:
    assert outside_links(ROOT / "docs", ROOT / "scripts" / "data", external_domains()) == []


def test_the_paragraph_guard_reports_file_line_and_reference() -> None:
    listed = LegalBasis("lov", "LBK", "https://example.org/", (Section(5, 5, "da", "en", "https://example.org/"),))
    assert unlisted_references(FIXTURE / "docs", listed) == [
        "docs/side.md:7: § 4",
        "docs/side.md:9: §§ 2–8",
    ]


def test_the_link_guard_reports_pages_and_data_files() -> None:
    assert outside_links(FIXTURE / "docs", FIXTURE / "data", frozenset({"sbst.dk", "kl.dk"})) == [
        "docs/medlem-uden-for-listen.md: http://fremmed.invalid/z",
        "docs/side.md: https://eksempel.invalid/y",
        "eksempel.yml: https://data.invalid/nej",
    ]


def test_every_section_cited_on_the_case_pages_and_their_data_is_on_the_lovgrundlag_list() -> None:
    texts = list(guards.case_texts(ROOT / "docs", DATA))
    assert any("barnets-vej" in where for where, _ in texts) and any("sagens-trin" in w for w, _ in texts)
    assert guards.unlisted_sections(iter(texts), legal_basis()) == []


def test_every_time_limit_stated_on_the_case_pages_is_one_the_lovgrundlag_list_sets() -> None:
    texts = list(guards.case_texts(ROOT / "docs", DATA))
    assert any(guards.durations(text) for _, text in texts), "the case pages state at least one time limit"
    assert guards.unlisted_durations(iter(texts), legal_basis()) == []


def test_every_new_term_of_a_glossary_pair_appears_on_the_site() -> None:
    assert guards.missing_terms(ROOT / "docs", DATA) == []


def test_the_section_guard_finds_planted_sections_in_pages_and_data() -> None:
    basis = legal_basis(GUARDS / "data")
    found = guards.unlisted_sections(guards.case_texts(GUARDS / "docs", GUARDS / "data"), basis)
    assert found == ["docs/barnets-vej.md:8: § 99", "docs/barnets-vej.md:9: § 77"]


def test_the_time_limit_guard_finds_planted_limits_in_pages_and_data() -> None:
    basis = legal_basis(GUARDS / "data")
    found = guards.unlisted_durations(guards.case_texts(GUARDS / "docs", GUARDS / "data"), basis)
    assert found == ["docs/barnets-vej.md:11: 6 måneder", "sagens-trin.yml:2: 2 uger"]


def test_the_term_guard_finds_a_new_term_missing_from_the_site() -> None:
    assert guards.missing_terms(GUARDS / "docs", GUARDS / "data") == ["ungestøtte"]


def test_times_in_words_and_figures_are_read_in_both_languages() -> None:
    assert guards.durations("fire måneder, 3 Months, otte uger og one week; 16 år") == [
        (4, "maaneder"),
        (3, "maaneder"),
        (8, "uger"),
        (1, "uger"),
    ]
    assert guards.durations("ti " * 20_000) == []
