"""»Barnets vej gennem sagen«: the steps of a case under barnets lov, kept as data in
scripts/data/sagens-trin.yml and checked against the content model.

A step cites only sections on the Lovgrundlag list, takes its deadline from that list, and links
only to recommendations that exist. Practice examples name the step they illustrate in their
front matter (``sagstrin``), so the step data holds no list of examples to keep in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import data_files
from .citations import paragraph_references
from .model import DEFAULT_LANGUAGE, LANGUAGES
from .paths import DATA_DIR
from .problems import Problem
from .reference_data import LegalBasis, Section, TimeLimit, legal_basis
from .site import Site, SourcePage

FILE = "sagens-trin.yml"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# "section 5(3)", "sections 144–150" on the English side; digits are bounded, so the match is linear.
_ENGLISH_REFERENCE = re.compile(r"\bsections?\s+(\d{1,4})(?:\s*[–-]\s*(\d{1,4}))?")


@dataclass(frozen=True)
class Wording:
    title: str
    what: str
    rights: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    id: str
    sections: tuple[Section, ...]
    deadline_section: Section | None  # the section whose deadline applies, if the law sets one
    recommendations: tuple[int, ...]
    wordings: dict[str, Wording]
    line: int

    def wording(self, lang: str = DEFAULT_LANGUAGE) -> Wording:
        return self.wordings.get(lang, self.wordings[DEFAULT_LANGUAGE])

    @property
    def deadline(self) -> TimeLimit | None:
        return self.deadline_section.deadline if self.deadline_section else None

    def texts(self) -> list[str]:
        """Every sentence of the step, in both languages."""
        return [text for w in self.wordings.values() for text in (w.title, w.what, *w.rights)]


def cited_spans(text: str) -> list[tuple[int, int]]:
    """The sections a text names: ``§ 5``, ``§§ 144–150`` and, in English, ``section 5(3)``."""
    spans = [span for reference in paragraph_references(text) for span in reference.spans]
    for match in _ENGLISH_REFERENCE.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        spans.append((min(first, last), max(first, last)))
    return spans


def _numbers(value: Any) -> list[int] | None:
    if isinstance(value, list) and all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        return value
    return None


def _wording(block: Any) -> Wording | None:
    if not isinstance(block, dict):
        return None
    title, what, rights = block.get("titel"), block.get("hvad"), block.get("rettigheder", [])
    texts = [title, what, *rights] if isinstance(rights, list) else [None]
    if not all(isinstance(t, str) and 0 < len(t.strip()) <= 600 for t in texts):
        return None
    return Wording(title.strip(), what.strip(), tuple(r.strip() for r in rights))


class _StepReader:
    """Reads one entry; collects a Danish problem for each mistake, with the line of its field."""

    def __init__(self, path: Path, basis: LegalBasis, site: Site | None) -> None:
        self.path, self.basis, self.site = path, basis, site
        self.seen: set[str] = set()

    def read(self, entry: Any) -> tuple[Step | None, list[Problem]]:
        if not isinstance(entry, data_files.Lined):
            return None, [data_files.problem(self.path, 1, "Hvert trin skal være en række felter (id, da, en …).")]
        problems: list[Problem] = []

        def wrong(key: str, message: str) -> None:
            problems.append(data_files.problem(self.path, entry.line_of(key), message))

        ident = entry.get("id")
        if not isinstance(ident, str) or not _ID.match(ident):
            wrong("id", "Trinnet mangler et id med små bogstaver og bindestreger, f.eks. »barnets-plan«.")
        elif ident in self.seen:
            wrong("id", f"Id'et »{ident}« er brugt før i filen; giv trinnet sit eget id.")
        else:
            self.seen.add(ident)
        sections = self._sections(entry, wrong)
        deadline = self._deadline(entry, wrong)
        recommendations = self._recommendations(entry, wrong)
        wordings = {}
        for lang in LANGUAGES:
            wording = _wording(entry.get(lang))
            if wording is None:
                wrong(
                    lang if lang in entry else "id", f"Trinnet mangler »{lang}:« med »titel«, »hvad« og »rettigheder«."
                )
                continue
            wordings[lang] = wording
            for text in (wording.title, wording.what, *wording.rights):
                for first, last in cited_spans(text):
                    if not self.basis.covers(first, last):
                        shown = f"§ {first}" if first == last else f"§§ {first}–{last}"
                        wrong(lang, f"Teksten nævner {shown}, som ikke står på listen i lovgrundlag.yml.")
        if problems:
            return None, problems
        return Step(ident, sections, deadline, recommendations, wordings, entry.line), []

    def _sections(self, entry: data_files.Lined, wrong: Any) -> tuple[Section, ...]:
        numbers = _numbers(entry.get("paragraffer"))
        if not numbers:
            wrong(
                "paragraffer", "»paragraffer« skal være en liste af paragrafnumre fra lovgrundlag.yml, f.eks. [91, 92]."
            )
            return ()
        found = []
        for number in numbers:
            section = self.basis.section(number)
            if section is None:
                wrong(
                    "paragraffer",
                    f"§ {number} står ikke på listen i lovgrundlag.yml. Tilføj den dér, eller ret tallet.",
                )
            else:
                found.append(section)
        return tuple(found)

    def _deadline(self, entry: data_files.Lined, wrong: Any) -> Section | None:
        if "frist" not in entry:
            return None
        number = entry["frist"]
        section = self.basis.section(number) if isinstance(number, int) else None
        if section is None or section.deadline is None:
            wrong("frist", f"»frist: {number}« skal være en paragraf i lovgrundlag.yml, der har en frist (frist:).")
            return None
        return section

    def _recommendations(self, entry: data_files.Lined, wrong: Any) -> tuple[int, ...]:
        numbers = _numbers(entry.get("anbefalinger", []))
        if numbers is None:
            wrong("anbefalinger", "»anbefalinger« skal være en liste af anbefalingernes numre, f.eks. [3, 7].")
            return ()
        if self.site is not None:
            for number in numbers:
                if self.site.recommendation(number) is None:
                    wrong("anbefalinger", f"Der er ingen anbefaling nummer {number} i docs/anbefalinger/.")
        return tuple(numbers)


def read(
    data_dir: Path = DATA_DIR, site: Site | None = None, basis: LegalBasis | None = None
) -> tuple[tuple[Step, ...], list[Problem]]:
    """The steps that are in order, and a Danish problem with file and line for each mistake.

    With a site, a step's recommendations must exist on it.
    """
    path = data_dir / FILE
    entries, unreadable = data_files.entries(FILE, "trin", data_dir)
    if unreadable:
        return (), unreadable
    reader = _StepReader(path, basis or legal_basis(data_dir), site)
    steps, problems = [], []
    for entry in entries:
        step, found = reader.read(entry)
        problems += found
        if step is not None:
            steps.append(step)
    return tuple(steps), problems


def steps(data_dir: Path = DATA_DIR) -> tuple[Step, ...]:
    """The steps in order; read once per content of the file (every practice example asks for them)."""
    return _steps(data_dir, (data_dir / FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _steps(data_dir: Path, text: str) -> tuple[Step, ...]:
    return read(data_dir)[0]


def examples_by_step(site: Site) -> dict[str, list[SourcePage]]:
    """The practice examples that name a step (front matter ``sagstrin``), by step id, in catalogue order."""
    found: dict[str, list[SourcePage]] = {}
    for page in site.examples():
        if page.meta.get("sagstrin"):
            found.setdefault(str(page.meta["sagstrin"]), []).append(page)
    return found


def steps_for_recommendation(items: tuple[Step, ...], number: int) -> list[Step]:
    return [step for step in items if number in step.recommendations]
