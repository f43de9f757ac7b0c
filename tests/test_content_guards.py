"""Content guards: properties of the real content that must stay true whatever editors change.

Every § reference on the site is one the Lovgrundlag page lists (scripts/data/lovgrundlag.yml),
and every link to another website goes to a domain the fact sheet names
(scripts/data/eksterne-domaener.yml). Each guard is also run on a small fixture with planted
mistakes, so a guard that stopped finding anything would fail here.
"""

from __future__ import annotations

from pathlib import Path

from boerneinddragelse.citations import outside_links, unlisted_references
from boerneinddragelse.reference_data import LegalBasis, Section, external_domains, legal_basis

from conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "citations" / "site"


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
