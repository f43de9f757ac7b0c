"""What the pages about the case (»Barnets vej gennem sagen«, »Ord og begreber«, Lovgrundlag) and their
data files state, checked against the Lovgrundlag list: every section they cite is on it, every time
limit they state is one it sets, and every new term the glossary pairs with an old one appears on the
site. The content guards (tests/test_content_guards.py) run these on the real content and on fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from . import case_steps, glossary
from .reference_data import UNITS, LegalBasis

CASE_PAGES = ("barnets-vej", "ord-og-begreber", "lovgrundlag")  # the pages' stems, in every language
_WORDS = {
    "en": 1, "én": 1, "et": 1, "one": 1, "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4,
    "fem": 5, "five": 5, "seks": 6, "six": 6, "syv": 7, "seven": 7, "otte": 8, "eight": 8, "ni": 9, "nine": 9,
    "ti": 10, "ten": 10,
}  # fmt: skip
_UNIT_WORDS = {"måned": "maaneder", "måneder": "maaneder", "month": "maaneder", "months": "maaneder"} | {
    "uge": "uger", "uger": "uger", "week": "uger", "weeks": "uger",
}  # fmt: skip
# A number (figures or one to ten in words) and a unit; bounded alternatives, so the match is linear.
_DURATION = re.compile(
    r"\b(\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\s+(" + "|".join(_UNIT_WORDS) + r")\b",
    re.IGNORECASE,
)


def case_texts(docs_dir: Path, data_dir: Path, prefix: str = "docs/") -> Iterator[tuple[str, str]]:
    """(where, text) for every line of the case pages and every sentence of their data files."""
    for path in sorted(docs_dir.glob("*.md")):
        if path.name.split(".")[0] in CASE_PAGES:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                yield f"{prefix}{path.name}:{number}", line
    steps, _ = case_steps.read(data_dir)
    for step in steps:
        for text in step.texts():
            yield f"{case_steps.FILE}:{step.line}", text
    concepts, _ = glossary.read(data_dir)
    for concept in concepts:
        for lang in concept.wordings:
            yield f"{glossary.FILE}:{concept.line}", f"{concept.term(lang)}: {concept.explanation(lang)}"


def unlisted_sections(texts: Iterator[tuple[str, str]], basis: LegalBasis) -> list[str]:
    """``where: § N`` for every section a text cites (§ or »section«) that the Lovgrundlag list lacks."""
    found = []
    for where, text in texts:
        for first, last in case_steps.cited_spans(text):
            if not basis.covers(first, last):
                found.append(f"{where}: § {first}" if first == last else f"{where}: §§ {first}–{last}")
    return found


def durations(text: str) -> list[tuple[int, str]]:
    """Every time stated in a text, as (count, unit): »fire måneder« -> (4, "maaneder")."""
    found = []
    for match in _DURATION.finditer(text):
        number = match.group(1).lower()
        count = int(number) if number.isdigit() else _WORDS[number]
        found.append((count, _UNIT_WORDS[match.group(2).lower()]))
    return found


def unlisted_durations(texts: Iterator[tuple[str, str]], basis: LegalBasis) -> list[str]:
    """``where: N unit`` for every time limit a text states that no section on the list sets."""
    limits = basis.time_limits()
    return [
        f"{where}: {count} {UNITS[unit]['da']}"
        for where, text in texts
        for count, unit in durations(text)
        if (count, unit) not in limits
    ]


def missing_terms(docs_dir: Path, data_dir: Path) -> list[str]:
    """The new terms of the glossary's old–new pairs that appear nowhere on the site outside the glossary:
    not in a page, nor in the Lovgrundlag list or the case steps the pages show."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(docs_dir.rglob("*.md")) if not p.name.startswith("ord-og")]
    parts += [(data_dir / name).read_text(encoding="utf-8") for name in ("lovgrundlag.yml", case_steps.FILE)]
    text = " ".join(" ".join(parts).split()).casefold()
    concepts, _ = glossary.read(data_dir)
    return [c.term("da") for c in concepts if c.old_words and c.term("da").casefold() not in text]
