"""Built URLs of source pages and relative links between them (scripts/lib/boerneinddragelse/urls.py)."""

from __future__ import annotations

import posixpath

import pytest
from boerneinddragelse.urls import page_url, relative_url


@pytest.mark.parametrize(
    ("base", "lang", "directory_urls", "expected"),
    [
        ("index.md", "da", True, ""),
        ("index.md", "en", True, "en/"),
        ("index.md", "da", False, "index.html"),
        ("index.md", "en", False, "en/index.html"),
        ("anbefalinger/index.md", "da", True, "anbefalinger/"),
        ("anbefalinger/index.md", "en", True, "en/anbefalinger/"),
        ("anbefalinger/index.md", "da", False, "anbefalinger/index.html"),
        ("anbefalinger/index.md", "en", False, "en/anbefalinger/index.html"),
        ("om.md", "da", True, "om/"),
        ("om.md", "en", True, "en/om/"),
        ("om.md", "da", False, "om.html"),
        ("om.md", "en", False, "en/om.html"),
        ("anbefalinger/4-tillidsfuld-relation.md", "da", True, "anbefalinger/4-tillidsfuld-relation/"),
        ("anbefalinger/4-tillidsfuld-relation.md", "en", True, "en/anbefalinger/4-tillidsfuld-relation/"),
        ("anbefalinger/4-tillidsfuld-relation.md", "da", False, "anbefalinger/4-tillidsfuld-relation.html"),
        ("anbefalinger/4-tillidsfuld-relation.md", "en", False, "en/anbefalinger/4-tillidsfuld-relation.html"),
        # A page whose name merely ends in "index" is a normal page.
        ("nyheder/pindex.md", "da", True, "nyheder/pindex/"),
    ],
)
def test_page_url(base: str, lang: str, directory_urls: bool, expected: str) -> None:
    assert page_url(base, lang, directory_urls) == expected


@pytest.mark.parametrize(
    ("target", "current", "expected"),
    [
        # Across folders, with directory URLs.
        (
            "praksiseksempler/naar-raadgiveren-skifter/",
            "anbefalinger/4-tillidsfuld-relation/",
            "../../praksiseksempler/naar-raadgiveren-skifter/",
        ),
        (
            "anbefalinger/4-tillidsfuld-relation/",
            "praksiseksempler/naar-raadgiveren-skifter/",
            "../../anbefalinger/4-tillidsfuld-relation/",
        ),
        ("praksiseksempler/", "anbefalinger/4-tillidsfuld-relation/", "../../praksiseksempler/"),
        ("anbefalinger/5-kommunikationsformer/", "anbefalinger/4-tillidsfuld-relation/", "../5-kommunikationsformer/"),
        ("anbefalinger/4-tillidsfuld-relation/", "anbefalinger/", "4-tillidsfuld-relation/"),
        ("anbefalinger/", "", "anbefalinger/"),
        ("anbefalinger/", "anbefalinger/", "./"),
        # To the root.
        ("", "anbefalinger/4-tillidsfuld-relation/", "../../"),
        ("", "anbefalinger/", "../"),
        ("", "", "./"),
        ("kalender/alle.ics", "", "kalender/alle.ics"),
        ("kalender/alle.ics", "arrangementer/", "../kalender/alle.ics"),
        # From an English page to Danish-only pages (generated lists link across languages).
        (
            "praksiseksempler/naar-raadgiveren-skifter/",
            "en/anbefalinger/4-tillidsfuld-relation/",
            "../../../praksiseksempler/naar-raadgiveren-skifter/",
        ),
        ("praksiseksempler/", "en/anbefalinger/", "../../praksiseksempler/"),
        ("praksiseksempler/", "en/", "../praksiseksempler/"),
        (
            "anbefalinger/4-tillidsfuld-relation/",
            "en/anbefalinger/4-tillidsfuld-relation/",
            "../../../anbefalinger/4-tillidsfuld-relation/",
        ),
        ("", "en/", "../"),
        # Without directory URLs (the offline copy).
        (
            "praksiseksempler/naar-raadgiveren-skifter.html",
            "anbefalinger/4-tillidsfuld-relation.html",
            "../praksiseksempler/naar-raadgiveren-skifter.html",
        ),
        ("praksiseksempler/index.html", "anbefalinger/4-tillidsfuld-relation.html", "../praksiseksempler/index.html"),
        ("index.html", "anbefalinger/index.html", "../index.html"),
        (
            "anbefalinger/5-kommunikationsformer.html",
            "anbefalinger/4-tillidsfuld-relation.html",
            "5-kommunikationsformer.html",
        ),
        (
            "praksiseksempler/naar-raadgiveren-skifter.html",
            "en/anbefalinger/4-tillidsfuld-relation.html",
            "../../praksiseksempler/naar-raadgiveren-skifter.html",
        ),
        ("om.html", "index.html", "om.html"),
        ("", "en/index.html", "../"),
    ],
)
def test_relative_url(target: str, current: str, expected: str) -> None:
    assert relative_url(target, current) == expected


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    ("target", "current"),
    [
        (("praksiseksempler/x.md", "da"), ("anbefalinger/4-y.md", "en")),
        (("index.md", "da"), ("anbefalinger/4-y.md", "da")),
        (("index.md", "en"), ("om.md", "da")),
        (("anbefalinger/index.md", "da"), ("index.md", "en")),
        (("nyheder/2023-05-10-x.md", "da"), ("nyheder/index.md", "da")),
    ],
)
def test_relative_url_resolves_back_to_the_target(
    target: tuple[str, str], current: tuple[str, str], directory_urls: bool
) -> None:
    """Following the link from the current page, as a browser would, lands on the target page."""
    target_url = page_url(*target, directory_urls)
    current_url = page_url(*current, directory_urls)
    link = relative_url(target_url, current_url)
    folder = current_url if current_url.endswith("/") else posixpath.dirname(current_url)
    resolved = posixpath.normpath(posixpath.join("/" + folder, link))
    expected = posixpath.normpath("/" + target_url)
    assert resolved == expected
    # Directory links keep their trailing slash, so the server need not redirect.
    assert link.endswith("/") == (target_url.endswith("/") or target_url == "")
