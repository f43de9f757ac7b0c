"""The accessibility statement: the WAS-Tool address from SITE_URL's domain, the phone number and written
contact it must give, and the footer link named »Tilgængelighedserklæring« on every page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from boerneinddragelse import accessibility
from boerneinddragelse.render import RenderContext, render_markers
from boerneinddragelse.settings import Contact
from boerneinddragelse.site import Site, load_site
from boerneinddragelse.urls import page_url

from conftest import build_site

FIXTURE_DOCS = Path(__file__).parent / "fixtures" / "site" / "gyldig" / "docs"


@pytest.mark.parametrize(
    ("site_url", "domain"),
    [
        ("https://www.hjemmeside.dk/", "hjemmeside.dk"),
        ("https://boern.hjemmeside.dk/sti/", "boern.hjemmeside.dk"),
        ("http://127.0.0.1:8000/", None),
        ("http://localhost:8000/", None),
        ("https://example.org/", None),
        ("https://docs.example.dk/", None),
        ("", None),
        ("intet", None),
    ],
)
def test_the_statement_is_filed_under_the_domain_of_a_real_site_url(site_url: str, domain: str | None) -> None:
    assert accessibility.site_domain(site_url) == domain


def test_the_was_tool_addresses_follow_the_rules() -> None:
    assert accessibility.was_address("hjemmeside.dk") == "https://was.digst.dk/hjemmeside.dk"
    assert accessibility.short_address("hjemmeside.dk") == "https://www.hjemmeside.dk/was"


@pytest.mark.parametrize(
    ("contact", "missing"),
    [
        (Contact(), "»telefon« og »email«"),
        (Contact("Vej 1", "", "33 12 34 56"), "»email«"),
        (Contact("", "r@example.dk", ""), "»telefon«"),
    ],
)
def test_a_statement_without_phone_or_email_is_a_warning(contact: Contact, missing: str) -> None:
    (problem,) = accessibility.contact_problems(contact)
    assert (problem.severity, problem.rule) == ("advarsel", "tilgaengelighed-kontakt")
    assert f"mangler {missing}." in problem.message


def test_phone_and_email_are_enough() -> None:
    assert accessibility.contact_problems(Contact("", "r@example.dk", "33 12 34 56")) == []


def _render(marker: str, site_url: str, contact: Contact) -> str:
    site: Site = load_site(FIXTURE_DOCS)
    page = site.by_rel["om.md"]
    ctx = RenderContext(site, page, page_url(page.base, page.lang, True), True, contact, {"online_url": site_url})
    return render_markers(marker, ctx)


def test_until_a_domain_is_set_the_page_says_the_statement_must_also_be_filed_in_was_tool() -> None:
    out = _render("<!-- tilgaengelighed visning=was -->", "http://127.0.0.1:8000/", Contact())
    assert "Erklæringen skal også oprettes i WAS-Tool." in out
    assert "was.digst.dk/" not in re.sub(r"på was\.digst\.dk efterfulgt", "", out)


def test_with_a_domain_the_page_links_the_statement_in_was_tool() -> None:
    out = _render("<!-- tilgaengelighed visning=was -->", "https://www.hjemmeside.dk/", Contact())
    assert '<a href="https://was.digst.dk/hjemmeside.dk">was.digst.dk/hjemmeside.dk</a>' in out
    assert '<a href="https://www.hjemmeside.dk/was">www.hjemmeside.dk/was</a>' in out


def test_the_contact_gives_phone_and_written_contact_or_says_they_are_missing() -> None:
    filled = _render("<!-- tilgaengelighed -->", "", Contact("", "r@example.dk", "33 12 34 56"))
    assert '<a href="tel:33123456">33 12 34 56</a>' in filled and '<a href="mailto:r@example.dk">' in filled
    empty = _render("<!-- tilgaengelighed -->", "", Contact())
    assert "telefonnummeret er endnu ikke lagt på hjemmesiden" in empty
    assert "e-mailadressen er endnu ikke lagt på hjemmesiden" in empty


@pytest.mark.build
def test_every_built_page_links_the_statement_in_its_footer_by_its_required_name(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    (docs / accessibility.PAGE).write_text(
        "---\ntitle: Tilgængelighedserklæring\ndescription: Erklæringen om hjemmesidens tilgængelighed, til test.\n"
        "revideret: 2026-12-04\n---\n\n<!-- tilgaengelighed -->\n",
        encoding="utf-8",
    )
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    assert "[tilgaengelighed-kontakt]" in result.stderr
    statement = (tmp_path / "site" / "tilgaengelighed" / "index.html").resolve()
    # The browser editor (/admin/) is the npm package's app, not a page of the site.
    pages = [p for p in sorted((tmp_path / "site").rglob("index.html")) if p.parent.name not in ("site", "admin")]
    assert len(pages) > 5
    for page in pages:
        footer = page.read_text(encoding="utf-8").split('class="md-copyright"', 1)[1]
        link = re.search(r'<a href="([^"]+)" lang="da">Tilgængelighedserklæring</a>', footer)
        assert link, page
        assert (page.parent / link.group(1) / "index.html").resolve() == statement, page
