"""Reading § references and links out of text (scripts/lib/boerneinddragelse/citations.py), and the reference
data they are checked against (scripts/lib/boerneinddragelse/reference_data.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from boerneinddragelse.citations import (
    domain_allowed,
    is_external,
    link_targets,
    paragraph_references,
    strings_in,
)
from boerneinddragelse.reference_data import LegalBasis, Section, legal_basis, publication

FIXTURES = Path(__file__).parent / "fixtures" / "citations"


def spans(text: str) -> list[tuple[tuple[int, int], ...]]:
    return [r.spans for r in paragraph_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("efter § 46 i loven", [((46, 46),)]),
        ("§§ 46–48", [((46, 48),)]),
        ("§§ 2-8", [((2, 8),)]),
        ("§§ 2 - 8", [((2, 8),)]),
        ("§§\u00a0114\u2013116", [((114, 116),)]),
        ("§ 5, stk. 3, og § 6", [((5, 5),), ((6, 6),)]),
        ("§§ 5, 6 og 103–104", [((5, 5), (6, 6), (103, 104))]),
        ("§§ 5 og 6 samt 22", [((5, 5), (6, 6), (22, 22))]),
        ("§ 5 og 6", [((5, 5),)]),  # singular: "og 6" is not part of it
        ("§§ 5 også", [((5, 5),)]),
        ("§§ 9–7", [((7, 9),)]),  # a reversed run names the same sections
        ("§-henvisninger og § alene", []),
        ("slut på §", []),
        ("§5 og §§108-109.", [((5, 5),), ((108, 109),)]),
        ("§ " + "9" * 5000, [((10**9, 10**9),)]),  # too long to be a section number
    ],
)
def test_paragraph_references(text: str, expected: list[tuple[tuple[int, int], ...]]) -> None:
    assert spans(text) == expected


def test_reference_keeps_its_text_and_position() -> None:
    (reference,) = paragraph_references("Se barnets lov §§ 46–48 om anbringelse.")
    assert reference.text == "§§ 46–48"
    assert reference.offset == len("Se barnets lov ")


def test_references_on_a_long_line_take_linear_time() -> None:
    def seconds(n: int) -> float:
        """The fastest of three runs: a busy machine slows single runs, never the best one much."""
        text = "§§ 1, " * n + "§ " + "9" * n + " og " * n + "§" * n
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            paragraph_references(text)
            runs.append(time.perf_counter() - start)
        return min(runs)

    small, large = seconds(20_000), seconds(80_000)
    assert large < 10 * small + 0.05  # four times the text, not sixteen times the time


def basis(*runs: tuple[int, int]) -> LegalBasis:
    sections = tuple(Section(a, b, "da", "en", "https://example.org/") for a, b in runs)
    return LegalBasis("lov", "LBK", "https://example.org/", sections)


@pytest.mark.parametrize(
    ("first", "last", "covered"),
    [
        (5, 5, True),
        (2, 3, True),  # spans two entries
        (5, 6, True),
        (2, 6, False),  # 4 is missing
        (4, 4, False),
        (2, 8, False),  # 4 is missing
        (108, 109, True),
        (108, 110, False),
        (1, 1, False),
    ],
)
def test_legal_basis_covers(first: int, last: int, covered: bool) -> None:
    assert basis((2, 2), (3, 3), (5, 6), (108, 109)).covers(first, last) is covered


def test_legal_basis_data_is_ordered_unique_and_linked() -> None:
    sections = legal_basis().sections
    numbers = [n for s in sections for n in range(s.first, s.last + 1)]
    assert numbers == sorted(set(numbers)), "hver paragraf én gang, i stigende orden"
    assert all(s.da and s.en and is_external(s.url) for s in sections)
    assert len({s.anchor for s in sections}) == len(sections)


def test_publication_data() -> None:
    book = publication()
    assert book.isbn.replace("-", "").isdigit() and len(book.isbn.replace("-", "")) == 13
    assert is_external(book.url)


def test_link_targets_finds_markdown_html_and_autolinks() -> None:
    text = (FIXTURES / "links.md").read_text(encoding="utf-8")
    assert link_targets(text) == [
        "https://www.sbst.dk/a",
        "../side.md",
        "http://eksempel.invalid/b",
        "https://ref.example.org/c",
        "https://www.kl.dk/d",
        "billede.png",
    ]


def test_strings_in_nested_yaml() -> None:
    data = {"a": "x", "b": [{"url": "https://y"}, 3, None], "c": {"d": ["z"]}}
    assert sorted(strings_in(data)) == ["https://y", "x", "z"]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://sbst.dk/x", True),
        ("https://www.sbst.dk/x", True),
        ("HTTPS://WWW.SBST.DK/x", True),
        ("https://sbst.dk.example.org/x", False),
        ("https://notsbst.dk/x", False),
        ("https://example.org/?u=https://sbst.dk", False),
        ("https://sbst.dk@example.org/", False),
    ],
)
def test_domain_allowed(url: str, allowed: bool) -> None:
    assert domain_allowed(url, frozenset({"sbst.dk", "kl.dk"})) is allowed
