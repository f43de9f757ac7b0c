"""Controlled vocabularies: themes, age bands, Lundy elements, groups, municipalities, the steps of a case.

They live in ``scripts/data/``; every other module reads them from here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

import yaml

from .paths import DATA_DIR


@dataclass(frozen=True)
class Term:
    slug: str
    da: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: str


@cache
def _load() -> dict[str, dict[str, Term]]:
    raw = yaml.safe_load((DATA_DIR / "vocabulary.yml").read_text(encoding="utf-8"))
    return {
        name: {str(slug): Term(str(slug), entry["da"], entry["en"]) for slug, entry in terms.items()}
        for name, terms in raw.items()
    }


def terms(name: str) -> dict[str, Term]:
    """One vocabulary (``temaer``, ``maalgrupper``, ``lundy``, ``grupper``) keyed by slug."""
    return _load()[name]


@cache
def case_step_ids() -> tuple[str, ...]:
    """The ids of the steps of a case (scripts/data/sagens-trin.yml), in order; a practice example names one."""
    raw = yaml.safe_load((DATA_DIR / "sagens-trin.yml").read_text(encoding="utf-8"))
    steps = raw.get("trin") if isinstance(raw, dict) else None
    return tuple(str(s["id"]) for s in steps or [] if isinstance(s, dict) and isinstance(s.get("id"), str))


@cache
def municipalities() -> dict[str, Municipality]:
    """The 98 municipalities keyed by name (Danmarks Statistik's short form)."""
    with (DATA_DIR / "kommuner.csv").open(encoding="utf-8", newline="") as handle:
        rows = [Municipality(r["kode"], r["navn"], r["region"]) for r in csv.DictReader(handle)]
    return {m.name: m for m in rows}
