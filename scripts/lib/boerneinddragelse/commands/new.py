"""Create a new page from its type's template: python scripts/new.py <type> "<titel>".

Types: anbefaling, praksiseksempel, nyhed, medlem, side (boerneinddragelse.model.PAGE_TYPES).
The page gets a file name made from the title, every front matter field of its type
(required ones filled in, optional ones as comments) and the type's fixed headings.
Exit status: 0 created, 2 wrong use or the file exists already (nothing is overwritten).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from boerneinddragelse.model import PAGE_TYPES, PageType
from boerneinddragelse.paths import project_root
from boerneinddragelse.site import load_site
from boerneinddragelse.slugs import slugify
from boerneinddragelse.sourcepaths import is_translation
from boerneinddragelse.templates import file_stem, page_text

USAGE = f'make ny TYPE={{{",".join(PAGE_TYPES)}}} TITEL="Sidens titel"'


class _DanishParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        if "invalid choice" in message:
            message = f"ukendt sidetype; vælg en af: {', '.join(PAGE_TYPES)}"
        elif "required" in message:
            message = "angiv sidetype og titel"
        self.exit(2, f"Brug: {USAGE}\nFejl: {message}.\n")


def _free_number(docs: Path, page_type: PageType, field: str) -> int | None:
    """The lowest number of a unique field (a recommendation's) not used by a Danish page of the type."""
    folder = docs / str(page_type.folder)
    rels = [f"{page_type.folder}/{p.name}" for p in folder.glob("*.md") if not is_translation(p.name)]
    used = {page.meta.get(field) for page in load_site(docs, rels).pages} if rels else set()
    schema = page_type.schema["properties"][field]
    return next((n for n in range(schema["minimum"], schema["maximum"] + 1) if n not in used), None)


def _fail(message: str) -> int:
    print(f"Fejl: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = _DanishParser(prog="new.py", usage=USAGE, description="Opretter en ny side fra skabelonen.")
    parser.add_argument("type", choices=list(PAGE_TYPES), metavar="sidetype", help=", ".join(PAGE_TYPES))
    parser.add_argument("title", metavar="titel", help="sidens titel (bliver også til filnavnet)")
    args = parser.parse_args(argv)
    page_type: PageType = PAGE_TYPES[args.type]
    title = " ".join(args.title.split())
    limits = page_type.schema["properties"]["title"]
    if not limits["minLength"] <= len(title) <= limits["maxLength"]:
        return _fail(f"Titlen skal have {limits['minLength']}-{limits['maxLength']} tegn.")
    if not slugify(title):
        return _fail("Titlen skal indeholde bogstaver eller tal, så der kan laves et filnavn af den.")
    root = project_root()
    docs = root / "docs"
    if not docs.is_dir():
        return _fail(f"Der er ingen docs/-mappe i {root}. Kør kommandoen fra projektets rodmappe.")
    today = date.today()
    number = None
    if page_type.unique_field:
        number = _free_number(docs, page_type, page_type.unique_field)
        if number is None:
            return _fail("Alle anbefalingsnumre er i brug. Ret den eksisterende anbefaling i stedet.")
    folder = docs / page_type.folder if page_type.folder else docs
    path = folder / f"{file_stem(page_type, title, today, number)}.md"
    shown = path.relative_to(root).as_posix()
    if path.exists():
        return _fail(f"{shown} findes allerede. Ret den side, eller vælg en anden titel.")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(page_text(page_type, title, today, number), encoding="utf-8")
    print(f"Oprettet: {shown}")
    print(f"Udfyld felterne og teksten, og tjek siden med: make validate STI={shown}")
    return 0
