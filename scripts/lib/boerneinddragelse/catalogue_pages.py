"""The catalogue of practice examples in pages of PER_PAGE examples.

A phone that opens the catalogue gets one page of the list, not the whole catalogue: at 1,000 examples
the full list alone would be more than the rest of the page together. Page 1 is the section's front
page (``praksiseksempler/index.md``); page n is built from the same source at ``praksiseksempler/side-n.md``,
a name no example may have (the validator's rule filnavn-forbeholdt). Each page works without
JavaScript, with links to the others; the filter reads every example from the catalogue's data file
(catalogue_data) and so finds examples on every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .model import PRAKSISEKSEMPEL

PER_PAGE = 50
FOLDER = PRAKSISEKSEMPEL.folder or ""
INDEX_PAGE = PRAKSISEKSEMPEL.index_page
_PAGE_NAME = re.compile(r"side-([2-9]|[1-9][0-9]{1,5})\.md")  # page 1 is the front page


def page_count(examples: int) -> int:
    return max(1, -(-examples // PER_PAGE))


def page_rel(number: int) -> str:
    """The source path of page ``number`` (1 is the section's front page)."""
    return INDEX_PAGE if number == 1 else f"{FOLDER}/side-{number}.md"


def is_reserved(rel: str) -> bool:
    """A file name the catalogue's own pages use: ``praksiseksempler/side-2.md``."""
    return page_number(rel) > 1


def page_number(rel: str) -> int:
    """Which page of the catalogue a built page is: 1 for the front page and for every other page."""
    folder, _, name = rel.replace("\\", "/").rpartition("/")
    found = _PAGE_NAME.fullmatch(name) if folder == FOLDER else None
    return int(found.group(1)) if found else 1


def source_rel(rel: str) -> str:
    """The source a built page is made from: the catalogue's front page for its other pages."""
    return INDEX_PAGE if page_number(rel) > 1 else rel


@dataclass(frozen=True)
class Slice:
    """One page of the catalogue: its number, how many pages there are, and the positions it shows (1-based)."""

    number: int
    count: int
    first: int
    last: int

    def of(self, entries: list[Any]) -> list[Any]:
        return entries[self.first - 1 : self.last]


def page_slice(number: int, examples: int) -> Slice:
    count = page_count(examples)
    number = min(max(number, 1), count)
    first = (number - 1) * PER_PAGE + 1
    return Slice(number, count, min(first, examples), min(first + PER_PAGE - 1, examples))


def page_title(title: str, number: int, count: int) -> str:
    """``Praksiseksempler, side 2 af 20``; an escaped title (Markup) stays escaped and escapes the rest."""
    return title if number == 1 else title + f", side {number} af {count}"


def other_pages(examples: int) -> list[str]:
    """The source paths of pages 2 and on. No such file exists: the build reads the front page's source
    for them (page_build.read_source)."""
    return [page_rel(number) for number in range(2, page_count(examples) + 1)]
