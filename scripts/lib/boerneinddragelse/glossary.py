"""The glossary (»Ord og begreber«): the words of barnets lov a newcomer meets, and the old words
from serviceloven they replaced, kept as data in one file (scripts/data/ordliste.yml).

The page shows it through the marker ``<!-- ordliste -->``; the search can read ``old_words`` as
synonyms of a concept's Danish term. Every concept cites sections the Lovgrundlag list has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import data_files
from .model import DEFAULT_LANGUAGE, LANGUAGES
from .paths import DATA_DIR
from .problems import Problem
from .reference_data import LegalBasis, legal_basis

FILE = "ordliste.yml"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Wording:
    term: str
    explanation: str


@dataclass(frozen=True)
class Concept:
    id: str
    sections: tuple[int, ...]  # first section numbers of entries on the Lovgrundlag list
    old_words: tuple[str, ...]  # serviceloven's words for it (Danish)
    wordings: dict[str, Wording]  # by language
    line: int

    def term(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.wordings.get(lang, self.wordings[DEFAULT_LANGUAGE]).term

    def explanation(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.wordings.get(lang, self.wordings[DEFAULT_LANGUAGE]).explanation


def _text(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= 600


def _concept(entry: Any, basis: LegalBasis, seen: set[str], path: Path) -> tuple[Concept | None, list[Problem]]:
    if not isinstance(entry, data_files.Lined):
        return None, [data_files.problem(path, 1, "Hvert begreb skal være en række felter (id, da, en …).")]
    problems = []

    def wrong(key: str, message: str) -> None:
        problems.append(data_files.problem(path, entry.line_of(key), message))

    ident = entry.get("id")
    if not isinstance(ident, str) or not _ID.match(ident):
        wrong("id", "Begrebet mangler et id med små bogstaver og bindestreger, f.eks. »barnets-plan«.")
    elif ident in seen:
        wrong("id", f"Id'et »{ident}« er brugt før i filen; giv begrebet sit eget id.")
    else:
        seen.add(ident)
    sections = entry.get("paragraffer", [])
    if not isinstance(sections, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in sections):
        wrong("paragraffer", "»paragraffer« skal være en liste af paragrafnumre, f.eks. [91, 92].")
        sections = []
    for number in sections:
        if basis.section(number) is None:
            wrong(
                "paragraffer", f"§ {number} står ikke på listen i lovgrundlag.yml. Tilføj den dér, eller ret nummeret."
            )
    old = entry.get("gamle_ord", [])
    if not isinstance(old, list) or not all(_text(word) for word in old):
        wrong("gamle_ord", "»gamle_ord« skal være en liste af ord, f.eks. [handleplan], eller [].")
        old = []
    wordings = {}
    for lang in LANGUAGES:
        block = entry.get(lang)
        if not isinstance(block, dict) or not _text(block.get("term")) or not _text(block.get("forklaring")):
            wrong(lang if lang in entry else "id", f"Begrebet mangler »{lang}:« med både »term« og »forklaring«.")
            continue
        wordings[lang] = Wording(block["term"].strip(), block["forklaring"].strip())
    if problems:
        return None, problems
    return Concept(ident, tuple(sections), tuple(old), wordings, entry.line), []


def read(data_dir: Path = DATA_DIR, basis: LegalBasis | None = None) -> tuple[tuple[Concept, ...], list[Problem]]:
    """The concepts that are in order, and a Danish problem with file and line for each one that is not."""
    path = data_dir / FILE
    entries, unreadable = data_files.entries(FILE, "begreber", data_dir)
    if unreadable:
        return (), unreadable
    basis = basis or legal_basis(data_dir)
    concepts, problems, seen = [], [], set()
    for entry in entries:
        concept, found = _concept(entry, basis, seen, path)
        problems += found
        if concept is not None:
            concepts.append(concept)
    return tuple(concepts), problems


def concepts(data_dir: Path = DATA_DIR) -> tuple[Concept, ...]:
    return read(data_dir)[0]


def by_term(items: tuple[Concept, ...], lang: str) -> list[Concept]:
    """Alphabetical by the term in lang (Danish æ, ø, å after z, as in a Danish dictionary)."""
    order = str.maketrans({"æ": "{", "ø": "|", "å": "}"})
    return sorted(items, key=lambda c: c.term(lang).casefold().translate(order))
