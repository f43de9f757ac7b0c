"""Facts the site cites, kept as data in scripts/data/: the legal basis, the publication, and
the outside domains the site may link to. Pages show them through markers; tests check
the pages against them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .model import DEFAULT_LANGUAGE
from .vocabulary import DATA_DIR

UNITS = {"maaneder": {"da": "måneder", "en": "months"}, "uger": {"da": "uger", "en": "weeks"}}


@dataclass(frozen=True)
class TimeLimit:
    """A time the law sets: a deadline (``frist``) or a longest duration (``hoejst``)."""

    count: int
    unit: str  # a key of UNITS
    kind: str  # "frist" or "hoejst"

    def unit_name(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return UNITS[self.unit]["en" if lang == "en" else "da"]


@dataclass(frozen=True)
class Section:
    """One section of barnets lov, or a run of sections with one summary (``§§ 108–109``)."""

    first: int
    last: int
    da: str
    en: str
    url: str
    uncertain: bool = False
    limits: tuple[TimeLimit, ...] = ()

    @property
    def deadline(self) -> TimeLimit | None:
        return next((limit for limit in self.limits if limit.kind == "frist"), None)

    @property
    def label(self) -> str:
        return f"§ {self.first}" if self.first == self.last else f"§§ {self.first}–{self.last}"

    def label_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """``§ 91`` on Danish pages, ``section 91`` (``sections 114–116``) on English ones."""
        if lang != "en":
            return self.label
        return f"section {self.first}" if self.first == self.last else f"sections {self.first}–{self.last}"

    @property
    def anchor(self) -> str:
        """A stable id on the Lovgrundlag page: ``paragraf-5``, ``paragraf-108-109``."""
        return f"paragraf-{self.first}" if self.first == self.last else f"paragraf-{self.first}-{self.last}"

    def summary(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.en if lang == "en" else self.da


@dataclass(frozen=True)
class LegalBasis:
    law: str
    consolidation: str  # the consolidated act the section numbers follow
    whole_law_url: str
    sections: tuple[Section, ...]
    consolidation_en: str = ""  # the same act named in English, for the English pages

    def consolidation_in(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.consolidation_en if lang == "en" and self.consolidation_en else self.consolidation

    def section(self, number: int) -> Section | None:
        """The entry whose first section is number (``91`` -> § 91, ``114`` -> §§ 114–116)."""
        return next((s for s in self.sections if s.first == number), None)

    def time_limits(self) -> set[tuple[int, str]]:
        """Every (count, unit) the listed sections set, e.g. (4, "maaneder")."""
        return {(limit.count, limit.unit) for section in self.sections for limit in section.limits}

    def covers(self, first: int, last: int) -> bool:
        """True if every section from first to last is listed (runs may span several entries)."""
        wanted = first
        for section in sorted(self.sections, key=lambda s: s.first):
            if section.first <= wanted <= section.last:
                wanted = section.last + 1
            if wanted > last:
                return True
        return False


@dataclass(frozen=True)
class Publication:
    title: str
    pdf_title: str
    publisher: str
    on_behalf_of: str
    year: int
    month: int
    isbn: str
    url: str


def _read(name: str, data_dir: Path) -> Any:
    return yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))


@cache
def legal_basis(data_dir: Path = DATA_DIR) -> LegalBasis:
    raw = _read("lovgrundlag.yml", data_dir)
    sections = tuple(
        Section(
            first=int(entry["fra"]),
            last=int(entry.get("til", entry["fra"])),
            da=str(entry["da"]),
            en=str(entry["en"]),
            url=str(entry["url"]),
            uncertain=bool(entry.get("usikker", False)),
            limits=tuple(
                TimeLimit(int(entry[kind]["antal"]), str(entry[kind]["enhed"]), kind)
                for kind in ("frist", "hoejst")
                if kind in entry
            ),
        )
        for entry in raw["paragraffer"]
    )
    return LegalBasis(
        str(raw["lov"]),
        str(raw["bekendtgoerelse"]),
        str(raw["hele_loven"]),
        sections,
        str(raw.get("bekendtgoerelse_en", "")),
    )


@cache
def publication(data_dir: Path = DATA_DIR) -> Publication:
    raw = _read("publikation.yml", data_dir)
    return Publication(
        title=str(raw["titel"]),
        pdf_title=str(raw["titel_pdf"]),
        publisher=str(raw["udgiver"]),
        on_behalf_of=str(raw["for"]),
        year=int(raw["aar"]),
        month=int(raw["maaned"]),
        isbn=str(raw["isbn"]),
        url=str(raw["url"]),
    )


@cache
def external_domains(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """The domains outside links may go to (a subdomain such as www. counts as its domain)."""
    raw = _read("eksterne-domaener.yml", data_dir)
    return frozenset(str(entry["domaene"]).lower() for entry in raw["domaener"])
